// Package cards is the conversation cards: prompts in a few decks, shown
// one at a time, shuffled, with favourites kept on the device. The prompts
// themselves are content, in content/cards.md (content.Cards returns it);
// this package parses and checks them, deals them in a repeatable order,
// and saves the person's place and favourites.
//
// # The file
//
//	# Conversation cards            anything before the first deck is a
//	Notes for writers...            preamble, and is ignored
//
//	## understanding                a deck: "## " and one of [Decks]
//	title: Understanding            required, once
//	about: One or two sentences.    required, once
//
//	- u01: What is ...?             a card: "- ", its ID, ": ", its text
//
// Blank lines are ignored; any other line is an error. [Parse] reports
// every problem at once, with line numbers. A valid file has every deck
// in [Decks], in that order, each with at least one card; card IDs are
// lower-case letters, digits and hyphens, unique across the file, and
// must never change or be reused once shipped, because favourites are
// saved by ID; card texts are at most [MaxText] characters, end with "?"
// or ".", and are unique (ignoring case and punctuation).
//
// # Saved state
//
// [State] is the person's favourites, chosen deck and place in the
// shuffled order. It is kept in one userdata.KindExercise record with ID
// [RecordID], whose Data names its exercise, "conversation-cards", like
// every exercise record (see exercise.SlugOf). A favourite whose card
// has since been retired is kept but not shown.
//
// Conversation cards are a couple exercise (tools.Tool.ForCouples): the
// UI hides them where the private safety check points to risk.
package cards

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"kintsugi/app/phrase"
)

// Slug is the tool's slug in package tools.
const Slug = "conversation-cards"

// Decks are the known deck slugs, in the order they are shown.
var Decks = []string{"understanding", "appreciation", "hopes", "rebuilding"}

// MaxText is the longest card text, in characters.
const MaxText = 300

// Card is one prompt.
type Card struct {
	// ID identifies the card for favourites; it never changes.
	ID string
	// Deck is the slug of the card's deck.
	Deck string
	// Text is the prompt.
	Text string
}

// Deck is one deck of cards.
type Deck struct {
	// Slug is one of [Decks].
	Slug string
	// Title is the deck's name.
	Title string
	// About says in a sentence or two what the deck is for.
	About string
	// Cards are the deck's cards, in file order.
	Cards []Card
}

// Set is every deck, parsed from the cards file.
type Set struct {
	// Decks are the decks, in the order of [Decks].
	Decks []Deck
}

// Deck returns the deck with the given slug.
func (s *Set) Deck(slug string) (Deck, bool) {
	for _, d := range s.Decks {
		if d.Slug == slug {
			return d, true
		}
	}
	return Deck{}, false
}

// Cards returns the cards of the deck slug, or of every deck if slug is
// "", in file order. The caller may modify the returned slice.
func (s *Set) Cards(slug string) []Card {
	var out []Card
	for _, d := range s.Decks {
		if slug == "" || d.Slug == slug {
			out = append(out, d.Cards...)
		}
	}
	return out
}

// Card returns the card with the given ID.
func (s *Set) Card(id string) (Card, bool) {
	for _, d := range s.Decks {
		for _, c := range d.Cards {
			if c.ID == id {
				return c, true
			}
		}
	}
	return Card{}, false
}

var (
	deckLine = regexp.MustCompile(`^## (\S+)$`)
	cardLine = regexp.MustCompile(`^- ([^:\s]+): (.*)$`)
	idRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// Parse parses and checks the cards file; see the package documentation
// for the format. On error it returns every problem found, joined with
// errors.Join, each naming its line.
func Parse(text string) (*Set, error) {
	var (
		set   Set
		errs  []error
		deck  *Deck
		ids   = map[string]int{}
		texts = map[string]int{}
		seen  = map[string]bool{}
	)
	bad := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("cards.md:%d: "+format, append([]any{line}, args...)...))
	}
	endDeck := func(line int) {
		if deck == nil {
			return
		}
		if deck.Title == "" {
			bad(line, "deck %q has no title line", deck.Slug)
		}
		if deck.About == "" {
			bad(line, "deck %q has no about line", deck.Slug)
		}
		if len(deck.Cards) == 0 {
			bad(line, "deck %q has no cards", deck.Slug)
		}
		set.Decks = append(set.Decks, *deck)
		deck = nil
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		n := i + 1
		if !utf8.ValidString(l) {
			bad(n, "not valid UTF-8")
			continue
		}
		if m := deckLine.FindStringSubmatch(l); m != nil {
			endDeck(n)
			slug := m[1]
			switch {
			case !slices.Contains(Decks, slug):
				bad(n, "unknown deck %q (known: %s)", slug, strings.Join(Decks, ", "))
			case seen[slug]:
				bad(n, "deck %q appears twice", slug)
			}
			seen[slug] = true
			deck = &Deck{Slug: slug}
			continue
		}
		if deck == nil || strings.TrimSpace(l) == "" {
			continue // the preamble, or a blank line
		}
		if v, ok := strings.CutPrefix(l, "title: "); ok {
			if deck.Title != "" {
				bad(n, "deck %q has two titles", deck.Slug)
			}
			deck.Title = strings.TrimSpace(v)
			continue
		}
		if v, ok := strings.CutPrefix(l, "about: "); ok {
			if deck.About != "" {
				bad(n, "deck %q has two about lines", deck.Slug)
			}
			deck.About = strings.TrimSpace(v)
			continue
		}
		m := cardLine.FindStringSubmatch(l)
		if m == nil {
			bad(n, "not a card, a title or an about line: %q", l)
			continue
		}
		id, txt := m[1], m[2]
		if p := checkCard(id, txt); p != "" {
			bad(n, "card %q: %s", id, p)
		}
		if first, dup := ids[id]; dup {
			bad(n, "card ID %q is also used on line %d", id, first)
		}
		ids[id] = n
		key := textKey(txt)
		if first, dup := texts[key]; dup {
			bad(n, "card %q repeats the text of line %d", id, first)
		}
		texts[key] = n
		deck.Cards = append(deck.Cards, Card{ID: id, Deck: deck.Slug, Text: txt})
	}
	endDeck(len(lines))
	var order []string
	for _, d := range set.Decks {
		order = append(order, d.Slug)
	}
	if !slices.Equal(order, Decks) && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("cards.md: decks are %v, want %v in that order", order, Decks))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &set, nil
}

func checkCard(id, text string) string {
	switch {
	case !idRE.MatchString(id) || len(id) > 40:
		return "the ID must be lower-case letters, digits and single hyphens, at most 40"
	case strings.TrimSpace(text) != text || text == "":
		return "the text is empty or has stray spaces"
	case strings.Contains(text, "  "):
		return "the text has a double space"
	case utf8.RuneCountInString(text) > MaxText:
		return fmt.Sprintf("the text has %d characters, more than %d", utf8.RuneCountInString(text), MaxText)
	case !strings.HasSuffix(text, "?") && !strings.HasSuffix(text, "."):
		return "the text must end with \"?\" or \".\""
	}
	return ""
}

// textKey is a card text reduced to its words, for finding duplicates.
func textKey(text string) string {
	var keys []string
	for _, w := range phrase.Split(text) {
		keys = append(keys, w.Key)
	}
	return strings.Join(keys, " ")
}
