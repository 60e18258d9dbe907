package guide_test

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"kintsugi/app/guide"
	"kintsugi/content"
)

// searchFS is a guide made to test ranking.
func searchFS() guide.Files {
	ch := func(title, summary, body string, order int) string {
		return file(meta("title", "title: "+title, "summary", "summary: "+summary, "order", "order: "+string(rune('0'+order))), body)
	}
	return guide.Files{
		"parts.md":               testParts,
		"chapters/in-title.md":   ch("Talking about triggers", "What to say.", "A short body.", 1),
		"chapters/in-summary.md": ch("Hard moments", "When a trigger lands.", "A short body.", 2),
		"chapters/in-heading.md": ch("Heading", "Nothing here.", "## Triggers and you\n\nA short body.", 3),
		"chapters/in-body.md":    ch("Body", "Nothing here.", "Triggers, triggers, triggered, triggering: a body full of triggers.", 4),
		"chapters/both-words.md": ch("Nights", "Getting through them.", "Sleep can be hard when every sound is a trigger.", 5),
		"chapters/forgiving.md":  ch("Letting go", "On forgiveness.", "Some people forgive quickly. The partner’s apology helps; so do apologies that are apologised for without “excuses”.", 6),
	}
}

func resultSlugs(rs []guide.Result) []string {
	var s []string
	for _, r := range rs {
		s = append(s, r.Chapter.Slug)
	}
	return s
}

func TestSearchRanking(t *testing.T) {
	g := mustLoad(t, searchFS())
	tests := []struct {
		query string
		want  []string // the slugs in order; nil for no results
	}{
		// Title, then summary, then heading, then body.
		{"trigger", []string{"in-title", "in-summary", "in-heading", "in-body", "both-words"}},
		{"TRIGGERS!", []string{"in-title", "in-summary", "in-heading", "in-body", "both-words"}},
		// Both words beat one word, however often.
		{"sleep triggered", []string{"both-words", "in-title", "in-summary", "in-heading", "in-body"}},
		// Stems and prefixes.
		{"forgive", []string{"forgiving"}},
		{"forgiveness", []string{"forgiving"}},
		{"apology", []string{"forgiving"}},
		{"apologize", []string{"forgiving"}},
		{"partners", []string{"forgiving"}},
		{"partner's", []string{"forgiving"}},
		{"partner’s", []string{"forgiving"}},
		{"excuse", []string{"forgiving"}},
		{"trig", []string{"in-title", "in-summary", "in-heading", "in-body", "both-words"}},
		// Three letters or fewer must match a whole word.
		{"tri", nil},
		{"", nil},
		{"  ?!… “” -- ", nil},
		{"zebra", nil},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			got := resultSlugs(g.Search(tc.query, 0))
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("Search(%q) = %v, want %v", tc.query, got, tc.want)
			}
		})
	}
}

func TestSearchLimitAndScore(t *testing.T) {
	g := mustLoad(t, searchFS())
	rs := g.Search("trigger", 2)
	if len(rs) != 2 {
		t.Fatalf("Search with limit 2 returned %d results", len(rs))
	}
	if !(rs[0].Score > rs[1].Score && rs[1].Score > 0) {
		t.Errorf("scores %v, %v; want decreasing and positive", rs[0].Score, rs[1].Score)
	}
}

func TestSearchSnippet(t *testing.T) {
	long := strings.Repeat("filler word ", 30) + "the apology lands here. A new sentence starts here " + strings.Repeat("more words ", 30)
	fsys := testFS()
	fsys["chapters/one.md"] = file(testMeta, "## Apology\n\n"+long+"\n\n- A list item that says sorry.")
	g := mustLoad(t, fsys)

	tests := []struct {
		query, want string // want marks matches as [word]
	}{
		{"apology", "… word filler word the [apology] lands here. A new sentence starts here more words more words more words more words more words more words more …"},
		// A sentence start a few words back begins the snippet.
		{"sentence", "… A new [sentence] starts here " + strings.TrimSpace(strings.Repeat("more words ", 10)) + " …"},
		{"sorry", "A list item that says [sorry]."},
		// Only the title matched: the summary stands in.
		{"one", "The first chapter."},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			rs := g.Search(tc.query, 1)
			if len(rs) != 1 {
				t.Fatalf("Search(%q) found %d chapters, want 1", tc.query, len(rs))
			}
			if got := marked(rs[0].Snippet); got != tc.want {
				t.Errorf("snippet = %q\nwant      %q", got, tc.want)
			}
		})
	}
}

// marked renders a snippet with matches in brackets.
func marked(spans []guide.Span) string {
	var sb strings.Builder
	for _, s := range spans {
		if s.Match {
			sb.WriteString("[" + s.Text + "]")
		} else {
			sb.WriteString(s.Text)
		}
	}
	return sb.String()
}

var (
	realOnce  sync.Once
	realGuide *guide.Guide
	realErr   error
)

// realContent loads the guide's own content once for all tests.
func realContent(tb testing.TB) *guide.Guide {
	tb.Helper()
	realOnce.Do(func() { realGuide, realErr = guide.Load(content.Files()) })
	if realErr != nil {
		tb.Fatalf("Load(content.Files()): %v", realErr)
	}
	return realGuide
}

func TestSearchRealContent(t *testing.T) {
	g := realContent(t)
	tests := []struct {
		query string
		first []string // any of these must rank first
	}{
		{"trigger", []string{"talking-about-triggers", "anniversaries-and-late-triggers"}},
		{"triggers", []string{"talking-about-triggers", "anniversaries-and-late-triggers"}},
		{"how long", []string{"how-long-recovery-takes"}},
		{"How long?", []string{"how-long-recovery-takes"}},
		{"apology", []string{"a-real-apology"}},
		{"apologise", []string{"a-real-apology"}},
		{"forgive", []string{"forgiveness"}},
		{"spyware", []string{"why-not-spyware"}},
		{"therapist", []string{"finding-a-therapist"}},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			rs := g.Search(tc.query, 5)
			if len(rs) == 0 {
				t.Fatalf("Search(%q) found nothing", tc.query)
			}
			if got := rs[0].Chapter.Slug; !contains(tc.first, got) {
				t.Errorf("Search(%q) ranks %q first (then %v), want one of %v", tc.query, got, resultSlugs(rs[1:]), tc.first)
			}
			checkSnippet(t, rs[0])
		})
	}
	for _, q := range []string{"", " ", "?!", "“…”", "xyzzyplugh"} {
		if rs := g.Search(q, 10); rs != nil {
			t.Errorf("Search(%q) = %v, want nothing", q, resultSlugs(rs))
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// checkSnippet checks that a result's snippet is short, marks a match when
// the body or summary has one, and joins into text.
func checkSnippet(t *testing.T, r guide.Result) {
	t.Helper()
	var text strings.Builder
	for i, s := range r.Snippet {
		if s.Text == "" {
			t.Errorf("%s: snippet span %d is empty", r.Chapter.Slug, i)
		}
		if i > 0 && s.Match == r.Snippet[i-1].Match {
			t.Errorf("%s: snippet spans %d and %d should be one span", r.Chapter.Slug, i-1, i)
		}
		text.WriteString(s.Text)
	}
	if n := len(strings.Fields(text.String())); n == 0 || n > 40 {
		t.Errorf("%s: snippet has %d words, want about 25: %q", r.Chapter.Slug, n, text.String())
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range []string{"", "trigger", "how long", "apology", "forgive", "’", "a*b", "\xff\xfe", "partner's “first” weeks", strings.Repeat("word ", 50)} {
		f.Add(q, 5)
	}
	g := realContent(f)
	f.Fuzz(func(t *testing.T, q string, limit int) {
		rs := g.Search(q, limit)
		if limit > 0 && len(rs) > limit {
			t.Errorf("Search(%q, %d) returned %d results", q, limit, len(rs))
		}
		for _, r := range rs {
			if r.Chapter == nil || !(r.Score > 0) {
				t.Fatalf("Search(%q): bad result %+v", q, r)
			}
			for _, s := range r.Snippet {
				if s.Text == "" || !utf8.ValidString(s.Text) {
					t.Fatalf("Search(%q): bad snippet span %q", q, s.Text)
				}
			}
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	fsys := content.Files()
	for b.Loop() {
		if _, err := guide.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstSearch measures the first search after Load, which builds
// the index.
func BenchmarkFirstSearch(b *testing.B) {
	fsys := content.Files()
	for b.Loop() {
		b.StopTimer()
		g, err := guide.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		g.Search("trigger", 10)
	}
}

func BenchmarkSearch(b *testing.B) {
	g := realContent(b)
	g.Search("warm up the index", 1)
	for _, q := range []string{"trigger", "how long", "apology", "what if my partner is unwilling to go to therapy"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				g.Search(q, 10)
			}
		})
	}
}
