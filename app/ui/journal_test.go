package ui

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/feelings"
	"kintsugi/app/inmem"
	"kintsugi/app/journal"
	"kintsugi/app/triggers"
)

func TestJournalDraftIsKeptApartFromEntries(t *testing.T) {
	ctx := context.Background()
	st := inmem.New()
	at := time.Date(2026, time.March, 25, 21, 0, 0, 0, time.UTC)
	e := journal.New(civil.Date{Year: 2026, Month: time.March, Day: 24})
	e.Text = "A hard evening."
	if _, err := journal.Save(ctx, st, e, at); err != nil {
		t.Fatal(err)
	}
	draft := journalForm{Day: "2026-03-25", Text: "Half a thought", Feelings: []feelings.Feeling{"hurt"}}
	if err := saveJournalDraft(ctx, st, draft, at); err != nil {
		t.Fatal(err)
	}

	d, err := loadJournal(ctx, st, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.entries) != 1 || d.entries[0].ID != e.ID || d.damaged != 0 {
		t.Errorf("entries = %v, damaged %d; want only the saved entry", d.entries, d.damaged)
	}
	draft.Draft = true
	if d.draft == nil || !reflect.DeepEqual(*d.draft, draft) {
		t.Errorf("draft = %+v, want %+v", d.draft, draft)
	}

	// Emptied, the draft goes.
	if err := saveJournalDraft(ctx, st, journalForm{Day: "2026-03-25", Text: "  "}, at); err != nil {
		t.Fatal(err)
	}
	if d, err := loadJournal(ctx, st, 0); err != nil || d.draft != nil {
		t.Errorf("after emptying the form: draft %+v, err %v; want none", d.draft, err)
	}
}

// TestJournalLoadsTheNewestFirst checks the quick first read of a long
// journal: with a limit, the newest entries, newest first.
func TestJournalLoadsTheNewestFirst(t *testing.T) {
	ctx := context.Background()
	st := inmem.New()
	at := time.Date(2026, time.March, 25, 21, 0, 0, 0, time.UTC)
	for day := 1; day <= 10; day++ {
		e := journal.New(civil.Date{Year: 2026, Month: time.March, Day: day})
		e.Text = fmt.Sprintf("Day %d.", day)
		if _, err := journal.Save(ctx, st, e, at); err != nil {
			t.Fatal(err)
		}
	}
	d, err := loadJournal(ctx, st, 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, e := range d.entries {
		got = append(got, e.Day.Day)
	}
	if !reflect.DeepEqual(got, []int{10, 9, 8}) {
		t.Errorf("the first read holds days %v, want the newest three, 10, 9, 8", got)
	}
}

func TestJournalFormEntry(t *testing.T) {
	f := journalForm{Day: "2026-03-25", Title: "  A walk ", Text: "By the river.", Feelings: []feelings.Feeling{"hopeful", "hurt"}}
	got := f.entry(journal.Entry{ID: "x"})
	want := journal.Entry{ID: "x", Day: civil.Date{Year: 2026, Month: time.March, Day: 25}, Title: "A walk", Text: "By the river.", Feelings: []feelings.Feeling{"hurt", "hopeful"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entry = %+v, want %+v", got, want)
	}
	if back := journalFormOf(got); back.Day != f.Day || back.Text != f.Text {
		t.Errorf("journalFormOf = %+v", back)
	}
	if e := (journalForm{Day: "25/03/2026", Text: "x"}).entry(journal.New(civil.Date{})); !e.Day.IsZero() {
		t.Errorf("a day that cannot be read gives %v, want the zero day for validation to report", e.Day)
	}
}

func TestInsertJournalEntryKeepsNewestFirst(t *testing.T) {
	day := func(d int) journal.Entry {
		e := journal.New(civil.Date{Year: 2026, Month: time.March, Day: d})
		e.Text = "x"
		return e
	}
	a, b, c := day(1), day(5), day(3)
	es := insertJournalEntry(nil, a)
	es = insertJournalEntry(es, b)
	es = insertJournalEntry(es, c)
	c.Text = "changed"
	es = insertJournalEntry(es, c)
	var got []string
	for _, e := range es {
		got = append(got, e.Day.String()+" "+e.Text)
	}
	want := []string{"2026-03-05 x", "2026-03-03 changed", "2026-03-01 x"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTriggerFormRoundTrip(t *testing.T) {
	loc := time.FixedZone("UTC+2", 2*60*60)
	e := triggers.New(time.Date(2026, time.March, 25, 21, 40, 0, 0, loc))
	e.What, e.Category, e.Where, e.Intensity, e.HasIntensity = "The phone buzzing", triggers.Phone, "At home", 0, true
	f := triggerFormOf(e)
	if f.Day != "2026-03-25" || f.Time != "21:40" || f.Intensity != "0" {
		t.Errorf("form = %+v; want the day, clock and intensity as written where it happened", f)
	}
	got := f.entry(e)
	if got.When.Format("2006-01-02 15:04") != "2026-03-25 21:40" || !got.HasIntensity || got.Intensity != 0 || got.What != e.What {
		t.Errorf("entry = %+v", got)
	}
	f.Intensity, f.What, f.Time = "", "  spaced  ", "nonsense"
	got = f.entry(e)
	if got.HasIntensity || got.What != "spaced" || !got.When.IsZero() {
		t.Errorf("entry = %+v; want no intensity, trimmed What and a zero When", got)
	}
	if err := got.Validate(); err == nil || !strings.Contains(err.Error(), "when") {
		t.Errorf("Validate = %v, want a problem with when", err)
	}
}
