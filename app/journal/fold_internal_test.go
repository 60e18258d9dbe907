package journal

import (
	"strings"
	"testing"
)

// TestAppendFoldedMatchesWords checks that the index and the snippets
// see the same words.
func TestAppendFoldedMatchesWords(t *testing.T) {
	for _, s := range []string{
		"",
		"Plain words, and punctuation!",
		"Zoë's café — don't   'quote' it’s ʼokʼ",
		"e\u0301te\u0301 \u0301start",
		"ÆRØ Straße ΣΟΦΊΑ 123abc",
		"'leading and trailing'",
		"tab\tnew\nline",
		"nul\x00byte",
		"😊emoji😊inside",
	} {
		var want strings.Builder
		words(s, func(_, _ int, w []byte) bool {
			want.WriteByte(' ')
			want.Write(w)
			return true
		})
		if got := string(appendFolded(nil, s)); got != want.String() {
			t.Errorf("appendFolded(%q) = %q, want %q", s, got, want.String())
		}
	}
}
