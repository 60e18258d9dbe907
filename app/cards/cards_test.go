package cards_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"kintsugi/app/cards"
	"kintsugi/app/exercise"
	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
)

// file builds a cards file with every deck; extra is added to the last.
func file(extra ...string) string {
	var b strings.Builder
	b.WriteString("# Conversation cards\n\nA preamble with - odd: lines that are ignored.\n")
	for i, d := range cards.Decks {
		b.WriteString("\n## " + d + "\ntitle: T" + d + "\nabout: About " + d + ".\n\n")
		b.WriteString("- " + d[:1] + "1: First " + d + " question?\n")
		b.WriteString("- " + d[:1] + "2: Second " + d + " prompt.\n")
		if i == len(cards.Decks)-1 {
			for _, e := range extra {
				b.WriteString(e + "\n")
			}
		}
	}
	return b.String()
}

func TestParse(t *testing.T) {
	set, err := cards.Parse(file())
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Decks) != 4 {
		t.Fatalf("%d decks, want 4", len(set.Decks))
	}
	d, ok := set.Deck("hopes")
	if !ok || d.Title != "Thopes" || d.About != "About hopes." || len(d.Cards) != 2 {
		t.Errorf("Deck(hopes) = %+v, %v", d, ok)
	}
	if c, ok := set.Card("h2"); !ok || c.Deck != "hopes" || c.Text != "Second hopes prompt." {
		t.Errorf("Card(h2) = %+v, %v", c, ok)
	}
	if _, ok := set.Card("zz"); ok {
		t.Errorf("Card(zz) found")
	}
	if n := len(set.Cards("")); n != 8 {
		t.Errorf("Cards(\"\") = %d cards, want 8", n)
	}
	if n := len(set.Cards("rebuilding")); n != 2 {
		t.Errorf("Cards(rebuilding) = %d cards, want 2", n)
	}
	if _, err := cards.Parse(strings.ReplaceAll(file(), "\n", "\r\n")); err != nil {
		t.Errorf("CRLF file: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown deck", file("## gossip\ntitle: G\nabout: G.\n- g1: What?"), "unknown deck \"gossip\""},
		{"duplicate deck", file("## hopes\ntitle: H\nabout: H.\n- hx: What now?"), "deck \"hopes\" appears twice"},
		{"duplicate id", file("- r1: Another question?"), "card ID \"r1\" is also used on line"},
		{"duplicate text", file("- r9: first REBUILDING question"), "repeats the text of line"},
		{"empty text", file("- r9: "), "card \"r9\""},
		{"no end punctuation", file("- r9: What next"), "must end with"},
		{"bad id", file("- R9: What next?"), "card \"R9\""},
		{"too long", file("- r9: " + strings.Repeat("a", cards.MaxText) + "?"), "characters, more than"},
		{"stray line", file("Just some words"), "not a card, a title or an about line"},
		{"two titles", file("title: Again"), "has two titles"},
		{"missing deck", strings.Replace(file(), "## appreciation", "## appreciation-gone", 1), "unknown deck"},
		{"no title", strings.Replace(file(), "title: Thopes\n", "", 1), "deck \"hopes\" has no title line"},
		{"empty deck", "## understanding\ntitle: U\nabout: U.\n", "has no cards"},
		{"wrong order", strings.Replace(strings.Replace(file(), "## hopes", "## tmp", 1), "## appreciation", "## hopes", 1), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cards.Parse(tc.text)
			if err == nil {
				t.Fatalf("Parse succeeded, want an error containing %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse error = %v, want it to contain %q", err, tc.want)
			}
			if tc.name != "wrong order" && !strings.Contains(err.Error(), "cards.md:") {
				t.Errorf("error %v names no line", err)
			}
		})
	}
}

func TestParseReportsAll(t *testing.T) {
	_, err := cards.Parse(file("- r9: No end", "- R8: Bad id?"))
	var all interface{ Unwrap() []error }
	if !errors.As(err, &all) || len(all.Unwrap()) != 2 {
		t.Errorf("Parse = %v, want two problems reported together", err)
	}
}

func deal(n int) []cards.Card {
	var out []cards.Card
	for i := 0; i < n; i++ {
		out = append(out, cards.Card{ID: string(rune('a' + i))})
	}
	return out
}

func ids(cs []cards.Card) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.ID)
	}
	return b.String()
}

func TestShuffle(t *testing.T) {
	in := deal(10)
	orig := ids(in)
	a := cards.Shuffle(in, 42)
	if ids(in) != orig {
		t.Errorf("Shuffle changed its input")
	}
	if got := ids(cards.Shuffle(in, 42)); got != ids(a) {
		t.Errorf("same seed gave %s then %s", ids(a), got)
	}
	// The order is pinned: a saved seed must find the same card after an
	// update. If this fails, Shuffle changed, and saved places would move.
	// These orders were checked against an independent SplitMix64 and
	// Fisher-Yates written in Python (seed 0's first output is
	// 0xe220a8397b1dcdaf, as published).
	golden := map[uint32]string{0: "gdcjibehaf", 1: "ecibjdaghf", 42: "ajfigehcbd", 4294967295: "fjehicbdga"}
	for seed, want := range golden {
		if got := ids(cards.Shuffle(in, seed)); got != want {
			t.Errorf("Shuffle(seed %d) = %s, want %s", seed, got, want)
		}
	}
	if got := ids(cards.Shuffle(in, 43)); got == ids(a) {
		t.Errorf("seeds 42 and 43 gave the same order %s", got)
	}
	if len(cards.Shuffle(nil, 1)) != 0 || ids(cards.Shuffle(deal(1), 1)) != "a" {
		t.Errorf("Shuffle of 0 or 1 cards is wrong")
	}
	// Every card stays, once.
	for seed := uint32(0); seed < 50; seed++ {
		got := cards.Shuffle(in, seed)
		seen := map[string]bool{}
		for _, c := range got {
			seen[c.ID] = true
		}
		if len(got) != 10 || len(seen) != 10 {
			t.Fatalf("Shuffle(seed %d) = %s, lost or repeated a card", seed, ids(got))
		}
	}
}

// TestShuffleSpread checks that each card lands in each place about as
// often as any other, over many seeds.
func TestShuffleSpread(t *testing.T) {
	const n, seeds = 5, 20000
	var counts [n][n]int
	for s := uint32(0); s < seeds; s++ {
		for pos, c := range cards.Shuffle(deal(n), s) {
			counts[c.ID[0]-'a'][pos]++
		}
	}
	for i := range counts {
		for j, got := range counts[i] {
			if want := seeds / n; got < want*9/10 || got > want*11/10 {
				t.Errorf("card %d at place %d %d times, want about %d", i, j, got, want)
			}
		}
	}
}

func TestState(t *testing.T) {
	set, err := cards.Parse(file())
	if err != nil {
		t.Fatal(err)
	}
	var s cards.State
	s = s.Toggle("u1").Toggle("h2").Toggle("gone")
	if !s.Has("u1") || !reflect.DeepEqual(s.Favourites, []string{"gone", "h2", "u1"}) {
		t.Errorf("favourites = %v, want newest first", s.Favourites)
	}
	before := s
	s = s.Toggle("h2")
	if s.Has("h2") || !before.Has("h2") {
		t.Errorf("Toggle off = %v (before %v), want h2 removed from the copy only", s.Favourites, before.Favourites)
	}
	if got := s.Favourite(set); len(got) != 1 || got[0].ID != "u1" {
		t.Errorf("Favourite = %+v, want u1 only (gone is retired)", got)
	}

	s.Deck, s.Seed = "hopes", 7
	order := s.Order(set)
	if len(order) != 2 || order[0].Deck != "hopes" {
		t.Errorf("Order = %+v, want the two hopes cards", order)
	}
	for _, tc := range []struct{ pos, want int }{{0, 0}, {1, 1}, {2, 0}, {5, 1}} {
		s.Position = tc.pos
		if c, ok := s.Current(order); !ok || c.ID != order[tc.want].ID {
			t.Errorf("Current at %d = %v, want %v", tc.pos, c.ID, order[tc.want].ID)
		}
	}
	if _, ok := s.Current(nil); ok {
		t.Errorf("Current of no cards = ok")
	}
	s.Deck = ""
	if len(s.Order(set)) != 8 {
		t.Errorf("Order of all decks = %d cards, want 8", len(s.Order(set)))
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		s    cards.State
		ok   bool
	}{
		{"zero", cards.State{}, true},
		{"full", cards.State{Favourites: []string{"u01", "r18"}, Deck: "hopes", Seed: 9, Position: 3}, true},
		{"unknown deck", cards.State{Deck: "gossip"}, false},
		{"bad id", cards.State{Favourites: []string{"U 1"}}, false},
		{"repeated id", cards.State{Favourites: []string{"u01", "u01"}}, false},
		{"negative position", cards.State{Position: -1}, false},
		{"too many", cards.State{Favourites: many(cards.MaxFavourites + 1)}, false},
	}
	for _, tc := range tests {
		err := tc.s.Validate()
		if (err == nil) != tc.ok || err != nil && !errors.Is(err, userdata.ErrInvalid) {
			t.Errorf("%s: Validate = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}

func many(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "c" + strings.Repeat("x", i%30) + string(rune('a'+i%26)) + string(rune('a'+i/26%26))
	}
	return out
}

func TestSaveLoad(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	now := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)

	got, err := cards.Load(ctx, s)
	if err != nil || !reflect.DeepEqual(got, cards.State{}) {
		t.Fatalf("Load of nothing = %+v, %v; want the zero State", got, err)
	}
	st := cards.State{Favourites: []string{"u01"}, Deck: "rebuilding", Seed: 123, Position: 4}
	if err := cards.Save(ctx, s, st, now); err != nil {
		t.Fatal(err)
	}
	st.Position = 5
	if err := cards.Save(ctx, s, st, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, err = cards.Load(ctx, s); err != nil || !reflect.DeepEqual(got, st) {
		t.Errorf("Load = %+v, %v; want %+v", got, err, st)
	}
	r, err := s.Get(ctx, userdata.KindExercise, cards.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Created.Equal(now) || !r.Updated.Equal(now.Add(time.Hour)) {
		t.Errorf("record created %v updated %v, want %v and %v", r.Created, r.Updated, now, now.Add(time.Hour))
	}
	if slug := exercise.SlugOf(r); slug != cards.Slug {
		t.Errorf("SlugOf(record) = %q, want %q", slug, cards.Slug)
	}
	// The worksheet list must not mistake the cards' record for a worksheet.
	if ws, damaged, err := exercise.Past(ctx, s, ""); err != nil || len(ws) != 0 || damaged != 0 {
		t.Errorf("exercise.Past = %d worksheets, %d damaged, %v; want none", len(ws), damaged, err)
	}
	if err := cards.Save(ctx, s, cards.State{Position: -1}, now); !errors.Is(err, userdata.ErrInvalid) {
		t.Errorf("Save(invalid) = %v, want ErrInvalid", err)
	}
}

func TestFromRecordRejects(t *testing.T) {
	now := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)
	good, err := cards.State{}.ToRecord(now)
	if err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(r *userdata.Record){
		"other id":   func(r *userdata.Record) { r.ID = "x" },
		"other kind": func(r *userdata.Record) { r.Kind = userdata.KindJournal },
		"worksheet":  func(r *userdata.Record) { r.Data = []byte(`{"slug":"questions","state":"draft"}`) },
		"broken":     func(r *userdata.Record) { r.Data = []byte(`{"slug":`) },
		"bad state":  func(r *userdata.Record) { r.Data = []byte(`{"slug":"conversation-cards","position":-2}`) },
	} {
		r := good.Clone()
		change(&r)
		if _, err := cards.FromRecord(r); !errors.Is(err, userdata.ErrInvalid) {
			t.Errorf("%s: FromRecord = %v, want ErrInvalid", name, err)
		}
	}
}
