//go:build js && wasm

package indexeddb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hack-pad/safejs"
)

var dbCounter atomic.Int64

// testName returns a database name no other test uses, and deletes that
// database when the test ends (after the test's own cleanups, which close
// its connections, have run).
func testName(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("kintsugi-test-%d-%s", dbCounter.Add(1), t.Name())
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := DeleteDatabase(ctx, name); err != nil {
			t.Errorf("delete test database: %v", err)
		}
	})
	return name
}

// mustOpen opens a Store on name and closes it when the test ends.
func mustOpen(t testing.TB, name string, opts Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), name, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// rawOpen opens name at version with plain IndexedDB calls, running
// upgrade (if not nil) synchronously in the upgradeneeded event. A version
// of 0 opens the current version. The connection ignores versionchange
// events, like a tab running code that forgot to handle them. It is closed
// when the test ends.
func rawOpen(t testing.TB, name string, version int, upgrade func(db, tx safejs.Value) error) safejs.Value {
	t.Helper()
	factory, err := global("indexedDB")
	if err != nil {
		t.Fatal(err)
	}
	args := []any{name}
	if version > 0 {
		args = append(args, version)
	}
	req, err := call(factory, "open", args...)
	if err != nil {
		t.Fatalf("indexedDB.open: %v", err)
	}
	var l listeners
	done := make(chan error, 1)
	upErr := make(chan error, 1)
	must(t, l.on(req, "onupgradeneeded", func(safejs.Value) {
		if upgrade == nil {
			return
		}
		db, _ := req.Get("result")
		tx, _ := req.Get("transaction")
		if err := upgrade(db, tx); err != nil {
			upErr <- err
			tx.Call("abort")
		}
	}))
	must(t, l.on(req, "onsuccess", func(safejs.Value) { done <- nil }))
	must(t, l.on(req, "onerror", func(ev safejs.Value) {
		e, _ := req.Get("error")
		ev.Call("preventDefault")
		done <- fromDOMException(e)
	}))
	select {
	case err := <-done:
		l.release()
		if err != nil {
			select {
			case uerr := <-upErr:
				err = fmt.Errorf("%w (upgrade: %w)", err, uerr)
			default:
			}
			t.Fatalf("raw open %q at version %d: %v", name, version, err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("raw open %q at version %d: timed out (blocked?)", name, version)
	}
	db, err := req.Get("result")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeDB(db) })
	return db
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// jsonValue parses JSON text into a JS value with JSON.parse.
func jsonValue(t testing.TB, text string) safejs.Value {
	t.Helper()
	j, err := global("JSON")
	must(t, err)
	v, err := call(j, "parse", text)
	must(t, err)
	return v
}

// jsonText returns JSON.stringify(v).
func jsonText(t testing.TB, v safejs.Value) string {
	t.Helper()
	j, err := global("JSON")
	must(t, err)
	s, err := call(j, "stringify", v)
	must(t, err)
	text, err := s.String()
	must(t, err)
	return text
}

// schema describes a database's object stores and indexes, for
// comparison.
type schema struct {
	Version int           `json:"version"`
	Stores  []schemaStore `json:"stores"`
}

type schemaStore struct {
	Name    string            `json:"name"`
	KeyPath json.RawMessage   `json:"keyPath"`
	Indexes []schemaIndex     `json:"indexes"`
	Values  []json.RawMessage `json:"values,omitempty"` // only in fixtures
}

type schemaIndex struct {
	Name    string          `json:"name"`
	KeyPath json.RawMessage `json:"keyPath"`
	Unique  bool            `json:"unique,omitempty"`
}

// describeDB opens name as it is, describes it with its values, and
// closes it.
func describeDB(t testing.TB, name string) schema {
	t.Helper()
	db := rawOpen(t, name, 0, nil)
	defer closeDB(db)
	return describe(t, db, true)
}

// describe reads the schema of an open connection and, if withValues,
// every stored value.
func describe(t testing.TB, db safejs.Value, withValues bool) schema {
	t.Helper()
	var s schema
	var err error
	s.Version, err = intProp(db, "version")
	must(t, err)
	names := domStrings(t, db, "objectStoreNames")
	if len(names) == 0 {
		return s
	}
	storeArgs := make([]any, len(names))
	for i, n := range names {
		storeArgs[i] = n
	}
	tx, err := newTxn(db, storeArgs, "readonly")
	must(t, err)
	var reqs []safejs.Value
	for _, name := range names {
		st, err := tx.store(name)
		must(t, err)
		kp, err := st.Get("keyPath")
		must(t, err)
		ss := schemaStore{Name: name, KeyPath: json.RawMessage(jsonText(t, kp))}
		for _, in := range domStrings(t, st, "indexNames") {
			idx, err := call(st, "index", in)
			must(t, err)
			ikp, err := idx.Get("keyPath")
			must(t, err)
			u, err := idx.Get("unique")
			must(t, err)
			unique, err := u.Bool()
			must(t, err)
			ss.Indexes = append(ss.Indexes, schemaIndex{Name: in, KeyPath: json.RawMessage(jsonText(t, ikp)), Unique: unique})
		}
		s.Stores = append(s.Stores, ss)
		if withValues {
			req, err := call(st, "getAll")
			must(t, err)
			reqs = append(reqs, req)
		}
	}
	must(t, tx.wait(context.Background()))
	for i, req := range reqs {
		arr, err := req.Get("result")
		must(t, err)
		n, err := arr.Length()
		must(t, err)
		for j := range n {
			v, err := arr.Index(j)
			must(t, err)
			s.Stores[i].Values = append(s.Stores[i].Values, json.RawMessage(jsonText(t, v)))
		}
	}
	return s
}

// domStrings returns the strings in the DOMStringList v[prop], sorted.
func domStrings(t testing.TB, v safejs.Value, prop string) []string {
	t.Helper()
	list, err := v.Get(prop)
	must(t, err)
	n, err := list.Length()
	must(t, err)
	var out []string
	for i := range n {
		item, err := call(list, "item", i)
		must(t, err)
		s, err := item.String()
		must(t, err)
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// createFixture creates the database name exactly as described by fx,
// with plain IndexedDB calls, and closes it.
func createFixture(t testing.TB, name string, fx schema) {
	t.Helper()
	db := rawOpen(t, name, fx.Version, func(db, tx safejs.Value) error {
		for _, s := range fx.Stores {
			opts := map[string]any{}
			if len(s.KeyPath) > 0 && string(s.KeyPath) != "null" {
				opts["keyPath"] = jsonValue(t, string(s.KeyPath))
			}
			st, err := call(db, "createObjectStore", s.Name, opts)
			if err != nil {
				return err
			}
			for _, in := range s.Indexes {
				if _, err := call(st, "createIndex", in.Name, jsonValue(t, string(in.KeyPath)), map[string]any{"unique": in.Unique}); err != nil {
					return err
				}
			}
			for _, v := range s.Values {
				if _, err := call(st, "put", jsonValue(t, string(v))); err != nil {
					return err
				}
			}
		}
		return nil
	})
	closeDB(db)
}

// waitFor waits up to a few seconds for a value on ch.
func waitFor[T any](t testing.TB, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

// errorsIsAll reports whether err wraps every target.
func errorsIsAll(err error, targets ...error) bool {
	for _, target := range targets {
		if !errors.Is(err, target) {
			return false
		}
	}
	return true
}
