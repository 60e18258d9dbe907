//go:build js && wasm

// Package indexeddb implements [userdata.Store] on the browser's IndexedDB,
// through github.com/hack-pad/safejs. Every file in it is built for
// js/wasm only, so only the wasm main (cmd/pwa) may import it.
//
// # Database
//
// [Open] opens (creating or upgrading) one database holding one object
// store of records keyed by [kind, id], with an index on [kind, date] for
// [Store.List]. Upgrades run step by step from the stored version to
// [SchemaVersion] inside the browser's upgrade transaction, so if any step
// fails the database stays exactly as it was. Every method runs in one
// transaction; batches are written in one transaction, all or nothing.
//
// # Other tabs
//
// Another tab running a newer version of the app may ask to upgrade the
// database. The Store then closes its connection (so the other tab is not
// stuck), fails every later call with [userdata.ErrClosed], and calls
// [Options.OnVersionChange] so the UI can ask the user to reload. If this
// tab is the newer one and an older tab does not let go, Open calls
// [Options.OnBlocked] and keeps waiting until its context ends.
//
// After each committed write the Store posts a message on the
// BroadcastChannel [ChannelName]; [Store.Watch] lets a tab refresh its view
// when another tab changed something.
//
// # Storage
//
// [Persist], [Persisted] and [Estimate] wrap navigator.storage, and
// [DeleteDatabase] removes a database with everything in it.
package indexeddb

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/hack-pad/safejs"

	"kintsugi/app/userdata"
)

var (
	_ userdata.Store   = (*Store)(nil)
	_ userdata.Watcher = (*Store)(nil)
)

// Options are optional hooks for [Open]. The zero value is fine.
type Options struct {
	// OnVersionChange is called, on its own goroutine, after another tab
	// asked to upgrade or delete the database and the Store closed its
	// connection to let it. Every later call fails with ErrClosed; the UI
	// should tell the user and offer to reload the page.
	OnVersionChange func()

	// OnClose is called, on its own goroutine, if the browser closes the
	// connection by itself (for example because the user cleared the
	// site's data). Every later call fails with ErrClosed.
	OnClose func()

	// OnBlocked is called, on its own goroutine, when Open has to wait
	// because another tab holds an older version of the database open and
	// does not close it. The UI should ask the user to close other tabs.
	OnBlocked func()
}

// Store is a [userdata.Store] on an IndexedDB database. It is safe for
// concurrent use. Create it with [Open].
type Store struct {
	name string
	opts Options

	mu       sync.Mutex
	db       safejs.Value
	closeErr error // non-nil once closed: why
	dbEvents listeners
	released bool // dbEvents and watch released by Close

	watch *watch
}

// Open opens the database called name, creating it or upgrading it to
// [SchemaVersion] as needed, and returns a Store on it.
//
// Open returns an error wrapping [userdata.ErrUnavailable] if the browser
// offers no usable IndexedDB (the caller can fall back to app/inmem),
// [userdata.ErrVersion] if the database was written by a newer version of
// the app, and [userdata.ErrBlocked] if ctx ended while another tab blocked
// the upgrade. If an upgrade step fails, the database is left unchanged.
func Open(ctx context.Context, name string, opts Options) (*Store, error) {
	return open(ctx, name, SchemaVersion, steps, opts)
}

// Available reports whether the browser offers IndexedDB at all. Even then
// Open may fail, for example in some private browsing modes.
func Available() bool {
	_, err := global("indexedDB")
	return err == nil
}

type openResult struct {
	db  safejs.Value
	err error
}

// open is Open with the target version and the steps to reach it as
// parameters, so that tests can run other upgrades.
func open(ctx context.Context, name string, version int, steps []step, opts Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(steps) < version {
		return nil, fmt.Errorf("open database %q: no upgrade steps to version %d", name, version)
	}
	factory, err := global("indexedDB")
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w", name, err)
	}
	req, err := call(factory, "open", name, version)
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w", name, unavailable(err))
	}

	var l listeners
	results := make(chan openResult, 1)
	upgradeErr := make(chan error, 1) // why the upgrade was aborted
	blocked := make(chan struct{}, 1)
	err = l.on(req, "onupgradeneeded", func(ev safejs.Value) {
		db, err1 := req.Get("result")
		tx, err2 := req.Get("transaction")
		oldVersion, err3 := intProp(ev, "oldVersion")
		if err := errors.Join(err1, err2, err3); err != nil {
			upgradeErr <- err
			tx.Call("abort")
			return
		}
		// Steps may wait for requests, which cannot happen on the event
		// goroutine. The goroutine runs before control returns to the
		// browser, so the upgrade transaction is still active for it.
		go func() {
			u := &upgrade{db: db, tx: tx}
			for v := oldVersion; v < version; v++ {
				if err := steps[v](u); err != nil {
					upgradeErr <- fmt.Errorf("upgrade from version %d to %d: %w", v, v+1, err)
					tx.Call("abort")
					return
				}
			}
		}()
	})
	if err == nil {
		err = l.on(req, "onsuccess", func(safejs.Value) {
			db, err := req.Get("result")
			results <- openResult{db: db, err: err}
		})
	}
	if err == nil {
		err = l.on(req, "onerror", func(ev safejs.Value) {
			err := requestError(req, ev)
			results <- openResult{err: err}
		})
	}
	if err == nil {
		err = l.on(req, "onblocked", func(safejs.Value) {
			select {
			case blocked <- struct{}{}:
			default:
			}
			if opts.OnBlocked != nil {
				go opts.OnBlocked()
			}
		})
	}
	if err != nil {
		// The request is already under way: close whatever it opens.
		go func() { r := <-results; closeDB(r.db); l.release() }()
		return nil, fmt.Errorf("open database %q: %w", name, err)
	}

	var r openResult
	select {
	case r = <-results:
		l.release()
	case <-ctx.Done():
		// The request cannot be cancelled: close the connection if it
		// opens later, so that it does not block anyone.
		go func() { r := <-results; closeDB(r.db); l.release() }()
		select {
		case <-blocked:
			return nil, fmt.Errorf("open database %q: %w: %w", name, userdata.ErrBlocked, ctx.Err())
		default:
			return nil, fmt.Errorf("open database %q: %w", name, ctx.Err())
		}
	}
	if r.err != nil {
		select {
		case uerr := <-upgradeErr:
			return nil, fmt.Errorf("open database %q: %w", name, uerr)
		default:
		}
		return nil, fmt.Errorf("open database %q: %w", name, unavailable(r.err))
	}

	s := &Store{name: name, opts: opts, db: r.db}
	if err := s.listen(); err != nil {
		s.Close()
		return nil, fmt.Errorf("open database %q: %w", name, err)
	}
	s.watch = newWatch(name)
	return s, nil
}

// unavailable turns an error from opening or deleting a database into one
// wrapping userdata.ErrUnavailable, keeping only ErrVersion and
// ErrQuotaExceeded, which say more. (A failed open can report an
// InvalidStateError, which elsewhere means a closed connection.)
func unavailable(err error) error {
	for _, known := range []error{userdata.ErrVersion, userdata.ErrQuotaExceeded, userdata.ErrUnavailable} {
		if errors.Is(err, known) {
			return err
		}
	}
	return fmt.Errorf("%w: %s", userdata.ErrUnavailable, err)
}

func closeDB(db safejs.Value) {
	if db.Type() == safejs.TypeObject {
		db.Call("close")
	}
}

// listen handles events the browser sends to the open connection.
func (s *Store) listen() error {
	err := s.dbEvents.on(s.db, "onversionchange", func(safejs.Value) {
		if s.shut(errors.New("another tab is upgrading or deleting the database")) && s.opts.OnVersionChange != nil {
			go s.opts.OnVersionChange()
		}
	})
	if err != nil {
		return err
	}
	return s.dbEvents.on(s.db, "onclose", func(safejs.Value) {
		if s.shut(errors.New("the browser closed the database")) && s.opts.OnClose != nil {
			go s.opts.OnClose()
		}
	})
}

// shut closes the connection, recording why. It reports whether the Store
// was open. It does not release the event handlers: one may be running.
func (s *Store) shut(why error) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closeErr != nil {
		return false
	}
	s.closeErr = fmt.Errorf("%w: %w", userdata.ErrClosed, why)
	closeDB(s.db)
	return true
}

// Name returns the name of the database.
func (s *Store) Name() string { return s.name }

// Close closes the connection once running transactions have finished.
// Later calls fail with [userdata.ErrClosed]. Closing twice, or after
// another tab closed the connection, is not an error.
func (s *Store) Close() error {
	s.shut(errors.New("Close called"))
	s.mu.Lock()
	released := s.released
	s.released = true
	if !released {
		s.db.Set("onversionchange", safejs.Null())
		s.db.Set("onclose", safejs.Null())
		s.dbEvents.release()
	}
	s.mu.Unlock()
	if !released && s.watch != nil {
		s.watch.close()
	}
	return nil
}

// Destroy closes the Store and deletes its database with every record in
// it, as [DeleteDatabase] does. Other tabs holding the database open are
// told through their Options.OnVersionChange.
func (s *Store) Destroy(ctx context.Context) error {
	s.Close()
	return DeleteDatabase(ctx, s.name)
}

// begin starts a transaction on the records store, unless the Store is
// closed.
func (s *Store) begin(mode string) (*txn, safejs.Value, error) {
	s.mu.Lock()
	closeErr, db := s.closeErr, s.db
	s.mu.Unlock()
	if closeErr != nil {
		return nil, safejs.Undefined(), closeErr
	}
	t, err := newTxn(db, []any{recordsStore}, mode)
	if err != nil {
		return nil, safejs.Undefined(), err
	}
	st, err := t.store(recordsStore)
	if err != nil {
		return nil, safejs.Undefined(), t.fail(err)
	}
	return t, st, nil
}

func jsKey(kind userdata.Kind, id string) []any { return []any{string(kind), id} }

// Get implements [userdata.Store.Get].
func (s *Store) Get(ctx context.Context, kind userdata.Kind, id string) (userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return userdata.Record{}, err
	}
	if err := userdata.CheckKey(kind, id); err != nil {
		return userdata.Record{}, err
	}
	t, st, err := s.begin("readonly")
	if err != nil {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, err)
	}
	req, err := call(st, "get", jsKey(kind, id))
	if err != nil {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, t.fail(err))
	}
	if err := t.wait(ctx); err != nil {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, err)
	}
	v, err := req.Get("result")
	if err != nil {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, err)
	}
	if v.IsUndefined() {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, userdata.ErrNotFound)
	}
	r, err := decode(v)
	if err != nil {
		return userdata.Record{}, fmt.Errorf("get %s/%s: %w", kind, id, err)
	}
	return r, nil
}

// Put implements [userdata.Store.Put].
func (s *Store) Put(ctx context.Context, recs ...userdata.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.write(ctx, false, recs); err != nil {
		return fmt.Errorf("put %d records: %w", len(recs), err)
	}
	s.watch.post(changedKinds(recs))
	return nil
}

// ReplaceAll implements [userdata.Store.ReplaceAll].
func (s *Store) ReplaceAll(ctx context.Context, recs []userdata.Record) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.write(ctx, true, recs); err != nil {
		return fmt.Errorf("replace all with %d records: %w", len(recs), err)
	}
	s.watch.post([]change{{}})
	return nil
}

// write validates and encodes recs, then puts them in one transaction,
// clearing the store first if clear is set.
func (s *Store) write(ctx context.Context, clear bool, recs []userdata.Record) error {
	for _, r := range recs {
		if err := r.Validate(); err != nil {
			return err
		}
	}
	values, err := encodeAll(recs)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	if len(recs) == 0 && !clear {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.closeErr
	}
	t, st, err := s.begin("readwrite")
	if err != nil {
		return err
	}
	if clear {
		if _, err := call(st, "clear"); err != nil {
			return t.fail(err)
		}
	}
	for i := range recs {
		v, err := values.Index(i)
		if err == nil {
			_, err = call(st, "put", v)
		}
		if err != nil {
			return t.fail(fmt.Errorf("%s/%s: %w", recs[i].Kind, recs[i].ID, err))
		}
	}
	return t.wait(ctx)
}

// Delete implements [userdata.Store.Delete].
func (s *Store) Delete(ctx context.Context, kind userdata.Kind, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := userdata.CheckKey(kind, id); err != nil {
		return err
	}
	t, st, err := s.begin("readwrite")
	if err != nil {
		return fmt.Errorf("delete %s/%s: %w", kind, id, err)
	}
	if _, err := call(st, "delete", jsKey(kind, id)); err != nil {
		return fmt.Errorf("delete %s/%s: %w", kind, id, t.fail(err))
	}
	if err := t.wait(ctx); err != nil {
		return fmt.Errorf("delete %s/%s: %w", kind, id, err)
	}
	s.watch.post([]change{{kind: kind, id: id}})
	return nil
}

// Clear implements [userdata.Store.Clear].
func (s *Store) Clear(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t, st, err := s.begin("readwrite")
	if err != nil {
		return fmt.Errorf("clear: %w", err)
	}
	if _, err := call(st, "clear"); err != nil {
		return fmt.Errorf("clear: %w", t.fail(err))
	}
	if err := t.wait(ctx); err != nil {
		return fmt.Errorf("clear: %w", err)
	}
	s.watch.post([]change{{}})
	return nil
}

// Rewrite implements [userdata.Store.Rewrite]. An IndexedDB transaction
// stays active only while its requests' events run, so fn is called, and
// the changes it returns are requested, inside the success event of the
// request that reads every record: no goroutine, no waiting in between.
func (s *Store) Rewrite(ctx context.Context, fn func([]userdata.Record) (userdata.Changes, error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t, st, err := s.begin("readwrite")
	if err != nil {
		return fmt.Errorf("rewrite: %w", err)
	}
	req, err := call(st, "getAll")
	if err != nil {
		return fmt.Errorf("rewrite: %w", t.fail(err))
	}
	rw := &rewriter{st: st, fn: fn}
	defer rw.l.release() // after the transaction ended: no more events
	err = rw.l.on(req, "onsuccess", func(safejs.Value) {
		if err := rw.run(req); err != nil {
			rw.err = err
			t.abort()
		}
	})
	if err != nil {
		return fmt.Errorf("rewrite: %w", t.fail(err))
	}
	err = t.wait(ctx)
	// The success event, if it ran, ran before the transaction ended.
	if rw.panicked != nil {
		panic(rw.panicked)
	}
	if rw.err != nil {
		return fmt.Errorf("rewrite: %w", rw.err)
	}
	if err != nil {
		return fmt.Errorf("rewrite: %w", err)
	}
	if rw.changes.Clear {
		s.watch.post([]change{{}})
	} else if !rw.changes.Empty() {
		keys := make([]userdata.Key, 0, len(rw.changes.Delete)+len(rw.changes.Put))
		keys = append(keys, rw.changes.Delete...)
		for _, r := range rw.changes.Put {
			keys = append(keys, userdata.Key{Kind: r.Kind, ID: r.ID})
		}
		s.watch.post(changedKeys(keys))
	}
	return nil
}

// rewriter is the state of a Rewrite shared with its success event, which
// writes it before the transaction ends; Rewrite reads it after.
type rewriter struct {
	st safejs.Value // the records store, in the transaction
	fn func([]userdata.Record) (userdata.Changes, error)
	l  listeners

	changes  userdata.Changes // what fn returned and run requested
	err      error            // why run failed: the transaction is aborted
	panicked any              // what fn panicked with, to panic again in Rewrite
}

// run handles the success of the getAll request req, inside its event:
// it decodes every record, calls fn, and requests its changes. On error
// the caller aborts the transaction, undoing any request already made.
func (rw *rewriter) run(req safejs.Value) (err error) {
	defer func() {
		// A panic must not escape an event handler, which would end the
		// program: it aborts the transaction and is raised again in
		// Rewrite.
		if p := recover(); p != nil {
			rw.panicked = p
			err = fmt.Errorf("fn panicked: %v", p)
		}
	}()
	all, err := decodeResult(req, false)
	if err != nil {
		return fmt.Errorf("read all: %w", err)
	}
	c, err := rw.fn(all)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	values, err := encodeAll(c.Put)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	if c.Clear {
		if _, err := call(rw.st, "clear"); err != nil {
			return fmt.Errorf("clear: %w", err)
		}
	}
	for _, k := range c.Delete {
		if _, err := call(rw.st, "delete", jsKey(k.Kind, k.ID)); err != nil {
			return fmt.Errorf("delete %s/%s: %w", k.Kind, k.ID, err)
		}
	}
	for i, r := range c.Put {
		v, err := values.Index(i)
		if err == nil {
			_, err = call(rw.st, "put", v)
		}
		if err != nil {
			return fmt.Errorf("put %s/%s: %w", r.Kind, r.ID, err)
		}
	}
	rw.changes = c
	return nil
}

// All implements [userdata.Store.All].
func (s *Store) All(ctx context.Context) ([]userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t, st, err := s.begin("readonly")
	if err != nil {
		return nil, fmt.Errorf("read all: %w", err)
	}
	req, err := call(st, "getAll")
	if err != nil {
		return nil, fmt.Errorf("read all: %w", t.fail(err))
	}
	if err := t.wait(ctx); err != nil {
		return nil, fmt.Errorf("read all: %w", err)
	}
	recs, err := decodeResult(req, false)
	if err != nil {
		return nil, fmt.Errorf("read all: %w", err)
	}
	return recs, nil
}

// List implements [userdata.Store.List].
func (s *Store) List(ctx context.Context, kind userdata.Kind, q userdata.Query) ([]userdata.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := userdata.CheckList(kind, q); err != nil {
		return nil, err
	}
	recs, err := s.list(ctx, kind, q)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", kind, err)
	}
	return recs, nil
}

func (s *Store) list(ctx context.Context, kind userdata.Kind, q userdata.Query) ([]userdata.Record, error) {
	t, st, err := s.begin("readonly")
	if err != nil {
		return nil, err
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return nil, t.wait(ctx) // an empty range, which IDBKeyRange rejects
	}
	index, err := call(st, "index", byKindDateIndex)
	if err != nil {
		return nil, t.fail(err)
	}
	// Keys are [kind, at]. "" sorts before every at string and an array
	// after every string, so they stand for open ends.
	var lower, upper any = []any{string(kind), ""}, []any{string(kind), []any{}}
	if !q.From.IsZero() {
		lower = []any{string(kind), atKey(q.From)}
	}
	if !q.To.IsZero() {
		upper = []any{string(kind), atKey(q.To)}
	}
	keyRange, err := global("IDBKeyRange")
	if err != nil {
		return nil, t.fail(err)
	}
	rng, err := call(keyRange, "bound", lower, upper, false, true)
	if err != nil {
		return nil, t.fail(err)
	}

	if q.Newest && q.Limit > 0 {
		// getAll reads oldest first; walk backwards to find the newest.
		vals, err := safejs.ValueOf([]any{})
		if err != nil {
			return nil, t.fail(err)
		}
		c := &cursorReader{}
		defer c.l.release() // after the transaction ended: no more events
		n := 0
		err = c.read(index, rng, "prev", func(v safejs.Value) bool {
			vals.SetIndex(n, v)
			n++
			return n < q.Limit
		})
		if err != nil {
			return nil, t.fail(err)
		}
		if err := t.wait(ctx); err != nil {
			return nil, err
		}
		if c.err != nil {
			return nil, c.err
		}
		return decodeAll(vals)
	}

	args := []any{rng}
	if q.Limit > 0 {
		args = append(args, q.Limit)
	}
	req, err := call(index, "getAll", args...)
	if err != nil {
		return nil, t.fail(err)
	}
	if err := t.wait(ctx); err != nil {
		return nil, err
	}
	return decodeResult(req, q.Newest)
}

// decodeResult decodes the array in a finished getAll request, reversed if
// reverse is set.
func decodeResult(req safejs.Value, reverse bool) ([]userdata.Record, error) {
	arr, err := req.Get("result")
	if err != nil {
		return nil, err
	}
	recs, err := decodeAll(arr)
	if err != nil {
		return nil, err
	}
	if reverse {
		slices.Reverse(recs)
	}
	return recs, nil
}

// cursorReader walks a cursor entirely inside the browser's success
// events, so it needs no goroutine: the caller waits for the transaction,
// then releases l.
type cursorReader struct {
	l   listeners
	err error // the first error met while walking, read after the transaction
}

// read opens a cursor on source over rng in direction dir and calls fn
// with each value until fn returns false or the values run out.
func (c *cursorReader) read(source safejs.Value, rng any, dir string, fn func(v safejs.Value) bool) error {
	req, err := call(source, "openCursor", rng, dir)
	if err != nil {
		return err
	}
	return c.l.on(req, "onsuccess", func(safejs.Value) {
		cur, err := req.Get("result")
		if err != nil || cur.IsNull() || cur.IsUndefined() {
			c.err = err
			return
		}
		v, err := cur.Get("value")
		if err != nil {
			c.err = err
			return
		}
		if !fn(v) {
			return
		}
		if _, err := call(cur, "continue"); err != nil {
			c.err = err
		}
	})
}
