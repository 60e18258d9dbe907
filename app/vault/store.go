// Package vault is Kintsugi's optional passphrase lock: real encryption at
// rest, not a screen over readable data. [Store] wraps the device's store.
// While the lock is off it passes everything through; while it is on it
// seals every record with AES-256-GCM before it reaches the device, and
// can read nothing until the user unlocks it.
//
// # Keys
//
// Turning the lock on makes a random 256-bit data key. Argon2id turns the
// passphrase into a key that wraps it (see [DefaultParams]); a random
// recovery key, shown once for the user to write down, wraps it a second
// time. Both wrapped copies, the salts and the parameters are kept in one
// record in the clear, with a format version. The data key itself is
// never stored: it exists in memory only while the app is unlocked, and
// [Store.Lock] drops it. A wrong passphrase fails to unwrap it, changes
// nothing, and counts towards a growing [Delay] that survives a reload.
// Without the passphrase or the recovery key the records cannot be read
// by anyone.
//
// # What stays visible
//
// Sealed records keep their kind and date, so the app can still list a
// kind by date without opening every record: someone who can read the
// browser's storage could count the entries of each kind and see their
// dates, but not read a word of them, nor tell which guide chapters were
// read. The appearance settings stay in the clear too, so that the app can
// start in the right theme and, in discreet mode, with a neutral title.
//
// # All or nothing
//
// Turning the lock on or off rewrites every record in one transaction
// ([userdata.Store.Rewrite]): if the page closes half way, the browser
// discards the transaction and every record is as it was. If another tab
// writes a record in the old form at the moment the lock changes, the
// next unlock (or the tab holding the key) converts it.
package vault

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

// Status is the state of the lock.
type Status int

// The states of the lock.
const (
	// Unknown means the lock has not been read from the device yet.
	Unknown Status = iota
	// Off means there is no lock: records are stored as they are.
	Off
	// Locked means records are sealed and the key is not in memory.
	Locked
	// Unlocked means records are sealed and the key is in memory.
	Unlocked
)

func (s Status) String() string {
	switch s {
	case Off:
		return "off"
	case Locked:
		return "locked"
	case Unlocked:
		return "unlocked"
	}
	return "unknown"
}

// Options configure a Store. The zero value is fine.
type Options struct {
	// Params are the Argon2id parameters for new passphrases;
	// DefaultParams if zero. Tests use small ones.
	Params Params
	// Now returns the current time; time.Now if nil.
	Now func() time.Time
}

// Store is a [userdata.Store] that seals records while the lock is on.
// It is safe for concurrent use. Create it with [New].
type Store struct {
	inner  userdata.Store
	params Params
	now    func() time.Time

	mu       sync.Mutex
	closed   bool
	loaded   bool
	head     *header // nil while the lock is off
	keys     *keys   // nil unless unlocked
	watchers map[int]func(userdata.Kind)
	statuses map[int]func(Status)
	nextID   int
}

var (
	_ userdata.Store   = (*Store)(nil)
	_ userdata.Watcher = (*Store)(nil)
)

// New returns a Store over inner. If inner is a [userdata.Watcher], the
// Store follows lock changes made in other tabs.
func New(inner userdata.Store, opts Options) *Store {
	s := &Store{
		inner:    inner,
		params:   cmp.Or(opts.Params, DefaultParams),
		now:      opts.Now,
		watchers: map[int]func(userdata.Kind){},
		statuses: map[int]func(Status){},
	}
	if s.now == nil {
		s.now = time.Now
	}
	if w, ok := inner.(userdata.Watcher); ok {
		w.Watch(s.changedElsewhere)
	}
	return s
}

// Current returns the lock's status as last read, without waiting for the
// device: Unknown before anything has been read.
func (s *Store) Current() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.statusLocked()
}

func (s *Store) statusLocked() Status {
	switch {
	case !s.loaded:
		return Unknown
	case s.head == nil:
		return Off
	case s.keys == nil:
		return Locked
	}
	return Unlocked
}

// Status reads the lock from the device if it has not been read yet, and
// returns its status.
func (s *Store) Status(ctx context.Context) (Status, error) {
	if _, _, err := s.state(ctx); err != nil {
		return Unknown, err
	}
	return s.Current(), nil
}

// IdleMinutes returns how long the app may stay unlocked without use.
func (s *Store) IdleMinutes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.head == nil {
		return DefaultIdle
	}
	return s.head.IdleMinutes
}

// OnStatus calls fn, on its own goroutine, whenever the status changes in
// this tab or because of another tab. Calls may arrive out of order when
// changes come close together, so fn should read [Store.Current] when it
// acts. It returns the function that stops it.
func (s *Store) OnStatus(fn func(Status)) (stop func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextID
	s.nextID++
	s.statuses[id] = fn
	return func() {
		s.mu.Lock()
		delete(s.statuses, id)
		s.mu.Unlock()
	}
}

// Watch implements [userdata.Watcher]: fn hears of other tabs' changes,
// and of everything becoming readable or unreadable here (kind "").
func (s *Store) Watch(fn func(kind userdata.Kind)) (stop func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextID
	s.nextID++
	s.watchers[id] = fn
	return func() {
		s.mu.Lock()
		delete(s.watchers, id)
		s.mu.Unlock()
	}
}

// notify tells listeners that kind changed and, if the status changed,
// what it is now. Call it without holding s.mu.
func (s *Store) notify(kind userdata.Kind, before Status) {
	s.mu.Lock()
	now := s.statusLocked()
	var watchers []func(userdata.Kind)
	var statuses []func(Status)
	for _, fn := range s.watchers {
		watchers = append(watchers, fn)
	}
	if now != before {
		for _, fn := range s.statuses {
			statuses = append(statuses, fn)
		}
	}
	s.mu.Unlock()
	for _, fn := range statuses {
		go fn(now)
	}
	for _, fn := range watchers {
		go fn(kind)
	}
}

// set records a new lock state and tells listeners.
func (s *Store) set(head *header, k *keys) {
	s.mu.Lock()
	before := s.statusLocked()
	s.loaded, s.head, s.keys = true, head, k
	s.mu.Unlock()
	s.notify("", before)
}

// readHeader reads the lock record from the device: nil if there is none.
func (s *Store) readHeader(ctx context.Context) (*header, error) {
	r, err := s.inner.Get(ctx, userdata.KindSetting, lockID)
	if errors.Is(err, userdata.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return parseHeader(r)
}

// state returns the lock and the keys, reading the lock first if needed.
func (s *Store) state(ctx context.Context) (*header, *keys, error) {
	s.mu.Lock()
	closed, loaded, head, k := s.closed, s.loaded, s.head, s.keys
	s.mu.Unlock()
	if closed {
		return nil, nil, userdata.ErrClosed
	}
	if loaded {
		return head, k, nil
	}
	head, err := s.readHeader(ctx)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	if !s.loaded {
		s.loaded, s.head = true, head
		s.mu.Unlock()
		s.notify("", Unknown)
		return head, nil, nil
	}
	head, k = s.head, s.keys
	s.mu.Unlock()
	return head, k, nil
}

// sealing returns the keys to seal with, nil while the lock is off, or
// ErrLocked.
func (s *Store) sealing(ctx context.Context) (*keys, error) {
	head, k, err := s.state(ctx)
	switch {
	case err != nil:
		return nil, err
	case head == nil:
		return nil, nil
	case k == nil:
		return nil, userdata.ErrLocked
	}
	return k, nil
}

// changedElsewhere follows another tab's change. If the lock record may
// have changed, it reads it again: a lock turned on elsewhere locks this
// tab too; one turned off elsewhere drops the key here, after opening any
// record this tab sealed a moment too late.
func (s *Store) changedElsewhere(kind userdata.Kind) {
	if kind != "" && kind != userdata.KindSetting {
		s.notify(kind, s.Current())
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	head, err := s.readHeader(ctx)
	if err != nil {
		s.notify(kind, s.Current())
		return
	}
	s.mu.Lock()
	before := s.statusLocked()
	k := s.keys
	if head == nil || k == nil || !sameKey(head.KeyID, k.id) {
		s.keys = nil
	}
	s.loaded, s.head = true, head
	s.mu.Unlock()
	if head == nil && k != nil {
		s.openLeftovers(ctx, k)
	}
	s.notify(kind, before)
}

// Get implements [userdata.Store.Get].
func (s *Store) Get(ctx context.Context, kind userdata.Kind, id string) (userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return userdata.Record{}, err
	}
	if err := userdata.CheckKey(kind, id); err != nil {
		return userdata.Record{}, err
	}
	if reserved(kind, id) {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, userdata.ErrNotFound)
	}
	if inTheClear(kind, id) {
		return s.inner.Get(ctx, kind, id)
	}
	k, err := s.sealing(ctx)
	if err != nil || k == nil {
		if err != nil {
			return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, err)
		}
		return s.inner.Get(ctx, kind, id)
	}
	stored, err := s.inner.Get(ctx, kind, k.sealedID(kind, id))
	if errors.Is(err, userdata.ErrNotFound) {
		// Perhaps written in the clear by a tab that had not yet heard
		// of the lock.
		return s.inner.Get(ctx, kind, id)
	}
	if err != nil {
		return userdata.Record{}, err
	}
	r, err := k.open(stored)
	if errors.Is(err, errOtherKey) {
		return userdata.Record{}, fmt.Errorf("%s/%s: %w: %w", stored.Kind, stored.ID, ErrDamaged, err)
	}
	return r, err
}

// checkWritable rejects records the caller may not write: the vault's own.
func checkWritable(recs []userdata.Record) error {
	for _, r := range recs {
		if err := r.Validate(); err != nil {
			return err
		}
		if reserved(r.Kind, r.ID) {
			return &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: "id", Problem: "reserved for the lock"}
		}
	}
	return nil
}

func allInTheClear(recs []userdata.Record) bool {
	for _, r := range recs {
		if !inTheClear(r.Kind, r.ID) {
			return false
		}
	}
	return true
}

// sealAll seals every record that is not kept in the clear.
func (k *keys) sealAll(recs []userdata.Record) ([]userdata.Record, error) {
	out := make([]userdata.Record, len(recs))
	for i, r := range recs {
		if inTheClear(r.Kind, r.ID) {
			out[i] = r
			continue
		}
		sealed, err := k.seal(r)
		if err != nil {
			return nil, err
		}
		out[i] = sealed
	}
	return out, nil
}

// Put implements [userdata.Store.Put].
func (s *Store) Put(ctx context.Context, recs ...userdata.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkWritable(recs); err != nil {
		return err
	}
	if allInTheClear(recs) {
		return s.inner.Put(ctx, recs...)
	}
	k, err := s.sealing(ctx)
	if err != nil {
		return fmt.Errorf("put %d records: %w", len(recs), err)
	}
	if k == nil {
		return s.inner.Put(ctx, recs...)
	}
	sealed, err := k.sealAll(recs)
	if err != nil {
		return err
	}
	return s.inner.Put(ctx, sealed...)
}

// Delete implements [userdata.Store.Delete].
func (s *Store) Delete(ctx context.Context, kind userdata.Kind, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := userdata.CheckKey(kind, id); err != nil {
		return err
	}
	if reserved(kind, id) {
		return &userdata.InvalidError{Kind: kind, ID: id, Field: "id", Problem: "reserved for the lock"}
	}
	if inTheClear(kind, id) {
		return s.inner.Delete(ctx, kind, id)
	}
	k, err := s.sealing(ctx)
	if err != nil {
		return fmt.Errorf("delete %s/%s: %w", kind, id, err)
	}
	if k != nil {
		if err := s.inner.Delete(ctx, kind, k.sealedID(kind, id)); err != nil {
			return err
		}
	}
	return s.inner.Delete(ctx, kind, id)
}

// openAll opens every stored record: sealed ones with k, others as they
// are, leaving out the vault's own. A record nothing here can open (sealed
// with another key, or damaged, or sealed while k is nil) is left out and
// left alone. Where a record exists both sealed and in the clear, the one
// updated last wins. The result is sorted by kind and ID.
func (k *keys) openAll(stored []userdata.Record) []userdata.Record {
	byKey := make(map[userdata.Key]userdata.Record, len(stored))
	for _, r := range stored {
		if reserved(r.Kind, r.ID) {
			continue
		}
		if _, sealed := isSealed(r); sealed {
			if k == nil {
				continue
			}
			opened, err := k.open(r)
			if err != nil {
				continue
			}
			r = opened
		}
		key := userdata.Key{Kind: r.Kind, ID: r.ID}
		if old, ok := byKey[key]; !ok || r.Updated.After(old.Updated) {
			byKey[key] = r
		}
	}
	out := make([]userdata.Record, 0, len(byKey))
	for _, r := range byKey {
		out = append(out, r)
	}
	sortByKey(out)
	return out
}

func sortByKey(recs []userdata.Record) {
	order.Sort(recs, func(a, b userdata.Record) int {
		return cmp.Or(strings.Compare(string(a.Kind), string(b.Kind)), strings.Compare(a.ID, b.ID))
	})
}

// List implements [userdata.Store.List].
func (s *Store) List(ctx context.Context, kind userdata.Kind, q userdata.Query) ([]userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := userdata.CheckList(kind, q); err != nil {
		return nil, err
	}
	k, err := s.sealing(ctx)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", kind, err)
	}
	stored, err := s.inner.List(ctx, kind, q)
	if err != nil {
		return nil, err
	}
	// Sealed IDs do not sort like the real ones, so records sharing the
	// Date of the last one returned may not be the right ones: read all
	// of that Date and choose again.
	if k != nil && q.Limit > 0 && len(stored) == q.Limit {
		edge := stored[len(stored)-1].Date
		same, err := s.inner.List(ctx, kind, userdata.Query{From: edge, To: edge.Add(time.Nanosecond)})
		if err != nil {
			return nil, err
		}
		stored = append(stored, same...)
	}
	recs := k.openAll(stored)
	order.Sort(recs, func(a, b userdata.Record) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.ID, b.ID))
	})
	if q.Newest {
		slices.Reverse(recs)
	}
	if q.Limit > 0 && len(recs) > q.Limit {
		recs = recs[:q.Limit]
	}
	return recs, nil
}

// All implements [userdata.Store.All].
func (s *Store) All(ctx context.Context) ([]userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	k, err := s.sealing(ctx)
	if err != nil {
		return nil, fmt.Errorf("read all: %w", err)
	}
	stored, err := s.inner.All(ctx)
	if err != nil {
		return nil, err
	}
	return k.openAll(stored), nil
}

// ReplaceAll implements [userdata.Store.ReplaceAll]. While the lock is on,
// the records are sealed and the lock itself is kept.
func (s *Store) ReplaceAll(ctx context.Context, recs []userdata.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkWritable(recs); err != nil {
		return err
	}
	k, err := s.sealing(ctx)
	if err != nil {
		return fmt.Errorf("replace all: %w", err)
	}
	if k == nil {
		return s.inner.ReplaceAll(ctx, recs)
	}
	sealed, err := k.sealAll(recs)
	if err != nil {
		return err
	}
	return s.inner.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
		lock, err := k.currentLock(all)
		if err != nil {
			return userdata.Changes{}, err
		}
		return userdata.Changes{Clear: true, Put: append([]userdata.Record{lock}, sealed...)}, nil
	})
}

// currentLock returns the lock record among all, or ErrLocked if it is
// gone or holds another key: another tab changed the lock meanwhile.
func (k *keys) currentLock(all []userdata.Record) (userdata.Record, error) {
	for _, r := range all {
		if r.Kind == userdata.KindSetting && r.ID == lockID {
			h, err := parseHeader(r)
			if err != nil {
				return userdata.Record{}, err
			}
			if !sameKey(h.KeyID, k.id) {
				break
			}
			return r, nil
		}
	}
	return userdata.Record{}, fmt.Errorf("%w: the lock was changed in another tab", userdata.ErrLocked)
}

// Clear implements [userdata.Store.Clear]. It removes the lock too.
func (s *Store) Clear(ctx context.Context) error {
	if err := s.inner.Clear(ctx); err != nil {
		return err
	}
	s.set(nil, nil)
	return nil
}

// Rewrite implements [userdata.Store.Rewrite]: fn sees the records
// opened, and its changes are sealed.
func (s *Store) Rewrite(ctx context.Context, fn func([]userdata.Record) (userdata.Changes, error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	k, err := s.sealing(ctx)
	if err != nil {
		return fmt.Errorf("rewrite: %w", err)
	}
	return s.inner.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
		var lock []userdata.Record
		if k != nil {
			l, err := k.currentLock(all)
			if err != nil {
				return userdata.Changes{}, err
			}
			lock = append(lock, l)
		}
		c, err := fn(k.openAll(all))
		if err != nil {
			return userdata.Changes{}, err
		}
		if err := c.Validate(); err != nil {
			return userdata.Changes{}, err
		}
		if err := checkWritable(c.Put); err != nil {
			return userdata.Changes{}, err
		}
		out := userdata.Changes{Clear: c.Clear}
		for _, key := range c.Delete {
			if reserved(key.Kind, key.ID) {
				return userdata.Changes{}, &userdata.InvalidError{Kind: key.Kind, ID: key.ID, Field: "id", Problem: "reserved for the lock"}
			}
			out.Delete = append(out.Delete, key)
			if k != nil && !inTheClear(key.Kind, key.ID) {
				out.Delete = append(out.Delete, userdata.Key{Kind: key.Kind, ID: k.sealedID(key.Kind, key.ID)})
			}
		}
		put := c.Put
		if k != nil {
			if put, err = k.sealAll(c.Put); err != nil {
				return userdata.Changes{}, err
			}
		}
		if c.Clear {
			put = append(lock, put...)
		}
		out.Put = put
		return out, nil
	})
}

// Close implements [userdata.Store.Close]. It drops the key.
func (s *Store) Close() error {
	s.mu.Lock()
	s.keys, s.closed = nil, true
	s.mu.Unlock()
	return s.inner.Close()
}
