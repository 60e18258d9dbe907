package userdata

import (
	"context"
	"fmt"
	"time"
)

// Store keeps records. Implementations are safe for concurrent use.
//
// Every method checks its arguments first and returns an error wrapping
// [ErrInvalid] without touching storage if they break the rules. Writes
// are all-or-nothing: a method that returns an error, including a context
// error, has written nothing. After Close every method but Close returns
// an error wrapping [ErrClosed].
type Store interface {
	// Get returns the record with the given kind and ID, or an error
	// wrapping ErrNotFound.
	Get(ctx context.Context, kind Kind, id string) (Record, error)

	// Put creates or replaces recs in a single transaction: all are
	// written or none is. If two records share a kind and ID, the later
	// one wins. Put with no records does nothing.
	Put(ctx context.Context, recs ...Record) error

	// Delete removes the record with the given kind and ID. Deleting a
	// record that does not exist is not an error.
	Delete(ctx context.Context, kind Kind, id string) error

	// List returns the records of one kind whose Date is in the query's
	// range, ordered by Date and then ID (oldest first, or newest first
	// if q.Newest), at most q.Limit of them if it is positive.
	List(ctx context.Context, kind Kind, q Query) ([]Record, error)

	// All returns every record, ordered by kind and then ID.
	All(ctx context.Context) ([]Record, error)

	// ReplaceAll deletes every record and writes recs, in a single
	// transaction: afterwards the store holds exactly recs, or, on error,
	// exactly what it held before. Restoring a backup uses it.
	ReplaceAll(ctx context.Context, recs []Record) error

	// Clear deletes every record.
	Clear(ctx context.Context) error

	// Rewrite reads every record and, in the same transaction, applies
	// the changes fn returns, so that nothing another tab writes can come
	// between the read and the write. fn receives the records ordered as
	// All orders them and is called at most once. It must not call the
	// store or wait for anything: in IndexedDB it runs inside a browser
	// event, where waiting would end the transaction. If fn returns an
	// error, or a record to put is invalid, nothing changes and Rewrite
	// returns that error. Turning the passphrase lock on and off uses it.
	Rewrite(ctx context.Context, fn func(all []Record) (Changes, error)) error

	// Close releases the store. Calling it more than once is not an error.
	Close() error
}

// Key names one record: its kind and ID.
type Key struct {
	Kind Kind
	ID   string
}

// Changes are what [Store.Rewrite] applies, in this order: Clear, then
// Delete, then Put. The zero Changes changes nothing.
type Changes struct {
	// Clear deletes every record first.
	Clear bool
	// Delete removes these records; a missing one is not an error.
	Delete []Key
	// Put creates or replaces these records; if two share a key, the
	// later one wins.
	Put []Record
}

// Empty reports whether c changes nothing.
func (c Changes) Empty() bool { return !c.Clear && len(c.Delete) == 0 && len(c.Put) == 0 }

// Validate reports whether every key to delete and record to put is valid.
func (c Changes) Validate() error {
	for _, k := range c.Delete {
		if err := CheckKey(k.Kind, k.ID); err != nil {
			return err
		}
	}
	for _, r := range c.Put {
		if err := r.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Query selects records by Date for [Store.List]. The zero Query selects
// every record of the kind, oldest first.
type Query struct {
	// From is the earliest Date included; the zero time means no limit.
	From time.Time
	// To is the first Date excluded; the zero time means no limit.
	To time.Time
	// Limit is the most records returned; zero means no limit.
	Limit int
	// Newest returns the newest records first. With Limit, it returns the
	// Limit newest records in the range.
	Newest bool
}

// Validate reports whether q is a valid query: Limit is not negative, and
// To is not before From when both are set. It returns nil or an error
// wrapping [ErrInvalid].
func (q Query) Validate() error {
	if q.Limit < 0 {
		return &InvalidError{Field: "limit", Problem: fmt.Sprintf("%d is negative", q.Limit)}
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return &InvalidError{Field: "to", Problem: "before from"}
	}
	return nil
}

// Contains reports whether t is within the query's range.
func (q Query) Contains(t time.Time) bool {
	return (q.From.IsZero() || !t.Before(q.From)) && (q.To.IsZero() || t.Before(q.To))
}

// CheckKey reports whether kind and id could name a stored record. It
// returns nil or an error wrapping [ErrInvalid]. Stores call it in Get and
// Delete.
func CheckKey(kind Kind, id string) error {
	if !kind.Known() {
		return &InvalidError{Kind: kind, ID: id, Field: "kind", Problem: fmt.Sprintf("unknown kind %q", string(kind))}
	}
	if p := checkID(id); p != "" {
		return &InvalidError{Kind: kind, ID: id, Field: "id", Problem: p}
	}
	return nil
}

// CheckList reports whether kind and q are valid arguments to
// [Store.List], so that every store checks them the same way. It returns nil
// or an error wrapping [ErrInvalid].
func CheckList(kind Kind, q Query) error {
	if !kind.Known() {
		return &InvalidError{Kind: kind, Field: "kind", Problem: fmt.Sprintf("unknown kind %q", string(kind))}
	}
	return q.Validate()
}

// Watcher is implemented by stores whose data can be changed by others at
// the same time, such as IndexedDB shared by several browser tabs. The UI
// can use it, through a type assertion on its Store, to refresh a view.
type Watcher interface {
	// Watch calls fn, on a new goroutine, after someone else commits a
	// change to records of the given kind; kind is "" when any record
	// may have changed (after a restore or a clear). The returned stop
	// function ends the watch.
	Watch(fn func(kind Kind)) (stop func())
}

// Usage is the browser's estimate of the storage used by the app and
// available to it, in bytes.
type Usage struct {
	Used  int64 // bytes used by this site
	Quota int64 // bytes this site may use in total
}
