// Package backup writes and reads Kintsugi backup files: every record the
// user has, in one JSON file they can keep wherever they like and restore
// from later, on this device or another.
//
// # File format
//
// A backup is a UTF-8 JSON object. The current version, [Version] 2, is:
//
//	{
//	  "format":   "kintsugi-backup",        // always this string
//	  "version":  2,                        // the format version, an integer
//	  "created":  "2026-03-01T09:30:00Z",   // when the backup was made, RFC 3339
//	  "count":    2,                        // the number of records
//	  "checksum": "9f86d0…",                // see below
//	  "records":  [
//	    {"kind":"journal","id":"a1","date":"…","created":"…","updated":"…","data":{…}},
//	    …
//	  ]
//	}
//
// Each record has exactly the fields of [userdata.Record]: kind and id
// are strings; date, created and updated are RFC 3339 times; data is a
// JSON object. [Encode] writes the records sorted by kind and ID, one per
// line, with times in UTC.
//
// The checksum is the SHA-256, in lowercase hex, of the canonical records
// payload: the records in file order, each encoded as the JSON object
// {"kind","id","date","created","updated","data"} in that field order,
// with times formatted as RFC 3339 with nanoseconds in UTC and data
// compacted, joined by commas inside [ and ]. It catches a file damaged in
// transit or edited by hand; it is not a signature.
//
// Version 1, written by the first release, differed only in its envelope:
// the time was called "exported", the records "entries", and there was no
// "count". [Decode] reads it and returns it as version 2 would.
//
// # Reading
//
// [Decode] checks everything before it returns a backup: size, JSON
// syntax, format, version, every field's type, the count, the checksum,
// every record's kind and validity, and duplicates. Its errors are
// [*Error] values wrapping one of the sentinels below, and their text is
// meant to be shown to the user as is.
package backup

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

// File format constants.
const (
	// Format is the value of every backup's "format" field.
	Format = "kintsugi-backup"
	// Version is the format version Encode writes. Decode reads it and
	// every earlier version.
	Version = 2
	// MaxSize is the largest backup file Encode writes and Decode reads,
	// in bytes (20 MiB): years of daily entries take a few MiB.
	MaxSize = 20 << 20
	// MediaType is the MIME type to save a backup file with.
	MediaType = "application/json"
)

// Backup is the content of a backup file.
type Backup struct {
	// Version is the format version the file was written in. Records are
	// always returned in the current form.
	Version int
	// Created is when the backup was made.
	Created time.Time
	// Records holds every record, in file order.
	Records []userdata.Record
}

// Sentinel errors wrapped by [*Error]. Their text is written for users.
var (
	ErrEmpty              = errors.New("the file is empty")
	ErrTooLarge           = errors.New("the file is too large to be a Kintsugi backup")
	ErrNotJSON            = errors.New("the file is not a Kintsugi backup: it is not JSON text")
	ErrTruncated          = errors.New("the file is incomplete: it ends too early, perhaps because a download or copy was cut short")
	ErrNotBackup          = errors.New("the file is not a Kintsugi backup")
	ErrNewerVersion       = errors.New("the backup was made by a newer version of Kintsugi; please update the app, then try again")
	ErrUnsupportedVersion = errors.New("the backup has a format version Kintsugi does not know")
	ErrUnknownField       = errors.New("the backup is damaged: it holds a field Kintsugi does not know")
	ErrMissingField       = errors.New("the backup is damaged: a required field is missing")
	ErrWrongType          = errors.New("the backup is damaged: a field holds the wrong kind of value")
	ErrCount              = errors.New("the backup is incomplete: it holds a different number of entries than it says")
	ErrChecksum           = errors.New("the backup was changed or damaged after it was made (its checksum does not match)")
	ErrUnknownKind        = errors.New("the backup holds a type of entry this version of Kintsugi does not know")
	ErrInvalidRecord      = errors.New("the backup holds an entry that is not valid")
	ErrDuplicate          = errors.New("the backup is damaged: it holds the same entry twice")
)

// Error is an error reading or writing a backup. It wraps one of the
// sentinel errors of this package and, for an invalid record, the
// [userdata.InvalidError] too.
type Error struct {
	// Err is the sentinel error: what went wrong.
	Err error
	// Record is the index of the record at fault, or -1.
	Record int
	// Detail says where or how, such as `field "date"`; it may be empty.
	Detail string
	// Cause is an underlying error, or nil. Its text is shown only when
	// Detail is empty.
	Cause error
}

// Error returns the sentinel's text followed by the details, such as
// `the backup is damaged: a field holds the wrong kind of value (entry 3:
// field "date": not a time)`.
func (e *Error) Error() string {
	var where []string
	if e.Record >= 0 {
		where = append(where, fmt.Sprintf("entry %d", e.Record+1))
	}
	if e.Detail != "" {
		where = append(where, e.Detail)
	}
	if e.Cause != nil && e.Detail == "" {
		where = append(where, e.Cause.Error())
	}
	if len(where) == 0 {
		return e.Err.Error()
	}
	return e.Err.Error() + " (" + strings.Join(where, ": ") + ")"
}

// Unwrap returns the sentinel and the cause, if any.
func (e *Error) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Err, e.Cause}
	}
	return []error{e.Err}
}

func fail(sentinel error, record int, detail string, args ...any) *Error {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	return &Error{Err: sentinel, Record: record, Detail: detail}
}

// record is a record as written in a backup file.
type record struct {
	Kind    string          `json:"kind"`
	ID      string          `json:"id"`
	Date    string          `json:"date"`
	Created string          `json:"created"`
	Updated string          `json:"updated"`
	Data    json.RawMessage `json:"data"`
}

var recordFields = []string{"kind", "id", "date", "created", "updated", "data"}

func fromRecord(r userdata.Record) record {
	return record{
		Kind:    string(r.Kind),
		ID:      r.ID,
		Date:    formatTime(r.Date),
		Created: formatTime(r.Created),
		Updated: formatTime(r.Updated),
		Data:    r.Data,
	}
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// marshal encodes v as compact JSON without HTML escaping.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// checksum returns the hex SHA-256 of the canonical payload of recs.
func checksum(recs []record) (string, error) {
	h := sha256.New()
	h.Write([]byte("["))
	for i, r := range recs {
		if i > 0 {
			h.Write([]byte(","))
		}
		b, err := marshal(r)
		if err != nil {
			return "", err
		}
		h.Write(b)
	}
	h.Write([]byte("]"))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Encode returns a backup file holding records, made at now. Records are
// written sorted by kind and ID. It returns an error if a record is
// invalid, two records share a kind and ID, now is outside the times
// records allow, or the file would exceed [MaxSize].
func Encode(records []userdata.Record, now time.Time) ([]byte, error) {
	if now.Before(userdata.MinTime) || !now.Before(userdata.MaxTime) {
		return nil, fmt.Errorf("encode backup: time %v out of range: %w", now, userdata.ErrInvalid)
	}
	sorted := slices.Clone(records)
	order.Stable(sorted, func(a, b userdata.Record) int {
		if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	recs := make([]record, len(sorted))
	for i, r := range sorted {
		if err := r.Validate(); err != nil {
			return nil, fmt.Errorf("encode backup: %w", err)
		}
		if i > 0 && r.Kind == sorted[i-1].Kind && r.ID == sorted[i-1].ID {
			return nil, &Error{Err: ErrDuplicate, Record: -1, Detail: fmt.Sprintf("%s %q", r.Kind, r.ID)}
		}
		recs[i] = fromRecord(r)
	}
	sum, err := checksum(recs)
	if err != nil {
		return nil, fmt.Errorf("encode backup: %w", err)
	}

	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"format":%q,"version":%d,"created":%q,"count":%d,"checksum":%q,"records":[`,
		Format, Version, formatTime(now), len(recs), sum)
	for i, r := range recs {
		b, err := marshal(r)
		if err != nil {
			return nil, fmt.Errorf("encode backup: %w", err)
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		buf.Write(b)
	}
	buf.WriteString("\n]}\n")
	if buf.Len() > MaxSize {
		return nil, fail(ErrTooLarge, -1, "%d bytes, more than the limit of %d", buf.Len(), MaxSize)
	}
	return buf.Bytes(), nil
}

// FileName returns a name to save a backup made at now under, such as
// "kintsugi-backup-2026-03-01.json".
func FileName(now time.Time) string {
	return "kintsugi-backup-" + now.Format("2006-01-02") + ".json"
}
