package phrase_test

import (
	"strings"
	"testing"

	"kintsugi/app/phrase"
)

func keys(ws []phrase.Word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Key)
	}
	return b.String()
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "I feel hurt", "i feel hurt"},
		{"straight apostrophe", "I hadn't", "i hadnt"},
		{"curly apostrophe", "I hadn\u2019t", "i hadnt"},
		{"no apostrophe", "i hadnt", "i hadnt"},
		{"quote marks are not apostrophes", "'always' and \u2018never\u2019", "always and never"},
		{"possessive at the end", "the kids' room", "the kids room"},
		{"hyphen splits", "self-care every-time", "self care every time"},
		{"accents fold", "Café NAÏVE", "cafe naive"},
		{"emoji separate", "sorry😔but", "sorry but"},
		{"digits", "at 11pm", "at 11pm"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := keys(phrase.Split(tc.in)); got != tc.want {
				t.Errorf("Split(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitOffsetsAndBreaks(t *testing.T) {
	text := "I’m sorry, but… you left. Then"
	ws := phrase.Split(text)
	type want struct {
		quote            string
		clause, sentence int
	}
	wants := []want{{"I’m", 0, 0}, {"sorry", 0, 0}, {"but", 1, 0}, {"you", 2, 1}, {"left", 2, 1}, {"Then", 3, 2}}
	if len(ws) != len(wants) {
		t.Fatalf("Split(%q) has %d words, want %d", text, len(ws), len(wants))
	}
	for i, w := range wants {
		got := ws[i]
		if q := text[got.Start:got.End]; q != w.quote || got.Clause != w.clause || got.Sentence != w.sentence {
			t.Errorf("word %d = %q clause %d sentence %d, want %q clause %d sentence %d",
				i, q, got.Clause, got.Sentence, w.quote, w.clause, w.sentence)
		}
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, pattern, text string
		want                []string // quoted matches
	}{
		{"exact", "if you hadnt", "If you hadn't been away", []string{"If you hadn't"}},
		{"no apostrophe typed", "if you hadn't", "if you hadnt been away", []string{"if you hadnt"}},
		{"alternatives", "i was|were drunk", "I was drunk. We were drunk", []string{"I was drunk"}},
		{"prefix", "i apolog*", "I apologised. I apologize", []string{"I apologised", "I apologize"}},
		{"any", "you * me", "you made me, you drove me", []string{"you made me", "you drove me"}},
		{"optional taken", "i was so? drunk", "I was so drunk", []string{"I was so drunk"}},
		{"optional skipped", "i was so? drunk", "I was drunk", []string{"I was drunk"}},
		{"not across sentences", "you made me", "That was you. Made me think", nil},
		{"across commas", "if i hurt you", "if I, hurt you", []string{"if I, hurt you"}},
		{"whole words only", "but", "butter rebut", nil},
		{"no overlap", "very very", "very very very", []string{"very very"}},
		{"case and accents", "cafe", "CAFÉ", []string{"CAFÉ"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := phrase.Split(tc.text)
			var got []string
			for _, m := range phrase.Find(ws, phrase.Compile(tc.pattern)) {
				s, e := m.Span(ws)
				got = append(got, tc.text[s:e])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Find(%q) in %q = %q, want %q", tc.pattern, tc.text, got, tc.want)
			}
		})
	}
}

func TestMatchAt(t *testing.T) {
	ws := phrase.Split("I feel like you left")
	p := phrase.Compile("like|that")
	if _, ok := phrase.MatchAt(ws, p, 2); !ok {
		t.Errorf("MatchAt at 2 = false, want true")
	}
	if _, ok := phrase.MatchAt(ws, p, 1); ok {
		t.Errorf("MatchAt at 1 = true, want false")
	}
	if _, ok := phrase.MatchAt(ws, p, 9); ok {
		t.Errorf("MatchAt out of range = true, want false")
	}
}

func TestCompilePanics(t *testing.T) {
	for _, src := range []string{"", "   ", "so?", "a|", "it's-fine", "?"} {
		t.Run(src, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Compile(%q) did not panic", src)
				}
			}()
			phrase.Compile(src)
		})
	}
}
