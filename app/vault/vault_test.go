package vault

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
	"kintsugi/app/userdata/storetest"
)

// fast are parameters that keep tests quick; the real ones are tested in
// TestDefaultParams and measured in BenchmarkUnlock.
var fast = Params{Memory: 64, Iterations: 1, Threads: 1}

const (
	pass   = "correct horse battery"
	secret = "the blue umbrella at the station"
)

var day = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newClock() *clock { return &clock{t: day} }

func record(t *testing.T, kind userdata.Kind, id string, days int, text string) userdata.Record {
	t.Helper()
	r, err := userdata.New(kind, id, day.AddDate(0, 0, days), map[string]string{"text": text}, day)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sample is a little of everything: entries, a reading mark and the
// appearance settings, which stay in the clear.
func sample(t *testing.T) []userdata.Record {
	appearance, err := userdata.New(userdata.KindSetting, userdata.SettingsID, day,
		userdata.Settings{Theme: userdata.ThemeDark, TextSize: userdata.TextLarge, LineSpacing: userdata.SpacingNormal}, day)
	if err != nil {
		t.Fatal(err)
	}
	return []userdata.Record{
		record(t, userdata.KindJournal, "j1", 0, secret),
		record(t, userdata.KindJournal, "j2", 1, "another day"),
		record(t, userdata.KindReading, "when-trust-breaks", 0, "read"),
		record(t, userdata.KindSafety, "check", 2, "yes no unsure"),
		appearance,
	}
}

func newVault(t *testing.T, inner userdata.Store, c *clock) *Store {
	return New(inner, Options{Params: fast, Now: c.now})
}

// enabled returns a vault over a store holding sample, with the lock on.
func enabled(t *testing.T) (*Store, *inmem.Store, string, *clock) {
	t.Helper()
	ctx := context.Background()
	inner, c := inmem.New(), newClock()
	if err := inner.Put(ctx, sample(t)...); err != nil {
		t.Fatal(err)
	}
	v := newVault(t, inner, c)
	rk := NewRecoveryKey()
	if err := v.Enable(ctx, pass, rk); err != nil {
		t.Fatal(err)
	}
	return v, inner, rk, c
}

func mustAll(t *testing.T, s userdata.Store) []userdata.Record {
	t.Helper()
	all, err := s.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// rawText is everything stored, as one string, to search for plaintext.
func rawText(t *testing.T, s userdata.Store) string {
	t.Helper()
	b, err := json.Marshal(mustAll(t, s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestConformanceLockOff(t *testing.T) {
	storetest.Run(t, func(t *testing.T) userdata.Store { return newVault(t, inmem.New(), newClock()) })
}

func TestConformanceUnlocked(t *testing.T) {
	storetest.Run(t, func(t *testing.T) userdata.Store {
		v := newVault(t, inmem.New(), newClock())
		if err := v.Enable(context.Background(), pass, NewRecoveryKey()); err != nil {
			t.Fatal(err)
		}
		return v
	})
}

func TestEnableSealsEverything(t *testing.T) {
	v, inner, _, _ := enabled(t)
	raw := rawText(t, inner)
	for _, leak := range []string{secret, "another day", "when-trust-breaks", "unsure", `"j1"`} {
		if strings.Contains(raw, leak) {
			t.Errorf("stored data holds %q in the clear", leak)
		}
	}
	// Appearance stays readable before the app starts.
	if !strings.Contains(raw, `"appearance"`) {
		t.Error("the appearance settings were sealed; web/boot.js could not read them")
	}
	if diff := storetest.DiffAll(mustAll(t, v), sample(t)); diff != "" {
		t.Errorf("unlocked store reads back differently:\n%s", diff)
	}
	if got := v.Current(); got != Unlocked {
		t.Errorf("status after Enable = %v, want unlocked", got)
	}
}

func TestLockedReadsAndWritesNothing(t *testing.T) {
	v, inner, _, _ := enabled(t)
	ctx := context.Background()
	v.Lock()
	before := mustAll(t, inner)
	if _, err := v.Get(ctx, userdata.KindJournal, "j1"); !errors.Is(err, userdata.ErrLocked) {
		t.Errorf("Get while locked: %v, want ErrLocked", err)
	}
	if _, err := v.List(ctx, userdata.KindJournal, userdata.Query{}); !errors.Is(err, userdata.ErrLocked) {
		t.Errorf("List while locked: %v, want ErrLocked", err)
	}
	if _, err := v.All(ctx); !errors.Is(err, userdata.ErrLocked) {
		t.Errorf("All while locked: %v, want ErrLocked", err)
	}
	if err := v.Put(ctx, record(t, userdata.KindJournal, "j3", 3, "new")); !errors.Is(err, userdata.ErrLocked) {
		t.Errorf("Put while locked: %v, want ErrLocked", err)
	}
	if err := v.Delete(ctx, userdata.KindJournal, "j1"); !errors.Is(err, userdata.ErrLocked) {
		t.Errorf("Delete while locked: %v, want ErrLocked", err)
	}
	if err := v.ReplaceAll(ctx, nil); !errors.Is(err, userdata.ErrLocked) {
		t.Errorf("ReplaceAll while locked: %v, want ErrLocked", err)
	}
	if diff := storetest.DiffAll(mustAll(t, inner), before); diff != "" {
		t.Errorf("stored data changed while locked:\n%s", diff)
	}
	// The appearance settings can still be read, for the first frame.
	if _, err := v.Get(ctx, userdata.KindSetting, userdata.SettingsID); err != nil {
		t.Errorf("Get appearance while locked: %v", err)
	}
}

func TestUnlock(t *testing.T) {
	v, inner, _, _ := enabled(t)
	ctx := context.Background()
	v.Lock()
	before := mustAll(t, inner)
	if err := v.Unlock(ctx, "correct horse battery "); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("Unlock with a wrong passphrase: %v, want ErrWrongPassphrase", err)
	}
	if v.Current() != Locked {
		t.Errorf("status after a wrong passphrase = %v, want locked", v.Current())
	}
	// Only the failure count changed.
	after := mustAll(t, inner)
	var kept []userdata.Record
	for _, r := range after {
		if r.ID != attemptsID {
			kept = append(kept, r)
		}
	}
	if diff := storetest.DiffAll(kept, before); diff != "" {
		t.Errorf("a wrong passphrase changed stored data:\n%s", diff)
	}
	if err := v.Unlock(ctx, pass); err != nil {
		t.Fatalf("Unlock: %v", err)
	}
	got, err := v.Get(ctx, userdata.KindJournal, "j1")
	if err != nil || !bytes.Contains(got.Data, []byte(secret)) {
		t.Errorf("Get after unlock = %s, %v", got.Data, err)
	}
	// A fresh Store over the same data (a reload) starts locked.
	reloaded := newVault(t, inner, newClock())
	if st, err := reloaded.Status(ctx); err != nil || st != Locked {
		t.Errorf("status after reload = %v, %v; want locked", st, err)
	}
}

func TestGrowingDelay(t *testing.T) {
	v, inner, _, c := enabled(t)
	ctx := context.Background()
	v.Lock()
	for i := 1; i <= 3; i++ {
		if err := v.Unlock(ctx, "wrong"); !errors.Is(err, ErrWrongPassphrase) {
			t.Fatalf("try %d: %v, want ErrWrongPassphrase", i, err)
		}
	}
	wait, err := v.Wait(ctx)
	if err != nil || wait != 5*time.Second {
		t.Fatalf("Wait after 3 failures = %v, %v; want 5s", wait, err)
	}
	// Even the right passphrase is not tried until the wait is over, and
	// a reload does not reset it.
	reloaded := newVault(t, inner, c)
	if err := reloaded.Unlock(ctx, pass); !errors.Is(err, ErrTooSoon) {
		t.Fatalf("Unlock during the wait: %v, want ErrTooSoon", err)
	}
	c.add(5 * time.Second)
	if err := reloaded.Unlock(ctx, "wrong again"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("try 4: %v", err)
	}
	if wait, _ := reloaded.Wait(ctx); wait != 10*time.Second {
		t.Errorf("Wait after 4 failures = %v, want 10s", wait)
	}
	c.add(10 * time.Second)
	if err := reloaded.Unlock(ctx, pass); err != nil {
		t.Fatalf("Unlock after the wait: %v", err)
	}
	if wait, _ := reloaded.Wait(ctx); wait != 0 {
		t.Errorf("Wait after success = %v, want 0", wait)
	}
}

func TestDelay(t *testing.T) {
	for _, tc := range []struct {
		failures int
		want     time.Duration
	}{{0, 0}, {2, 0}, {3, 5 * time.Second}, {4, 10 * time.Second}, {6, 40 * time.Second}, {11, 15 * time.Minute}, {1000, 15 * time.Minute}} {
		if got := Delay(tc.failures); got != tc.want {
			t.Errorf("Delay(%d) = %v, want %v", tc.failures, got, tc.want)
		}
	}
	// A clock set back does not stretch the wait.
	a := attempts{Failures: 3, Last: day}
	if got := a.wait(day.Add(-time.Hour)); got != 5*time.Second {
		t.Errorf("wait with the clock set back = %v, want 5s", got)
	}
}

func TestRecover(t *testing.T) {
	v, inner, rk, _ := enabled(t)
	ctx := context.Background()
	v.Lock()
	if err := v.Recover(ctx, "not a key", "a new passphrase"); !errors.Is(err, ErrRecoveryFormat) {
		t.Errorf("Recover with nonsense: %v, want ErrRecoveryFormat", err)
	}
	if err := v.Recover(ctx, NewRecoveryKey(), "a new passphrase"); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Errorf("Recover with another key: %v, want ErrWrongRecoveryKey", err)
	}
	if err := v.Recover(ctx, rk, "short"); !errors.Is(err, ErrShortPassphrase) {
		t.Errorf("Recover with a short passphrase: %v, want ErrShortPassphrase", err)
	}
	// Typed by hand: lower case, spaces instead of dashes.
	typed := strings.ToLower(strings.ReplaceAll(rk, "-", " "))
	if err := v.Recover(ctx, typed, "a new passphrase"); err != nil {
		t.Fatalf("Recover: %v", err)
	}
	if v.Current() != Unlocked {
		t.Errorf("status after Recover = %v", v.Current())
	}
	v.Lock()
	if err := v.Unlock(ctx, pass); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("old passphrase after Recover: %v, want ErrWrongPassphrase", err)
	}
	if err := v.Unlock(ctx, "a new passphrase"); err != nil {
		t.Errorf("new passphrase after Recover: %v", err)
	}
	if diff := storetest.DiffAll(mustAll(t, v), sample(t)); diff != "" {
		t.Errorf("data after Recover:\n%s", diff)
	}
	// The recovery key still works.
	v.Lock()
	reloaded := newVault(t, inner, newClock())
	if err := reloaded.Recover(ctx, rk, "yet another one"); err != nil {
		t.Errorf("second Recover: %v", err)
	}
}

func TestChangePassphrase(t *testing.T) {
	v, _, _, _ := enabled(t)
	ctx := context.Background()
	if err := v.ChangePassphrase(ctx, "wrong one", "a new passphrase"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("ChangePassphrase with a wrong current one: %v", err)
	}
	if err := v.ChangePassphrase(ctx, pass, "a new passphrase"); err != nil {
		t.Fatal(err)
	}
	v.Lock()
	if err := v.Unlock(ctx, "a new passphrase"); err != nil {
		t.Errorf("Unlock with the new passphrase: %v", err)
	}
}

func TestDisable(t *testing.T) {
	v, inner, _, _ := enabled(t)
	ctx := context.Background()
	if err := v.Disable(ctx, "wrong"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("Disable with a wrong passphrase: %v", err)
	}
	if err := v.Disable(ctx, pass); err != nil {
		t.Fatal(err)
	}
	if diff := storetest.DiffAll(mustAll(t, inner), sample(t)); diff != "" {
		t.Errorf("stored data after Disable is not the original:\n%s", diff)
	}
	if v.Current() != Off {
		t.Errorf("status after Disable = %v", v.Current())
	}
}

func TestEnableRejects(t *testing.T) {
	ctx := context.Background()
	v := newVault(t, inmem.New(), newClock())
	if err := v.Enable(ctx, "short", NewRecoveryKey()); !errors.Is(err, ErrShortPassphrase) {
		t.Errorf("short passphrase: %v", err)
	}
	if err := v.Enable(ctx, pass, "nope"); !errors.Is(err, ErrRecoveryFormat) {
		t.Errorf("bad recovery key: %v", err)
	}
	if err := v.Enable(ctx, pass, NewRecoveryKey()); err != nil {
		t.Fatal(err)
	}
	if err := v.Enable(ctx, pass, NewRecoveryKey()); !errors.Is(err, ErrAlreadyOn) {
		t.Errorf("second Enable: %v, want ErrAlreadyOn", err)
	}
	if err := v.Put(ctx, userdata.Record{Kind: userdata.KindSetting, ID: lockID, Date: day, Created: day, Updated: day, Data: []byte(`{}`)}); !errors.Is(err, userdata.ErrInvalid) {
		t.Errorf("Put of the lock record: %v, want ErrInvalid", err)
	}
}

// failingRewrite is a store whose Rewrite calls fn and then fails, as when
// the page closes before the transaction commits.
type failingRewrite struct{ *inmem.Store }

var errAborted = errors.New("transaction aborted")

func (f failingRewrite) Rewrite(ctx context.Context, fn func([]userdata.Record) (userdata.Changes, error)) error {
	all, err := f.Store.All(ctx)
	if err != nil {
		return err
	}
	if _, err := fn(all); err != nil {
		return err
	}
	return errAborted
}

func TestEnableAndDisableAreAllOrNothing(t *testing.T) {
	ctx := context.Background()
	inner := inmem.New()
	if err := inner.Put(ctx, sample(t)...); err != nil {
		t.Fatal(err)
	}
	v := newVault(t, failingRewrite{inner}, newClock())
	if err := v.Enable(ctx, pass, NewRecoveryKey()); !errors.Is(err, errAborted) {
		t.Fatalf("Enable: %v, want the abort", err)
	}
	if diff := storetest.DiffAll(mustAll(t, inner), sample(t)); diff != "" {
		t.Errorf("an aborted Enable changed data:\n%s", diff)
	}
	if st, _ := v.Status(ctx); st != Off {
		t.Errorf("status after an aborted Enable = %v, want off", st)
	}

	on, sealedInner, _, _ := enabled(t)
	before := mustAll(t, sealedInner)
	v = New(failingRewrite{sealedInner}, Options{Params: fast})
	if err := v.Unlock(ctx, pass); err != nil {
		t.Fatal(err)
	}
	if err := v.Disable(ctx, pass); !errors.Is(err, errAborted) {
		t.Fatalf("Disable: %v, want the abort", err)
	}
	if diff := storetest.DiffAll(mustAll(t, sealedInner), before); diff != "" {
		t.Errorf("an aborted Disable changed data:\n%s", diff)
	}
	if v.Current() != Unlocked {
		t.Errorf("status after an aborted Disable = %v, want unlocked", v.Current())
	}
	_ = on
}

func TestTamperedRecordsDoNotOpen(t *testing.T) {
	v, inner, _, _ := enabled(t)
	ctx := context.Background()
	v.mu.Lock()
	k := v.keys
	v.mu.Unlock()
	j, err := inner.Get(ctx, userdata.KindJournal, k.sealedID(userdata.KindJournal, "j1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.open(j); err != nil {
		t.Fatalf("open untouched: %v", err)
	}
	var e envelope
	if err := json.Unmarshal(j.Data, &e); err != nil {
		t.Fatal(err)
	}
	for i := range e.Sealed.Data {
		bad := *e.Sealed
		bad.Data = bytes.Clone(e.Sealed.Data)
		bad.Data[i] ^= 0x01
		r := j
		r.Data, _ = json.Marshal(envelope{Sealed: &bad})
		if _, err := k.open(r); !errors.Is(err, ErrDamaged) {
			t.Fatalf("byte %d flipped: %v, want ErrDamaged", i, err)
		}
	}
	moved := j
	moved.Date = j.Date.Add(time.Hour)
	if _, err := k.open(moved); !errors.Is(err, ErrDamaged) {
		t.Errorf("moved to another date: %v, want ErrDamaged", err)
	}
	renamed := j
	renamed.ID = k.sealedID(userdata.KindJournal, "j2")
	if _, err := k.open(renamed); !errors.Is(err, ErrDamaged) {
		t.Errorf("moved to another ID: %v, want ErrDamaged", err)
	}
	// A damaged record is an error when asked for, and left out of lists.
	if err := inner.Put(ctx, renamed); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Get(ctx, userdata.KindJournal, "j2"); !errors.Is(err, ErrDamaged) {
		t.Errorf("Get damaged: %v, want ErrDamaged", err)
	}
	list, err := v.List(ctx, userdata.KindJournal, userdata.Query{})
	if err != nil || len(list) != 1 || list[0].ID != "j1" {
		t.Errorf("List with a damaged record = %v, %v; want only j1", list, err)
	}
}

func TestListLimitAmongSameDates(t *testing.T) {
	// Sealed IDs sort differently from real ones; records sharing a date
	// must still come back in the real ID order.
	v := newVault(t, inmem.New(), newClock())
	ctx := context.Background()
	if err := v.Enable(ctx, pass, NewRecoveryKey()); err != nil {
		t.Fatal(err)
	}
	var recs []userdata.Record
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		recs = append(recs, record(t, userdata.KindCheckin, id, 0, id))
	}
	recs = append(recs, record(t, userdata.KindCheckin, "z", -1, "earlier"))
	if err := v.Put(ctx, recs...); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    userdata.Query
		want string
	}{
		{userdata.Query{Limit: 3}, "z a b"},
		{userdata.Query{Limit: 3, Newest: true}, "h g f"},
		{userdata.Query{Limit: 1}, "z"},
		{userdata.Query{}, "z a b c d e f g h"},
	} {
		got, err := v.List(ctx, userdata.KindCheckin, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range got {
			ids = append(ids, r.ID)
		}
		if strings.Join(ids, " ") != tc.want {
			t.Errorf("List(%+v) = %v, want %s", tc.q, ids, tc.want)
		}
	}
}

// watched is an in-memory store that tells a vault in "another tab" of
// changes, as IndexedDB's BroadcastChannel does.
type watched struct {
	*inmem.Store
	mu  sync.Mutex
	fns []func(userdata.Kind)
}

func (w *watched) Watch(fn func(userdata.Kind)) func() {
	w.mu.Lock()
	w.fns = append(w.fns, fn)
	w.mu.Unlock()
	return func() {}
}

func (w *watched) tell(kind userdata.Kind) {
	w.mu.Lock()
	fns := w.fns
	w.mu.Unlock()
	for _, fn := range fns {
		fn(kind)
	}
}

func TestOtherTabs(t *testing.T) {
	ctx := context.Background()
	shared := &watched{Store: inmem.New()}
	if err := shared.Put(ctx, sample(t)...); err != nil {
		t.Fatal(err)
	}
	a := New(shared, Options{Params: fast})
	b := New(shared, Options{Params: fast})
	if st, _ := b.Status(ctx); st != Off {
		t.Fatalf("b starts %v", st)
	}
	// A turns the lock on: B hears and locks.
	if err := a.Enable(ctx, pass, NewRecoveryKey()); err != nil {
		t.Fatal(err)
	}
	shared.tell("")
	if b.Current() != Locked {
		t.Fatalf("b after a turned the lock on: %v, want locked", b.Current())
	}
	if err := b.Unlock(ctx, pass); err != nil {
		t.Fatal(err)
	}
	// A turns it off; B, not yet told, saves an entry sealed. When B
	// hears, it opens that entry, so nothing is lost.
	if err := a.Disable(ctx, pass); err != nil {
		t.Fatal(err)
	}
	late := record(t, userdata.KindJournal, "late", 5, "written a moment too late")
	if err := b.Put(ctx, late); err != nil {
		t.Fatal(err)
	}
	shared.tell("")
	if b.Current() != Off {
		t.Errorf("b after a turned the lock off: %v, want off", b.Current())
	}
	got, err := shared.Get(ctx, userdata.KindJournal, "late")
	if err != nil || !bytes.Contains(got.Data, []byte("too late")) {
		t.Errorf("the late entry in the clear = %s, %v", got.Data, err)
	}
	// And an entry saved in the clear by a tab that missed the lock is
	// sealed at the next unlock.
	if err := a.Enable(ctx, pass, NewRecoveryKey()); err != nil {
		t.Fatal(err)
	}
	stray := record(t, userdata.KindJournal, "stray", 6, "stray words")
	if err := shared.Put(ctx, stray); err != nil {
		t.Fatal(err)
	}
	if got, err := a.Get(ctx, userdata.KindJournal, "stray"); err != nil || got.ID != "stray" {
		t.Errorf("a stray entry is readable while unlocked: %v", err)
	}
	a.Lock()
	if err := a.Unlock(ctx, pass); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(rawText(t, shared.Store), "stray words") {
		t.Error("a stray entry stayed in the clear after unlock")
	}
	if got, err := a.Get(ctx, userdata.KindJournal, "stray"); err != nil || !bytes.Contains(got.Data, []byte("stray words")) {
		t.Errorf("stray entry after sealing: %s, %v", got.Data, err)
	}
}

func TestBackups(t *testing.T) {
	v, _, rk, _ := enabled(t)
	ctx := context.Background()
	sealed, err := v.SealedRecords(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !Sealed(sealed) || Sealed(sample(t)) {
		t.Error("Sealed does not tell sealed records from plain ones")
	}
	b, _ := json.Marshal(sealed)
	if bytes.Contains(b, []byte(secret)) {
		t.Error("an encrypted backup holds plaintext")
	}
	for _, s := range []string{pass, rk, strings.ToLower(rk)} {
		got, err := OpenRecords(sealed, s)
		if err != nil {
			t.Fatalf("OpenRecords(%q): %v", s, err)
		}
		if diff := storetest.DiffAll(got, sample(t)); diff != "" {
			t.Errorf("opened backup differs:\n%s", diff)
		}
	}
	if _, err := OpenRecords(sealed, "wrong passphrase"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("OpenRecords with a wrong passphrase: %v", err)
	}
	if _, err := OpenRecords(sample(t), pass); !errors.Is(err, ErrNoLock) {
		t.Errorf("OpenRecords on plain records: %v", err)
	}
	// One damaged record spoils the whole backup: nothing half-restored.
	damaged := append([]userdata.Record(nil), sealed...)
	for i, r := range damaged {
		if _, ok := isSealed(r); ok {
			r.Date = r.Date.Add(time.Second)
			damaged[i] = r
			break
		}
	}
	if _, err := OpenRecords(damaged, pass); !errors.Is(err, ErrDamaged) {
		t.Errorf("OpenRecords with a damaged record: %v, want ErrDamaged", err)
	}
	v.Lock()
	if _, err := v.SealedRecords(ctx); !errors.Is(err, userdata.ErrLocked) {
		t.Errorf("SealedRecords while locked: %v", err)
	}
}

func TestRecoveryKeyFormat(t *testing.T) {
	rk := NewRecoveryKey()
	if len(rk) != 39 || strings.Count(rk, "-") != 7 {
		t.Errorf("recovery key %q: want 8 groups of 4", rk)
	}
	if NewRecoveryKey() == rk {
		t.Error("two recovery keys are the same")
	}
	for _, s := range []string{rk, strings.ToLower(rk), strings.ReplaceAll(rk, "-", ""), " " + strings.ReplaceAll(rk, "-", " ") + "\n"} {
		if !LooksLikeRecoveryKey(s) {
			t.Errorf("%q not read as a recovery key", s)
		}
	}
	for _, s := range []string{"", "correct horse battery staple", rk[:len(rk)-1], rk + "A", strings.Replace(rk, rk[:1], "8", 1)} {
		if LooksLikeRecoveryKey(s) {
			t.Errorf("%q read as a recovery key", s)
		}
	}
}

func TestDefaultParams(t *testing.T) {
	if err := DefaultParams.check(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	v := New(inmem.New(), Options{})
	if err := v.Enable(ctx, pass, NewRecoveryKey()); err != nil {
		t.Fatal(err)
	}
	v.Lock()
	if err := v.Unlock(ctx, pass); err != nil {
		t.Fatal(err)
	}
	if v.head.Params != DefaultParams {
		t.Errorf("stored params %+v, want %+v", v.head.Params, DefaultParams)
	}
}

func TestHostileParamsRefused(t *testing.T) {
	for _, p := range []Params{{}, {Memory: 1 << 30, Iterations: 1, Threads: 1}, {Memory: 64, Iterations: 1000, Threads: 1}, {Memory: 64, Iterations: 1, Threads: 0}} {
		h := header{Version: 1, KDF: "argon2id", Params: p, Salt: random(16), RecoverySalt: random(16), KeyID: "x"}
		r, err := h.record(day)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseHeader(r); !errors.Is(err, ErrDamaged) {
			t.Errorf("params %+v accepted", p)
		}
	}
}

func BenchmarkUnlock(b *testing.B) {
	ctx := context.Background()
	v := New(inmem.New(), Options{})
	if err := v.Enable(ctx, pass, NewRecoveryKey()); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		v.Lock()
		if err := v.Unlock(ctx, pass); err != nil {
			b.Fatal(err)
		}
	}
}
