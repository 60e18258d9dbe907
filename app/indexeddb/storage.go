//go:build js && wasm

package indexeddb

import (
	"context"
	"fmt"

	"github.com/hack-pad/safejs"

	"kintsugi/app/userdata"
)

// storageManager returns navigator.storage, or an error wrapping
// userdata.ErrUnavailable (it is missing outside secure contexts).
func storageManager() (safejs.Value, error) {
	nav, err := global("navigator")
	if err != nil {
		return safejs.Undefined(), err
	}
	st, err := nav.Get("storage")
	if err != nil || st.IsUndefined() || st.IsNull() {
		return safejs.Undefined(), fmt.Errorf("navigator.storage is missing: %w", userdata.ErrUnavailable)
	}
	return st, nil
}

// callStorage calls navigator.storage[method]() and awaits its promise.
func callStorage(ctx context.Context, method string) (safejs.Value, error) {
	if err := ctx.Err(); err != nil {
		return safejs.Undefined(), err
	}
	st, err := storageManager()
	if err != nil {
		return safejs.Undefined(), err
	}
	p, err := call(st, method)
	if err != nil {
		return safejs.Undefined(), err
	}
	return awaitPromise(ctx, p)
}

// Persist asks the browser to keep this site's data even when it runs low
// on space (navigator.storage.persist). It reports whether the data is now
// persistent; browsers may say no, or ask the user, or decide by how much
// the site is used. Show the answer: without it, the browser may delete
// the user's entries.
func Persist(ctx context.Context) (bool, error) {
	v, err := callStorage(ctx, "persist")
	if err != nil {
		return false, fmt.Errorf("ask for persistent storage: %w", err)
	}
	return v.Bool()
}

// Persisted reports whether this site's data is already persistent
// (navigator.storage.persisted), without asking the user.
func Persisted(ctx context.Context) (bool, error) {
	v, err := callStorage(ctx, "persisted")
	if err != nil {
		return false, fmt.Errorf("check persistent storage: %w", err)
	}
	return v.Bool()
}

// Estimate returns the browser's estimate of the storage this site uses
// and may use (navigator.storage.estimate). Browsers round and pad the
// figures on purpose.
func Estimate(ctx context.Context) (userdata.Usage, error) {
	v, err := callStorage(ctx, "estimate")
	if err != nil {
		return userdata.Usage{}, fmt.Errorf("estimate storage: %w", err)
	}
	var u userdata.Usage
	for _, f := range []struct {
		name string
		dst  *int64
	}{{"usage", &u.Used}, {"quota", &u.Quota}} {
		p, err := v.Get(f.name)
		if err != nil {
			return userdata.Usage{}, fmt.Errorf("estimate storage: %w", err)
		}
		if p.Type() != safejs.TypeNumber {
			continue // optional in the spec
		}
		n, err := p.Float()
		if err != nil {
			return userdata.Usage{}, fmt.Errorf("estimate storage: %w", err)
		}
		*f.dst = int64(n)
	}
	return u, nil
}

// DeleteDatabase deletes the database called name and everything in it.
// Open Stores on it, in this tab or others, close themselves and report it
// through Options.OnVersionChange. If another connection does not close,
// DeleteDatabase waits until ctx ends and then returns an error wrapping
// [userdata.ErrBlocked]; the browser still deletes the database once that
// connection closes. Deleting a database that does not exist succeeds.
func DeleteDatabase(ctx context.Context, name string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	factory, err := global("indexedDB")
	if err != nil {
		return fmt.Errorf("delete database %q: %w", name, err)
	}
	req, err := call(factory, "deleteDatabase", name)
	if err != nil {
		return fmt.Errorf("delete database %q: %w", name, unavailable(err))
	}
	var l listeners
	done := make(chan error, 1)
	blocked := make(chan struct{}, 1)
	err = l.on(req, "onsuccess", func(safejs.Value) { done <- nil })
	if err == nil {
		err = l.on(req, "onerror", func(ev safejs.Value) {
			err := requestError(req, ev)
			done <- err
		})
	}
	if err == nil {
		err = l.on(req, "onblocked", func(safejs.Value) {
			select {
			case blocked <- struct{}{}:
			default:
			}
		})
	}
	if err != nil {
		go func() { <-done; l.release() }()
		return fmt.Errorf("delete database %q: %w", name, err)
	}
	select {
	case err := <-done:
		l.release()
		if err != nil {
			return fmt.Errorf("delete database %q: %w", name, err)
		}
		return nil
	case <-ctx.Done():
		go func() { <-done; l.release() }()
		select {
		case <-blocked:
			return fmt.Errorf("delete database %q: %w: %w", name, userdata.ErrBlocked, ctx.Err())
		default:
			return fmt.Errorf("delete database %q: %w", name, ctx.Err())
		}
	}
}
