// Package userdata defines what Kintsugi stores about its user: the
// [Record] every piece of user data is kept in, the fixed set of record
// kinds, the rules a record must follow, the errors a store reports, and
// the small [Store] interface the UI depends on.
//
// The package is pure Go and never touches the browser. Two adapters
// implement [Store]: app/indexeddb (the browser's IndexedDB, used by the
// app) and app/inmem (a map, used by native tests and as a fallback when
// IndexedDB is unavailable). Both pass the conformance suite in
// app/userdata/storetest.
//
// # Records
//
// A record is identified by its kind and ID. Its Data holds the kind's own
// fields as a JSON object; this package checks only that Data is a JSON
// object of reasonable size, so that kinds can gain fields without a
// storage migration. Date is the day or moment the record is about (the day
// of a check-in, the moment a trigger happened) and is what [Store.List]
// orders by. Created and Updated are set by the caller, usually with
// [New] and [Record.Update].
//
// # Errors
//
// Stores return errors that wrap the sentinels [ErrNotFound],
// [ErrQuotaExceeded], [ErrBlocked], [ErrClosed], [ErrInvalid],
// [ErrVersion] and [ErrUnavailable]; test them with errors.Is. [Message]
// turns any error into a sentence that is safe and kind to show the user.
package userdata

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"
)

// Kind names what a record holds. Only the kinds in [Kinds] are valid.
type Kind string

// The known record kinds. Adding one is safe; removing or renaming one
// needs a migration in every store and in app/backup.
const (
	KindCheckin       Kind = "checkin"        // a daily personal check-in
	KindCoupleCheckin Kind = "couple-checkin" // a check-in done together
	KindJournal       Kind = "journal"        // a journal entry
	KindTrigger       Kind = "trigger"        // a logged trigger and the response to it
	KindMilestone     Kind = "milestone"      // a milestone the user marked
	KindExercise      Kind = "exercise"       // progress on a guided exercise
	KindReading       Kind = "reading"        // reading progress through the guide
	KindBookmark      Kind = "bookmark"       // a bookmarked guide page
	KindSetting       Kind = "setting"        // a preference, such as [Settings]
	KindSafety        Kind = "safety"         // the personal safety plan and contacts
)

var kinds = []Kind{
	KindCheckin,
	KindCoupleCheckin,
	KindJournal,
	KindTrigger,
	KindMilestone,
	KindExercise,
	KindReading,
	KindBookmark,
	KindSetting,
	KindSafety,
}

// Kinds returns every known kind, in a fixed order suitable for display.
// The caller may modify the returned slice.
func Kinds() []Kind {
	return append([]Kind(nil), kinds...)
}

// Known reports whether k is one of the known kinds.
func (k Kind) Known() bool {
	for _, known := range kinds {
		if k == known {
			return true
		}
	}
	return false
}

// Limits on records, enforced by [Record.Validate].
const (
	// MaxIDLen is the longest allowed record ID, in bytes.
	MaxIDLen = 128
	// MaxDataSize is the largest allowed Data, in bytes (256 KiB): a long
	// journal entry is a few tens of KiB.
	MaxDataSize = 256 << 10
)

// MinTime and MaxTime bound every time in a valid record. Times outside
// them are almost certainly a bug (a zero time, a unit mix-up), and keeping
// years at four digits keeps the stores' sortable date keys simple.
var (
	MinTime = time.Date(1900, time.January, 1, 0, 0, 0, 0, time.UTC)
	MaxTime = time.Date(2200, time.January, 1, 0, 0, 0, 0, time.UTC)
)

// Record is one piece of user data. See the package documentation.
type Record struct {
	// Kind says what the record holds.
	Kind Kind `json:"kind"`
	// ID identifies the record within its kind: 1 to MaxIDLen bytes of
	// ASCII letters, digits, '-', '_', '.' and ':'.
	ID string `json:"id"`
	// Date is the day or moment the record is about; lists are ordered by it.
	Date time.Time `json:"date"`
	// Created is when the record was first saved.
	Created time.Time `json:"created"`
	// Updated is when the record was last changed; never before Created.
	Updated time.Time `json:"updated"`
	// Data holds the kind's fields as a JSON object.
	Data json.RawMessage `json:"data"`
}

// New returns a record of the given kind and ID about date, with data
// encoded as its Data and Created and Updated set to now. It returns an
// error wrapping [ErrInvalid] if data does not encode to a JSON object or
// the record is otherwise invalid.
func New(kind Kind, id string, date time.Time, data any, now time.Time) (Record, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return Record{}, &InvalidError{Kind: kind, ID: id, Field: "data", Problem: err.Error()}
	}
	r := Record{Kind: kind, ID: id, Date: date, Created: now, Updated: now, Data: b}
	if err := r.Validate(); err != nil {
		return Record{}, err
	}
	return r, nil
}

// NewID returns a new random record ID: 32 lowercase hex digits.
func NewID() string {
	var b [16]byte
	rand.Read(b[:]) // never returns an error; see crypto/rand
	return hex.EncodeToString(b[:])
}

// Update returns a copy of r with Updated set to now (never before Created)
// and Data replaced by data encoded as JSON.
func (r Record) Update(data any, now time.Time) (Record, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return Record{}, &InvalidError{Kind: r.Kind, ID: r.ID, Field: "data", Problem: err.Error()}
	}
	r.Data = b
	r.Updated = now
	if r.Updated.Before(r.Created) {
		r.Updated = r.Created
	}
	if err := r.Validate(); err != nil {
		return Record{}, err
	}
	return r, nil
}

// Decode unmarshals r.Data into v.
func (r Record) Decode(v any) error {
	if err := json.Unmarshal(r.Data, v); err != nil {
		return fmt.Errorf("decode %s record %q: %w", r.Kind, r.ID, err)
	}
	return nil
}

// Clone returns a copy of r that shares no memory with it.
func (r Record) Clone() Record {
	if r.Data != nil {
		r.Data = bytes.Clone(r.Data)
	}
	return r
}

// Validate reports whether r may be stored. It returns nil or an
// [*InvalidError], which wraps [ErrInvalid]. A valid record has a known
// kind; a valid ID (see [ValidID]); Date, Created and Updated within
// [MinTime, MaxTime) with Updated not before Created; and Data that is a
// JSON object in valid UTF-8 of at most [MaxDataSize] bytes.
func (r Record) Validate() error {
	bad := func(field, problem string) error {
		return &InvalidError{Kind: r.Kind, ID: r.ID, Field: field, Problem: problem}
	}
	if !r.Kind.Known() {
		return bad("kind", fmt.Sprintf("unknown kind %q", string(r.Kind)))
	}
	if err := checkID(r.ID); err != "" {
		return bad("id", err)
	}
	for _, f := range []struct {
		name string
		t    time.Time
	}{{"date", r.Date}, {"created", r.Created}, {"updated", r.Updated}} {
		if err := checkTime(f.t); err != "" {
			return bad(f.name, err)
		}
	}
	if r.Updated.Before(r.Created) {
		return bad("updated", "before created")
	}
	if len(r.Data) > MaxDataSize {
		return bad("data", fmt.Sprintf("%d bytes, more than the limit of %d", len(r.Data), MaxDataSize))
	}
	if !IsJSONObject(r.Data) {
		return bad("data", "not a JSON object")
	}
	if !utf8.Valid(r.Data) {
		return bad("data", "not valid UTF-8")
	}
	return nil
}

// ValidID reports whether id is a valid record ID: 1 to [MaxIDLen] bytes of
// ASCII letters, digits, '-', '_', '.' and ':'.
func ValidID(id string) bool {
	return checkID(id) == ""
}

func checkID(id string) string {
	switch {
	case id == "":
		return "empty"
	case len(id) > MaxIDLen:
		return fmt.Sprintf("%d bytes, more than the limit of %d", len(id), MaxIDLen)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == ':':
		default:
			return fmt.Sprintf("character %q not allowed", c)
		}
	}
	return ""
}

func checkTime(t time.Time) string {
	switch {
	case t.IsZero():
		return "missing"
	case t.Before(MinTime):
		return "before 1900"
	case !t.Before(MaxTime):
		return "after 2199"
	}
	return ""
}

// IsJSONObject reports whether b is valid JSON whose top-level value is an
// object.
func IsJSONObject(b []byte) bool {
	trimmed := bytes.TrimLeft(b, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '{' && json.Valid(b)
}
