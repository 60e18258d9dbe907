package civil_test

import (
	"encoding/json"
	"testing"
	"time"

	"kintsugi/app/civil"
)

// TestAgainstTime walks day by day across four centuries and checks the
// integer arithmetic against the time package.
func TestAgainstTime(t *testing.T) {
	start := time.Date(1899, time.December, 25, 0, 0, 0, 0, time.UTC)
	d0 := civil.Of(start)
	for i := 0; i < 400*366; i += 7 {
		tt := start.AddDate(0, 0, i)
		want := civil.Of(tt)
		got := d0.AddDays(i)
		if got != want {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", d0, i, got, want)
		}
		if n := got.DaysSince(d0); n != i {
			t.Fatalf("%v.DaysSince(%v) = %d, want %d", got, d0, n, i)
		}
		if got.Weekday() != tt.Weekday() {
			t.Fatalf("%v.Weekday() = %v, want %v", got, got.Weekday(), tt.Weekday())
		}
	}
}

func TestMonday(t *testing.T) {
	tests := []struct{ day, want string }{
		{"2026-03-02", "2026-03-02"}, // a Monday
		{"2026-03-03", "2026-03-02"},
		{"2026-03-08", "2026-03-02"}, // Sunday ends the week
		{"2026-03-09", "2026-03-09"},
		{"2026-01-01", "2025-12-29"}, // across a year
	}
	for _, tc := range tests {
		d, _ := civil.Parse(tc.day)
		if got := d.Monday().String(); got != tc.want {
			t.Errorf("%s.Monday() = %s, want %s", tc.day, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want civil.Date
	}{
		{"2026-02-28", true, civil.Date{Year: 2026, Month: time.February, Day: 28}},
		{"2024-02-29", true, civil.Date{Year: 2024, Month: time.February, Day: 29}},
		{"2026-02-29", false, civil.Date{}},
		{"2026-2-3", false, civil.Date{}},
		{"", false, civil.Date{}},
		{"yesterday", false, civil.Date{}},
	}
	for _, tc := range tests {
		got, err := civil.Parse(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestValidCompareJSON(t *testing.T) {
	a := civil.Date{Year: 2026, Month: time.March, Day: 1}
	b := civil.Date{Year: 2026, Month: time.March, Day: 2}
	if !a.Before(b) || !b.After(a) || a.Compare(a) != 0 {
		t.Error("Compare is wrong")
	}
	if (civil.Date{Year: 2026, Month: time.February, Day: 29}).Valid() || !a.Valid() || (civil.Date{}).Valid() {
		t.Error("Valid is wrong")
	}
	if got := civil.Of(time.Date(2026, 3, 1, 23, 30, 0, 0, time.FixedZone("x", -5*3600))); got != a {
		t.Errorf("Of in its own zone = %v, want %v", got, a)
	}
	if !a.In(time.UTC).Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("In(UTC) is not midnight")
	}
	var v struct{ D civil.Date }
	if err := json.Unmarshal([]byte(`{"D":"2026-03-01"}`), &v); err != nil || v.D != a {
		t.Errorf("unmarshal = %v, %v", v.D, err)
	}
	out, _ := json.Marshal(v)
	if string(out) != `{"D":"2026-03-01"}` {
		t.Errorf("marshal = %s", out)
	}
}
