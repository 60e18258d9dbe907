//go:build js && wasm

package indexeddb

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hack-pad/safejs"

	"kintsugi/app/userdata"
	"kintsugi/app/userdata/storetest"
)

// testdata holds fixtures of every old schema: databases as an old version
// of the app left them, created by hand in createFixture, never by steps.
//
//go:embed testdata/*.json
var testdata embed.FS

func loadFixture(t testing.TB, file string) schema {
	t.Helper()
	b, err := testdata.ReadFile("testdata/" + file)
	must(t, err)
	var fx schema
	if err := json.Unmarshal(b, &fx); err != nil {
		t.Fatalf("fixture %s: %v", file, err)
	}
	return fx
}

// wantSchema is the current schema, without values.
var wantSchema = schema{
	Version: SchemaVersion,
	Stores: []schemaStore{{
		Name:    "records",
		KeyPath: json.RawMessage(`["kind","id"]`),
		Indexes: []schemaIndex{{Name: "by-kind-date", KeyPath: json.RawMessage(`["kind","at"]`)}},
	}},
}

// v1Record is a value as schema v1 stored it.
type v1Record struct {
	Kind, ID, Date, Created, Updated, Data string
}

// fixtureRecords returns the records a fixture's values hold, as the app
// saw them.
func fixtureRecords(t testing.TB, fx schema) []userdata.Record {
	t.Helper()
	var recs []userdata.Record
	for _, v := range fx.Stores[0].Values {
		var raw v1Record
		must(t, json.Unmarshal(v, &raw))
		r := userdata.Record{Kind: userdata.Kind(raw.Kind), ID: raw.ID, Data: json.RawMessage(raw.Data)}
		var err error
		for _, f := range []struct {
			s   string
			dst *time.Time
		}{{raw.Date, &r.Date}, {raw.Created, &r.Created}, {raw.Updated, &r.Updated}} {
			*f.dst, err = time.Parse(time.RFC3339Nano, f.s)
			must(t, err)
		}
		must(t, r.Validate())
		recs = append(recs, r)
	}
	return recs
}

// TestSchemaFresh checks the schema of a database created from nothing.
func TestSchemaFresh(t *testing.T) {
	name := testName(t)
	s := mustOpen(t, name, Options{})
	s.Close()
	got := describeDB(t, name)
	if d := diffSchema(got, wantSchema); d != "" {
		t.Errorf("schema of a new database: %s", d)
	}
}

func TestUpgradeFromV1(t *testing.T) {
	ctx := context.Background()
	fx := loadFixture(t, "v1.json")
	want := fixtureRecords(t, fx)
	name := testName(t)
	createFixture(t, name, fx)

	s := mustOpen(t, name, Options{})
	got, err := s.All(ctx)
	if err != nil {
		t.Fatalf("All: %v", err)
	}
	storetest.SortByKey(want)
	if d := storetest.DiffAll(got, want); d != "" {
		t.Errorf("All after upgrade: %s", d)
	}

	// The new index lists the old records by date.
	list, err := s.List(ctx, userdata.KindCheckin, userdata.Query{Newest: true})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	var ids []string
	for _, r := range list {
		ids = append(ids, r.ID)
	}
	if wantIDs := []string{"2024-05-02", "2024-05-01", "2024-04-30"}; !slices.Equal(ids, wantIDs) {
		t.Errorf("List(checkin, newest) after upgrade: got %q, want %q", ids, wantIDs)
	}
	settings, err := userdata.LoadSettings(ctx, s)
	if err != nil || settings.Theme != userdata.ThemeDark {
		t.Errorf("LoadSettings after upgrade: got %+v, %v", settings, err)
	}

	// Old and new records live side by side.
	r := want[0]
	r.ID = "written-after-upgrade"
	if err := s.Put(ctx, r); err != nil {
		t.Fatalf("Put: %v", err)
	}
	s.Close()
	if d := diffSchema(describeDB(t, name), wantSchema); d != "" {
		t.Errorf("schema after upgrade: %s", d)
	}
}

// TestUpgradeRollback checks that an upgrade failing at any step leaves
// the database exactly as it was, then that a working upgrade still runs.
func TestUpgradeRollback(t *testing.T) {
	failing := func(u *upgrade) error {
		// Change something first, so that there is something to undo.
		st, err := call(u.tx, "objectStore", recordsStore)
		if err != nil {
			return err
		}
		if _, err := call(st, "clear"); err != nil {
			return err
		}
		return errors.New("step failed on purpose")
	}
	tests := []struct {
		name    string
		fixture string
		version int
		steps   []step
		wantErr string
	}{
		{"real step on a damaged record", "v1-bad-date.json", SchemaVersion, steps, `date "the day after"`},
		{"later step fails", "v1.json", SchemaVersion + 1, append(slices.Clone(steps), failing), "failed on purpose"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fx := loadFixture(t, tc.fixture)
			name := testName(t)
			createFixture(t, name, fx)
			before := describeDB(t, name)

			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			s, err := open(ctx, name, tc.version, tc.steps, Options{})
			if err == nil {
				s.Close()
				t.Fatalf("open: got no error, want one containing %q", tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("open: got error %q, want one containing %q", err, tc.wantErr)
			}
			after := describeDB(t, name)
			if d := diffSchema(after, before); d != "" {
				t.Errorf("database after a failed upgrade: %s", d)
			}
			if d := diffValues(after, before); d != "" {
				t.Errorf("values after a failed upgrade: %s", d)
			}
		})
	}
}

// TestNewerDatabase checks that a database from a newer app version is
// reported as such and left alone.
func TestNewerDatabase(t *testing.T) {
	name := testName(t)
	db := rawOpen(t, name, SchemaVersion+1, func(db, tx safejs.Value) error { return nil })
	closeDB(db)
	s, err := Open(context.Background(), name, Options{})
	if err == nil {
		s.Close()
	}
	if !errors.Is(err, userdata.ErrVersion) {
		t.Errorf("Open: got error %v, want ErrVersion", err)
	}
}

func diffSchema(got, want schema) string {
	strip := func(s schema) string {
		for i := range s.Stores {
			s.Stores[i].Values = nil
		}
		b, _ := json.Marshal(s)
		return string(b)
	}
	// Normalize the key path JSON through one more round trip.
	g, w := strip(normalize(got)), strip(normalize(want))
	if g != w {
		return "got " + g + "\nwant " + w
	}
	return ""
}

func diffValues(got, want schema) string {
	g, _ := json.Marshal(normalize(got).Stores)
	w, _ := json.Marshal(normalize(want).Stores)
	if string(g) != string(w) {
		return "got " + string(g) + "\nwant " + string(w)
	}
	return ""
}

// normalize returns s with every JSON fragment re-encoded compactly and
// stores and indexes sorted by name.
func normalize(s schema) schema {
	out := schema{Version: s.Version}
	for _, st := range s.Stores {
		st.KeyPath = reencode(st.KeyPath)
		st.Indexes = slices.Clone(st.Indexes)
		for i := range st.Indexes {
			st.Indexes[i].KeyPath = reencode(st.Indexes[i].KeyPath)
		}
		slices.SortFunc(st.Indexes, func(a, b schemaIndex) int { return strings.Compare(a.Name, b.Name) })
		var vals []json.RawMessage
		for _, v := range st.Values {
			vals = append(vals, reencode(v))
		}
		st.Values = vals
		out.Stores = append(out.Stores, st)
	}
	slices.SortFunc(out.Stores, func(a, b schemaStore) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// reencode decodes and re-encodes JSON, which sorts object keys.
func reencode(b json.RawMessage) json.RawMessage {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return b
	}
	out, _ := json.Marshal(v)
	return out
}

// TestFixtureV1 checks that the hand-made v1 fixture has the schema the
// v1 step creates, so that upgrade tests start from the real thing.
func TestFixtureV1(t *testing.T) {
	name := testName(t)
	s, err := open(context.Background(), name, 1, steps[:1], Options{})
	if err != nil {
		t.Fatalf("open at version 1: %v", err)
	}
	s.Close()
	for _, file := range []string{"v1.json", "v1-bad-date.json"} {
		if d := diffSchema(describeDB(t, name), loadFixture(t, file)); d != "" {
			t.Errorf("fixture %s against a database made by the v1 step: %s", file, d)
		}
	}
}
