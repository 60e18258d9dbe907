package entry_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/entry"
	"kintsugi/app/userdata"
)

func TestDayProblem(t *testing.T) {
	for _, tt := range []struct {
		day  civil.Date
		want string
	}{
		{civil.Date{Year: 2026, Month: 11, Day: 22}, ""},
		{civil.Date{}, "choose a day"},
		{civil.Date{Year: 2026, Month: 2, Day: 30}, "choose a day that exists on the calendar"},
		{civil.Date{Year: 1899, Month: 12, Day: 31}, "choose a day between 1900 and 2199"},
		{civil.Date{Year: 2200, Month: 1, Day: 1}, "choose a day between 1900 and 2199"},
	} {
		if got := entry.DayProblem(tt.day); got != tt.want {
			t.Errorf("DayProblem(%v) = %q, want %q", tt.day, got, tt.want)
		}
	}
}

func TestTextProblem(t *testing.T) {
	for _, tt := range []struct {
		text     string
		required bool
		want     string
	}{
		{"Words", true, ""},
		{"", false, ""},
		{" \n\t", true, "please write something here"},
		{"\xff", false, "this has characters that can't be saved"},
		{"ééééé", true, ""}, // five characters, ten bytes
		{"éééééé", true, "please keep this to 5 characters (it has 6)"},
	} {
		if got := entry.TextProblem(tt.text, 5, tt.required); got != tt.want {
			t.Errorf("TextProblem(%q, 5, %v) = %q, want %q", tt.text, tt.required, got, tt.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 20000: "20,000", 1234567: "1,234,567", -1000: "-1,000", -100: "-100"} {
		if got := entry.Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestReadAllKeepsWhatItCanRead(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	rec := func(id string) userdata.Record {
		r, err := userdata.New(userdata.KindCheckin, id, now, map[string]string{}, now)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	recs := []userdata.Record{rec("a"), rec("bad1"), rec("b"), rec("bad2")}
	damaged := &userdata.InvalidError{Field: "data", Problem: "damaged"}
	from := func(r userdata.Record) (string, error) {
		if strings.HasPrefix(r.ID, "bad") {
			return "", damaged
		}
		return r.ID, nil
	}

	got, err := entry.ReadAll(recs, from, "things")
	if strings.Join(got, " ") != "a b" {
		t.Errorf("ReadAll kept %q, want a and b", got)
	}
	if err == nil || !errors.Is(err, userdata.ErrInvalid) || !strings.Contains(err.Error(), "list things: 2 of 4 could not be read") {
		t.Errorf("ReadAll error = %v, want 2 of 4 wrapping ErrInvalid", err)
	}

	got, err = entry.ReadAll(recs[:1], from, "things")
	if err != nil || len(got) != 1 {
		t.Errorf("ReadAll of a good record = %q, %v", got, err)
	}
}
