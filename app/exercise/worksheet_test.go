package exercise_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/exercise"
	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
)

var now = time.Date(2026, time.March, 14, 21, 30, 0, 0, time.UTC)

// mustNew returns a new worksheet of the slug, failing the test on error.
func mustNew(t *testing.T, slug string) exercise.Worksheet {
	t.Helper()
	w, err := exercise.New(slug, now)
	if err != nil {
		t.Fatalf("New(%q): %v", slug, err)
	}
	return w
}

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// sample is a questions worksheet with a little of everything.
func sample(t *testing.T) exercise.Worksheet {
	t.Helper()
	w := mustNew(t, "questions")
	w.Title = "Tuesday's list"
	w.SetText("notes", "Asking after dinner went better than asking at bedtime.")
	w.SetItems("questions", []exercise.Item{
		{Ref: "began", Text: "When did it begin?", Marks: []string{"asked", "answered"}, Note: "Last spring."},
		{Text: "Did you ever bring them to the lake house?", Choices: map[string]string{"when": "wait"}},
	})
	return w
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(w *exercise.Worksheet)
		field  string // the InvalidError's field; "" means valid
	}{
		{"valid", func(w *exercise.Worksheet) {}, ""},
		{"empty is valid", func(w *exercise.Worksheet) { w.Fields = nil; w.Title = "" }, ""},
		{"finished", func(w *exercise.Worksheet) { w.State = exercise.Finished }, ""},
		{"unknown field kept", func(w *exercise.Worksheet) { w.SetText("from-a-newer-version", "x") }, ""},
		{"builder slug", func(w *exercise.Worksheet) { w.Slug = exercise.IStatement }, ""},
		{"unknown slug", func(w *exercise.Worksheet) { w.Slug = "horoscope" }, "slug"},
		{"cards are not a worksheet", func(w *exercise.Worksheet) { w.Slug = "conversation-cards" }, "slug"},
		{"no id", func(w *exercise.Worksheet) { w.ID = "" }, "id"},
		{"bad id", func(w *exercise.Worksheet) { w.ID = "a b" }, "id"},
		{"no state", func(w *exercise.Worksheet) { w.State = "" }, "state"},
		{"long title", func(w *exercise.Worksheet) { w.Title = strings.Repeat("é", exercise.MaxTitle+1) }, "title"},
		{"title at limit", func(w *exercise.Worksheet) { w.Title = strings.Repeat("é", exercise.MaxTitle) }, ""},
		{"long text", func(w *exercise.Worksheet) { w.SetText("notes", strings.Repeat("a", exercise.MaxText+1)) }, "fields[0].text"},
		{"invalid utf-8", func(w *exercise.Worksheet) { w.SetText("notes", "\xff") }, "fields[0].text"},
		{"bad field name", func(w *exercise.Worksheet) { w.Fields[0].Name = "Notes" }, "fields[0].name"},
		{"empty field name", func(w *exercise.Worksheet) { w.Fields[0].Name = "" }, "fields[0].name"},
		{"double hyphen", func(w *exercise.Worksheet) { w.Fields[0].Name = "a--b" }, "fields[0].name"},
		{"duplicate field", func(w *exercise.Worksheet) { w.Fields = append(w.Fields, exercise.Field{Name: "notes"}) }, "fields[2].name"},
		{"too many fields", func(w *exercise.Worksheet) {
			for i := 0; i < exercise.MaxFields; i++ {
				w.SetText("f"+strings.Repeat("x", i%30)+string(rune('a'+i%26))+string(rune('a'+i/26)), "x")
			}
		}, "fields"},
		{"too many items", func(w *exercise.Worksheet) {
			w.SetItems("questions", make([]exercise.Item, exercise.MaxItems+1))
		}, "fields[1].items"},
		{"long item text", func(w *exercise.Worksheet) { w.Fields[1].Items[0].Text = strings.Repeat("a", exercise.MaxItemText+1) }, "fields[1].items[0]"},
		{"long note", func(w *exercise.Worksheet) { w.Fields[1].Items[0].Note = strings.Repeat("a", exercise.MaxNote+1) }, "fields[1].items[0]"},
		{"bad ref", func(w *exercise.Worksheet) { w.Fields[1].Items[0].Ref = "Began" }, "fields[1].items[0]"},
		{"bad mark", func(w *exercise.Worksheet) { w.Fields[1].Items[0].Marks = []string{"asked!"} }, "fields[1].items[0]"},
		{"duplicate mark", func(w *exercise.Worksheet) { w.Fields[1].Items[0].Marks = []string{"asked", "asked"} }, "fields[1].items[0]"},
		{"bad choice", func(w *exercise.Worksheet) { w.Fields[1].Items[1].Choices = map[string]string{"when": ""} }, "fields[1].items[1]"},
		{"impossible date", func(w *exercise.Worksheet) {
			w.Fields[1].Items[0].Date = civil.Date{Year: 2026, Month: time.February, Day: 30}
		}, "fields[1].items[0]"},
		{"date too early", func(w *exercise.Worksheet) { w.Fields[1].Items[0].Date = day("1850-01-01") }, "fields[1].items[0]"},
		{"too much text", func(w *exercise.Worksheet) {
			big := strings.Repeat("a", exercise.MaxText)
			for i := 0; i < 20; i++ {
				w.SetText("long-"+string(rune('a'+i)), big)
			}
		}, "fields"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := sample(t)
			tc.change(&w)
			err := w.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var ie *userdata.InvalidError
			if !errors.As(err, &ie) || !errors.Is(err, userdata.ErrInvalid) {
				t.Fatalf("Validate() = %v, want an InvalidError wrapping ErrInvalid", err)
			}
			if ie.Field != tc.field {
				t.Errorf("Validate() field = %q, want %q (%v)", ie.Field, tc.field, err)
			}
		})
	}
}

func TestNewUnknown(t *testing.T) {
	if _, err := exercise.New("nope", now); !errors.Is(err, userdata.ErrInvalid) {
		t.Errorf("New(nope) = %v, want ErrInvalid", err)
	}
}

func TestRecordRoundTrip(t *testing.T) {
	w := sample(t)
	w.SetItems("dated", []exercise.Item{{Text: "a day", Date: day("2026-03-01")}})
	w.Updated = now.Add(time.Hour)
	r, err := w.ToRecord()
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != userdata.KindExercise || r.ID != w.ID || !r.Date.Equal(w.Created) || !r.Updated.Equal(w.Updated) {
		t.Errorf("ToRecord() = %v/%s date %v updated %v, want exercise/%s date %v updated %v",
			r.Kind, r.ID, r.Date, r.Updated, w.ID, w.Created, w.Updated)
	}
	var data map[string]any
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatal(err)
	}
	if data["slug"] != "questions" || data["state"] != "draft" {
		t.Errorf("Data = %s, want slug questions and state draft", r.Data)
	}
	if strings.Contains(string(r.Data), `"date":""`) || !strings.Contains(string(r.Data), `"date":"2026-03-01"`) {
		t.Errorf("Data = %s, want dates only where set, as 2006-01-02", r.Data)
	}
	if got := exercise.SlugOf(r); got != "questions" {
		t.Errorf("SlugOf = %q, want questions", got)
	}
	back, err := exercise.FromRecord(r)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, w) {
		t.Errorf("FromRecord(ToRecord(w)) =\n%+v\nwant\n%+v", back, w)
	}
}

func TestFromRecordRejects(t *testing.T) {
	good, err := sample(t).ToRecord()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(r *userdata.Record)
	}{
		{"wrong kind", func(r *userdata.Record) { r.Kind = userdata.KindJournal }},
		{"not json", func(r *userdata.Record) { r.Data = []byte(`{"slug":`) }},
		{"cards state", func(r *userdata.Record) { r.Data = []byte(`{"slug":"conversation-cards","favourites":[]}`) }},
		{"no state", func(r *userdata.Record) { r.Data = []byte(`{"slug":"questions","fields":[]}`) }},
		{"field is not an object", func(r *userdata.Record) { r.Data = []byte(`{"slug":"questions","state":"draft","fields":[1]}`) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := good.Clone()
			tc.change(&r)
			if _, err := exercise.FromRecord(r); !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("FromRecord = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestSlugOf(t *testing.T) {
	tests := []struct {
		name string
		r    userdata.Record
		want string
	}{
		{"worksheet", userdata.Record{Kind: userdata.KindExercise, Data: []byte(`{"slug":"time-out"}`)}, "time-out"},
		{"cards", userdata.Record{Kind: userdata.KindExercise, Data: []byte(`{"slug":"conversation-cards"}`)}, "conversation-cards"},
		{"no slug", userdata.Record{Kind: userdata.KindExercise, Data: []byte(`{}`)}, ""},
		{"other kind", userdata.Record{Kind: userdata.KindJournal, Data: []byte(`{"slug":"time-out"}`)}, ""},
		{"broken", userdata.Record{Kind: userdata.KindExercise, Data: []byte(`{`)}, ""},
	}
	for _, tc := range tests {
		if got := exercise.SlugOf(tc.r); got != tc.want {
			t.Errorf("%s: SlugOf = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestStore(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()

	older := sample(t)
	older.Created = now.Add(-48 * time.Hour)
	older.Updated = older.Created
	older, err := exercise.Save(ctx, s, older, now.Add(-47*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	newer := mustNew(t, "questions")
	newer.SetText("notes", "second")
	if newer, err = exercise.Save(ctx, s, newer, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if !newer.Updated.Equal(now.Add(time.Minute)) {
		t.Errorf("Save set Updated = %v, want %v", newer.Updated, now.Add(time.Minute))
	}
	card := mustNew(t, "time-out")
	card.State = exercise.Finished
	if _, err := exercise.Save(ctx, s, card, now); err != nil {
		t.Fatal(err)
	}
	// Records that are not worksheets, or are damaged, must not hide the rest.
	cards := userdata.Record{Kind: userdata.KindExercise, ID: "conversation-cards", Date: now, Created: now, Updated: now,
		Data: []byte(`{"slug":"conversation-cards","favourites":["u01"]}`)}
	damaged := userdata.Record{Kind: userdata.KindExercise, ID: "damaged", Date: now, Created: now, Updated: now,
		Data: []byte(`{"slug":"questions","state":"lost"}`)}
	if err := s.Put(ctx, cards, damaged); err != nil {
		t.Fatal(err)
	}

	got, bad, err := exercise.Past(ctx, s, "questions")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != newer.ID || got[1].ID != older.ID || bad != 1 {
		t.Fatalf("Past(questions) = %d worksheets (%v), %d damaged; want newer then older, 1 damaged", len(got), ids(got), bad)
	}
	all, bad, err := exercise.Past(ctx, s, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || bad != 1 {
		t.Errorf("Past(\"\") = %v, %d damaged; want 3 worksheets and 1 damaged", ids(all), bad)
	}

	loaded, err := exercise.Load(ctx, s, older.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(loaded, older) {
		t.Errorf("Load = %+v, want %+v", loaded, older)
	}
	if err := exercise.Delete(ctx, s, older.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := exercise.Load(ctx, s, older.ID); !errors.Is(err, userdata.ErrNotFound) {
		t.Errorf("Load after Delete = %v, want ErrNotFound", err)
	}

	invalid := mustNew(t, "questions")
	invalid.State = "lost"
	if _, err := exercise.Save(ctx, s, invalid, now); !errors.Is(err, userdata.ErrInvalid) {
		t.Errorf("Save(invalid) = %v, want ErrInvalid", err)
	}
}

func ids(ws []exercise.Worksheet) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Slug+"/"+w.ID)
	}
	return out
}

func TestSaveKeepsUpdatedAfterCreated(t *testing.T) {
	w := mustNew(t, "forgiveness")
	got, err := exercise.Save(context.Background(), inmem.New(), w, now.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Updated.Equal(got.Created) {
		t.Errorf("Updated = %v, want Created %v when the clock goes back", got.Updated, got.Created)
	}
}

func TestNewestAndLastDraft(t *testing.T) {
	mk := func(id string, created, updated int, state exercise.State) exercise.Worksheet {
		return exercise.Worksheet{ID: id, Created: now.Add(time.Duration(created) * time.Hour),
			Updated: now.Add(time.Duration(updated) * time.Hour), State: state}
	}
	ws := []exercise.Worksheet{
		mk("a", 1, 9, exercise.Draft),
		mk("b", 3, 3, exercise.Finished),
		mk("c", 2, 4, exercise.Draft),
		mk("d", 3, 12, exercise.Finished),
	}
	exercise.Newest(ws)
	var order []string
	for _, w := range ws {
		order = append(order, w.ID)
	}
	if got, want := strings.Join(order, ""), "dbca"; got != want {
		t.Errorf("Newest order = %s, want %s", got, want)
	}
	last, ok := exercise.LastDraft(ws)
	if !ok || last.ID != "a" {
		t.Errorf("LastDraft = %q, %v; want a, true", last.ID, ok)
	}
	if _, ok := exercise.LastDraft(ws[:2]); ok {
		t.Errorf("LastDraft of finished worksheets = true, want false")
	}
}

func TestEditingDoesNotAlias(t *testing.T) {
	w := sample(t)
	c := w.Clone()
	c.SetText("notes", "changed")
	c.Fields[1].Items[0].Marks[0] = "changed"
	c.Fields[1].Items[1].Choices["when"] = "ready"
	if w.Text("notes") == "changed" || w.Fields[1].Items[0].Marks[0] == "changed" || w.Fields[1].Items[1].Choices["when"] == "ready" {
		t.Errorf("editing a Clone changed the original: %+v", w)
	}
	v := w // a plain copy shares slices; SetText must not write through it
	v.SetText("notes", "copy")
	if w.Text("notes") == "copy" {
		t.Errorf("SetText on a copy changed the original")
	}
}

func TestItemMarksAndChoices(t *testing.T) {
	it := exercise.Item{Text: "q"}
	it = it.WithMark("asked", true).WithMark("answered", true).WithMark("asked", true)
	if !it.Has("asked") || !it.Has("answered") || len(it.Marks) != 2 {
		t.Errorf("marks = %v, want asked and answered once each", it.Marks)
	}
	orig := it
	it = it.WithMark("asked", false)
	if it.Has("asked") || !orig.Has("asked") {
		t.Errorf("WithMark(false) = %v (original %v), want asked cleared on the copy only", it.Marks, orig.Marks)
	}
	it = it.WithMark("answered", false)
	if it.Marks != nil {
		t.Errorf("no marks left = %#v, want nil", it.Marks)
	}
	it = it.WithChoice("who", "both")
	if it.Choices["who"] != "both" {
		t.Errorf("WithChoice = %v", it.Choices)
	}
	if it = it.WithChoice("who", ""); it.Choices != nil {
		t.Errorf("cleared choice = %#v, want nil", it.Choices)
	}
}

func TestEmptyAndSummary(t *testing.T) {
	w := mustNew(t, "rebuild-pause-part")
	if !w.Empty() {
		t.Errorf("new worksheet Empty() = false")
	}
	w.SetText("leaning", "unsure") // a choice says little on its own
	w.SetText("as-is", "  Staying   as we are for the summer, and looking again in September when the children are back at school.  ")
	if w.Empty() {
		t.Errorf("Empty() = true after writing")
	}
	tests := []struct {
		max  int
		want string
	}{
		{0, "Staying as we are for the summer, and looking again in September when the children are back at school."},
		{30, "Staying as we are for the…"},
		{1000, "Staying as we are for the summer, and looking again in September when the children are back at school."},
	}
	for _, tc := range tests {
		if got := w.Summary(tc.max); got != tc.want {
			t.Errorf("Summary(%d) = %q, want %q", tc.max, got, tc.want)
		}
	}
	w.Title = "June"
	if got := w.Summary(40); got != "June" {
		t.Errorf("Summary with a title = %q, want June", got)
	}
	q := sample(t)
	q.Title = ""
	q.Fields = q.Fields[1:]
	if got := q.Summary(40); got != "When did it begin?" {
		t.Errorf("Summary of a list = %q, want its first item", got)
	}
}

func TestAgain(t *testing.T) {
	w := mustNew(t, "self-care")
	w.State = exercise.Finished
	w.SetItems("sleep", []exercise.Item{{Ref: "same-time", Text: "Bed by eleven", Marks: []string{"done"}}})
	w.SetItems(exercise.SelfCareLog, []exercise.Item{{Text: "walked", Date: day("2026-03-10")}})
	later := now.Add(30 * 24 * time.Hour)
	a := w.Again(later)
	if a.ID == w.ID || a.State != exercise.Draft || !a.Created.Equal(later) {
		t.Errorf("Again = id %s state %s created %v, want a new draft created %v", a.ID, a.State, a.Created, later)
	}
	if items := a.Items("sleep"); len(items) != 1 || items[0].Text != "Bed by eleven" || items[0].Marks != nil {
		t.Errorf("Again sleep = %+v, want the plan kept with marks cleared", items)
	}
	if items := a.Items(exercise.SelfCareLog); items != nil {
		t.Errorf("Again log = %+v, want dated entries left out", items)
	}
	if len(w.Items(exercise.SelfCareLog)) != 1 || !w.Items("sleep")[0].Has("done") {
		t.Errorf("Again changed the original")
	}
}
