// Package phrase finds words and short phrases in what a person typed, the
// way a reader would: "I Hadn’t", "i hadnt" and "I hadn't" are the same
// words. The builders that give gentle writing hints (packages istatement
// and apology) use it to point at the exact words a hint is about.
//
// # Words
//
// [Split] cuts a text into [Word]s. A word is a run of letters and digits;
// an apostrophe (straight or curly) between two letters belongs to the
// word, so "hadn't" is one word. Anything else separates words: spaces,
// hyphens, punctuation, emoji. Each word keeps its byte offsets in the
// text, so that a caller can quote or highlight it, and a Key for
// matching: folded to lower case without accents (package fold) and
// without apostrophes, because phone keyboards often leave them out.
//
// Words also count clause and sentence breaks. A sentence ends at '.', '!',
// '?', '…' or a line break; a clause also ends at ',', ';', ':', a dash,
// or a bracket. Rules can use these to keep a pattern from reaching across
// two sentences, or to look only at the clause a word is in.
//
// # Patterns
//
// A [Pattern] is a sequence of space-separated tokens, written the way the
// words read, matched word by word within one sentence:
//
//	if you hadnt     three words, in order
//	was|were         either word
//	apolog*          any word starting with "apolog"
//	*                any one word
//	so?              "so", or nothing
//
// Tokens are folded like words, so "hadn't" in a pattern matches "hadnt"
// in the text and the other way round.
package phrase

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"kintsugi/app/fold"
)

// Word is one word of a text. See the package documentation.
type Word struct {
	// Key is the word folded for matching: lower case, no accents, no
	// apostrophes.
	Key string
	// Start and End are the byte offsets of the word in the text.
	Start, End int
	// Clause is the number of clause breaks before the word.
	Clause int
	// Sentence is the number of sentence ends before the word.
	Sentence int
}

// isApostrophe reports whether r is a straight or typographic apostrophe.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc':
		return true
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || fold.IsMark(r) }

// Split returns the words of text, in order.
func Split(text string) []Word {
	var (
		words            []Word
		clause, sentence int
		start            = -1
	)
	end := func(i int) {
		if start < 0 {
			return
		}
		words = append(words, Word{Key: Key(text[start:i]), Start: start, End: i, Clause: clause, Sentence: sentence})
		start = -1
	}
	for i, r := range text {
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			continue
		case isApostrophe(r) && start >= 0:
			// Inside a word only if a letter follows.
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			if unicode.IsLetter(next) {
				continue
			}
		}
		end(i)
		switch r {
		case '.', '!', '?', '\u2026', '\n':
			sentence++
			clause++
		case ',', ';', ':', '(', ')', '[', ']', '\u2013', '\u2014':
			clause++
		}
	}
	end(len(text))
	return words
}

// Key folds a word or a pattern token for matching: lower case, no
// accents, no apostrophes.
func Key(s string) string {
	s = fold.String(s)
	if strings.ContainsFunc(s, isApostrophe) {
		s = strings.Map(func(r rune) rune {
			if isApostrophe(r) {
				return -1
			}
			return r
		}, s)
	}
	return s
}

// Pattern is a compiled phrase pattern. See the package documentation for
// the syntax. The zero Pattern matches nothing.
type Pattern struct {
	src    string
	tokens []token
}

type token struct {
	any      bool     // "*": any one word
	optional bool     // ends in "?"
	exact    []string // whole words
	prefixes []string // words ending in "*"
}

func (t token) matches(key string) bool {
	if t.any {
		return true
	}
	for _, e := range t.exact {
		if key == e {
			return true
		}
	}
	for _, p := range t.prefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// Compile parses a pattern. It panics if src has no tokens or a token is
// malformed, because patterns are written in the program, not typed by
// users.
func Compile(src string) Pattern {
	fields := strings.Fields(src)
	if len(fields) == 0 {
		panic("phrase: empty pattern")
	}
	p := Pattern{src: src}
	for _, f := range fields {
		var t token
		if f != "?" && strings.HasSuffix(f, "?") {
			t.optional = true
			f = strings.TrimSuffix(f, "?")
		}
		if f == "*" {
			t.any = true
			p.tokens = append(p.tokens, t)
			continue
		}
		for _, alt := range strings.Split(f, "|") {
			prefix := strings.HasSuffix(alt, "*")
			alt = Key(strings.TrimSuffix(alt, "*"))
			if alt == "" || strings.ContainsFunc(alt, func(r rune) bool { return !isWordRune(r) }) {
				panic(fmt.Sprintf("phrase: bad token %q in pattern %q", f, src))
			}
			if prefix {
				t.prefixes = append(t.prefixes, alt)
			} else {
				t.exact = append(t.exact, alt)
			}
		}
		p.tokens = append(p.tokens, t)
	}
	if p.min() == 0 {
		panic(fmt.Sprintf("phrase: pattern %q can match nothing", src))
	}
	return p
}

// min returns the fewest words a match can have.
func (p Pattern) min() int {
	n := 0
	for _, t := range p.tokens {
		if !t.optional {
			n++
		}
	}
	return n
}

// String returns the pattern as written.
func (p Pattern) String() string { return p.src }

// Match is one place a pattern matched: words[First:End].
type Match struct {
	First int // index of the first matched word
	End   int // index after the last matched word
}

// Span returns the byte offsets in the text of the matched words, from the
// start of the first to the end of the last.
func (m Match) Span(words []Word) (start, end int) {
	return words[m.First].Start, words[m.End-1].End
}

// Find returns where p matches in words, in order and not overlapping. At
// each position an optional token takes a word if it can (the longest
// match wins), and a match never crosses a sentence end.
func Find(words []Word, p Pattern) []Match {
	if len(p.tokens) == 0 {
		return nil
	}
	var out []Match
	for i := 0; i < len(words); {
		if end, ok := p.matchAt(words, i, 0, words[i].Sentence); ok {
			out = append(out, Match{First: i, End: end})
			i = end
			continue
		}
		i++
	}
	return out
}

// MatchAt reports whether p matches starting exactly at words[i], and if so
// where the match ends.
func MatchAt(words []Word, p Pattern, i int) (Match, bool) {
	if i < 0 || i >= len(words) || len(p.tokens) == 0 {
		return Match{}, false
	}
	end, ok := p.matchAt(words, i, 0, words[i].Sentence)
	return Match{First: i, End: end}, ok
}

// matchAt matches p.tokens[t:] against words[i:], greedily.
func (p Pattern) matchAt(words []Word, i, t, sentence int) (end int, ok bool) {
	if t == len(p.tokens) {
		return i, true
	}
	tok := p.tokens[t]
	if i < len(words) && words[i].Sentence == sentence && tok.matches(words[i].Key) {
		if end, ok := p.matchAt(words, i+1, t+1, sentence); ok {
			return end, true
		}
	}
	if tok.optional {
		return p.matchAt(words, i, t+1, sentence)
	}
	return 0, false
}
