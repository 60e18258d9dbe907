package journal_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"kintsugi/app/feelings"
	"kintsugi/app/journal"
)

var entries = []journal.Entry{
	{ID: "cafe", Title: "Back at the Café", Text: "We went back to the café where it started. Zoë's message came while we sat there.\nI felt my chest tighten."},
	{ID: "plain", Text: "Went to a cafe with a friend. It was fine, honestly. We talked about work and hope."},
	{ID: "dont", Title: "Hard day", Text: "I don't want to keep asking the same questions, but I do.", Feelings: []feelings.Feeling{"anxious", "hopeful"}},
	{ID: "caps", Text: "TRUST IS A DECISION I MAKE AGAIN EVERY DAY."},
}

func ids(ms []journal.Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestSearch(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"cafe", []string{"cafe", "plain"}},
		{"CAFÉ", []string{"cafe", "plain"}},
		{"zoe", []string{"cafe"}},          // accent folded in the text
		{"zoes message", []string{"cafe"}}, // apostrophe dropped
		{"don't", []string{"dont"}},        // and in the query
		{"dont", []string{"dont"}},
		{"cafe message", []string{"cafe"}}, // every word must match
		{"cafe friend", []string{"plain"}},
		{"cafe elephant", nil},
		{"hope", []string{"plain", "dont"}}, // a prefix; and a feeling
		{"hopeful", []string{"dont"}},       // only the feeling
		{"hard", []string{"dont"}},          // the title
		{"trust decision", []string{"caps"}},
		{"rust", nil}, // matches start words only
		{"", nil},
		{"  ... ", nil},
	}
	ix := journal.NewIndex(entries)
	for _, tc := range tests {
		if got := ids(ix.Search(tc.query)); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
	if got := ids(journal.Search(entries, "cafe")); !slices.Equal(got, []string{"cafe", "plain"}) {
		t.Errorf("journal.Search = %q", got)
	}
}

func join(ss []journal.Span) (text string, marked []string) {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.Text)
		if s.Match {
			marked = append(marked, s.Text)
		}
	}
	return b.String(), marked
}

func TestSnippetAndTitleMarks(t *testing.T) {
	ms := journal.NewIndex(entries).Search("cafe message")
	if len(ms) != 1 {
		t.Fatalf("%d matches", len(ms))
	}
	m := ms[0]
	title, marked := join(m.Title())
	if title != "Back at the Café" || !slices.Equal(marked, []string{"Café"}) {
		t.Errorf("title = %q marked %q", title, marked)
	}
	snip, marked := join(m.Snippet())
	want := "We went back to the café where it started. Zoë's message came while we sat there. I felt my chest tighten."
	if snip != want || !slices.Equal(marked, []string{"café", "message"}) {
		t.Errorf("snippet = %q marked %q;\nwant %q marked café, message", snip, marked, want)
	}
	if m.Index != 0 {
		t.Errorf("Index = %d, want 0", m.Index)
	}

	// Only the feeling matched: the start of the text, unmarked.
	m = journal.NewIndex(entries).Search("hopeful")[0]
	if snip, marked := join(m.Snippet()); !strings.HasPrefix(snip, "I don't want") || marked != nil {
		t.Errorf("snippet = %q marked %q", snip, marked)
	}
}

func TestSnippetBounds(t *testing.T) {
	var words []string
	for i := range 1000 {
		words = append(words, fmt.Sprintf("word%d", i))
	}
	long := strings.Join(words, " ")
	tests := []struct {
		name, text, query  string
		wantStart, wantEnd bool // ellipsis at the start, the end
		wantMarked         string
	}{
		{"hit in the middle", long, "word500", true, true, "word500"},
		{"hit at the start", long, "word0", false, true, "word0"},
		{"hit at the end", long, "word999", true, false, "word999"},
		{"short text", "just a few words", "few", false, false, "few"},
		{"one huge word", "start " + strings.Repeat("é", 2000) + " end", "start", false, true, "start"},
		{"huge word hit", strings.Repeat("x", 5000), "xxx", false, true, strings.Repeat("x", 240)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := journal.Search([]journal.Entry{{ID: "e", Text: tc.text}}, tc.query)
			if len(ms) != 1 {
				t.Fatalf("%d matches", len(ms))
			}
			snip, marked := join(ms[0].Snippet())
			if got := strings.HasPrefix(snip, "… "); got != tc.wantStart {
				t.Errorf("starts with an ellipsis: %v, want %v (%q)", got, tc.wantStart, snip)
			}
			if got := strings.HasSuffix(snip, " …"); got != tc.wantEnd {
				t.Errorf("ends with an ellipsis: %v, want %v (%q)", got, tc.wantEnd, snip)
			}
			if len(marked) != 1 || marked[0] != tc.wantMarked {
				t.Errorf("marked %q, want %q", marked, tc.wantMarked)
			}
			body := strings.TrimSuffix(strings.TrimPrefix(snip, "… "), " …")
			if n := len(strings.Fields(body)); n > journal.SnippetWords {
				t.Errorf("%d words, want at most %d", n, journal.SnippetWords)
			}
			if len(body) > 240 || !utf8.ValidString(body) {
				t.Errorf("snippet body is %d bytes (valid UTF-8: %v), want at most 240", len(body), utf8.ValidString(body))
			}
			if !strings.Contains(tc.text, body) {
				t.Errorf("snippet %q is not a piece of the text", body)
			}
		})
	}
}

// benchEntries returns n entries of about 300 words each, drawn from a
// fixed vocabulary with a few accented words, the same on every run.
func benchEntries(n int) []journal.Entry {
	vocab := strings.Fields(`we talked again tonight about what happened and I tried to listen
		without defending myself the hurt is still there but something felt a little
		lighter trust grows slowly it comes back in small moments like keeping a promise
		or answering a question honestly I am tired of feeling suspicious of every message
		café résumé naïve Zoë therapist walk dinner phone weekend anniversary song hotel
		morning evening night counsellor forgive forgiveness apology honest honesty afraid hopeful`)
	r := rand.New(rand.NewPCG(1, 2))
	es := make([]journal.Entry, n)
	var b strings.Builder
	for i := range es {
		b.Reset()
		for w := range 300 {
			if w > 0 {
				if w%15 == 0 {
					b.WriteString(".\n")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(vocab[r.IntN(len(vocab))])
		}
		es[i] = journal.Entry{ID: fmt.Sprint(i), Title: fmt.Sprintf("Entry %d", i), Text: b.String()}
	}
	es[n/2].Text += " kintsugi"
	return es
}

// BenchmarkFirstSearch is the first search over 2,000 entries of 300
// words, which folds every entry's words.
func BenchmarkFirstSearch(b *testing.B) {
	es := benchEntries(2000)
	b.ReportAllocs()
	for b.Loop() {
		journal.NewIndex(es).Search("hotel")
	}
}

// BenchmarkSnippets works out the titles and snippets of a page of 50
// results.
func BenchmarkSnippets(b *testing.B) {
	ms := journal.NewIndex(benchEntries(2000)).Search("forgive honest")[:50]
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range ms {
			_ = m.Title()
			_ = m.Snippet()
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	ix := journal.NewIndex(benchEntries(2000))
	for _, q := range []string{"kintsugi", "cafe hotel", "forgive honest anniversary", "trust", "elephant"} {
		b.Run(q, func(b *testing.B) {
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				n = len(ix.Search(q))
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}
