package checkin_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"kintsugi/app/checkin"
	"kintsugi/app/civil"
	"kintsugi/app/feelings"
	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
)

var (
	now = time.Date(2026, time.March, 4, 21, 30, 0, 0, time.UTC)
	day = civil.Date{Year: 2026, Month: time.March, Day: 4}
)

func valid() checkin.CheckIn {
	return checkin.CheckIn{
		ID: "c1", Day: day, Safety: 7, Trust: 3, Connection: 5,
		Note: "A slow evening, but we talked.", Feelings: []feelings.Feeling{"hurt", "hopeful"},
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name      string
		mod       func(c *checkin.CheckIn)
		wantField string // "" means valid
	}{
		{"valid", func(c *checkin.CheckIn) {}, ""},
		{"all zero ratings", func(c *checkin.CheckIn) { c.Safety, c.Trust, c.Connection = 0, 0, 0 }, ""},
		{"all ten", func(c *checkin.CheckIn) { c.Safety, c.Trust, c.Connection = 10, 10, 10 }, ""},
		{"no note or feelings", func(c *checkin.CheckIn) { c.Note, c.Feelings = "", nil }, ""},
		{"missing id", func(c *checkin.CheckIn) { c.ID = "" }, "id"},
		{"missing day", func(c *checkin.CheckIn) { c.Day = civil.Date{} }, "day"},
		{"impossible day", func(c *checkin.CheckIn) { c.Day = civil.Date{Year: 2026, Month: 2, Day: 30} }, "day"},
		{"day too early", func(c *checkin.CheckIn) { c.Day = civil.Date{Year: 1850, Month: 1, Day: 1} }, "day"},
		{"safety below 0", func(c *checkin.CheckIn) { c.Safety = -1 }, "safety"},
		{"trust above 10", func(c *checkin.CheckIn) { c.Trust = 11 }, "trust"},
		{"connection above 10", func(c *checkin.CheckIn) { c.Connection = 100 }, "connection"},
		{"note at limit", func(c *checkin.CheckIn) { c.Note = strings.Repeat("é", checkin.MaxNote) }, ""},
		{"note too long", func(c *checkin.CheckIn) { c.Note = strings.Repeat("a", checkin.MaxNote+1) }, "note"},
		{"note not utf-8", func(c *checkin.CheckIn) { c.Note = "\xff" }, "note"},
		{"unknown feeling", func(c *checkin.CheckIn) { c.Feelings = []feelings.Feeling{"meh"} }, "feelings"},
		{"feeling twice", func(c *checkin.CheckIn) { c.Feelings = []feelings.Feeling{"sad", "sad"} }, "feelings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := valid()
			tc.mod(&c)
			err := c.Validate()
			if tc.wantField == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			var ie *userdata.InvalidError
			if !errors.Is(err, userdata.ErrInvalid) || !errors.As(err, &ie) {
				t.Fatalf("Validate = %v, want an InvalidError", err)
			}
			if ie.Field != tc.wantField || ie.Problem == "" {
				t.Errorf("field %q, problem %q; want field %q and a problem", ie.Field, ie.Problem, tc.wantField)
			}
			if _, err := c.ToRecord(now); !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("ToRecord = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestProblemWording(t *testing.T) {
	c := valid()
	c.Note = strings.Repeat("x", 1234)
	var ie *userdata.InvalidError
	if !errors.As(c.Validate(), &ie) {
		t.Fatal("no InvalidError")
	}
	if want := "please keep this to 1,000 characters (it has 1,234)"; ie.Problem != want {
		t.Errorf("Problem = %q, want %q", ie.Problem, want)
	}
}

func TestRecordRoundTrip(t *testing.T) {
	c := valid()
	r, err := c.ToRecord(now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != userdata.KindCheckin || r.ID != "c1" || !r.Date.Equal(day.In(time.UTC)) || !r.Created.Equal(now) {
		t.Errorf("record = %+v", r)
	}
	got, err := checkin.FromRecord(r)
	if err != nil {
		t.Fatal(err)
	}
	c.Created, c.Updated = now, now
	if got.ID != c.ID || got.Day != c.Day || got.Safety != 7 || got.Trust != 3 || got.Connection != 5 ||
		got.Note != c.Note || !slices.Equal(got.Feelings, c.Feelings) || !got.Created.Equal(now) {
		t.Errorf("FromRecord = %+v, want %+v", got, c)
	}

	// An edit keeps the creation time.
	later := now.Add(time.Hour)
	got.Trust = 4
	r2, err := got.ToRecord(later)
	if err != nil {
		t.Fatal(err)
	}
	if !r2.Created.Equal(now) || !r2.Updated.Equal(later) {
		t.Errorf("edited record created %v updated %v; want %v and %v", r2.Created, r2.Updated, now, later)
	}
}

func TestFromRecordErrors(t *testing.T) {
	good, _ := valid().ToRecord(now)
	tests := []struct {
		name  string
		mod   func(r *userdata.Record)
		field string
	}{
		{"wrong kind", func(r *userdata.Record) { r.Kind = userdata.KindJournal }, "kind"},
		{"not json", func(r *userdata.Record) { r.Data = json.RawMessage(`{"safety":`) }, "data"},
		{"missing trust", func(r *userdata.Record) { r.Data = json.RawMessage(`{"safety":1,"connection":2}`) }, "trust"},
		{"out of range", func(r *userdata.Record) { r.Data = json.RawMessage(`{"safety":1,"trust":12,"connection":2}`) }, "trust"},
		{"old format", func(r *userdata.Record) { r.Data = json.RawMessage(`{"mood":3}`) }, "safety"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := good.Clone()
			tc.mod(&r)
			_, err := checkin.FromRecord(r)
			var ie *userdata.InvalidError
			if !errors.As(err, &ie) || ie.Field != tc.field {
				t.Errorf("FromRecord = %v, want an InvalidError on %q", err, tc.field)
			}
		})
	}
}

func TestSaveList(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	// Two on the same day, saved in this order, and one the day before.
	for i, d := range []civil.Date{day, day, day.AddDays(-1)} {
		c := checkin.New(d)
		c.Trust = i
		if _, err := checkin.Save(ctx, s, c, now.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := checkin.List(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	var trust []int
	for _, c := range got {
		trust = append(trust, c.Trust)
	}
	if want := []int{2, 0, 1}; !slices.Equal(trust, want) {
		t.Errorf("trust in list order = %v, want %v (by day, then by when saved)", trust, want)
	}

	damaged, _ := userdata.New(userdata.KindCheckin, "bad", now, map[string]int{"mood": 3}, now)
	if err := s.Put(ctx, damaged); err != nil {
		t.Fatal(err)
	}
	got, err = checkin.List(ctx, s)
	if !errors.Is(err, userdata.ErrInvalid) || len(got) != 3 {
		t.Errorf("List with a damaged record = %d check-ins, %v; want 3 and ErrInvalid", len(got), err)
	}
}
