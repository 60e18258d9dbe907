package journal

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"kintsugi/app/fold"
)

// Span is a run of a title or snippet's text. Match marks a word that
// matched the query, for the UI to highlight (with a <mark> element, as
// text, never as HTML). Joined, a snippet's spans are its text.
type Span struct {
	Text  string
	Match bool
}

// Match is one entry found by a search. Its Title and Snippet are worked
// out when called, so that a search costs only what the page shows.
type Match struct {
	// Index is the entry's position in the slice the Index was built from.
	Index int
	// ID is the entry's ID.
	ID string

	entry *Entry
	terms []string
}

const (
	// SnippetWords is the most words a snippet shows.
	SnippetWords = 24
	// snippetBefore is how many words a snippet shows before the first
	// matching word.
	snippetBefore = 6
	// maxSnippetBytes bounds a snippet's text, whatever its words' length.
	maxSnippetBytes = 240
	// maxQueryWords bounds the work one query can ask for.
	maxQueryWords = 12
)

// Title returns the entry's title with the matching words marked, or nil
// if it has none.
func (m Match) Title() []Span {
	if m.entry == nil || m.entry.Title == "" {
		return nil
	}
	return mark(m.entry.Title, m.terms)
}

// Snippet returns a short excerpt of the entry's text on one line: at
// most [SnippetWords] words and about 240 bytes, starting a few words
// before the first matching word, with "… " or " …" where it cuts the
// text short. If only the title or the feelings matched, it is the start
// of the text, unmarked.
func (m Match) Snippet() []Span {
	if m.entry == nil {
		return nil
	}
	return snippet(m.entry.Text, m.terms)
}

// Index searches a set of entries. Build it with [NewIndex] when the
// entries are loaded or change, and call Search on each keystroke. It is
// safe for concurrent use.
type Index struct {
	entries []Entry
	once    sync.Once
	// folded holds every entry's title, text and feelings as folded
	// words, each preceded by one space: " w1 w2 w3". A query word then
	// matches the start of a word wherever " "+word occurs. Entry i's
	// words are folded[ends[i-1]:ends[i]].
	folded string
	ends   []int
}

// NewIndex returns an index over es. It keeps es, which must not be
// changed while the index is used. It is cheap: the work of folding the
// entries' words is done by the first search.
func NewIndex(es []Entry) *Index {
	return &Index{entries: es}
}

// build folds every entry's words.
func (ix *Index) build() {
	size := 0
	for _, e := range ix.entries {
		size += len(e.Title) + len(e.Text) + 16*len(e.Feelings) + 2
	}
	b := make([]byte, 0, size+size/8)
	ix.ends = make([]int, len(ix.entries))
	for i, e := range ix.entries {
		b = appendFolded(b, e.Title)
		b = appendFolded(b, e.Text)
		for _, f := range e.Feelings {
			b = appendFolded(b, string(f))
		}
		ix.ends[i] = len(b)
	}
	ix.folded = string(b)
}

// Search returns the entries that contain every word of query, in the
// order they were given to [NewIndex]. It returns nil for a query with no
// words.
//
// Words are compared after folding case and accents (see package
// kintsugi/app/fold) and dropping apostrophes inside words, so "cafe"
// finds "Café" and "dont" finds "don't". A query word matches any word
// that starts with it: "hope" finds "hopeful". The title and the chosen
// feelings are searched along with the text. Only the first 12 words of a
// query count.
func (ix *Index) Search(query string) []Match {
	terms := queryTerms(query)
	if len(terms) == 0 {
		return nil
	}
	ix.once.Do(ix.build)
	needles := make([]string, len(terms))
	for i, t := range terms {
		needles[i] = " " + t
	}
	var out []Match
	start := 0
	for i, end := range ix.ends {
		f := ix.folded[start:end]
		start = end
		all := true
		for _, n := range needles {
			if !strings.Contains(f, n) {
				all = false
				break
			}
		}
		if all {
			out = append(out, Match{Index: i, ID: ix.entries[i].ID, entry: &ix.entries[i], terms: terms})
		}
	}
	return out
}

// Search is a one-off search of es; see [Index.Search]. To search as the
// user types, build an [Index] once instead.
func Search(es []Entry, query string) []Match {
	return NewIndex(es).Search(query)
}

// queryTerms returns the distinct folded words of q, at most
// maxQueryWords. A word that is the prefix of another is dropped, since
// the longer one implies it.
func queryTerms(q string) []string {
	var ts []string
	words(q, func(_, _ int, w []byte) bool {
		if !slices.Contains(ts, string(w)) {
			ts = append(ts, string(w))
		}
		return len(ts) < maxQueryWords
	})
	return slices.DeleteFunc(ts, func(t string) bool {
		return slices.ContainsFunc(ts, func(u string) bool { return u != t && strings.HasPrefix(u, t) })
	})
}

// matches reports whether the folded word w starts with one of terms.
func matches(w []byte, terms []string) bool {
	for _, t := range terms {
		if len(w) >= len(t) && string(w[:len(t)]) == t {
			return true
		}
	}
	return false
}

// token is a word of a text: its byte offsets and whether it matches.
type token struct {
	start, end int
	match      bool
}

// snippet returns the excerpt of text described at [Match.Snippet].
func snippet(text string, terms []string) []Span {
	var (
		head []token // the first words, in case none matches
		toks []token // the excerpt's words: a few before the first match, then the rest
		hit  = -1    // the first match's index in toks
	)
	words(text, func(start, end int, w []byte) bool {
		t := token{start, end, matches(w, terms)}
		if len(head) < SnippetWords {
			head = append(head, t)
		}
		if hit < 0 {
			if len(toks) > snippetBefore {
				toks = append(toks[:0], toks[1:]...)
			}
			toks = append(toks, t)
			if t.match {
				hit = len(toks) - 1
			}
			return true
		}
		toks = append(toks, t)
		return len(toks) < SnippetWords
	})
	if hit < 0 {
		toks, hit = head, 0
	}
	if len(toks) == 0 {
		return nil
	}
	from, to := 0, min(len(toks), SnippetWords)
	// Keep the excerpt short whatever the words' length: drop words
	// before the match first, then after it.
	for to-from > 1 && toks[to-1].end-toks[from].start > maxSnippetBytes {
		if from < hit {
			from++
		} else {
			to--
		}
	}
	start, end := toks[from].start, toks[to-1].end
	if end-start > maxSnippetBytes {
		// One very long word: cut it at a character boundary.
		end = start + maxSnippetBytes
		for end > start && !utf8.RuneStart(text[end]) {
			end--
		}
	}
	// Take in punctuation next to the excerpt's first and last words,
	// such as an opening quote or a full stop.
	for start > 0 && isPunct(text, start-1, -1) {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	for end < len(text) && end-start < maxSnippetBytes && isPunct(text, end, 1) {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	var out spans
	if strings.TrimSpace(text[:start]) != "" {
		out.add("… ", false)
	}
	cur := start
	for _, t := range toks[from:to] {
		if t.match && t.start < end {
			out.add(oneLine(text[cur:t.start]), false)
			out.add(text[t.start:min(t.end, end)], true)
			cur = min(t.end, end)
		}
	}
	out.add(oneLine(text[cur:end]), false)
	if strings.TrimSpace(text[end:]) != "" {
		out.add(" …", false)
	}
	return out
}

// mark returns s as spans with the words that match terms marked.
func mark(s string, terms []string) []Span {
	var out spans
	cur := 0
	words(s, func(start, end int, w []byte) bool {
		if matches(w, terms) {
			out.add(s[cur:start], false)
			out.add(s[start:end], true)
			cur = end
		}
		return true
	})
	out.add(s[cur:], false)
	return out
}

// spans builds a list of spans, joining neighbours of the same kind.
type spans []Span

func (ss *spans) add(s string, match bool) {
	if s == "" {
		return
	}
	if n := len(*ss); n > 0 && (*ss)[n-1].Match == match {
		(*ss)[n-1].Text += s
		return
	}
	*ss = append(*ss, Span{s, match})
}

// oneLine replaces each run of white space in s, such as a line break,
// with one space.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t\v\f") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// words calls fn with the byte offsets and the folded form of each word of
// s, until fn returns false. A word is a run of letters, digits and
// combining accents, folded by package fold; an apostrophe between two
// letters ("don't", "partner’s") is dropped; anything else separates
// words. The folded bytes are only valid during the call.
func words(s string, fn func(start, end int, w []byte) bool) {
	var arr [64]byte
	buf := arr[:0]
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' && start >= 0 && letterAt(s, i+1):
				i++
				continue
			default:
				if start >= 0 {
					if !fn(start, i, buf) {
						return
					}
					start = -1
				}
				i++
				continue
			}
			if start < 0 {
				start, buf = i, buf[:0]
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start, buf = i, buf[:0]
			}
			buf = fold.AppendRune(buf, r)
		case fold.IsMark(r) && start >= 0:
		case (r == '’' || r == 'ʼ') && start >= 0 && letterAt(s, i+size):
		default:
			if start >= 0 {
				if !fn(start, i, buf) {
					return
				}
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s), buf)
	}
}

// asciiFold maps an ASCII letter or digit to its lower case, and any
// other ASCII byte to 0.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// appendFolded appends the folded words of s to b, each preceded by one
// space, and returns the extended slice. It gives the words that [words]
// gives, faster, since it builds the index over every entry's text.
func appendFolded(b []byte, s string) []byte {
	in := false // inside a word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch f := asciiFold[c]; {
			case f == c && c != 0:
				// A run of lower-case letters and digits, copied at once.
				if !in {
					b, in = append(b, ' '), true
				}
				j := i + 1
				for j < len(s) && s[j] < utf8.RuneSelf && asciiFold[s[j]] == s[j] && s[j] != 0 {
					j++
				}
				b = append(b, s[i:j]...)
				i = j
				continue
			case f != 0:
				if !in {
					b, in = append(b, ' '), true
				}
				b = append(b, f)
			case c == '\'' && in && letterAt(s, i+1):
			default:
				in = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				b, in = append(b, ' '), true
			}
			b = fold.AppendRune(b, r)
		case fold.IsMark(r) && in:
		case (r == '’' || r == 'ʼ') && in && letterAt(s, i+size):
		default:
			in = false
		}
		i += size
	}
	return b
}

// isPunct reports whether the character starting at i (dir 1) or ending
// at i+1 (dir -1) in s is neither a space nor part of a word.
func isPunct(s string, i, dir int) bool {
	var r rune
	if dir > 0 {
		r, _ = utf8.DecodeRuneInString(s[i:])
	} else {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	}
	return !unicode.IsSpace(r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !fold.IsMark(r)
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
