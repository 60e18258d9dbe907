package journal_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/feelings"
	"kintsugi/app/inmem"
	"kintsugi/app/journal"
	"kintsugi/app/userdata"
)

var (
	now = time.Date(2026, time.March, 25, 22, 0, 0, 0, time.UTC)
	day = civil.Date{Year: 2026, Month: time.March, Day: 25}
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		mod   func(e *journal.Entry)
		field string
	}{
		{"valid", func(e *journal.Entry) {}, ""},
		{"no title or feelings", func(e *journal.Entry) { e.Title, e.Feelings = "", nil }, ""},
		{"text at limit", func(e *journal.Entry) { e.Text = strings.Repeat("ü", journal.MaxText) }, ""},
		{"no text", func(e *journal.Entry) { e.Text = "" }, "text"},
		{"blank text", func(e *journal.Entry) { e.Text = "\n\n  " }, "text"},
		{"text too long", func(e *journal.Entry) { e.Text = strings.Repeat("a", journal.MaxText+1) }, "text"},
		{"title too long", func(e *journal.Entry) { e.Title = strings.Repeat("a", journal.MaxTitle+1) }, "title"},
		{"no day", func(e *journal.Entry) { e.Day = civil.Date{} }, "day"},
		{"unknown feeling", func(e *journal.Entry) { e.Feelings = []feelings.Feeling{"fine"} }, "feelings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := journal.Entry{ID: "j1", Day: day, Title: "After the talk", Text: "We said true things.", Feelings: []feelings.Feeling{"hurt"}}
			tc.mod(&e)
			err := e.Validate()
			var ie *userdata.InvalidError
			switch {
			case tc.field == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case tc.field != "" && (!errors.Is(err, userdata.ErrInvalid) || !errors.As(err, &ie) || ie.Field != tc.field):
				t.Errorf("Validate = %v, want an InvalidError on %q", err, tc.field)
			}
		})
	}
}

func TestTooManyBytes(t *testing.T) {
	// Within MaxText characters, but each stored as the six bytes of
	// \u003c: more than a record may hold. The problem is reported on the
	// text.
	e := journal.Entry{ID: "j1", Day: day, Text: strings.Repeat("<", journal.MaxText)}
	_, err := e.ToRecord(now)
	var ie *userdata.InvalidError
	if !errors.As(err, &ie) || ie.Field != "text" {
		t.Errorf("ToRecord = %v, want an InvalidError on text", err)
	}
}

func TestSaveListUndo(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	var saved []journal.Entry
	for i, text := range []string{"first", "second", "third"} {
		e := journal.New(day.AddDays(i - 2))
		e.Text = text
		got, err := journal.Save(ctx, s, e, now.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		saved = append(saved, got)
	}
	texts := func() []string {
		es, err := journal.List(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Text)
		}
		return out
	}
	if got, want := texts(), []string{"third", "second", "first"}; !slices.Equal(got, want) {
		t.Errorf("List = %q, want newest first %q", got, want)
	}
	// Delete, then undo by saving the kept entry again.
	if err := s.Delete(ctx, userdata.KindJournal, saved[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := texts(); len(got) != 2 {
		t.Fatalf("after delete: %q", got)
	}
	back, err := journal.Save(ctx, s, saved[1], now.Add(time.Hour))
	if err != nil || !back.Created.Equal(saved[1].Created) {
		t.Fatalf("undo = %+v, %v; want the original creation time", back, err)
	}
	if got, want := texts(), []string{"third", "second", "first"}; !slices.Equal(got, want) {
		t.Errorf("after undo = %q, want %q", got, want)
	}
}

func TestListLeavesOutTheDraft(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	e := journal.New(day)
	e.Text = "an entry"
	if _, err := journal.Save(ctx, s, e, now); err != nil {
		t.Fatal(err)
	}
	draft, err := userdata.New(userdata.KindJournal, journal.DraftID, day.In(time.UTC), map[string]any{"draft": true, "text": "half written"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, draft); err != nil {
		t.Fatal(err)
	}
	es, err := journal.List(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].Text != "an entry" {
		t.Errorf("List = %+v, want only the entry, not the draft", es)
	}
}
