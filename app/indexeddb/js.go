//go:build js && wasm

package indexeddb

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/hack-pad/safejs"

	"kintsugi/app/userdata"
)

// This file holds the small layer over safejs that the rest of the package
// uses: one-shot event listeners, waiting for a transaction or a promise,
// and turning DOMExceptions into errors.

// errAborted reports a transaction aborted without a DOMException, which
// happens when this package aborts it.
var errAborted = errors.New("transaction aborted")

// domError is a DOMException turned into a Go error. It wraps the
// userdata sentinel that matches its name, if any.
type domError struct {
	name    string // such as "QuotaExceededError"
	message string
	kind    error // a userdata sentinel, or nil
}

func (e *domError) Error() string {
	if e.message == "" {
		return e.name
	}
	return e.name + ": " + e.message
}

func (e *domError) Unwrap() error { return e.kind }

// sentinels maps DOMException names to the userdata errors they mean here.
// Names not listed wrap nothing.
var sentinels = map[string]error{
	"QuotaExceededError": userdata.ErrQuotaExceeded,
	"InvalidStateError":  userdata.ErrClosed, // a transaction on a closing connection
	"VersionError":       userdata.ErrVersion,
	"DataError":          userdata.ErrInvalid,
	"DataCloneError":     userdata.ErrInvalid,
	"UnknownError":       userdata.ErrUnavailable, // disk or backing store failure
	"SecurityError":      userdata.ErrUnavailable, // storage disabled for this origin
	"NotAllowedError":    userdata.ErrUnavailable,
}

// fromDOMException converts a DOMException (or any JS error object) into a
// *domError. A null or undefined value yields nil.
func fromDOMException(v safejs.Value) error {
	if v.IsNull() || v.IsUndefined() {
		return nil
	}
	e := &domError{name: stringProp(v, "name"), message: stringProp(v, "message")}
	if e.name == "" {
		e.name = "Error"
	}
	e.kind = sentinels[e.name]
	return e
}

// fromThrown converts an error returned by a safejs call, which may wrap a
// thrown JS exception, into a *domError when it can; otherwise it returns
// err unchanged. syscall/js is imported for this type test only: all calls
// go through safejs.
func fromThrown(err error) error {
	if jsErr, ok := errors.AsType[js.Error](err); ok {
		if d := fromDOMException(safejs.Safe(jsErr.Value)); d != nil {
			return d
		}
	}
	return err
}

func stringProp(v safejs.Value, name string) string {
	p, err := v.Get(name)
	if err != nil || p.Type() != safejs.TypeString {
		return ""
	}
	s, err := p.String()
	if err != nil {
		return ""
	}
	return s
}

func intProp(v safejs.Value, name string) (int, error) {
	p, err := v.Get(name)
	if err != nil {
		return 0, err
	}
	if p.Type() != safejs.TypeNumber {
		return 0, fmt.Errorf("property %s is %v, not a number", name, p.Type())
	}
	return p.Int()
}

// call is Value.Call with a thrown DOMException turned into a *domError.
func call(v safejs.Value, method string, args ...any) (safejs.Value, error) {
	r, err := v.Call(method, args...)
	if err != nil {
		return safejs.Undefined(), fromThrown(err)
	}
	return r, nil
}

// listeners sets event handler properties (such as "onsuccess") on JS
// objects and releases the Go functions behind them in one go.
type listeners struct {
	funcs []safejs.Func
}

// on sets target[prop] to fn, which runs on the browser's event goroutine
// and must not block.
func (l *listeners) on(target safejs.Value, prop string, fn func(event safejs.Value)) error {
	f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		ev := safejs.Undefined()
		if len(args) > 0 {
			ev = args[0]
		}
		fn(ev)
		return nil
	})
	if err != nil {
		return err
	}
	l.funcs = append(l.funcs, f)
	return target.Set(prop, f)
}

// release frees every function. The handlers must not fire afterwards.
func (l *listeners) release() {
	for _, f := range l.funcs {
		f.Release()
	}
	l.funcs = nil
}

// txn is a transaction and the outcome it will report once.
type txn struct {
	tx   safejs.Value
	done chan error // receives nil on complete, an error on abort
	l    listeners
}

// newTxn starts a transaction on db over the given stores in mode
// ("readonly" or "readwrite"). Writes ask for strict durability: the
// browser reports them complete only once they are flushed to disk, so a
// saved entry survives a power cut. Measured in Chromium, it costs no
// noticeable time for one record or a thousand.
func newTxn(db safejs.Value, stores []any, mode string) (*txn, error) {
	opts := map[string]any{}
	if mode == "readwrite" {
		opts["durability"] = "strict"
	}
	tx, err := call(db, "transaction", stores, mode, opts)
	if err != nil {
		return nil, err
	}
	t := &txn{tx: tx, done: make(chan error, 1)}
	err = t.l.on(tx, "oncomplete", func(safejs.Value) { t.done <- nil })
	if err == nil {
		err = t.l.on(tx, "onabort", func(safejs.Value) {
			txErr, _ := tx.Get("error")
			if err := fromDOMException(txErr); err != nil {
				t.done <- err
				return
			}
			t.done <- errAborted
		})
	}
	if err != nil {
		t.abort()
		t.l.release()
		return nil, err
	}
	return t, nil
}

// store returns the transaction's object store called name.
func (t *txn) store(name string) (safejs.Value, error) {
	return call(t.tx, "objectStore", name)
}

// abort asks the browser to abort the transaction. It does nothing if the
// transaction already finished.
func (t *txn) abort() {
	t.tx.Call("abort") // throws InvalidStateError once finished: ignored
}

// fail aborts the transaction, waits for it to end, and returns err.
func (t *txn) fail(err error) error {
	t.abort()
	<-t.done
	t.l.release()
	return err
}

// wait blocks until the transaction completes or aborts. If ctx ends
// first, it aborts the transaction and still waits for the outcome, so
// that the error it returns is always true: nil means committed, and
// ctx.Err() means nothing was written.
func (t *txn) wait(ctx context.Context) error {
	defer t.l.release()
	select {
	case err := <-t.done:
		return err
	case <-ctx.Done():
		t.abort()
		if err := <-t.done; err == nil {
			return nil // committed before the abort could land
		}
		return ctx.Err()
	}
}

// awaitPromise waits for the JS promise p to settle and returns its value,
// or its rejection as an error.
func awaitPromise(ctx context.Context, p safejs.Value) (safejs.Value, error) {
	type result struct {
		v   safejs.Value
		err error
	}
	ch := make(chan result, 1)
	var l listeners
	fulfilled, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		v := safejs.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), err
	}
	l.funcs = append(l.funcs, fulfilled)
	rejected, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		err := error(errors.New("promise rejected"))
		if len(args) > 0 {
			if d := fromDOMException(args[0]); d != nil {
				err = d
			}
		}
		ch <- result{err: err}
		return nil
	})
	if err != nil {
		l.release()
		return safejs.Undefined(), err
	}
	l.funcs = append(l.funcs, rejected)
	if _, err := call(p, "then", fulfilled, rejected); err != nil {
		l.release()
		return safejs.Undefined(), err
	}
	select {
	case r := <-ch:
		l.release()
		return r.v, r.err
	case <-ctx.Done():
		go func() { <-ch; l.release() }() // the promise still settles later
		return safejs.Undefined(), ctx.Err()
	}
}

// global returns the global JS value called name, or an error wrapping
// userdata.ErrUnavailable if it is missing.
func global(name string) (safejs.Value, error) {
	v, err := safejs.Global().Get(name)
	if err != nil {
		return safejs.Undefined(), fmt.Errorf("%s: %w: %w", name, userdata.ErrUnavailable, err)
	}
	if v.IsUndefined() || v.IsNull() {
		return safejs.Undefined(), fmt.Errorf("%s is missing: %w", name, userdata.ErrUnavailable)
	}
	return v, nil
}

// requestError turns a failed request's error into a typed error, in its
// onerror handler, and stops the error from also aborting the transaction
// (the caller decides what the failure means).
func requestError(req, ev safejs.Value) error {
	e, _ := req.Get("error")
	ev.Call("preventDefault")
	if err := fromDOMException(e); err != nil {
		return err
	}
	return errors.New("unknown error")
}
