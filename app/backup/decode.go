package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"kintsugi/app/userdata"
)

// envelope names the top-level fields of one format version.
type envelope struct {
	created string // the creation time
	records string // the array of records
	count   bool   // whether "count" is present
}

var envelopes = map[int]envelope{
	1: {created: "exported", records: "entries"},
	2: {created: "created", records: "records", count: true},
}

// Decode reads a backup file. It returns the backup only if every check
// in the package documentation passes; otherwise it returns an [*Error].
func Decode(data []byte) (Backup, error) {
	b, err := decode(data)
	if err != nil {
		return Backup{}, err
	}
	return b, nil
}

func decode(data []byte) (Backup, *Error) {
	switch {
	case len(data) == 0:
		return Backup{}, fail(ErrEmpty, -1, "")
	case len(data) > MaxSize:
		return Backup{}, fail(ErrTooLarge, -1, "%d bytes, more than the limit of %d", len(data), MaxSize)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte order mark some editors add
	if len(bytes.TrimSpace(data)) == 0 {
		return Backup{}, fail(ErrEmpty, -1, "")
	}

	var top map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&top); err != nil {
		return Backup{}, syntaxError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Backup{}, fail(ErrNotJSON, -1, "something follows the end of the backup")
	}
	if top == nil {
		return Backup{}, fail(ErrNotBackup, -1, "")
	}
	var format string
	if err := json.Unmarshal(top["format"], &format); err != nil || format != Format {
		return Backup{}, fail(ErrNotBackup, -1, "")
	}
	rawVersion, ok := top["version"]
	if !ok {
		return Backup{}, fail(ErrMissingField, -1, `field "version"`)
	}
	version, err := parseCount(rawVersion)
	if err != nil {
		return Backup{}, fail(ErrUnsupportedVersion, -1, "version %s", clip(rawVersion))
	}
	if version > Version {
		return Backup{}, fail(ErrNewerVersion, -1, "format version %d", version)
	}
	env, ok := envelopes[version]
	if !ok {
		return Backup{}, fail(ErrUnsupportedVersion, -1, "format version %d", version)
	}

	allowed := map[string]bool{"format": true, "version": true, "checksum": true, env.created: true, env.records: true}
	if env.count {
		allowed["count"] = true
	}
	for name := range top {
		if !allowed[name] {
			return Backup{}, fail(ErrUnknownField, -1, "field %q", name)
		}
	}
	for name := range allowed {
		if _, ok := top[name]; !ok {
			return Backup{}, fail(ErrMissingField, -1, "field %q", name)
		}
	}

	created, err := parseTime(top[env.created])
	if err != nil {
		return Backup{}, fail(ErrWrongType, -1, "field %q: %v", env.created, err)
	}
	var sum string
	if err := json.Unmarshal(top["checksum"], &sum); err != nil || !isSHA256Hex(sum) {
		return Backup{}, fail(ErrWrongType, -1, `field "checksum": not a SHA-256 checksum`)
	}
	var rawRecords []json.RawMessage
	if err := json.Unmarshal(top[env.records], &rawRecords); err != nil || rawRecords == nil {
		return Backup{}, fail(ErrWrongType, -1, "field %q: not a list", env.records)
	}
	if env.count {
		count, err := parseCount(top["count"])
		if err != nil {
			return Backup{}, fail(ErrWrongType, -1, `field "count": not a whole number`)
		}
		if count != len(rawRecords) {
			return Backup{}, fail(ErrCount, -1, "it says %d, it holds %d", count, len(rawRecords))
		}
	}

	recs := make([]record, len(rawRecords))
	for i, raw := range rawRecords {
		r, err := parseRecord(raw)
		if err != nil {
			err.Record = i
			return Backup{}, err
		}
		recs[i] = r
	}
	got, err := checksum(recs)
	if err != nil {
		return Backup{}, &Error{Err: ErrWrongType, Record: -1, Cause: err}
	}
	if got != sum {
		return Backup{}, fail(ErrChecksum, -1, "")
	}

	out := Backup{Version: version, Created: created, Records: make([]userdata.Record, len(recs))}
	seen := make(map[[2]string]int, len(recs))
	for i, r := range recs {
		kind := userdata.Kind(r.Kind)
		if !kind.Known() {
			return Backup{}, fail(ErrUnknownKind, i, "type %q", r.Kind)
		}
		rec := userdata.Record{Kind: kind, ID: r.ID, Data: r.Data}
		// parseRecord checked the times parse.
		rec.Date, _ = time.Parse(time.RFC3339Nano, r.Date)
		rec.Created, _ = time.Parse(time.RFC3339Nano, r.Created)
		rec.Updated, _ = time.Parse(time.RFC3339Nano, r.Updated)
		if err := rec.Validate(); err != nil {
			detail := "invalid"
			if ie, ok := errors.AsType[*userdata.InvalidError](err); ok {
				detail = fmt.Sprintf("%s: %s", ie.Field, ie.Problem)
			}
			return Backup{}, &Error{Err: ErrInvalidRecord, Record: i, Detail: detail, Cause: err}
		}
		key := [2]string{r.Kind, r.ID}
		if j, dup := seen[key]; dup {
			return Backup{}, fail(ErrDuplicate, i, "same as entry %d", j+1)
		}
		seen[key] = i
		out.Records[i] = rec
	}
	return out, nil
}

// syntaxError classifies a failure to parse the file as an object.
func syntaxError(data []byte, err error) *Error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) && bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")):
		return fail(ErrTruncated, -1, "")
	case isTypeError(err):
		return fail(ErrNotBackup, -1, "")
	default:
		return fail(ErrNotJSON, -1, "")
	}
}

// parseRecord checks one record's fields and their types.
func parseRecord(raw json.RawMessage) (record, *Error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return record{}, fail(ErrWrongType, -1, "not an object")
	}
	for name := range fields {
		if !contains(recordFields, name) {
			return record{}, fail(ErrUnknownField, -1, "field %q", name)
		}
	}
	for _, name := range recordFields {
		if _, ok := fields[name]; !ok {
			return record{}, fail(ErrMissingField, -1, "field %q", name)
		}
	}
	var r record
	for _, f := range []struct {
		name string
		dst  *string
	}{{"kind", &r.Kind}, {"id", &r.ID}, {"date", &r.Date}, {"created", &r.Created}, {"updated", &r.Updated}} {
		if err := json.Unmarshal(fields[f.name], f.dst); err != nil || string(fields[f.name]) == "null" {
			return record{}, fail(ErrWrongType, -1, "field %q: not text", f.name)
		}
	}
	for _, f := range []struct {
		name string
		s    *string
	}{{"date", &r.Date}, {"created", &r.Created}, {"updated", &r.Updated}} {
		t, err := time.Parse(time.RFC3339Nano, *f.s)
		if err != nil {
			return record{}, fail(ErrWrongType, -1, "field %q: not a time", f.name)
		}
		*f.s = formatTime(t) // canonical, for the checksum
	}
	data := fields["data"]
	if !userdata.IsJSONObject(data) {
		return record{}, fail(ErrWrongType, -1, `field "data": not an object`)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		return record{}, fail(ErrWrongType, -1, `field "data": not an object`)
	}
	r.Data = compact.Bytes()
	return r, nil
}

// parseTime parses a JSON string holding an RFC 3339 time within the
// range records allow.
func parseTime(raw json.RawMessage) (time.Time, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil || string(raw) == "null" {
		return time.Time{}, errors.New("not text")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, errors.New("not a time")
	}
	if t.Before(userdata.MinTime) || !t.Before(userdata.MaxTime) {
		return time.Time{}, errors.New("time out of range")
	}
	return t, nil
}

// parseCount parses a JSON number that must be a non-negative integer
// written without sign, fraction or exponent.
func parseCount(raw json.RawMessage) (int, error) {
	s := string(raw)
	if s == "" || len(s) > 9 {
		return 0, errors.New("not a whole number")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, errors.New("not a whole number")
		}
	}
	return strconv.Atoi(s)
}

func isSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// clip returns raw JSON shortened for an error message.
func clip(raw json.RawMessage) string {
	const max = 20
	if len(raw) > max {
		return string(raw[:max]) + "…"
	}
	return string(raw)
}

// isTypeError reports whether err is JSON of the wrong shape.
func isTypeError(err error) bool {
	_, ok := errors.AsType[*json.UnmarshalTypeError](err)
	return ok
}
