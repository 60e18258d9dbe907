//go:build js && wasm

package indexeddb

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"

	"kintsugi/app/userdata"
)

func TestFromDOMException(t *testing.T) {
	ctor, err := global("DOMException")
	must(t, err)
	tests := []struct {
		name string
		want error // nil: wraps no userdata error
	}{
		{"QuotaExceededError", userdata.ErrQuotaExceeded},
		{"InvalidStateError", userdata.ErrClosed},
		{"VersionError", userdata.ErrVersion},
		{"DataError", userdata.ErrInvalid},
		{"DataCloneError", userdata.ErrInvalid},
		{"UnknownError", userdata.ErrUnavailable},
		{"SecurityError", userdata.ErrUnavailable},
		{"AbortError", nil},
		{"ConstraintError", nil},
	}
	sentinels := []error{userdata.ErrQuotaExceeded, userdata.ErrClosed, userdata.ErrVersion, userdata.ErrInvalid,
		userdata.ErrUnavailable, userdata.ErrNotFound, userdata.ErrBlocked}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := ctor.New("something happened", tc.name)
			must(t, err)
			got := fromDOMException(ex)
			if got == nil {
				t.Fatal("got nil error")
			}
			if want := tc.name + ": something happened"; got.Error() != want {
				t.Errorf("Error(): got %q, want %q", got.Error(), want)
			}
			for _, s := range sentinels {
				if is, want := errors.Is(got, s), s == tc.want; is != want {
					t.Errorf("errors.Is(%v, %v): got %v, want %v", got, s, is, want)
				}
			}
		})
	}
}

// TestThrownErrors checks that exceptions thrown by IndexedDB calls keep
// their DOMException name through safejs.
func TestThrownErrors(t *testing.T) {
	keyRange, err := global("IDBKeyRange")
	must(t, err)
	_, err = call(keyRange, "bound", 2, 1)
	if !errors.Is(err, userdata.ErrInvalid) || !strings.HasPrefix(err.Error(), "DataError") {
		t.Errorf("IDBKeyRange.bound(2, 1): got error %v, want a DataError wrapping ErrInvalid", err)
	}

	name := testName(t)
	db := rawOpen(t, name, 1, nil)
	closeDB(db)
	_, err = newTxn(db, []any{"anything"}, "readonly")
	if !errors.Is(err, userdata.ErrClosed) {
		t.Errorf("transaction on a closed connection: got error %v, want ErrClosed", err)
	}
}

// TestCanceledMidTransaction checks that a context ending while a write is
// under way never reports success for a write that did not happen.
func TestCanceledMidTransaction(t *testing.T) {
	s := mustOpen(t, testName(t), Options{})
	var recs []userdata.Record
	for i := range 2000 {
		recs = append(recs, testRecord(userdata.KindJournal, "r"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+itoa(i)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Put(ctx, recs...) }()
	runtime.Gosched() // let Put start its transaction and wait for it
	cancel()
	err := waitFor(t, done, "Put")
	all, aerr := s.All(context.Background())
	if aerr != nil {
		t.Fatalf("All: %v", aerr)
	}
	switch {
	case err == nil && len(all) != len(recs):
		t.Errorf("Put returned nil but %d of %d records were written", len(all), len(recs))
	case err != nil && !errors.Is(err, context.Canceled):
		t.Errorf("Put: got error %v, want nil or context.Canceled", err)
	case err != nil && len(all) != 0:
		t.Errorf("Put returned %v but %d records were written", err, len(all))
	}
	t.Logf("Put with a context canceled during it: %v", err)
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// TestReplaceAllCanceled checks that a restore stopped half way leaves the
// old records: the clear and the puts share one transaction.
func TestReplaceAllCanceled(t *testing.T) {
	s := mustOpen(t, testName(t), Options{})
	old := benchRecords("old", 50)
	if err := s.Put(context.Background(), old...); err != nil {
		t.Fatal(err)
	}
	fresh := benchRecords("new", 3000)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.ReplaceAll(ctx, fresh) }()
	runtime.Gosched() // let ReplaceAll clear and put, then wait for the commit
	cancel()
	err := waitFor(t, done, "ReplaceAll")
	all, aerr := s.All(context.Background())
	if aerr != nil {
		t.Fatalf("All: %v", aerr)
	}
	want := fresh
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("ReplaceAll: got error %v, want nil or context.Canceled", err)
		}
		want = old
	}
	if len(all) != len(want) || all[0].ID != want[0].ID {
		t.Errorf("after ReplaceAll returned %v: got %d records starting %s, want %d starting %s",
			err, len(all), all[0].ID, len(want), want[0].ID)
	}
	t.Logf("ReplaceAll with a context canceled during it: %v", err)
}
