//go:build js && wasm

package indexeddb

import (
	"sync"

	"github.com/hack-pad/safejs"

	"kintsugi/app/userdata"
)

// ChannelName is the BroadcastChannel on which every Store announces its
// committed writes. A message is an object {db, kind, id}: the database
// name, the kind of the records changed, and their ID when exactly one
// record of that kind changed. An empty kind means anything may have
// changed (after ReplaceAll or Clear).
const ChannelName = "kintsugi-data"

// change is one entry of a change message; the zero change means
// "everything".
type change struct {
	kind userdata.Kind
	id   string
}

// changedKinds returns one change per kind in recs, with the ID set when
// the kind has exactly one record.
func changedKinds(recs []userdata.Record) []change {
	keys := make([]userdata.Key, len(recs))
	for i, r := range recs {
		keys[i] = userdata.Key{Kind: r.Kind, ID: r.ID}
	}
	return changedKeys(keys)
}

// changedKeys returns one change per kind in keys, with the ID set when
// the kind has exactly one ID.
func changedKeys(keys []userdata.Key) []change {
	var out []change
	index := make(map[userdata.Kind]int)
	for _, k := range keys {
		i, ok := index[k.Kind]
		if !ok {
			index[k.Kind] = len(out)
			out = append(out, change{kind: k.Kind, id: k.ID})
			continue
		}
		if out[i].id != k.ID {
			out[i].id = ""
		}
	}
	return out
}

// watch is a Store's end of the BroadcastChannel. A nil *watch, or one
// without a channel (the browser has none), does nothing.
type watch struct {
	db string

	mu     sync.Mutex
	ch     safejs.Value // the BroadcastChannel, or undefined
	l      listeners
	next   int
	fns    map[int]func(userdata.Kind)
	closed bool
}

func newWatch(db string) *watch {
	w := &watch{db: db, ch: safejs.Undefined(), fns: make(map[int]func(userdata.Kind))}
	ctor, err := global("BroadcastChannel")
	if err != nil {
		return w // no cross-tab notices in this browser; writes still work
	}
	ch, err := ctor.New(ChannelName)
	if err != nil {
		return w
	}
	if err := w.l.on(ch, "onmessage", w.receive); err != nil {
		ch.Call("close")
		return w
	}
	w.ch = ch
	return w
}

// receive handles a message from another Store.
func (w *watch) receive(ev safejs.Value) {
	data, err := ev.Get("data")
	if err != nil || data.Type() != safejs.TypeObject || stringProp(data, "db") != w.db {
		return
	}
	kind := userdata.Kind(stringProp(data, "kind"))
	if kind != "" && !kind.Known() {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, fn := range w.fns {
		go fn(kind)
	}
}

// post announces changes to the other Stores.
func (w *watch) post(changes []change) {
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed || w.ch.IsUndefined() {
		return
	}
	for _, c := range changes {
		msg, err := safejs.ValueOf(map[string]any{"db": w.db, "kind": string(c.kind), "id": c.id})
		if err != nil {
			continue
		}
		w.ch.Call("postMessage", msg) // best effort: the write itself succeeded
	}
}

func (w *watch) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	w.closed = true
	clear(w.fns)
	if !w.ch.IsUndefined() {
		w.ch.Set("onmessage", safejs.Null())
		w.ch.Call("close")
	}
	w.l.release()
}

// Watch implements [userdata.Watcher]: fn is called, on a new goroutine,
// after another Store on the same database (usually in another tab)
// commits a write, with the kind written or "" for any kind. The Store's
// own writes are not reported. Watching ends when stop is called or the
// Store is closed. In a browser without BroadcastChannel, fn is never
// called.
func (s *Store) Watch(fn func(kind userdata.Kind)) (stop func()) {
	w := s.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return func() {}
	}
	id := w.next
	w.next++
	w.fns[id] = fn
	return func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		delete(w.fns, id)
	}
}
