package triggers_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/inmem"
	"kintsugi/app/triggers"
	"kintsugi/app/userdata"
)

var (
	now = time.Date(2026, time.March, 25, 22, 0, 0, 0, time.UTC)
	// paris is a fixed zone, as a time read back from storage has.
	paris = time.FixedZone("", 3600)
)

func valid() triggers.Entry {
	return triggers.Entry{
		ID: "t1", When: time.Date(2026, 3, 24, 23, 40, 0, 0, paris), Category: triggers.Phone,
		What: "Phone buzzed late at night", Where: "Bedroom", Reaction: "Heart racing, couldn't sleep",
		Helped: "We talked it through", Intensity: 7, HasIntensity: true,
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		mod   func(e *triggers.Entry)
		field string
	}{
		{"valid", func(e *triggers.Entry) {}, ""},
		{"only what", func(e *triggers.Entry) {
			*e = triggers.Entry{ID: "t1", When: now, What: "A song on the radio"}
		}, ""},
		{"intensity 0 counts", func(e *triggers.Entry) { e.Intensity = 0 }, ""},
		{"unrated intensity ignored", func(e *triggers.Entry) { e.Intensity, e.HasIntensity = 99, false }, ""},
		{"no what", func(e *triggers.Entry) { e.What = "" }, "what"},
		{"blank what", func(e *triggers.Entry) { e.What = "   " }, "what"},
		{"what too long", func(e *triggers.Entry) { e.What = strings.Repeat("w", triggers.MaxWhat+1) }, "what"},
		{"where too long", func(e *triggers.Entry) { e.Where = strings.Repeat("w", triggers.MaxWhere+1) }, "where"},
		{"reaction too long", func(e *triggers.Entry) { e.Reaction = strings.Repeat("r", triggers.MaxText+1) }, "reaction"},
		{"helped too long", func(e *triggers.Entry) { e.Helped = strings.Repeat("h", triggers.MaxText+1) }, "helped"},
		{"no time", func(e *triggers.Entry) { e.When = time.Time{} }, "when"},
		{"unknown category", func(e *triggers.Entry) { e.Category = "weather" }, "category"},
		{"intensity too high", func(e *triggers.Entry) { e.Intensity = 11 }, "intensity"},
		{"intensity negative", func(e *triggers.Entry) { e.Intensity = -1 }, "intensity"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := valid()
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

func TestRecordKeepsLocalClock(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	e := valid()
	unrated := triggers.New(time.Date(2026, 3, 20, 8, 0, 0, 0, paris))
	unrated.What = "Drove past the hotel"
	for _, x := range []triggers.Entry{e, unrated} {
		if _, err := triggers.Save(ctx, s, x, now); err != nil {
			t.Fatal(err)
		}
	}
	got, err := triggers.List(ctx, s)
	if err != nil || len(got) != 2 {
		t.Fatalf("List = %v, %v", got, err)
	}
	g := got[1]
	if g.ID != "t1" || !g.When.Equal(e.When) || g.When.Hour() != 23 || g.What != e.What || g.Category != triggers.Phone ||
		!g.HasIntensity || g.Intensity != 7 || g.Reaction != e.Reaction || g.Helped != e.Helped || g.Where != e.Where {
		t.Errorf("round trip = %+v, want %+v", g, e)
	}
	if got[0].HasIntensity {
		t.Error("an unrated entry came back rated")
	}
	if triggers.PartOf(g.When) != triggers.Night {
		t.Errorf("23:40 local is %v, want Night", triggers.PartOf(g.When))
	}
}

func TestPartOf(t *testing.T) {
	tests := []struct {
		h, m int
		want triggers.TimeOfDay
	}{
		{0, 0, triggers.Night},
		{4, 59, triggers.Night},
		{5, 0, triggers.Morning},
		{11, 59, triggers.Morning},
		{12, 0, triggers.Afternoon},
		{16, 59, triggers.Afternoon},
		{17, 0, triggers.Evening},
		{21, 59, triggers.Evening},
		{22, 0, triggers.Night},
		{23, 59, triggers.Night},
	}
	for _, tc := range tests {
		if got := triggers.PartOf(time.Date(2026, 3, 1, tc.h, tc.m, 0, 0, paris)); got != tc.want {
			t.Errorf("PartOf(%02d:%02d) = %v, want %v", tc.h, tc.m, got, tc.want)
		}
	}
	for _, p := range triggers.TimesOfDay {
		from, to := p.Hours()
		if got := triggers.PartOf(time.Date(2026, 3, 1, from, 0, 0, 0, time.UTC)); got != p {
			t.Errorf("%v starts at %d, which is %v", p, from, got)
		}
		if got := triggers.PartOf(time.Date(2026, 3, 1, (to+23)%24, 59, 0, 0, time.UTC)); got != p {
			t.Errorf("%v ends before %d, but %d:59 is %v", p, to, (to+23)%24, got)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Phone buzzed", "phone buzzed"},
		{"  The phone   BUZZED. ", "phone buzzed"},
		{"phones buzzed", "phone buzzed"},
		{"Her messages", "her message"},
		{"Parties", "party"},
		{"Watches, boxes, glasses", "watch box glass"},
		{"Café where they met", "cafe where they met"},
		{"Partner’s laptop", "partner laptop"},
		{"partners laptop", "partner laptop"},
		{"the", "the"},
		{"a", "a"},
		{"...", ""},
		{"This bus", "this bus"},
	}
	for _, tc := range tests {
		if got := triggers.Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// at returns a time on a day of March 2026 (the 2nd is a Monday) at an hour.
func at(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 15, 0, 0, paris) }

func entry(when time.Time, c triggers.Category, what string, intensity int) triggers.Entry {
	e := triggers.Entry{ID: "x", When: when, Category: c, What: what}
	if intensity >= 0 {
		e.Intensity, e.HasIntensity = intensity, true
	}
	return e
}

func TestPatterns(t *testing.T) {
	es := []triggers.Entry{
		entry(at(1, 20), triggers.Place, "Drove past the hotel", 8),   // Sunday evening, before the range
		entry(at(2, 21), triggers.Phone, "Phone buzzed late", 6),      // Monday evening
		entry(at(3, 22), triggers.Phone, "Phone buzzed late", -1),     // Tuesday night
		entry(at(8, 9), "", "The phones buzzed late", 4),              // Sunday morning
		entry(at(9, 18), triggers.Media, "Our song", 5),               // Monday evening
		entry(at(9, 13), triggers.Phone, "An unknown number", -1),     // Monday afternoon
		entry(at(16, 19), triggers.Words, "A joke about cheating", 9), // Monday evening
		entry(at(30, 19), triggers.Words, "Our song", 7),              // after the range
	}
	p := triggers.PatternsOf(es, civil.Date{Year: 2026, Month: 3, Day: 2}, civil.Date{Year: 2026, Month: 3, Day: 29})
	if p.Total != 6 {
		t.Fatalf("Total = %d, want 6", p.Total)
	}
	type count struct {
		Key, Label string
		N          int
	}
	strip := func(cs []triggers.Count) []count {
		var out []count
		for _, c := range cs {
			out = append(out, count{c.Key, c.Label, c.N})
		}
		return out
	}
	if got, want := strip(p.Common), []count{
		{"phone buzzed late", "Phone buzzed late", 3}, // the spelling used most
		{"joke about cheating", "A joke about cheating", 1},
		{"our song", "Our song", 1},
		{"unknown number", "An unknown number", 1},
	}; !slices.Equal(got, want) {
		t.Errorf("Common:\n got %v\nwant %v", got, want)
	}
	if got, want := strip(p.Categories), []count{
		{"phone", "A phone, message or social media", 3},
		{"media", "A song, film, show or story", 1},
		{"words", "Something said, or how it was said", 1},
	}; !slices.Equal(got, want) {
		t.Errorf("Categories:\n got %v\nwant %v", got, want)
	}
	if want := [4]int{1, 1, 3, 1}; p.TimesOfDay != want {
		t.Errorf("TimesOfDay = %v, want %v (morning, afternoon, evening, night)", p.TimesOfDay, want)
	}
	if want := [7]int{time.Sunday: 1, time.Monday: 4, time.Tuesday: 1}; p.Weekdays != want {
		t.Errorf("Weekdays = %v, want %v", p.Weekdays, want)
	}
	if p.Rated != 4 || p.MeanIntensity != 6 {
		t.Errorf("Rated %d, MeanIntensity %v; want 4 and 6", p.Rated, p.MeanIntensity)
	}
	want := []string{
		"6 triggers logged in this time.",
		"Came up most often: “Phone buzzed late”, 3 times.",
		"The most common kind: a phone, message or social media (3 of 6).",
		"Most came in the evening (3 of 6).",
		"More came on Mondays than on other days (4 of 6).",
		"Where you rated it, the intensity averaged 6 out of 10.",
	}
	if got := p.Lines(); !slices.Equal(got, want) {
		t.Errorf("Lines:\n got %q\nwant %q", got, want)
	}

	// Open ends take everything.
	if all := triggers.PatternsOf(es, civil.Date{}, civil.Date{}); all.Total != len(es) || all.Common[1].Label != "Our song" || all.Common[1].N != 2 {
		t.Errorf("all: Total %d, Common %+v", all.Total, all.Common)
	}
}

func TestLinesOnlyNameWhatStandsOut(t *testing.T) {
	tests := []struct {
		name string
		es   []triggers.Entry
		want []string
	}{
		{"none", nil, []string{"No triggers logged in this time."}},
		{"one", []triggers.Entry{entry(at(2, 9), "", "Our song", -1)},
			[]string{"1 trigger logged in this time."}},
		{"ties are not patterns", []triggers.Entry{
			entry(at(2, 9), triggers.Place, "Our song", -1),
			entry(at(3, 21), triggers.Media, "The hotel", -1),
			entry(at(4, 13), "", "Old photos", -1),
		}, []string{"3 triggers logged in this time."}},
		{"tied common triggers", []triggers.Entry{
			entry(at(2, 9), "", "Our song", -1),
			entry(at(3, 13), "", "our song", -1),
			entry(at(4, 18), "", "The hotel", -1),
			entry(at(5, 23), "", "the hotel!", 3),
		}, []string{
			"4 triggers logged in this time.",
			"Came up most often, twice each: “the hotel!”, “our song”.",
			"Where you rated it, the intensity averaged 3 out of 10.",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := triggers.PatternsOf(tc.es, civil.Date{}, civil.Date{}).Lines(); !slices.Equal(got, tc.want) {
				t.Errorf("Lines:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}
