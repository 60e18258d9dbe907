package backup_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kintsugi/app/backup"
	"kintsugi/app/userdata"
	"kintsugi/app/userdata/storetest"
)

var update = flag.Bool("update", false, "rewrite the files in testdata from corpus")

var now = time.Date(2026, time.March, 1, 9, 30, 0, 0, time.UTC)

// sample returns a few valid records of different kinds, not sorted.
func sample() []userdata.Record {
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	return []userdata.Record{
		{Kind: userdata.KindJournal, ID: "j2", Date: at("2026-02-10T21:00:00+01:00"), Created: at("2026-02-10T20:05:00Z"),
			Updated: at("2026-02-11T07:00:00.123456789Z"), Data: json.RawMessage(`{ "title": "After the talk", "text": "We said <true> things & it hurt.\nZoë 😊" }`)},
		{Kind: userdata.KindCheckin, ID: "2026-02-11", Date: at("2026-02-11T08:00:00Z"), Created: at("2026-02-11T08:00:00Z"),
			Updated: at("2026-02-11T08:00:00Z"), Data: json.RawMessage(`{"mood":3}`)},
		{Kind: userdata.KindJournal, ID: "j1", Date: at("2026-01-01T00:00:00Z"), Created: at("2026-01-01T00:00:00Z"),
			Updated: at("2026-01-01T00:00:00Z"), Data: json.RawMessage(`{}`)},
		{Kind: userdata.KindSetting, ID: userdata.SettingsID, Date: at("2025-12-24T12:00:00Z"), Created: at("2025-12-24T12:00:00Z"),
			Updated: at("2025-12-24T12:00:00Z"), Data: json.RawMessage(`{"theme":"dark","textSize":"large","lineSpacing":"normal"}`)},
	}
}

func mustEncode(t testing.TB, recs []userdata.Record) []byte {
	t.Helper()
	b, err := backup.Encode(recs, now)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return b
}

func TestRoundTrip(t *testing.T) {
	many := make([]userdata.Record, 0, 500)
	for i := range 500 {
		r := sample()[i%4]
		r.ID = fmt.Sprintf("r%04d", i)
		many = append(many, r)
	}
	tests := []struct {
		name string
		recs []userdata.Record
	}{
		{"sample", sample()},
		{"none", nil},
		{"many", many},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := mustEncode(t, tc.recs)
			got, err := backup.Decode(file)
			if err != nil {
				t.Fatalf("Decode: %v\n%s", err, file)
			}
			want := append([]userdata.Record(nil), tc.recs...)
			storetest.SortByKey(want)
			if d := storetest.DiffAll(got.Records, want); d != "" {
				t.Errorf("records: %s", d)
			}
			if got.Version != backup.Version || !got.Created.Equal(now) {
				t.Errorf("got version %d created %v, want %d and %v", got.Version, got.Created, backup.Version, now)
			}
			again, err := backup.Encode(got.Records, got.Created)
			if err != nil {
				t.Fatalf("Encode of the decoded backup: %v", err)
			}
			if !bytes.Equal(again, file) {
				t.Errorf("Encode(Decode(file)) differs from file:\n%s\nwant\n%s", again, file)
			}
		})
	}
}

// TestReformatted checks that the checksum covers the records, not the
// bytes: a backup re-indented by an editor still reads.
func TestReformatted(t *testing.T) {
	file := mustEncode(t, sample())
	var indented bytes.Buffer
	if err := json.Indent(&indented, file, "", "    "); err != nil {
		t.Fatal(err)
	}
	withBOM := append([]byte("\xef\xbb\xbf"), file...)
	for name, b := range map[string][]byte{"indented": indented.Bytes(), "byte order mark": withBOM} {
		got, err := backup.Decode(b)
		if err != nil {
			t.Fatalf("Decode of the %s file: %v", name, err)
		}
		if len(got.Records) != 4 {
			t.Errorf("Decode of the %s file: got %d records, want 4", name, len(got.Records))
		}
	}
}

func TestEncodeErrors(t *testing.T) {
	dup := append(sample(), sample()[0])
	bad := sample()
	bad[2].ID = "not ok"
	var huge []userdata.Record
	for i := range backup.MaxSize/userdata.MaxDataSize + 1 {
		r := sample()[2]
		r.ID = fmt.Sprint("big", i)
		r.Data = json.RawMessage(`{"t":"` + strings.Repeat("x", userdata.MaxDataSize-8) + `"}`)
		huge = append(huge, r)
	}
	tests := []struct {
		name string
		recs []userdata.Record
		now  time.Time
		want error
	}{
		{"invalid record", bad, now, userdata.ErrInvalid},
		{"duplicate", dup, now, backup.ErrDuplicate},
		{"zero time", sample(), time.Time{}, userdata.ErrInvalid},
		{"too large", huge, now, backup.ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := backup.Encode(tc.recs, tc.now)
			if !errors.Is(err, tc.want) {
				t.Errorf("Encode: got %d bytes, error %v; want %v", len(b), err, tc.want)
			}
		})
	}
}

// file is a backup file as a generic JSON value, to be broken on purpose.
type file map[string]any

func parseFile(t testing.TB, b []byte) file {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	f := make(file)
	for k, v := range top {
		if k != "records" {
			d := json.NewDecoder(bytes.NewReader(v))
			d.UseNumber()
			var x any
			if err := d.Decode(&x); err != nil {
				t.Fatal(err)
			}
			f[k] = x
			continue
		}
		// Keep each record's fields as raw JSON, so that data keeps its
		// bytes (and the checksum stays right) unless a test changes it.
		var recs []map[string]json.RawMessage
		if err := json.Unmarshal(v, &recs); err != nil {
			t.Fatal(err)
		}
		var list []any
		for _, r := range recs {
			m := make(map[string]any)
			for name, raw := range r {
				m[name] = raw
			}
			list = append(list, m)
		}
		f[k] = list
	}
	return f
}

func (f file) records() []any { return f["records"].([]any) }

func (f file) record(i int) map[string]any { return f.records()[i].(map[string]any) }

// resum sets the checksum as the package documentation defines it,
// computed independently of the package's code.
func (f file) resum(t testing.TB, key string) file {
	t.Helper()
	var parts []string
	for _, r := range f[key].([]any) {
		m := r.(map[string]any)
		var b strings.Builder
		b.WriteString("{")
		for i, name := range []string{"kind", "id", "date", "created", "updated", "data"} {
			if i > 0 {
				b.WriteString(",")
			}
			v := m[name]
			if raw, ok := v.(json.RawMessage); ok && name != "data" {
				var s string
				if err := json.Unmarshal(raw, &s); err != nil {
					t.Fatal(err)
				}
				v = s
			}
			if name == "date" || name == "created" || name == "updated" {
				tm, err := time.Parse(time.RFC3339Nano, v.(string))
				if err != nil {
					t.Fatal(err)
				}
				v = tm.UTC().Format(time.RFC3339Nano)
			}
			fmt.Fprintf(&b, "%q:%s", name, encodeNoHTML(t, v))
		}
		b.WriteString("}")
		parts = append(parts, b.String())
	}
	sum := sha256.Sum256([]byte("[" + strings.Join(parts, ",") + "]"))
	f["checksum"] = hex.EncodeToString(sum[:])
	return f
}

func encodeNoHTML(t testing.TB, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func (f file) bytes(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// valid returns a valid file to break.
func valid(t testing.TB) file { return parseFile(t, mustEncode(t, sample())) }

// toV1 rewrites a version 2 file as version 1 wrote it.
func toV1(f file) file {
	f["version"] = json.Number("1")
	f["exported"] = f["created"]
	f["entries"] = f["records"]
	delete(f, "created")
	delete(f, "records")
	delete(f, "count")
	return f
}

// corpus lists the files in testdata: how to make each (with -update)
// and the error Decode must return for it (nil: it must read).
func corpus() []struct {
	file string
	make func(t testing.TB) []byte
	want error
} {
	return []struct {
		file string
		make func(t testing.TB) []byte
		want error
	}{
		{"valid-v2.json", func(t testing.TB) []byte { return mustEncode(t, sample()) }, nil},
		{"valid-v1.json", func(t testing.TB) []byte { return toV1(valid(t)).bytes(t) }, nil},
		{"empty.json", func(t testing.TB) []byte { return nil }, backup.ErrEmpty},
		{"blank.json", func(t testing.TB) []byte { return []byte(" \n\t\n") }, backup.ErrEmpty},
		{"not-json.txt", func(t testing.TB) []byte {
			return []byte("Dear diary,\nToday was hard. We talked for an hour.\n")
		}, backup.ErrNotJSON},
		{"json-array.json", func(t testing.TB) []byte { return []byte(`[{"kind":"journal"}]`) }, backup.ErrNotBackup},
		{"wrong-format.json", func(t testing.TB) []byte {
			f := valid(t)
			f["format"] = "kintsugi-export"
			return f.bytes(t)
		}, backup.ErrNotBackup},
		{"future-version.json", func(t testing.TB) []byte {
			f := valid(t)
			f["version"] = json.Number("3")
			return f.bytes(t)
		}, backup.ErrNewerVersion},
		{"version-zero.json", func(t testing.TB) []byte {
			f := valid(t)
			f["version"] = json.Number("0")
			return f.bytes(t)
		}, backup.ErrUnsupportedVersion},
		{"version-text.json", func(t testing.TB) []byte {
			f := valid(t)
			f["version"] = "2"
			return f.bytes(t)
		}, backup.ErrUnsupportedVersion},
		{"checksum-mismatch.json", func(t testing.TB) []byte {
			f := valid(t)
			f.record(0)["data"] = map[string]any{"mood": json.Number("5")}
			return f.bytes(t)
		}, backup.ErrChecksum},
		{"checksum-malformed.json", func(t testing.TB) []byte {
			f := valid(t)
			f["checksum"] = "sha256:1234"
			return f.bytes(t)
		}, backup.ErrWrongType},
		{"truncated.json", func(t testing.TB) []byte {
			b := mustEncode(t, sample())
			return b[:len(b)*6/10]
		}, backup.ErrTruncated},
		{"unknown-kind.json", func(t testing.TB) []byte {
			f := valid(t)
			f.record(1)["kind"] = "diary"
			return f.resum(t, "records").bytes(t)
		}, backup.ErrUnknownKind},
		{"wrong-type.json", func(t testing.TB) []byte {
			f := valid(t)
			f.record(2)["date"] = json.Number("20260101")
			return f.bytes(t)
		}, backup.ErrWrongType},
		{"data-not-object.json", func(t testing.TB) []byte {
			f := valid(t)
			f.record(2)["data"] = "{}"
			return f.bytes(t)
		}, backup.ErrWrongType},
		{"count-mismatch.json", func(t testing.TB) []byte {
			f := valid(t)
			f["count"] = json.Number("5")
			return f.bytes(t)
		}, backup.ErrCount},
		{"unknown-field.json", func(t testing.TB) []byte {
			f := valid(t)
			f["passphrase"] = "hunter2"
			return f.bytes(t)
		}, backup.ErrUnknownField},
		{"missing-field.json", func(t testing.TB) []byte {
			f := valid(t)
			delete(f.record(0), "updated")
			return f.bytes(t)
		}, backup.ErrMissingField},
		{"duplicate.json", func(t testing.TB) []byte {
			f := valid(t)
			f["records"] = append(f.records(), f.records()[0])
			f["count"] = json.Number("5")
			return f.resum(t, "records").bytes(t)
		}, backup.ErrDuplicate},
		{"invalid-record.json", func(t testing.TB) []byte {
			f := valid(t)
			f.record(3)["id"] = "my settings"
			return f.resum(t, "records").bytes(t)
		}, backup.ErrInvalidRecord},
		{"v1-with-count.json", func(t testing.TB) []byte {
			f := toV1(valid(t))
			f["count"] = json.Number("4")
			return f.bytes(t)
		}, backup.ErrUnknownField},
	}
}

func TestCorpus(t *testing.T) {
	for _, tc := range corpus() {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.WriteFile(path, tc.make(t), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create the corpus)", err)
			}
			got, err := backup.Decode(data)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				want := sample()
				storetest.SortByKey(want)
				if d := storetest.DiffAll(got.Records, want); d != "" {
					t.Errorf("records: %s", d)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode: got error %v, want %v", err, tc.want)
			}
			var be *backup.Error
			if !errors.As(err, &be) {
				t.Fatalf("Decode: got %T, want *backup.Error", err)
			}
			checkReadable(t, err)
			if got.Records != nil || got.Version != 0 {
				t.Errorf("Decode returned a backup along with an error: %+v", got)
			}
		})
	}
}

// checkReadable fails if an error's text looks like it was written for a
// programmer.
func checkReadable(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	for _, bad := range []string{"json:", "unmarshal", "Go value", "[]", "map[", "interface", "%!", "<nil>"} {
		if strings.Contains(msg, bad) {
			t.Errorf("error text %q contains %q", msg, bad)
		}
	}
	if msg == "" || msg[0] < 'a' || msg[0] > 'z' || strings.HasSuffix(msg, ".") {
		t.Errorf("error text %q: want a lowercase phrase without a final period", msg)
	}
	t.Logf("message: %s", msg)
}

func TestDecodeVersion1(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "valid-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := backup.Decode(data)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if got.Version != 1 || !got.Created.Equal(now) {
		t.Errorf("got version %d created %v, want 1 and %v", got.Version, got.Created, now)
	}
	// Re-encoding migrates it to the current version.
	again, err := backup.Decode(mustEncode(t, got.Records))
	if err != nil || again.Version != backup.Version {
		t.Errorf("re-encoded v1 backup: version %d, %v", again.Version, err)
	}
}

func TestDecodeTooLarge(t *testing.T) {
	valid := mustEncode(t, sample())
	tests := []struct {
		name string
		size int
		want error
	}{
		{"at the limit", backup.MaxSize, nil},
		{"one byte over", backup.MaxSize + 1, backup.ErrTooLarge},
		{"ten times the limit", 10 * backup.MaxSize, backup.ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A valid backup padded with white space, which JSON allows.
			data := bytes.Repeat([]byte(" "), tc.size)
			copy(data, valid)
			start := time.Now()
			_, err := backup.Decode(data)
			if !errors.Is(err, tc.want) && !(tc.want == nil && err == nil) {
				t.Errorf("Decode of %d bytes: got error %v, want %v", tc.size, err, tc.want)
			}
			if tc.want != nil && time.Since(start) > time.Second {
				t.Errorf("Decode took %v to reject an oversized file, want it to check the size first", time.Since(start))
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		make func(t testing.TB) []byte
		want error
	}{
		{"null", func(t testing.TB) []byte { return []byte("null") }, backup.ErrNotBackup},
		{"string", func(t testing.TB) []byte { return []byte(`"kintsugi-backup"`) }, backup.ErrNotBackup},
		{"open brace", func(t testing.TB) []byte { return []byte("{") }, backup.ErrTruncated},
		{"binary", func(t testing.TB) []byte { return []byte("\x89PNG\r\n\x1a\n\x00\x00") }, backup.ErrNotJSON},
		{"trailing garbage", func(t testing.TB) []byte { return append(mustEncode(t, sample()), "x"...) }, backup.ErrNotJSON},
		{"format missing", func(t testing.TB) []byte { f := valid(t); delete(f, "format"); return f.bytes(t) }, backup.ErrNotBackup},
		{"format wrong type", func(t testing.TB) []byte { f := valid(t); f["format"] = json.Number("1"); return f.bytes(t) }, backup.ErrNotBackup},
		{"version missing", func(t testing.TB) []byte { f := valid(t); delete(f, "version"); return f.bytes(t) }, backup.ErrMissingField},
		{"version fraction", func(t testing.TB) []byte { f := valid(t); f["version"] = json.Number("2.0"); return f.bytes(t) }, backup.ErrUnsupportedVersion},
		{"version negative", func(t testing.TB) []byte { f := valid(t); f["version"] = json.Number("-1"); return f.bytes(t) }, backup.ErrUnsupportedVersion},
		{"version huge", func(t testing.TB) []byte { f := valid(t); f["version"] = json.Number("99999999999"); return f.bytes(t) }, backup.ErrUnsupportedVersion},
		{"created missing", func(t testing.TB) []byte { f := valid(t); delete(f, "created"); return f.bytes(t) }, backup.ErrMissingField},
		{"created not a time", func(t testing.TB) []byte { f := valid(t); f["created"] = "yesterday"; return f.bytes(t) }, backup.ErrWrongType},
		{"created null", func(t testing.TB) []byte { f := valid(t); f["created"] = nil; return f.bytes(t) }, backup.ErrWrongType},
		{"created year 1", func(t testing.TB) []byte { f := valid(t); f["created"] = "0001-01-01T00:00:00Z"; return f.bytes(t) }, backup.ErrWrongType},
		{"count missing", func(t testing.TB) []byte { f := valid(t); delete(f, "count"); return f.bytes(t) }, backup.ErrMissingField},
		{"count text", func(t testing.TB) []byte { f := valid(t); f["count"] = "4"; return f.bytes(t) }, backup.ErrWrongType},
		{"checksum missing", func(t testing.TB) []byte { f := valid(t); delete(f, "checksum"); return f.bytes(t) }, backup.ErrMissingField},
		{"checksum upper case", func(t testing.TB) []byte {
			f := valid(t)
			f["checksum"] = strings.ToUpper(f["checksum"].(string))
			return f.bytes(t)
		}, backup.ErrWrongType},
		{"records missing", func(t testing.TB) []byte { f := valid(t); delete(f, "records"); return f.bytes(t) }, backup.ErrMissingField},
		{"records null", func(t testing.TB) []byte { f := valid(t); f["records"] = nil; return f.bytes(t) }, backup.ErrWrongType},
		{"records an object", func(t testing.TB) []byte { f := valid(t); f["records"] = map[string]any{}; return f.bytes(t) }, backup.ErrWrongType},
		{"record not an object", func(t testing.TB) []byte { f := valid(t); f.records()[1] = "journal"; return f.bytes(t) }, backup.ErrWrongType},
		{"record null", func(t testing.TB) []byte { f := valid(t); f.records()[1] = nil; return f.bytes(t) }, backup.ErrWrongType},
		{"record extra field", func(t testing.TB) []byte { f := valid(t); f.record(1)["mood"] = json.Number("3"); return f.bytes(t) }, backup.ErrUnknownField},
		{"kind a number", func(t testing.TB) []byte { f := valid(t); f.record(1)["kind"] = json.Number("1"); return f.bytes(t) }, backup.ErrWrongType},
		{"id null", func(t testing.TB) []byte { f := valid(t); f.record(1)["id"] = nil; return f.bytes(t) }, backup.ErrWrongType},
		{"updated not a time", func(t testing.TB) []byte { f := valid(t); f.record(1)["updated"] = "soon"; return f.bytes(t) }, backup.ErrWrongType},
		{"data an array", func(t testing.TB) []byte { f := valid(t); f.record(1)["data"] = []any{}; return f.bytes(t) }, backup.ErrWrongType},
		{"data null", func(t testing.TB) []byte { f := valid(t); f.record(1)["data"] = nil; return f.bytes(t) }, backup.ErrWrongType},
		{"record fails Validate", func(t testing.TB) []byte {
			f := valid(t)
			f.record(1)["updated"] = "2000-01-01T00:00:00Z" // before created
			return f.resum(t, "records").bytes(t)
		}, backup.ErrInvalidRecord},
		{"record fails Validate wraps ErrInvalid", func(t testing.TB) []byte {
			f := valid(t)
			f.record(1)["date"] = "1850-01-01T00:00:00Z"
			return f.resum(t, "records").bytes(t)
		}, userdata.ErrInvalid},
		{"v1 with v2 names", func(t testing.TB) []byte {
			f := valid(t)
			f["version"] = json.Number("1")
			return f.bytes(t)
		}, backup.ErrUnknownField},
		{"v1 checksum mismatch", func(t testing.TB) []byte {
			f := toV1(valid(t))
			f["entries"] = f["entries"].([]any)[1:]
			return f.bytes(t)
		}, backup.ErrChecksum},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := backup.Decode(tc.make(t))
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode: got %d records, error %v; want %v", len(b.Records), err, tc.want)
			}
			checkReadable(t, err)
		})
	}
}

func TestSummary(t *testing.T) {
	b, err := backup.Decode(mustEncode(t, sample()))
	if err != nil {
		t.Fatal(err)
	}
	got := b.Summary()
	wantKinds := []backup.KindCount{{userdata.KindCheckin, 1}, {userdata.KindJournal, 2}, {userdata.KindSetting, 1}}
	if got.Total != 4 || fmt.Sprint(got.Kinds) != fmt.Sprint(wantKinds) {
		t.Errorf("Summary: got total %d kinds %v, want 4 and %v", got.Total, got.Kinds, wantKinds)
	}
	first := time.Date(2025, 12, 24, 12, 0, 0, 0, time.UTC)
	last := time.Date(2026, 2, 11, 8, 0, 0, 0, time.UTC)
	if !got.First.Equal(first) || !got.Last.Equal(last) || !got.Created.Equal(now) {
		t.Errorf("Summary: got first %v last %v created %v, want %v, %v, %v", got.First, got.Last, got.Created, first, last, now)
	}
	empty := backup.Backup{}.Summary()
	if empty.Total != 0 || empty.Kinds != nil || !empty.First.IsZero() || !empty.Last.IsZero() {
		t.Errorf("Summary of an empty backup: got %+v", empty)
	}
}

func TestFileName(t *testing.T) {
	if got, want := backup.FileName(now), "kintsugi-backup-2026-03-01.json"; got != want {
		t.Errorf("FileName: got %q, want %q", got, want)
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		err  *backup.Error
		want string
	}{
		{&backup.Error{Err: backup.ErrEmpty, Record: -1}, "the file is empty"},
		{&backup.Error{Err: backup.ErrWrongType, Record: 2, Detail: `field "date": not a time`},
			`the backup is damaged: a field holds the wrong kind of value (entry 3: field "date": not a time)`},
		{&backup.Error{Err: backup.ErrCount, Record: -1, Cause: errors.New("cause")},
			"the backup is incomplete: it holds a different number of entries than it says (cause)"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error: got %q, want %q", got, tc.want)
		}
	}
}

// FuzzDecode checks that Decode never panics, and that whatever it
// accepts encodes again and decodes to the same records.
func FuzzDecode(f *testing.F) {
	for _, tc := range corpus() {
		data, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := backup.Decode(data)
		if err != nil {
			var be *backup.Error
			if !errors.As(err, &be) {
				t.Fatalf("Decode: got %T %v, want *backup.Error", err, err)
			}
			return
		}
		_ = b.Summary()
		again, err := backup.Encode(b.Records, b.Created)
		if err != nil {
			t.Fatalf("Encode of an accepted backup: %v", err)
		}
		b2, err := backup.Decode(again)
		if err != nil {
			t.Fatalf("Decode of a re-encoded backup: %v", err)
		}
		want := append([]userdata.Record(nil), b.Records...)
		storetest.SortByKey(want)
		if d := storetest.DiffAll(b2.Records, want); d != "" {
			t.Fatalf("re-encoded records: %s", d)
		}
		if !b2.Created.Equal(b.Created) {
			t.Fatalf("re-encoded created: got %v, want %v", b2.Created, b.Created)
		}
	})
}

// FuzzEncode checks that every backup Encode writes, Decode reads back to
// the same records: the checksum and the escaping agree on both sides.
func FuzzEncode(f *testing.F) {
	f.Add("journal", "j1", []byte(`{"text":"hi <b> & \u2028 \"q\" 😊"}`), int64(0), int64(5), "checkin")
	f.Add("setting", "appearance", []byte(` { "a" : [1, 2.50, {"b":null}] } `), int64(-1e9), int64(0), "journal")
	f.Fuzz(func(t *testing.T, kind, id string, data []byte, dateSec, updatedSec int64, otherKind string) {
		date := time.Unix(1_700_000_000+dateSec%3_000_000_000, dateSec%1e9)
		created := date
		updated := created.Add(time.Duration(updatedSec%1e12) * time.Millisecond)
		recs := []userdata.Record{
			{Kind: userdata.Kind(kind), ID: id, Date: date, Created: created, Updated: updated, Data: data},
			{Kind: userdata.Kind(otherKind), ID: id, Date: date, Created: created, Updated: created, Data: json.RawMessage(`{}`)},
		}
		b, err := backup.Encode(recs, now)
		if err != nil {
			return // invalid records are Encode's to reject
		}
		got, err := backup.Decode(b)
		if err != nil {
			t.Fatalf("Decode of an encoded backup: %v\n%s", err, b)
		}
		storetest.SortByKey(recs)
		if d := storetest.DiffAll(got.Records, recs); d != "" {
			t.Fatalf("records: %s", d)
		}
	})
}
