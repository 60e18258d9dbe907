package userdata_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
	"kintsugi/app/userdata/storetest"
)

func TestPendingConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) userdata.Store {
		p := userdata.NewPending()
		go p.Resolve(inmem.New())
		return p
	})
}

func TestPendingWaitsForResolve(t *testing.T) {
	p := userdata.NewPending()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := p.All(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("All before Resolve: %v, want the context's deadline", err)
	}

	done := make(chan error, 1)
	rec, err := userdata.New(userdata.KindJournal, "a", time.Now(), map[string]string{"text": "x"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	go func() { done <- p.Put(context.Background(), rec) }()
	select {
	case err := <-done:
		t.Fatalf("Put returned before the store was supplied: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	store := inmem.New()
	p.Resolve(store)
	if err := <-done; err != nil {
		t.Fatalf("Put after Resolve: %v", err)
	}
	if _, err := store.Get(context.Background(), userdata.KindJournal, "a"); err != nil {
		t.Errorf("the write did not reach the supplied store: %v", err)
	}
}
