// Package inmem implements [userdata.Store] in memory. Native tests use it,
// and the app falls back to it when the browser offers no IndexedDB; its
// data is lost when the page closes.
package inmem

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

var _ userdata.Store = (*Store)(nil)

type key struct {
	kind userdata.Kind
	id   string
}

// Store is a [userdata.Store] held in a map. The zero value is not usable;
// call [New].
type Store struct {
	mu     sync.RWMutex
	recs   map[key]userdata.Record
	closed bool
}

// New returns an empty, open Store.
func New() *Store {
	return &Store{recs: make(map[key]userdata.Record)}
}

// Get implements [userdata.Store.Get].
func (s *Store) Get(ctx context.Context, kind userdata.Kind, id string) (userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return userdata.Record{}, err
	}
	if err := userdata.CheckKey(kind, id); err != nil {
		return userdata.Record{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, userdata.ErrClosed)
	}
	r, ok := s.recs[key{kind, id}]
	if !ok {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, userdata.ErrNotFound)
	}
	return r.Clone(), nil
}

// Put implements [userdata.Store.Put].
func (s *Store) Put(ctx context.Context, recs ...userdata.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := validate(recs); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("put %d records: %w", len(recs), userdata.ErrClosed)
	}
	for _, r := range recs {
		s.recs[key{r.Kind, r.ID}] = r.Clone()
	}
	return nil
}

func validate(recs []userdata.Record) error {
	for _, r := range recs {
		if err := r.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Delete implements [userdata.Store.Delete].
func (s *Store) Delete(ctx context.Context, kind userdata.Kind, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := userdata.CheckKey(kind, id); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("delete %s/%s: %w", kind, id, userdata.ErrClosed)
	}
	delete(s.recs, key{kind, id})
	return nil
}

// List implements [userdata.Store.List].
func (s *Store) List(ctx context.Context, kind userdata.Kind, q userdata.Query) ([]userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := userdata.CheckList(kind, q); err != nil {
		return nil, err
	}
	s.mu.RLock()
	var out []userdata.Record
	closed := s.closed
	for k, r := range s.recs {
		if k.kind == kind && q.Contains(r.Date) {
			out = append(out, r)
		}
	}
	s.mu.RUnlock()
	if closed {
		return nil, fmt.Errorf("list %s: %w", kind, userdata.ErrClosed)
	}
	order.Sort(out, func(a, b userdata.Record) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if q.Newest {
		slices.Reverse(out)
	}
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	for i := range out {
		out[i] = out[i].Clone()
	}
	return out, nil
}

// All implements [userdata.Store.All].
func (s *Store) All(ctx context.Context) ([]userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, fmt.Errorf("read all: %w", userdata.ErrClosed)
	}
	out := make([]userdata.Record, 0, len(s.recs))
	for _, r := range s.recs {
		out = append(out, r.Clone())
	}
	sortByKey(out)
	return out, nil
}

// ReplaceAll implements [userdata.Store.ReplaceAll].
func (s *Store) ReplaceAll(ctx context.Context, recs []userdata.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := validate(recs); err != nil {
		return err
	}
	fresh := make(map[key]userdata.Record, len(recs))
	for _, r := range recs {
		fresh[key{r.Kind, r.ID}] = r.Clone()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("replace all: %w", userdata.ErrClosed)
	}
	s.recs = fresh
	return nil
}

// Rewrite implements [userdata.Store.Rewrite].
func (s *Store) Rewrite(ctx context.Context, fn func([]userdata.Record) (userdata.Changes, error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("rewrite: %w", userdata.ErrClosed)
	}
	all := make([]userdata.Record, 0, len(s.recs))
	for _, r := range s.recs {
		all = append(all, r.Clone())
	}
	sortByKey(all)
	c, err := fn(all)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Clear {
		clear(s.recs)
	}
	for _, k := range c.Delete {
		delete(s.recs, key{k.Kind, k.ID})
	}
	for _, r := range c.Put {
		s.recs[key{r.Kind, r.ID}] = r.Clone()
	}
	return nil
}

// Clear implements [userdata.Store.Clear].
func (s *Store) Clear(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("clear: %w", userdata.ErrClosed)
	}
	clear(s.recs)
	return nil
}

// Close implements [userdata.Store.Close]. It drops the records.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.recs = nil
	return nil
}

// sortByKey sorts recs by kind and then ID, the order All returns.
func sortByKey(recs []userdata.Record) {
	order.Sort(recs, func(a, b userdata.Record) int {
		if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
