//go:build js && wasm

package indexeddb

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hack-pad/safejs"

	"kintsugi/app/userdata"
)

// SchemaVersion is the IndexedDB version of the database this package
// creates and reads. Every change to object stores, indexes or the shape of
// stored values bumps it and adds a step to steps.
//
// Version 1 kept records in the object store "records", keyed by
// [kind, id], with an index "kind". Values were objects with the string
// fields kind, id, date, created, updated (RFC 3339 times with their zone
// offset) and data (the record's JSON as a string).
//
// Version 2 adds to every value the field at, the date as a fixed-width UTC
// string that sorts like the instant it names, and the index "by-kind-date"
// on [kind, at] that [Store.List] reads; the "kind" index is dropped.
//
// To change the schema: bump SchemaVersion, append a step, and add a
// fixture of the old schema to testdata (as testdata/v1.json) with a test
// that opens it with the current code.
const SchemaVersion = 2

// Names in the database.
const (
	recordsStore    = "records"      // the one object store, keyed by [kind, id]
	byKindDateIndex = "by-kind-date" // index on [kind, at], since v2
	kindIndexV1     = "kind"         // index on kind, v1 only
)

// atLayout formats the "at" field: fixed width, so that strings sort like
// times for every year MinTime to MaxTime allows.
const atLayout = "2006-01-02T15:04:05.000000000Z"

func atKey(t time.Time) string { return t.UTC().Format(atLayout) }

// step upgrades the schema from version i to i+1, where i is its index in
// steps. It runs inside the upgrade transaction: returning an error aborts
// the transaction and undoes every step of the upgrade.
type step func(u *upgrade) error

// steps holds the upgrade from version i to i+1 at index i.
var steps = []step{
	0: createV1,
	1: upgradeV1toV2,
}

// upgrade is what a step can use: the database and its upgrade transaction.
type upgrade struct {
	db safejs.Value
	tx safejs.Value
}

func createV1(u *upgrade) error {
	opts := map[string]any{"keyPath": []any{"kind", "id"}}
	st, err := call(u.db, "createObjectStore", recordsStore, opts)
	if err != nil {
		return fmt.Errorf("create store %s: %w", recordsStore, err)
	}
	if _, err := call(st, "createIndex", kindIndexV1, "kind"); err != nil {
		return fmt.Errorf("create index %s: %w", kindIndexV1, err)
	}
	return nil
}

func upgradeV1toV2(u *upgrade) error {
	st, err := call(u.tx, "objectStore", recordsStore)
	if err != nil {
		return err
	}
	err = u.each(st, func(cursor, value safejs.Value) error {
		date := stringProp(value, "date")
		t, err := time.Parse(time.RFC3339Nano, date)
		if err != nil {
			return fmt.Errorf("record %s/%s: date %q: %w", stringProp(value, "kind"), stringProp(value, "id"), date, err)
		}
		if err := value.Set("at", atKey(t)); err != nil {
			return err
		}
		_, err = call(cursor, "update", value)
		return err
	})
	if err != nil {
		return err
	}
	if _, err := call(st, "createIndex", byKindDateIndex, []any{"kind", "at"}); err != nil {
		return fmt.Errorf("create index %s: %w", byKindDateIndex, err)
	}
	if _, err := call(st, "deleteIndex", kindIndexV1); err != nil {
		return fmt.Errorf("delete index %s: %w", kindIndexV1, err)
	}
	return nil
}

// each calls fn with every value in the object store st, in key order,
// and a cursor positioned on it. It must run on a goroutine other than the
// browser's event goroutine: it blocks until the cursor is done.
func (u *upgrade) each(st safejs.Value, fn func(cursor, value safejs.Value) error) error {
	req, err := call(st, "openCursor")
	if err != nil {
		return err
	}
	type step struct {
		cursor safejs.Value // null when done
		err    error
	}
	ch := make(chan step, 1)
	var l listeners
	defer l.release()
	err = l.on(req, "onsuccess", func(safejs.Value) {
		c, err := req.Get("result")
		ch <- step{cursor: c, err: err}
	})
	if err == nil {
		err = l.on(req, "onerror", func(safejs.Value) {
			e, _ := req.Get("error")
			ch <- step{err: fromDOMException(e)}
		})
	}
	if err != nil {
		return err
	}
	for {
		s := <-ch
		if s.err != nil {
			return s.err
		}
		if s.cursor.IsNull() || s.cursor.IsUndefined() {
			return nil
		}
		value, err := s.cursor.Get("value")
		if err != nil {
			return err
		}
		if err := fn(s.cursor, value); err != nil {
			return err
		}
		if _, err := call(s.cursor, "continue"); err != nil {
			return err
		}
	}
}

// value is a record as stored: every field is a string, so a value can
// cross between Go and JS as JSON in one call per batch instead of one
// call per field.
type value struct {
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Date    string `json:"date"`    // RFC 3339 with the zone offset kept
	At      string `json:"at"`      // atKey(Date), for the index
	Created string `json:"created"` // RFC 3339
	Updated string `json:"updated"` // RFC 3339
	Data    string `json:"data"`    // the record's JSON object
}

func toValue(r userdata.Record) value {
	return value{
		Kind:    string(r.Kind),
		ID:      r.ID,
		Date:    r.Date.Format(time.RFC3339Nano),
		At:      atKey(r.Date),
		Created: r.Created.Format(time.RFC3339Nano),
		Updated: r.Updated.Format(time.RFC3339Nano),
		Data:    string(r.Data),
	}
}

// encodeAll turns recs into a JS array of stored values.
func encodeAll(recs []userdata.Record) (safejs.Value, error) {
	vals := make([]value, len(recs))
	for i, r := range recs {
		vals[i] = toValue(r)
	}
	b, err := json.Marshal(vals)
	if err != nil {
		return safejs.Undefined(), err
	}
	return jsonParse(string(b))
}

// errCorrupt reports a stored value this package cannot read back.
var errCorrupt = errors.New("stored value is damaged")

// decodeAll turns a JS array of stored values back into records.
func decodeAll(arr safejs.Value) ([]userdata.Record, error) {
	text, err := jsonStringify(arr)
	if err != nil {
		return nil, err
	}
	vals, err := parseValues(text)
	if err != nil {
		return nil, err
	}
	recs := make([]userdata.Record, len(vals))
	for i, v := range vals {
		if recs[i], err = v.record(); err != nil {
			return nil, err
		}
	}
	return recs, nil
}

// decode turns one stored value back into a record.
func decode(v safejs.Value) (userdata.Record, error) {
	text, err := jsonStringify(v)
	if err != nil {
		return userdata.Record{}, err
	}
	vals, err := parseValues("[" + text + "]")
	if err != nil {
		return userdata.Record{}, err
	}
	return vals[0].record()
}

func (v value) record() (userdata.Record, error) {
	r := userdata.Record{Kind: userdata.Kind(v.Kind), ID: v.ID, Data: []byte(v.Data)}
	for _, f := range []struct {
		name, s string
		dst     *time.Time
	}{{"date", v.Date, &r.Date}, {"created", v.Created, &r.Created}, {"updated", v.Updated, &r.Updated}} {
		t, err := time.Parse(time.RFC3339Nano, f.s)
		if err != nil {
			return userdata.Record{}, fmt.Errorf("%w: record %s/%s: %s %q", errCorrupt, r.Kind, r.ID, f.name, f.s)
		}
		*f.dst = t
	}
	return r, nil
}

// jsonParse returns JSON.parse(text).
func jsonParse(text string) (safejs.Value, error) {
	j, err := global("JSON")
	if err != nil {
		return safejs.Undefined(), err
	}
	return call(j, "parse", text)
}

// jsonStringify returns JSON.stringify(v).
func jsonStringify(v safejs.Value) (string, error) {
	j, err := global("JSON")
	if err != nil {
		return "", err
	}
	s, err := call(j, "stringify", v)
	if err != nil {
		return "", err
	}
	if s.Type() != safejs.TypeString {
		return "", fmt.Errorf("%w: %v instead of an object", errCorrupt, v.Type())
	}
	return s.String()
}
