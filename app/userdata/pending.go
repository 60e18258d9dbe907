package userdata

import (
	"context"
	"sync"
)

// Pending is a Store that is still being opened. The app can start, and
// render, at once; each call waits until Resolve supplies the real store, or
// until the call's context ends. Opening IndexedDB waits for the browser,
// and waiting for it before the first render would leave the page on screen
// without working buttons.
type Pending struct {
	ready chan struct{}
	once  sync.Once
	store Store
}

var (
	_ Store   = (*Pending)(nil)
	_ Watcher = (*Pending)(nil)
)

// NewPending returns a store that waits for Resolve.
func NewPending() *Pending { return &Pending{ready: make(chan struct{})} }

// Resolve supplies the real store. Only the first call counts.
func (p *Pending) Resolve(s Store) {
	p.once.Do(func() {
		p.store = s
		close(p.ready)
	})
}

func (p *Pending) wait(ctx context.Context) (Store, error) {
	select {
	case <-p.ready:
		return p.store, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Get waits for the store, then gets from it.
func (p *Pending) Get(ctx context.Context, kind Kind, id string) (Record, error) {
	s, err := p.wait(ctx)
	if err != nil {
		return Record{}, err
	}
	return s.Get(ctx, kind, id)
}

// Put waits for the store, then puts to it.
func (p *Pending) Put(ctx context.Context, recs ...Record) error {
	s, err := p.wait(ctx)
	if err != nil {
		return err
	}
	return s.Put(ctx, recs...)
}

// Delete waits for the store, then deletes from it.
func (p *Pending) Delete(ctx context.Context, kind Kind, id string) error {
	s, err := p.wait(ctx)
	if err != nil {
		return err
	}
	return s.Delete(ctx, kind, id)
}

// List waits for the store, then lists from it.
func (p *Pending) List(ctx context.Context, kind Kind, q Query) ([]Record, error) {
	s, err := p.wait(ctx)
	if err != nil {
		return nil, err
	}
	return s.List(ctx, kind, q)
}

// All waits for the store, then reads all of it.
func (p *Pending) All(ctx context.Context) ([]Record, error) {
	s, err := p.wait(ctx)
	if err != nil {
		return nil, err
	}
	return s.All(ctx)
}

// ReplaceAll waits for the store, then replaces its contents.
func (p *Pending) ReplaceAll(ctx context.Context, recs []Record) error {
	s, err := p.wait(ctx)
	if err != nil {
		return err
	}
	return s.ReplaceAll(ctx, recs)
}

// Clear waits for the store, then clears it.
func (p *Pending) Clear(ctx context.Context) error {
	s, err := p.wait(ctx)
	if err != nil {
		return err
	}
	return s.Clear(ctx)
}

// Rewrite waits for the store, then rewrites it.
func (p *Pending) Rewrite(ctx context.Context, fn func([]Record) (Changes, error)) error {
	s, err := p.wait(ctx)
	if err != nil {
		return err
	}
	return s.Rewrite(ctx, fn)
}

// Close closes the store if it has been supplied.
func (p *Pending) Close() error {
	select {
	case <-p.ready:
		return p.store.Close()
	default:
		return nil
	}
}

// Watch watches the store once it is supplied, if it can be watched.
func (p *Pending) Watch(fn func(kind Kind)) (stop func()) {
	var mu sync.Mutex
	stopped := false
	var inner func()
	go func() {
		<-p.ready
		w, ok := p.store.(Watcher)
		if !ok {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			inner = w.Watch(fn)
		}
	}()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		if inner != nil {
			inner()
		}
	}
}
