//go:build js && wasm

package indexeddb

import (
	"context"
	"errors"
	"testing"

	"kintsugi/app/userdata"
)

func TestStorageManager(t *testing.T) {
	ctx := context.Background()
	persisted, err := Persisted(ctx)
	if err != nil {
		t.Errorf("Persisted: %v", err)
	}
	granted, err := Persist(ctx)
	if err != nil {
		t.Errorf("Persist: %v", err)
	}
	t.Logf("persisted before asking: %v; persist() granted: %v", persisted, granted)

	s := mustOpen(t, testName(t), Options{})
	if err := s.Put(ctx, testRecord(userdata.KindJournal, "j")); err != nil {
		t.Fatal(err)
	}
	u, err := Estimate(ctx)
	if err != nil {
		t.Fatalf("Estimate: %v", err)
	}
	if u.Quota <= 0 || u.Used < 0 || u.Used > u.Quota {
		t.Errorf("Estimate: got %+v, want 0 <= used <= quota and quota > 0", u)
	}
	t.Logf("estimate: %+v", u)
}

func TestDeleteDatabase(t *testing.T) {
	ctx := context.Background()
	name := testName(t)
	s := mustOpen(t, name, Options{})
	if err := s.Put(ctx, testRecord(userdata.KindJournal, "j")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := DeleteDatabase(ctx, name); err != nil {
		t.Fatalf("DeleteDatabase: %v", err)
	}
	s = mustOpen(t, name, Options{})
	all, err := s.All(ctx)
	if err != nil || len(all) != 0 {
		t.Errorf("All after DeleteDatabase: got %d records, %v; want none", len(all), err)
	}
	if err := DeleteDatabase(ctx, "kintsugi-test-never-created"); err != nil {
		t.Errorf("DeleteDatabase of a missing database: %v", err)
	}
	if !Available() {
		t.Error("Available: got false in a browser with IndexedDB")
	}
}

func TestDestroy(t *testing.T) {
	ctx := context.Background()
	name := testName(t)
	s := mustOpen(t, name, Options{OnVersionChange: func() { t.Error("OnVersionChange called for the Store's own Destroy") }})
	other := make(chan struct{}, 1)
	o := mustOpen(t, name, Options{OnVersionChange: func() { other <- struct{}{} }})
	if err := s.Put(ctx, testRecord(userdata.KindJournal, "j")); err != nil {
		t.Fatal(err)
	}
	if err := s.Destroy(ctx); err != nil {
		t.Fatalf("Destroy: %v", err)
	}
	waitFor(t, other, "the other Store's OnVersionChange")
	if _, err := o.All(ctx); !errors.Is(err, userdata.ErrClosed) {
		t.Errorf("All on the other Store: got error %v, want ErrClosed", err)
	}
	o.Close()
	s = mustOpen(t, name, Options{})
	if all, err := s.All(ctx); err != nil || len(all) != 0 {
		t.Errorf("All after Destroy: got %d records, %v; want none", len(all), err)
	}
}
