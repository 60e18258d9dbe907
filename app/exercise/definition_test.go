package exercise_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/exercise"
	"kintsugi/app/guide"
	"kintsugi/app/tools"
	"kintsugi/content"
)

var name = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestDefinitions checks every definition the way content_test checks the
// guide: all problems at once, so a writer can fix them in one go.
func TestDefinitions(t *testing.T) {
	g, err := guide.Load(content.Files())
	if err != nil {
		t.Fatalf("load the guide: %v", err)
	}
	want := []string{"questions", "agreement", "time-out", "root-causes", "walls-windows",
		"shared-vision", "forgiveness", "rebuild-pause-part", "self-care", "therapist-checklist"}
	if len(exercise.Definitions()) != len(want) {
		t.Errorf("%d definitions, want %d", len(exercise.Definitions()), len(want))
	}
	seen := map[string]bool{}
	for i, d := range exercise.Definitions() {
		if i < len(want) && d.Slug != want[i] {
			t.Errorf("definition %d is %q, want %q", i, d.Slug, want[i])
		}
		if seen[d.Slug] {
			t.Errorf("%s: defined twice", d.Slug)
		}
		seen[d.Slug] = true
		checkDefinition(t, g, d)
	}
}

func checkDefinition(t *testing.T, g *guide.Guide, d exercise.Definition) {
	t.Helper()
	bad := func(format string, args ...any) { t.Errorf(d.Slug+": "+format, args...) }
	tool, ok := tools.Find(d.Slug)
	if !ok {
		bad("not in the tools catalogue")
	} else if d.Title != tool.Name {
		bad("title %q, want the catalogue's %q", d.Title, tool.Name)
	}
	if c, ok := g.Chapter(d.Chapter); !ok {
		bad("chapter %q is not in the guide", d.Chapter)
	} else if !contains(c.Exercises, d.Slug) {
		bad("chapter %q does not list the exercise", d.Chapter)
	}
	if n := sentences(d.Why); n < 2 || n > 3 {
		bad("Why has %d sentences, want two or three", n)
	}
	if len(d.Sources) == 0 {
		bad("no sources")
	}
	for _, s := range d.Sources {
		if !regexp.MustCompile(`\b(1[89]|20)\d\d\.$`).MatchString(s) {
			bad("source %q does not end with a year", s)
		}
	}
	if len(d.Steps) < 3 {
		bad("only %d steps", len(d.Steps))
	}
	steps := map[string]bool{}
	answers := 0
	for _, s := range d.Steps {
		where := d.Slug + "/" + s.Name
		if !name.MatchString(s.Name) || steps[s.Name] {
			bad("step name %q is malformed or repeated", s.Name)
		}
		steps[s.Name] = true
		if s.Title == "" {
			t.Errorf("%s: no title", where)
		}
		for _, txt := range append([]string{d.Why, s.Title, s.Prompt, s.Help}, append(s.Points, s.Examples...)...) {
			checkWords(t, where, txt)
		}
		switch s.Input {
		case exercise.Info:
			if s.Help == "" && len(s.Points) == 0 {
				t.Errorf("%s: info step with nothing to read", where)
			}
			if s.Prompt != "" || len(s.Options)+len(s.Suggestions)+len(s.Marks)+len(s.Choices) > 0 || s.Note != "" || s.Dated || s.Optional {
				t.Errorf("%s: info step with answer settings", where)
			}
			continue
		case exercise.Text, exercise.Date:
			if len(s.Options)+len(s.Suggestions)+len(s.Marks)+len(s.Choices) > 0 || s.Note != "" || s.Dated {
				t.Errorf("%s: %s step with list settings", where, s.Input)
			}
		case exercise.Choice:
			if len(s.Options) < 2 {
				t.Errorf("%s: choice with %d options", where, len(s.Options))
			}
		case exercise.List:
			if len(s.Options) > 0 {
				t.Errorf("%s: list with options", where)
			}
		case exercise.Checklist:
			if len(s.Suggestions) < 2 {
				t.Errorf("%s: checklist with %d suggestions", where, len(s.Suggestions))
			}
		default:
			t.Errorf("%s: unknown input %q", where, s.Input)
		}
		if s.Own && s.Input != exercise.Checklist {
			t.Errorf("%s: Own on a %s step", where, s.Input)
		}
		answers++
		if s.Prompt == "" {
			t.Errorf("%s: no prompt", where)
		}
		checkOptions(t, where+" options", s.Options)
		checkOptions(t, where+" marks", s.Marks)
		choiceNames := map[string]bool{}
		for _, c := range s.Choices {
			if !name.MatchString(c.Name) || choiceNames[c.Name] || c.Label == "" {
				t.Errorf("%s: item choice %q is malformed, repeated or unlabelled", where, c.Name)
			}
			choiceNames[c.Name] = true
			if len(c.Options) < 2 {
				t.Errorf("%s: item choice %q has %d options", where, c.Name, len(c.Options))
			}
			checkOptions(t, where+" choice "+c.Name, c.Options)
		}
		ids := map[string]bool{}
		for _, g := range s.Suggestions {
			if !name.MatchString(g.ID) || ids[g.ID] {
				t.Errorf("%s: suggestion ID %q is malformed or repeated", where, g.ID)
			}
			ids[g.ID] = true
			if len(g.Text) < 4 || len(g.Text) > exercise.MaxItemText {
				t.Errorf("%s: suggestion %q has text of %d bytes", where, g.ID, len(g.Text))
			}
			checkWords(t, where+"/"+g.ID, g.Text)
			checkWords(t, where+"/"+g.ID, g.Help)
		}
	}
	if answers < 2 {
		bad("only %d steps save an answer", answers)
	}
}

func checkOptions(t *testing.T, where string, opts []exercise.Option) {
	t.Helper()
	ids := map[string]bool{}
	for _, o := range opts {
		if !name.MatchString(o.ID) || ids[o.ID] || o.Label == "" {
			t.Errorf("%s: option %q is malformed, repeated or unlabelled", where, o.ID)
		}
		ids[o.ID] = true
	}
}

// checkWords catches slips a proofreader would: stray spaces, a missing
// full stop, text-speak.
func checkWords(t *testing.T, where, s string) {
	t.Helper()
	if s == "" {
		return
	}
	if strings.TrimSpace(s) != s || strings.Contains(s, "  ") || strings.ContainsAny(s, "\n\t") {
		t.Errorf("%s: stray white space in %q", where, s)
	}
	for _, w := range []string{" u ", " ur ", "!!", "??"} {
		if strings.Contains(" "+s+" ", w) {
			t.Errorf("%s: %q in %q", where, w, s)
		}
	}
}

func sentences(s string) int {
	return len(regexp.MustCompile(`[.!?]("|”)?(\s|$)`).FindAllString(s, -1))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestKnownAndSlugs(t *testing.T) {
	slugs := exercise.Slugs()
	if len(slugs) != 12 {
		t.Errorf("Slugs() = %v, want 12", slugs)
	}
	for _, s := range slugs {
		if !exercise.Known(s) {
			t.Errorf("Known(%q) = false", s)
		}
		if _, ok := tools.Find(s); !ok {
			t.Errorf("slug %q is not in the tools catalogue", s)
		}
	}
	for _, s := range []string{"", "conversation-cards", "check-in", "journal", "safety-check"} {
		if exercise.Known(s) {
			t.Errorf("Known(%q) = true, want false", s)
		}
	}
}

// TestTone guards promises the words make: the agreement is voluntary,
// time-limited and not for fear or control; the reflections are private
// and rank no path above another.
func TestTone(t *testing.T) {
	all := func(d exercise.Definition) string {
		var b strings.Builder
		b.WriteString(d.Why)
		for _, s := range d.Steps {
			b.WriteString(" " + s.Title + " " + s.Prompt + " " + s.Help + " " + strings.Join(s.Points, " "))
		}
		return strings.ToLower(b.String())
	}
	agreement, _ := exercise.Find("agreement")
	text := all(agreement)
	for _, want := range []string{"voluntary", "time-limited", "not surveillance", "afraid", "control", "spyware", "wind down"} {
		if !strings.Contains(text, want) {
			t.Errorf("agreement never says %q", want)
		}
	}
	for _, slug := range []string{"forgiveness", "rebuild-pause-part"} {
		d, _ := exercise.Find(slug)
		if !d.Private {
			t.Errorf("%s is not marked private", slug)
		}
		if !strings.Contains(all(d), "right") {
			t.Errorf("%s never says that no answer is the right one", slug)
		}
		for _, s := range d.Steps {
			for _, o := range s.Options {
				l := strings.ToLower(o.Label + " " + o.Help)
				for _, w := range []string{"best", "should", "recommend", "right", "healthy", "wrong"} {
					if strings.Contains(l, w) {
						t.Errorf("%s option %q says %q", slug, o.ID, w)
					}
				}
			}
		}
	}
}

func TestReviewDue(t *testing.T) {
	at := func(s string, hour int) time.Time {
		d := day(s)
		return time.Date(d.Year, d.Month, d.Day, hour, 0, 0, 0, time.UTC)
	}
	tests := []struct {
		name   string
		slug   string
		state  exercise.State
		review string
		now    time.Time
		want   bool
	}{
		{"before the day", "agreement", exercise.Finished, "2026-04-01", at("2026-03-31", 23), false},
		{"on the day", "agreement", exercise.Finished, "2026-04-01", at("2026-04-01", 0), true},
		{"after the day", "agreement", exercise.Finished, "2026-04-01", at("2026-06-01", 12), true},
		{"a draft is not in force", "agreement", exercise.Draft, "2026-04-01", at("2026-06-01", 12), false},
		{"no date", "agreement", exercise.Finished, "", at("2026-06-01", 12), false},
		{"not a date", "agreement", exercise.Finished, "next month", at("2026-06-01", 12), false},
		{"not an agreement", "time-out", exercise.Finished, "2026-04-01", at("2026-06-01", 12), false},
	}
	var ws []exercise.Worksheet
	var wantDue []string
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := mustNew(t, tc.slug)
			w.State = tc.state
			w.SetText(exercise.AgreementReview, tc.review)
			if got := exercise.ReviewDue(w, tc.now); got != tc.want {
				t.Errorf("ReviewDue = %v, want %v", got, tc.want)
			}
			if tc.now.Equal(at("2026-06-01", 12)) {
				ws = append(ws, w)
				if tc.want {
					wantDue = append(wantDue, w.ID)
				}
			}
		})
	}
	got := exercise.DueReviews(ws, at("2026-06-01", 12))
	if len(got) != len(wantDue) || len(got) != 1 || got[0].ID != wantDue[0] {
		t.Errorf("DueReviews = %v, want %v", ids(got), wantDue)
	}
}

func TestReviewDueUsesLocalDay(t *testing.T) {
	w := mustNew(t, "agreement")
	w.State = exercise.Finished
	w.SetText(exercise.AgreementReview, "2026-04-01")
	// 23:30 on 31 March in New York is already 1 April in UTC.
	ny := time.FixedZone("EDT", -4*3600)
	late := time.Date(2026, time.March, 31, 23, 30, 0, 0, ny)
	if exercise.ReviewDue(w, late) {
		t.Errorf("ReviewDue at %v = true, want false: it is still 31 March there", late)
	}
	if d, ok := exercise.ReviewDate(w); !ok || d != (civil.Date{Year: 2026, Month: time.April, Day: 1}) {
		t.Errorf("ReviewDate = %v, %v", d, ok)
	}
}

func TestAgreed(t *testing.T) {
	tests := []struct {
		refs          []string
		first, second bool
	}{
		{nil, false, false},
		{[]string{"first"}, true, false},
		{[]string{"second"}, false, true},
		{[]string{"second", "first"}, true, true},
	}
	for _, tc := range tests {
		w := mustNew(t, "agreement")
		var items []exercise.Item
		for _, r := range tc.refs {
			items = append(items, exercise.Item{Ref: r, Text: r + " agrees"})
		}
		w.SetItems(exercise.AgreementAgreed, items)
		if f, s := exercise.Agreed(w); f != tc.first || s != tc.second {
			t.Errorf("Agreed(%v) = %v, %v; want %v, %v", tc.refs, f, s, tc.first, tc.second)
		}
	}
}

func TestPauseLength(t *testing.T) {
	tests := []struct {
		slug, length string
		want         time.Duration
	}{
		{"time-out", "", 20 * time.Minute},
		{"time-out", "30", 30 * time.Minute},
		{"time-out", "60", time.Hour},
		{"time-out", "5", 20 * time.Minute}, // too short to settle
		{"time-out", "600", 20 * time.Minute},
		{"time-out", "soon", 20 * time.Minute},
		{"questions", "45", 20 * time.Minute},
	}
	for _, tc := range tests {
		w := mustNew(t, tc.slug)
		w.SetText(exercise.TimeOutLength, tc.length)
		if got := exercise.PauseLength(w); got != tc.want {
			t.Errorf("PauseLength(%s, %q) = %v, want %v", tc.slug, tc.length, got, tc.want)
		}
	}
	d, _ := exercise.Find("time-out")
	s, _ := d.Step(exercise.TimeOutLength)
	for _, o := range s.Options {
		w := mustNew(t, "time-out")
		w.SetText(exercise.TimeOutLength, o.ID)
		if exercise.PauseLength(w) == exercise.TimeOutPause && o.ID != "20" {
			t.Errorf("option %q gives the default length", o.ID)
		}
	}
}

func TestBreathAt(t *testing.T) {
	tests := []struct {
		elapsed time.Duration
		phase   int
		left    time.Duration
	}{
		{-time.Second, 0, 4 * time.Second},
		{0, 0, 4 * time.Second},
		{3500 * time.Millisecond, 0, 500 * time.Millisecond},
		{4 * time.Second, 1, 6 * time.Second},
		{9 * time.Second, 1, time.Second},
		{10 * time.Second, 0, 4 * time.Second},
		{20*time.Minute + 5*time.Second, 1, 5 * time.Second},
	}
	for _, tc := range tests {
		p, l := exercise.BreathAt(tc.elapsed)
		if p != tc.phase || l != tc.left {
			t.Errorf("BreathAt(%v) = %d, %v; want %d, %v", tc.elapsed, p, l, tc.phase, tc.left)
		}
	}
	if len(exercise.Breathing) != 2 || exercise.Breathing[0].Seconds != 4 || exercise.Breathing[1].Seconds != 6 {
		t.Errorf("Breathing = %+v, want in 4, out 6", exercise.Breathing)
	}
}

// TestEveryStepSaves fills in every step of every definition and checks the
// worksheet saves, reads back and reports nothing missing.
func TestEveryStepSaves(t *testing.T) {
	for _, d := range exercise.Definitions() {
		t.Run(d.Slug, func(t *testing.T) {
			w := mustNew(t, d.Slug)
			if got := len(d.Missing(w)); got == 0 {
				t.Errorf("an empty worksheet misses nothing")
			}
			for _, s := range d.Steps {
				switch s.Input {
				case exercise.Text:
					w.SetText(s.Name, "Something true.")
				case exercise.Choice:
					w.SetText(s.Name, s.Options[0].ID)
				case exercise.Date:
					w.SetText(s.Name, "2026-05-01")
				case exercise.List, exercise.Checklist:
					it := exercise.Item{Text: "An entry of my own."}
					if len(s.Suggestions) > 0 {
						it = exercise.Item{Ref: s.Suggestions[0].ID, Text: s.Suggestions[0].Text}
					}
					if s.Note != "" {
						it.Note = "A note."
					}
					if s.Dated {
						it.Date = day("2026-05-02")
					}
					for _, m := range s.Marks {
						it = it.WithMark(m.ID, true)
					}
					for _, c := range s.Choices {
						it = it.WithChoice(c.Name, c.Options[len(c.Options)-1].ID)
					}
					w.SetItems(s.Name, []exercise.Item{it})
				}
			}
			if m := d.Missing(w); len(m) != 0 {
				t.Errorf("Missing after filling every step = %d steps", len(m))
			}
			r, err := w.ToRecord()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := exercise.FromRecord(r); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestStepsCodeReads checks that content/exercises.json still has the
// steps that code finds by name, with the input that code expects.
func TestStepsCodeReads(t *testing.T) {
	for _, tc := range []struct {
		slug, step string
		input      exercise.Input
	}{
		{"agreement", exercise.AgreementReview, exercise.Date},
		{"agreement", exercise.AgreementAgreed, exercise.Checklist},
		{"self-care", exercise.SelfCareLog, exercise.List},
		{"time-out", exercise.TimeOutLength, exercise.Choice},
	} {
		d, ok := exercise.Find(tc.slug)
		if !ok {
			t.Errorf("no exercise %q", tc.slug)
			continue
		}
		if s, ok := d.Step(tc.step); !ok || s.Input != tc.input {
			t.Errorf("%s: step %q is %+v (found %v), want a %s step", tc.slug, tc.step, s.Input, ok, tc.input)
		}
	}
}

// TestParseRefusesWhatItDoesNotKnow checks that a misspelt field or a
// damaged file is an error, not a silently empty step.
func TestParseRefusesWhatItDoesNotKnow(t *testing.T) {
	if _, err := exercise.Parse([]byte(content.Files()[exercise.File])); err != nil {
		t.Fatalf("the real file: %v", err)
	}
	for _, bad := range []string{
		``,
		`[]`,
		`{"slug": "x"}`,
		`[{"slug": "x", "titel": "Misspelt"}]`,
		`[{"slug": "x", "steps": [{"name": "a", "promt": "Misspelt"}]}]`,
		`[{"slug": "x"}] [{"slug": "y"}]`,
		`[{"slug": "x"}`,
	} {
		if _, err := exercise.Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}
