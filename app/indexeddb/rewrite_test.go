//go:build js && wasm

package indexeddb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"kintsugi/app/userdata"
)

// TestRewriteNoLostUpdates runs read-modify-write Rewrites at the same
// time from two Stores on one database, standing for two tabs: each adds
// one to a counter, so a Rewrite whose read and write were not in one
// transaction would lose some of the additions.
func TestRewriteNoLostUpdates(t *testing.T) {
	ctx := context.Background()
	name := testName(t)
	stores := []*Store{mustOpen(t, name, Options{}), mustOpen(t, name, Options{})}
	counter := testRecord(userdata.KindMilestone, "counter")
	counter.Data = []byte(`{"n":0}`)
	if err := stores[0].Put(ctx, counter); err != nil {
		t.Fatal(err)
	}
	increment := func(all []userdata.Record) (userdata.Changes, error) {
		if len(all) != 1 {
			return userdata.Changes{}, fmt.Errorf("fn got %d records, want 1", len(all))
		}
		var v struct{ N int }
		if err := json.Unmarshal(all[0].Data, &v); err != nil {
			return userdata.Changes{}, err
		}
		r := all[0]
		r.Data = []byte(fmt.Sprintf(`{"n":%d}`, v.N+1))
		return userdata.Changes{Put: []userdata.Record{r}}, nil
	}
	const n = 40
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			if err := stores[i%2].Rewrite(ctx, increment); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("Rewrite: %v", err)
	}
	got, err := stores[1].Get(ctx, counter.Kind, counter.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf(`{"n":%d}`, n); string(got.Data) != want {
		t.Errorf("counter after %d increments: got %s, want %s", n, got.Data, want)
	}
}

// TestRewriteCanceled checks that a rewrite stopped half way leaves either
// every record rewritten or none.
func TestRewriteCanceled(t *testing.T) {
	s := mustOpen(t, testName(t), Options{})
	old := benchRecords("r", 3000)
	if err := s.Put(context.Background(), old...); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- s.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
			for i := range all {
				all[i].Data = []byte(`{"rewritten":true}`)
			}
			return userdata.Changes{Put: all}, nil
		})
	}()
	runtime.Gosched() // let Rewrite start its transaction
	cancel()
	err := waitFor(t, done, "Rewrite")
	all, aerr := s.All(context.Background())
	if aerr != nil {
		t.Fatalf("All: %v", aerr)
	}
	want := `{"rewritten":true}`
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Rewrite: got error %v, want nil or context.Canceled", err)
		}
		want = ""
	}
	if len(all) != len(old) {
		t.Fatalf("after Rewrite returned %v: got %d records, want %d", err, len(all), len(old))
	}
	for i, r := range all {
		if w := want; w == "" {
			if string(r.Data) != string(old[i].Data) {
				t.Fatalf("after Rewrite returned %v: record %s was rewritten", err, r.ID)
			}
		} else if string(r.Data) != w {
			t.Fatalf("after Rewrite returned nil: record %s was not rewritten", r.ID)
		}
	}
	t.Logf("Rewrite with a context canceled during it: %v", err)
}

// TestRewritePanic checks that a panic in fn, which runs inside a browser
// event, reaches the caller of Rewrite and changes nothing.
func TestRewritePanic(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, testName(t), Options{})
	keep := testRecord(userdata.KindJournal, "keep")
	if err := s.Put(ctx, keep); err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() {
			if p := recover(); p != "boom" {
				t.Errorf("recovered %v, want the panic of fn", p)
			}
		}()
		s.Rewrite(ctx, func([]userdata.Record) (userdata.Changes, error) {
			panic("boom")
		})
		t.Error("Rewrite returned after fn panicked")
	}()
	all, err := s.All(ctx)
	if err != nil {
		t.Fatalf("All after the panic: %v", err)
	}
	if len(all) != 1 || all[0].ID != keep.ID {
		t.Errorf("All after the panic: got %d records, want only %s", len(all), keep.ID)
	}
}
