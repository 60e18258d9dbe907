//go:build js && wasm

package indexeddb

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/hack-pad/safejs"

	"kintsugi/app/userdata"
)

func testRecord(kind userdata.Kind, id string) userdata.Record {
	now := time.Date(2025, 5, 5, 10, 0, 0, 0, time.UTC)
	return userdata.Record{Kind: kind, ID: id, Date: now, Created: now, Updated: now, Data: []byte(`{"x":1}`)}
}

// TestVersionChange checks that a Store gets out of the way of a newer
// tab: it closes, reports it, and refuses later calls.
func TestVersionChange(t *testing.T) {
	ctx := context.Background()
	name := testName(t)
	changed := make(chan struct{}, 1)
	s := mustOpen(t, name, Options{OnVersionChange: func() { changed <- struct{}{} }})
	if err := s.Put(ctx, testRecord(userdata.KindJournal, "before")); err != nil {
		t.Fatalf("Put: %v", err)
	}

	// A newer version of the app opens the database in another tab. It
	// would be blocked, and time out, if s kept its connection.
	newer := rawOpen(t, name, SchemaVersion+1, func(db, tx safejs.Value) error { return nil })
	waitFor(t, changed, "OnVersionChange")
	if _, err := s.Get(ctx, userdata.KindJournal, "before"); !errors.Is(err, userdata.ErrClosed) {
		t.Errorf("Get after versionchange: got error %v, want ErrClosed", err)
	}
	if err := s.Put(ctx, testRecord(userdata.KindJournal, "after")); !errors.Is(err, userdata.ErrClosed) {
		t.Errorf("Put after versionchange: got error %v, want ErrClosed", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close after versionchange: %v", err)
	}
	closeDB(newer)
}

// TestDeleteWhileOpen checks that deleting the database closes open
// Stores instead of waiting for them.
func TestDeleteWhileOpen(t *testing.T) {
	name := testName(t)
	changed := make(chan struct{}, 1)
	s := mustOpen(t, name, Options{OnVersionChange: func() { changed <- struct{}{} }})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := DeleteDatabase(ctx, name); err != nil {
		t.Fatalf("DeleteDatabase: %v", err)
	}
	waitFor(t, changed, "OnVersionChange")
	if _, err := s.All(ctx); !errors.Is(err, userdata.ErrClosed) {
		t.Errorf("All after the database was deleted: got error %v, want ErrClosed", err)
	}
}

// TestBrowserClose checks the close event the browser sends when it
// closes a connection by itself.
func TestBrowserClose(t *testing.T) {
	name := testName(t)
	closed := make(chan struct{}, 1)
	s := mustOpen(t, name, Options{OnClose: func() { closed <- struct{}{} }})
	ctor, err := global("Event")
	must(t, err)
	ev, err := ctor.New("close")
	must(t, err)
	_, err = call(s.db, "dispatchEvent", ev)
	must(t, err)
	waitFor(t, closed, "OnClose")
	if _, err := s.All(context.Background()); !errors.Is(err, userdata.ErrClosed) {
		t.Errorf("All after close: got error %v, want ErrClosed", err)
	}
}

// TestOpenBlocked checks Open against an older tab that does not close
// its connection: Open reports it, and succeeds once the other tab closes.
func TestOpenBlocked(t *testing.T) {
	name := testName(t)
	createFixture(t, name, loadFixture(t, "v1.json"))
	old := rawOpen(t, name, 1, nil) // ignores versionchange

	blocked := make(chan struct{}, 1)
	type result struct {
		s   *Store
		err error
	}
	done := make(chan result, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s, err := Open(ctx, name, Options{OnBlocked: func() { blocked <- struct{}{} }})
		done <- result{s, err}
	}()
	waitFor(t, blocked, "OnBlocked")
	closeDB(old) // the user closed the other tab
	r := waitFor(t, done, "Open")
	if r.err != nil {
		t.Fatalf("Open after the other tab closed: %v", r.err)
	}
	defer r.s.Close()
	all, err := r.s.All(context.Background())
	if err != nil || len(all) != 6 {
		t.Errorf("All: got %d records, %v; want the fixture's 6", len(all), err)
	}
}

// TestOpenBlockedTimeout checks that Open gives up with ErrBlocked when its
// context ends while another tab blocks the upgrade, and that the
// connection it no longer wants is closed when it opens later.
func TestOpenBlockedTimeout(t *testing.T) {
	name := testName(t)
	createFixture(t, name, loadFixture(t, "v1.json"))
	old := rawOpen(t, name, 1, nil)

	blocked := make(chan struct{}, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	s, err := Open(ctx, name, Options{OnBlocked: func() { blocked <- struct{}{} }})
	if err == nil {
		s.Close()
	}
	if !errorsIsAll(err, userdata.ErrBlocked, context.DeadlineExceeded) {
		t.Errorf("Open while blocked: got error %v, want ErrBlocked and DeadlineExceeded", err)
	}
	waitFor(t, blocked, "OnBlocked")
	closeDB(old)
	// The abandoned request now upgrades the database and its connection
	// is closed at once, so deleting the database is not blocked.
	dctx, dcancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer dcancel()
	if err := DeleteDatabase(dctx, name); err != nil {
		t.Errorf("DeleteDatabase after the abandoned open: %v", err)
	}
}

func TestDeleteBlocked(t *testing.T) {
	name := testName(t)
	createFixture(t, name, loadFixture(t, "v1.json"))
	old := rawOpen(t, name, 1, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err := DeleteDatabase(ctx, name)
	if !errors.Is(err, userdata.ErrBlocked) {
		t.Errorf("DeleteDatabase while blocked: got error %v, want ErrBlocked", err)
	}
	closeDB(old)
}

// TestWatch checks the cross-tab notices: two Stores on one database stand
// for two tabs.
func TestWatch(t *testing.T) {
	ctx := context.Background()
	name := testName(t)
	a := mustOpen(t, name, Options{})
	b := mustOpen(t, name, Options{})
	other := mustOpen(t, testName(t), Options{})

	bKinds := make(chan userdata.Kind, 16)
	stop := b.Watch(func(k userdata.Kind) { bKinds <- k })
	aKinds := make(chan userdata.Kind, 16)
	a.Watch(func(k userdata.Kind) { aKinds <- k })
	otherKinds := make(chan userdata.Kind, 16)
	other.Watch(func(k userdata.Kind) { otherKinds <- k })

	tests := []struct {
		name  string
		write func() error
		want  []userdata.Kind
	}{
		{"put one", func() error { return a.Put(ctx, testRecord(userdata.KindJournal, "j1")) }, []userdata.Kind{userdata.KindJournal}},
		{"put a batch", func() error {
			return a.Put(ctx, testRecord(userdata.KindCheckin, "c1"), testRecord(userdata.KindCheckin, "c2"), testRecord(userdata.KindTrigger, "t1"))
		}, []userdata.Kind{userdata.KindCheckin, userdata.KindTrigger}},
		{"delete", func() error { return a.Delete(ctx, userdata.KindCheckin, "c1") }, []userdata.Kind{userdata.KindCheckin}},
		{"rewrite", func() error {
			return a.Rewrite(ctx, func([]userdata.Record) (userdata.Changes, error) {
				return userdata.Changes{
					Delete: []userdata.Key{{Kind: userdata.KindCheckin, ID: "c2"}},
					Put:    []userdata.Record{testRecord(userdata.KindTrigger, "t2")},
				}, nil
			})
		}, []userdata.Kind{userdata.KindCheckin, userdata.KindTrigger}},
		{"rewrite with clear", func() error {
			return a.Rewrite(ctx, func([]userdata.Record) (userdata.Changes, error) {
				return userdata.Changes{Clear: true, Put: []userdata.Record{testRecord(userdata.KindJournal, "j2")}}, nil
			})
		}, []userdata.Kind{""}},
		{"replace all", func() error { return a.ReplaceAll(ctx, nil) }, []userdata.Kind{""}},
		{"clear", func() error { return a.Clear(ctx) }, []userdata.Kind{""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.write(); err != nil {
				t.Fatalf("write: %v", err)
			}
			var got []userdata.Kind
			for range tc.want {
				got = append(got, waitFor(t, bKinds, "a change notice"))
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("kinds reported: got %q, want %q", got, tc.want)
			}
		})
	}

	// Failed writes are not announced; nor are a Store's own writes, nor
	// writes to another database; nor anything after stop.
	if err := a.Put(ctx, userdata.Record{Kind: userdata.KindJournal}); !errors.Is(err, userdata.ErrInvalid) {
		t.Fatalf("Put of an invalid record: got %v, want ErrInvalid", err)
	}
	errFn := errors.New("refused")
	if err := a.Rewrite(ctx, func([]userdata.Record) (userdata.Changes, error) {
		return userdata.Changes{Clear: true}, errFn
	}); !errors.Is(err, errFn) {
		t.Fatalf("Rewrite whose fn fails: got %v, want %v", err, errFn)
	}
	if err := a.Rewrite(ctx, func([]userdata.Record) (userdata.Changes, error) {
		return userdata.Changes{}, nil
	}); err != nil {
		t.Fatalf("Rewrite that changes nothing: %v", err)
	}
	time.Sleep(300 * time.Millisecond)
	select {
	case k := <-bKinds:
		t.Errorf("a failed or empty write was announced, kind %q", k)
	default:
	}
	stop()
	if err := a.Put(ctx, testRecord(userdata.KindJournal, "after-stop")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	for _, c := range []struct {
		name string
		ch   chan userdata.Kind
	}{{"the writing store", aKinds}, {"another database", otherKinds}, {"a stopped watch", bKinds}} {
		select {
		case k := <-c.ch:
			t.Errorf("%s was told about a change to %q", c.name, k)
		default:
		}
	}
}
