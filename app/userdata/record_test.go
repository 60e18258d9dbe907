package userdata_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"kintsugi/app/userdata"
)

var now = time.Date(2025, time.June, 1, 12, 0, 0, 0, time.UTC)

func valid() userdata.Record {
	return userdata.Record{
		Kind:    userdata.KindJournal,
		ID:      "entry-1",
		Date:    now,
		Created: now,
		Updated: now,
		Data:    json.RawMessage(`{"text":"hello"}`),
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name      string
		mod       func(r *userdata.Record)
		wantField string // "" means valid
	}{
		{"valid", func(r *userdata.Record) {}, ""},
		{"every kind", func(r *userdata.Record) { r.Kind = userdata.KindSafety }, ""},
		{"unknown kind", func(r *userdata.Record) { r.Kind = "diary" }, "kind"},
		{"kind with different case", func(r *userdata.Record) { r.Kind = "Journal" }, "kind"},
		{"empty id", func(r *userdata.Record) { r.ID = "" }, "id"},
		{"longest id", func(r *userdata.Record) { r.ID = strings.Repeat("x", userdata.MaxIDLen) }, ""},
		{"id too long", func(r *userdata.Record) { r.ID = strings.Repeat("x", userdata.MaxIDLen+1) }, "id"},
		{"id punctuation", func(r *userdata.Record) { r.ID = "a-b_c.d:e" }, ""},
		{"id slash", func(r *userdata.Record) { r.ID = "a/b" }, "id"},
		{"id newline", func(r *userdata.Record) { r.ID = "a\nb" }, "id"},
		{"id not ascii", func(r *userdata.Record) { r.ID = "ü" }, "id"},
		{"zero date", func(r *userdata.Record) { r.Date = time.Time{} }, "date"},
		{"date at MinTime", func(r *userdata.Record) { r.Date = userdata.MinTime }, ""},
		{"date before MinTime", func(r *userdata.Record) { r.Date = userdata.MinTime.Add(-1) }, "date"},
		{"date at MaxTime", func(r *userdata.Record) { r.Date = userdata.MaxTime }, "date"},
		{"zero created", func(r *userdata.Record) { r.Created = time.Time{} }, "created"},
		{"zero updated", func(r *userdata.Record) { r.Updated = time.Time{} }, "updated"},
		{"updated before created", func(r *userdata.Record) { r.Updated = now.Add(-1) }, "updated"},
		{"updated after created", func(r *userdata.Record) { r.Updated = now.Add(1) }, ""},
		{"nil data", func(r *userdata.Record) { r.Data = nil }, "data"},
		{"data with spaces", func(r *userdata.Record) { r.Data = json.RawMessage(" \n{ } ") }, ""},
		{"data array", func(r *userdata.Record) { r.Data = json.RawMessage(`[]`) }, "data"},
		{"data number", func(r *userdata.Record) { r.Data = json.RawMessage(`1`) }, "data"},
		{"data truncated", func(r *userdata.Record) { r.Data = json.RawMessage(`{"a":1`) }, "data"},
		{"data trailing garbage", func(r *userdata.Record) { r.Data = json.RawMessage(`{}x`) }, "data"},
		{"data not utf-8", func(r *userdata.Record) { r.Data = json.RawMessage("{\"t\":\"\xff\"}") }, "data"},
		{"data at limit", func(r *userdata.Record) { r.Data = sized(userdata.MaxDataSize) }, ""},
		{"data over limit", func(r *userdata.Record) { r.Data = sized(userdata.MaxDataSize + 1) }, "data"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := valid()
			tc.mod(&r)
			err := r.Validate()
			if tc.wantField == "" {
				if err != nil {
					t.Errorf("Validate: got %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, userdata.ErrInvalid) {
				t.Fatalf("Validate: got %v, want an error wrapping ErrInvalid", err)
			}
			var ie *userdata.InvalidError
			if !errors.As(err, &ie) {
				t.Fatalf("Validate: got %T, want *InvalidError", err)
			}
			if ie.Field != tc.wantField {
				t.Errorf("Validate: got field %q, want %q (error %v)", ie.Field, tc.wantField, err)
			}
		})
	}
}

func sized(n int) json.RawMessage {
	return json.RawMessage(`{"t":"` + strings.Repeat("a", n-len(`{"t":""}`)) + `"}`)
}

func TestKinds(t *testing.T) {
	kinds := userdata.Kinds()
	seen := make(map[userdata.Kind]bool)
	for _, k := range kinds {
		if !k.Known() {
			t.Errorf("%q.Known() = false, want true", k)
		}
		if seen[k] {
			t.Errorf("kind %q listed twice", k)
		}
		seen[k] = true
		if !userdata.ValidID(string(k)) {
			t.Errorf("kind %q does not fit the ID charset", k)
		}
	}
	kinds[0] = "changed"
	if userdata.Kinds()[0] == "changed" {
		t.Error("Kinds returned its internal slice")
	}
}

func TestNewAndUpdate(t *testing.T) {
	type entry struct {
		Text string `json:"text"`
	}
	r, err := userdata.New(userdata.KindJournal, "j1", now, entry{"first"}, now)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if !r.Created.Equal(now) || !r.Updated.Equal(now) {
		t.Errorf("New: got created %v updated %v, want both %v", r.Created, r.Updated, now)
	}
	later := now.Add(time.Hour)
	u, err := r.Update(entry{"second"}, later)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	var got entry
	if err := u.Decode(&got); err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if got.Text != "second" || !u.Updated.Equal(later) || !u.Created.Equal(now) {
		t.Errorf("Update: got %+v, updated %v, created %v", got, u.Updated, u.Created)
	}
	if err := r.Decode(&got); err != nil || got.Text != "first" {
		t.Errorf("Update changed the original: got %+v, %v", got, err)
	}
	earlier, err := r.Update(entry{"clock went back"}, now.Add(-time.Hour))
	if err != nil {
		t.Fatalf("Update with an earlier clock: %v", err)
	}
	if !earlier.Updated.Equal(now) {
		t.Errorf("Update with an earlier clock: got updated %v, want %v", earlier.Updated, now)
	}

	for _, tc := range []struct {
		name string
		data any
	}{
		{"not an object", []int{1}},
		{"not encodable", func() {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := userdata.New(userdata.KindJournal, "j", now, tc.data, now); !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("New: got %v, want ErrInvalid", err)
			}
		})
	}
}

func TestNewID(t *testing.T) {
	a, b := userdata.NewID(), userdata.NewID()
	if a == b {
		t.Errorf("NewID twice: got %q both times", a)
	}
	if !userdata.ValidID(a) || len(a) != 32 {
		t.Errorf("NewID: got %q, want 32 valid ID characters", a)
	}
}

func TestClone(t *testing.T) {
	r := valid()
	c := r.Clone()
	c.Data[0] = '['
	if r.Data[0] != '{' {
		t.Error("Clone shares Data with the original")
	}
}

func TestQueryValidate(t *testing.T) {
	tests := []struct {
		name string
		q    userdata.Query
		ok   bool
	}{
		{"zero", userdata.Query{}, true},
		{"limit", userdata.Query{Limit: 5, Newest: true}, true},
		{"negative limit", userdata.Query{Limit: -1}, false},
		{"from only", userdata.Query{From: now}, true},
		{"to only", userdata.Query{To: now}, true},
		{"empty range", userdata.Query{From: now, To: now}, true},
		{"reversed range", userdata.Query{From: now, To: now.Add(-1)}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.q.Validate()
			if tc.ok && err != nil {
				t.Errorf("Validate: got %v, want nil", err)
			}
			if !tc.ok && !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("Validate: got %v, want ErrInvalid", err)
			}
		})
	}
}

func TestQueryContains(t *testing.T) {
	q := userdata.Query{From: now, To: now.Add(time.Hour)}
	tests := []struct {
		t    time.Time
		want bool
	}{
		{now.Add(-1), false},
		{now, true},
		{now.Add(time.Hour - 1), true},
		{now.Add(time.Hour), false},
	}
	for _, tc := range tests {
		if got := q.Contains(tc.t); got != tc.want {
			t.Errorf("Contains(%v): got %v, want %v", tc.t, got, tc.want)
		}
	}
}
