package content_test

import (
	"strings"
	"testing"

	"kintsugi/app/cards"
	"kintsugi/content"
)

// TestCards parses the embedded conversation cards and checks there are
// enough of them, in every deck, worded as invitations rather than charges.
func TestCards(t *testing.T) {
	set, err := cards.Parse(content.Cards())
	if err != nil {
		t.Fatalf("content/cards.md: %v", err)
	}
	all := set.Cards("")
	if len(all) < 64 {
		t.Errorf("%d cards, want at least 64", len(all))
	}
	for _, d := range set.Decks {
		if len(d.Cards) < 16 {
			t.Errorf("deck %s has %d cards, want at least 16", d.Slug, len(d.Cards))
		}
	}
	for _, c := range all {
		low := strings.ToLower(c.Text)
		for _, w := range []string{"why did you", "why didn't you", "you should", "you always", "you never", "your fault"} {
			if strings.Contains(low, w) {
				t.Errorf("card %s says %q: cards invite, they do not accuse", c.ID, w)
			}
		}
		if !strings.HasPrefix(c.ID, c.Deck[:1]) {
			t.Errorf("card %s in deck %s: IDs start with their deck's first letter", c.ID, c.Deck)
		}
	}
}
