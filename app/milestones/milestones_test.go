package milestones_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/inmem"
	"kintsugi/app/milestones"
	"kintsugi/app/userdata"
)

var (
	now = time.Date(2026, time.April, 2, 19, 0, 0, 0, time.UTC)
	day = civil.Date{Year: 2026, Month: time.April, Day: 1}
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		mod   func(m *milestones.Milestone)
		field string
	}{
		{"valid", func(m *milestones.Milestone) {}, ""},
		{"no note", func(m *milestones.Milestone) { m.Note = "" }, ""},
		{"no title", func(m *milestones.Milestone) { m.Title = "" }, "title"},
		{"blank title", func(m *milestones.Milestone) { m.Title = " \t" }, "title"},
		{"title too long", func(m *milestones.Milestone) { m.Title = strings.Repeat("t", milestones.MaxTitle+1) }, "title"},
		{"note too long", func(m *milestones.Milestone) { m.Note = strings.Repeat("n", milestones.MaxNote+1) }, "note"},
		{"no day", func(m *milestones.Milestone) { m.Day = civil.Date{} }, "day"},
		{"bad id", func(m *milestones.Milestone) { m.ID = "a b" }, "id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := milestones.Milestone{ID: "m1", Day: day, Title: "First calm evening", Note: "We cooked together."}
			tc.mod(&m)
			err := m.Validate()
			var ie *userdata.InvalidError
			switch {
			case tc.field == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case tc.field != "" && (!errors.As(err, &ie) || ie.Field != tc.field || !errors.Is(err, userdata.ErrInvalid)):
				t.Errorf("Validate = %v, want an InvalidError on %q", err, tc.field)
			}
		})
	}
}

func TestSuggestion(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		m := milestones.New(day)
		s := m.Suggestion()
		if s != m.Suggestion() {
			t.Fatal("Suggestion changes between calls")
		}
		if s == "" || strings.Contains(s, "!") {
			t.Errorf("suggestion %q: want plain, calm text", s)
		}
		seen[s] = true
	}
	if len(seen) < 5 {
		t.Errorf("only %d different suggestions over 200 milestones", len(seen))
	}
}

func TestSaveList(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	for i, title := range []string{"A full week without checking the phone", "First honest talk"} {
		m := milestones.New(day.AddDays(-7 * i))
		m.Title = title
		if _, err := milestones.Save(ctx, s, m, now); err != nil {
			t.Fatal(err)
		}
	}
	got, err := milestones.List(ctx, s)
	if err != nil || len(got) != 2 {
		t.Fatalf("List = %v, %v", got, err)
	}
	if got[0].Title != "First honest talk" || got[1].Day != day {
		t.Errorf("List order = %q then %q, want oldest first", got[0].Title, got[1].Title)
	}
	r, _ := got[0].ToRecord(now)
	if back, err := milestones.FromRecord(r); err != nil || back.Title != got[0].Title || back.Day != got[0].Day {
		t.Errorf("round trip = %+v, %v", back, err)
	}
}
