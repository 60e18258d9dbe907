package guide

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kintsugi/app/order"
)

// Result is one chapter found by Search.
type Result struct {
	Chapter *Chapter
	// Score is the chapter's relevance; higher is better. Results with
	// more of the query's words come first whatever their Score.
	Score float64
	// Snippet is a short excerpt, about 25 words, that shows the query's
	// words in context. Joined, the spans' texts are the excerpt.
	Snippet []Span
}

// Span is a run of a snippet's text. Match marks a word that matched the
// query, for the UI to highlight.
type Span struct {
	Text  string
	Match bool
}

// The fields of a chapter that Search weighs differently.
const (
	fieldTitle = iota
	fieldSummary
	fieldHeading
	fieldBody
	numFields
)

// fieldWeight makes a word in the title count far more than one in the
// summary, then in a heading, then in the body.
var fieldWeight = [numFields]float64{20, 6, 3, 1}

const (
	// prefixWeight is how much a word found only because the query word
	// is a prefix of it counts, against an exact match.
	prefixWeight = 0.8
	// maxQueryWords bounds the work one query can ask for.
	maxQueryWords = 12
	// snippetWords is about how many words a snippet shows.
	snippetWords = 25
)

// index is an inverted index over the chapters' words, after stemming.
type index struct {
	terms []string    // sorted stems
	post  [][]posting // post[i] lists the chapters that contain terms[i]
}

// posting counts a term in one chapter, per field.
type posting struct {
	doc int32 // index into Guide.Chapters
	tf  [numFields]uint16
}

func buildIndex(cs []*Chapter) *index {
	ids := map[string]int{} // term to index in lists
	var lists [][]posting
	for d, c := range cs {
		add := func(text string, f int) {
			tokenize(text, func(_, _ int, w []byte) bool {
				t := stem(w)
				i, ok := ids[string(t)]
				if !ok {
					i = len(lists)
					ids[string(t)] = i
					lists = append(lists, nil)
				}
				ps := lists[i]
				if len(ps) == 0 || ps[len(ps)-1].doc != int32(d) {
					ps = append(ps, posting{doc: int32(d)})
					lists[i] = ps
				}
				if p := &ps[len(ps)-1]; p.tf[f] < math.MaxUint16 {
					p.tf[f]++
				}
				return true
			})
		}
		add(c.Title, fieldTitle)
		add(c.Summary, fieldSummary)
		for _, b := range c.Body {
			if b.Kind == Heading2 || b.Kind == Heading3 {
				add(b.PlainText(), fieldHeading)
			} else {
				add(b.PlainText(), fieldBody)
			}
		}
	}
	ix := &index{terms: make([]string, 0, len(ids))}
	for t := range ids {
		ix.terms = append(ix.terms, t)
	}
	slices.Sort(ix.terms)
	ix.post = make([][]posting, len(ix.terms))
	for i, t := range ix.terms {
		ix.post[i] = slices.Clip(lists[ids[t]])
	}
	return ix
}

// queryTerm is one word of a query, stemmed.
type queryTerm struct {
	stem   string
	prefix bool // also match longer words that start with stem
}

// queryTerms returns the distinct words of q, stemmed. A stem of four or
// more letters is a prefix, so that a half-typed word already matches.
func queryTerms(q string) []queryTerm {
	var qs []queryTerm
	tokenize(q, func(_, _ int, w []byte) bool {
		s := string(stem(w))
		t := queryTerm{s, utf8.RuneCountInString(s) >= 4}
		if !slices.Contains(qs, t) {
			qs = append(qs, t)
		}
		return len(qs) < maxQueryWords
	})
	return qs
}

// matches reports whether a word's stem matches the query term.
func (q queryTerm) matches(s string) bool {
	return s == q.stem || q.prefix && strings.HasPrefix(s, q.stem)
}

// matchesBytes is matches for a stem in a byte slice, without copying it.
func (q queryTerm) matchesBytes(s []byte) bool {
	return string(s) == q.stem || q.prefix && len(s) > len(q.stem) && string(s[:len(q.stem)]) == q.stem
}

// Search returns up to limit chapters that match query, best first; a
// limit of 0 or less means no limit. It returns nil for a query with no
// words or no matches, and never panics.
//
// Words are compared after folding case, dropping apostrophes (straight or
// curly) and stripping common English endings (-s, -es, -ies, -ing, -ed,
// -ly, -ness, a final -e, and -ize/-ise alike), so "triggers" finds
// "trigger" and "forgive" finds "forgiveness". A query word whose stem has
// four or more letters also matches longer words that start with it, so
// "apology" finds "apologize" and "apologise".
//
// Chapters that contain more of the query's words rank first. Among those,
// a word counts 20 times in the title, 6 in the summary, 3 in a heading and
// once in the body, with diminishing returns for repeats, and rare words
// count more than common ones (by inverse document frequency). Ties keep
// reading order.
//
// The index is built on the first call and reused.
func (g *Guide) Search(query string, limit int) []Result {
	qs := queryTerms(query)
	if len(qs) == 0 || len(g.Chapters) == 0 {
		return nil
	}
	g.indexOnce.Do(func() { g.index = buildIndex(g.Chapters) })
	ix := g.index

	n := len(g.Chapters)
	score := make([]float64, n)
	matched := make([]int, n)
	tf := make([][numFields]float64, n)
	for _, q := range qs {
		clear(tf)
		lo, _ := slices.BinarySearch(ix.terms, q.stem)
		for j := lo; j < len(ix.terms); j++ {
			t, w := ix.terms[j], 1.0
			if t != q.stem {
				if !q.matches(t) {
					break // terms are sorted, so no later one has the prefix
				}
				w = prefixWeight
			}
			for _, p := range ix.post[j] {
				for f, c := range p.tf {
					tf[p.doc][f] += w * float64(c)
				}
			}
		}
		df := 0
		for d := range tf {
			if tf[d] != [numFields]float64{} {
				df++
			}
		}
		if df == 0 {
			continue
		}
		idf := math.Log(1 + float64(n)/float64(df))
		for d := range tf {
			s := 0.0
			for f, x := range tf[d] {
				if x > 0 {
					s += fieldWeight[f] * saturate(x)
				}
			}
			if s > 0 {
				score[d] += idf * s
				matched[d]++
			}
		}
	}

	var docs []int
	for d := range n {
		if matched[d] > 0 {
			docs = append(docs, d)
		}
	}
	order.Stable(docs, func(a, b int) int {
		if matched[a] != matched[b] {
			return matched[b] - matched[a]
		}
		switch {
		case score[a] > score[b]:
			return -1
		case score[a] < score[b]:
			return 1
		}
		return 0
	})
	if limit > 0 && len(docs) > limit {
		docs = docs[:limit]
	}
	if len(docs) == 0 {
		return nil
	}
	rs := make([]Result, len(docs))
	for i, d := range docs {
		c := g.Chapters[d]
		rs[i] = Result{Chapter: c, Score: score[d], Snippet: snippet(c, qs)}
	}
	return rs
}

// saturate gives repeats of a word diminishing weight: 1 + ln(x) for x ≥ 1.
func saturate(x float64) float64 {
	if x < 1 {
		return x
	}
	return 1 + math.Log(x)
}

// snipToken is a word of a snippet's source text.
type snipToken struct {
	start, end int // byte offsets
	match      int // the index of the query term it matches, or -1
}

// snippet returns about snippetWords words of c around the best cluster of
// query words: from a paragraph, quote or list item of the body, or else
// from the summary.
//
// Tokenizing every paragraph of every result would cost more than the
// ranking, so the paragraphs are first sorted by how many of the query's
// words they may hold (see mayHold), and only tokenized until none left
// can beat the best window found.
func snippet(c *Chapter, qs []queryTerm) []Span {
	var (
		best                  []snipToken
		bestText              string
		bestFrom, bestTo      int
		bestDistinct, bestHit int
	)
	seen := make([]bool, len(qs))
	consider := func(text string) {
		toks := snipTokens(text, qs)
		for i, t := range toks {
			if t.match < 0 {
				continue
			}
			from := start(text, toks, i)
			to := min(len(toks), from+snippetWords)
			from = max(0, to-snippetWords)
			clear(seen)
			distinct, hits := 0, 0
			for _, u := range toks[from:to] {
				if u.match >= 0 {
					hits++
					if !seen[u.match] {
						seen[u.match] = true
						distinct++
					}
				}
			}
			if distinct > bestDistinct || distinct == bestDistinct && hits > bestHit {
				best, bestText, bestFrom, bestTo = toks, text, from, to
				bestDistinct, bestHit = distinct, hits
			}
		}
	}

	type candidate struct {
		text  string
		terms int // how many query terms it may hold
	}
	var cands []candidate
	add := func(text string) {
		if n := mayHold(text, qs); n > 0 {
			cands = append(cands, candidate{text, n})
		}
	}
	for _, b := range c.Body {
		switch b.Kind {
		case Paragraph, Quote:
			add(PlainText(b.Text))
		case List, OrderedList:
			for _, it := range b.Items {
				add(PlainText(it))
			}
		}
	}
	order.Stable(cands, func(a, b candidate) int { return b.terms - a.terms })
	for _, cd := range cands {
		if bestDistinct > cd.terms || bestDistinct == cd.terms && bestHit >= 2 {
			break
		}
		consider(cd.text)
	}
	if best == nil {
		consider(c.Summary)
	}
	if best == nil {
		// Only the title or a heading matched: show the summary.
		best, bestText = snipTokens(c.Summary, qs), c.Summary
		bestFrom, bestTo = 0, min(len(best), snippetWords)
	}
	return spans(bestText, best, bestFrom, bestTo)
}

// start returns where a snippet around toks[i] should begin: at the start
// of its sentence if that is a few words back, or else four words back.
func start(text string, toks []snipToken, i int) int {
	for k := i; k > 0 && k > i-12; k-- {
		if strings.ContainsAny(text[toks[k-1].end:toks[k].start], ".!?:;") {
			return k
		}
	}
	if i <= 12 {
		return 0
	}
	return i - 4
}

// mayHold returns how many of the query terms text may contain: for each,
// whether text holds the stem's first three letters, as written or with
// the first in upper case. That bounds the words a paragraph can match,
// cheaply. It can miss a word written in capitals or with an apostrophe in
// its first three letters ("it's"), which costs only the choice of
// snippet, not the ranking.
func mayHold(text string, qs []queryTerm) int {
	n := 0
	for _, q := range qs {
		k := q.stem[:min(3, len(q.stem))]
		if strings.Contains(text, k) || 'a' <= k[0] && k[0] <= 'z' && strings.Contains(text, string(k[0]-'a'+'A')+k[1:]) || k[0] >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// snipTokens splits text into words and marks those that match a query term.
func snipTokens(text string, qs []queryTerm) []snipToken {
	var toks []snipToken
	tokenize(text, func(start, end int, w []byte) bool {
		t := snipToken{start, end, -1}
		s := stem(w)
		for i, q := range qs {
			if q.matchesBytes(s) {
				t.match = i
				break
			}
		}
		toks = append(toks, t)
		return true
	})
	return toks
}

// spans cuts toks[from:to] out of text, marking the matches, with an
// ellipsis where the excerpt cuts the text short.
func spans(text string, toks []snipToken, from, to int) []Span {
	if len(toks) == 0 {
		if text == "" {
			return nil
		}
		return []Span{{Text: text}}
	}
	var out []Span
	add := func(s string, match bool) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Match == match {
			out[n-1].Text += s
			return
		}
		out = append(out, Span{s, match})
	}
	start, end := 0, len(text)
	if from > 0 {
		start = toks[from].start
		for start > 0 && text[start-1] != ' ' {
			start--
		}
		add("… ", false)
	}
	if to < len(toks) {
		end = toks[to-1].end
		for end < len(text) && text[end] != ' ' {
			end++
		}
	}
	cur := start
	for _, t := range toks[from:to] {
		if t.match < 0 {
			continue
		}
		add(text[cur:t.start], false)
		add(text[t.start:t.end], true)
		cur = t.end
	}
	add(text[cur:end], false)
	if to < len(toks) {
		add(" …", false)
	}
	return out
}

// tokenize calls fn with the byte offsets and the folded form of each word
// of s, until fn returns false. A word is a run of letters and digits,
// lower-cased, with apostrophes inside it dropped ("partner’s" becomes
// "partners"); everything else separates words. The word's bytes are only
// valid during the call, and fn may change them.
func tokenize(s string, fn func(start, end int, word []byte) bool) {
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
			case c == '\'' && start >= 0 && i+1 < len(s) && isLetterAt(s, i+1):
				i++ // inside a word, as in "don't": drop it
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
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case isApostrophe(r) && start >= 0 && i+size < len(s) && isLetterAt(s, i+size):
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

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ'
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// stem strips common English endings from a folded word, in place, so
// that forms of one word meet: "triggers", "triggered" and "triggering" all
// become "trigger"; "forgive" and "forgiveness" become "forgiv"; "apology",
// "apologies", "apologize" and "apologise" all become "apologi". It is
// deliberately crude: both the index and the query use it, so it only has
// to be consistent.
func stem(w []byte) []byte {
	if len(w) <= 3 {
		return w
	}
	// Plurals and -ness.
	switch {
	case hasSuffix(w, "ness") && len(w) > 6:
		w = w[:len(w)-4]
	case (hasSuffix(w, "ies") || hasSuffix(w, "ied")) && len(w) > 4:
		w = w[:len(w)-2]
		w[len(w)-1] = 'i'
	case hasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case hasSuffix(w, "ches") || hasSuffix(w, "shes") || hasSuffix(w, "xes") || hasSuffix(w, "zes"):
		w = w[:len(w)-2]
	case hasSuffix(w, "s") && !hasSuffix(w, "ss") && !hasSuffix(w, "us") && !hasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	// Verb endings and -ly.
	switch {
	case hasSuffix(w, "ing") && len(w) > 5:
		w = undouble(w[:len(w)-3])
	case hasSuffix(w, "ed") && len(w) > 4:
		w = undouble(w[:len(w)-2])
	case hasSuffix(w, "ly") && len(w) > 5:
		w = w[:len(w)-2]
	}
	// Spelling: apology and apologise meet at apologi, forgive at forgiv.
	switch n := len(w); {
	case n > 3 && w[n-1] == 'y' && !isVowel(w[n-2]):
		w[n-1] = 'i'
	case n > 4 && w[n-1] == 'e':
		w = w[:n-1]
	}
	if n := len(w); n > 5 && (hasSuffix(w, "iz") || hasSuffix(w, "is")) {
		w = w[:n-1]
	}
	return w
}

func hasSuffix(w []byte, suffix string) bool {
	return len(w) >= len(suffix) && string(w[len(w)-len(suffix):]) == suffix
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// undouble drops the last of a doubled consonant left by -ing or -ed:
// "stopp" becomes "stop", but "tell" stays.
func undouble(w []byte) []byte {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !isVowel(w[n-1]) && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'z' {
		return w[:n-1]
	}
	return w
}
