package guide_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"kintsugi/app/guide"
)

const testParts = `0 | Start here | Where to begin.
1 | The first weeks | Getting through the shock.
2 | Talking again | How to talk.
`

// testMeta is valid front matter for chapters/one.md.
const testMeta = `title: One
summary: The first chapter.
part: 0
order: 1
for: everyone
exercises: journal, check-in
try: Write one line.
sources:
  - Someone, A. A Book. 2000.`

// file returns a content file from front matter and a body.
func file(meta, body string) string {
	return "---\n" + meta + "\n---\n\n" + body + "\n"
}

// meta returns testMeta with, for each key and repl pair, the line for key
// (and its list items) replaced by repl; an empty repl deletes it, and a
// key not in the front matter appends repl.
func meta(kv ...string) string {
	m := testMeta
	for i := 0; i+1 < len(kv); i += 2 {
		key, repl := kv[i], kv[i+1]
		var out []string
		found, skipping := false, false
		for _, ln := range strings.Split(m, "\n") {
			if skipping && strings.HasPrefix(ln, "  - ") {
				continue
			}
			skipping = false
			if strings.HasPrefix(ln, key+":") {
				found, skipping = true, true
				if repl != "" {
					out = append(out, repl)
				}
				continue
			}
			out = append(out, ln)
		}
		if !found {
			out = append(out, repl)
		}
		m = strings.Join(out, "\n")
	}
	return m
}

// testFS returns a small valid guide: three chapters over two parts, and
// a path. Tests change or add files to break it.
func testFS() guide.Files {
	return guide.Files{
		"parts.md":        testParts,
		"chapters/one.md": file(testMeta, "The opening paragraph links to [two](/guide/two#section-a)."),
		"chapters/two.md": file(strings.NewReplacer("title: One", "title: Two", "part: 0", "part: 1", "for: everyone", "for: hurt, alone").Replace(testMeta),
			"## Section A\n\nText about triggers.\n\n### For the hurt partner\n\nA word for you."),
		"chapters/three.md": file(strings.NewReplacer("title: One", "title: Three", "part: 0", "part: 1", "order: 1", "order: 2").Replace(testMeta),
			"Back to [one](/guide/one), the [journal](/tools/journal) and [a path](/guide/path/hurt)."),
		"paths/hurt.md": "---\ntitle: For the hurt partner\nsummary: For the one who was hurt.\nsteps:\n  - one | Start here.\n  - two | Then this.\n---\n\nAn intro with [a link](/guide/three).\n",
	}
}

// mustLoad loads fsys and fails the test on any problem.
func mustLoad(t testing.TB, fsys guide.Files) *guide.Guide {
	t.Helper()
	g, err := guide.Load(fsys)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func slugs(cs []*guide.Chapter) []string {
	var s []string
	for _, c := range cs {
		s = append(s, c.Slug)
	}
	return s
}

func TestLoad(t *testing.T) {
	g := mustLoad(t, testFS())

	wantParts := []guide.Part{{0, "Start here", "Where to begin."}, {1, "The first weeks", "Getting through the shock."}, {2, "Talking again", "How to talk."}}
	if !reflect.DeepEqual(g.Parts, wantParts) {
		t.Errorf("Parts = %v, want %v", g.Parts, wantParts)
	}
	if got, want := slugs(g.Chapters), []string{"one", "two", "three"}; !slices.Equal(got, want) {
		t.Errorf("chapters in reading order = %v, want %v", got, want)
	}

	one, ok := g.Chapter("one")
	if !ok {
		t.Fatal("Chapter(one) not found")
	}
	want := &guide.Chapter{
		Slug: "one", Title: "One", Summary: "The first chapter.", Part: 0, Order: 1,
		For:       []guide.Reader{guide.Everyone},
		Exercises: []string{"journal", "check-in"},
		Try:       "Write one line.",
		Sources:   []string{"Someone, A. A Book. 2000."},
		Body: []guide.Block{{Kind: guide.Paragraph, Text: []guide.Inline{
			{Kind: guide.Text, Text: "The opening paragraph links to "},
			{Kind: guide.Link, Text: "two", Href: "/guide/two#section-a"},
			{Kind: guide.Text, Text: "."},
		}}},
		Words: 6, Minutes: 1,
	}
	if !reflect.DeepEqual(one, want) {
		t.Errorf("Chapter(one) =\n%+v\nwant\n%+v", one, want)
	}
	two, _ := g.Chapter("two")
	if got, want := two.For, []guide.Reader{guide.Hurt, guide.Alone}; !slices.Equal(got, want) {
		t.Errorf("two.For = %v, want %v", got, want)
	}

	p, ok := g.Path("hurt")
	if !ok {
		t.Fatal("Path(hurt) not found")
	}
	wantPath := &guide.Path{
		Name: "hurt", Title: "For the hurt partner", Summary: "For the one who was hurt.",
		Intro: []guide.Block{{Kind: guide.Paragraph, Text: []guide.Inline{
			{Kind: guide.Text, Text: "An intro with "},
			{Kind: guide.Link, Text: "a link", Href: "/guide/three"},
			{Kind: guide.Text, Text: "."},
		}}},
		Steps: []guide.Step{{"one", "Start here."}, {"two", "Then this."}},
	}
	if !reflect.DeepEqual(p, wantPath) {
		t.Errorf("Path(hurt) =\n%+v\nwant\n%+v", p, wantPath)
	}
}

func TestLookups(t *testing.T) {
	g := mustLoad(t, testFS())
	tests := []struct {
		slug       string
		prev, next string // "" for none
	}{
		{"one", "", "two"},
		{"two", "one", "three"},
		{"three", "two", ""},
		{"nope", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.slug, func(t *testing.T) {
			got := func(c *guide.Chapter, ok bool) string {
				if !ok {
					return ""
				}
				return c.Slug
			}
			if p := got(g.Prev(tc.slug)); p != tc.prev {
				t.Errorf("Prev(%q) = %q, want %q", tc.slug, p, tc.prev)
			}
			if n := got(g.Next(tc.slug)); n != tc.next {
				t.Errorf("Next(%q) = %q, want %q", tc.slug, n, tc.next)
			}
		})
	}
	if _, ok := g.Chapter("nope"); ok {
		t.Error("Chapter(nope) found a chapter")
	}
	if _, ok := g.Path("nope"); ok {
		t.Error("Path(nope) found a path")
	}
	if got, want := slugs(g.PartChapters(1)), []string{"two", "three"}; !slices.Equal(got, want) {
		t.Errorf("PartChapters(1) = %v, want %v", got, want)
	}
	if got := g.PartChapters(2); got != nil {
		t.Errorf("PartChapters(2) = %v, want none", slugs(got))
	}
	if p, ok := g.Part(1); !ok || p.Title != "The first weeks" {
		t.Errorf("Part(1) = %v, %v; want The first weeks", p, ok)
	}
	if _, ok := g.Part(9); ok {
		t.Error("Part(9) found a part")
	}
}

func TestChapterIsFor(t *testing.T) {
	everyone := &guide.Chapter{For: []guide.Reader{guide.Everyone}}
	some := &guide.Chapter{For: []guide.Reader{guide.Hurt, guide.Alone}}
	tests := []struct {
		c    *guide.Chapter
		r    guide.Reader
		want bool
	}{
		{everyone, guide.Involved, true},
		{some, guide.Hurt, true},
		{some, guide.Alone, true},
		{some, guide.Involved, false},
	}
	for _, tc := range tests {
		if got := tc.c.IsFor(tc.r); got != tc.want {
			t.Errorf("%v.IsFor(%s) = %v, want %v", tc.c.For, tc.r, got, tc.want)
		}
	}
}

func TestWordsAndMinutes(t *testing.T) {
	tests := []struct {
		words, minutes int
	}{
		{1, 1}, {299, 1}, {300, 2}, {1000, 5}, {1099, 5}, {1100, 6},
	}
	for _, tc := range tests {
		fsys := testFS()
		fsys["chapters/one.md"] = file(testMeta, strings.Repeat("word ", tc.words))
		c, _ := mustLoad(t, fsys).Chapter("one")
		if c.Words != tc.words || c.Minutes != tc.minutes {
			t.Errorf("%d words: Words, Minutes = %d, %d; want %d, %d", tc.words, c.Words, c.Minutes, tc.words, tc.minutes)
		}
	}
}

func TestKindStrings(t *testing.T) {
	if got := guide.OrderedList.String(); got != "OrderedList" {
		t.Errorf("OrderedList.String() = %q", got)
	}
	if got := guide.Link.String(); got != "Link" {
		t.Errorf("Link.String() = %q", got)
	}
	if got := guide.BlockKind(42).String(); got != "BlockKind(42)" {
		t.Errorf("BlockKind(42).String() = %q", got)
	}
}

func TestNames(t *testing.T) {
	fsys := guide.Files{
		"chapters/b-two.md":  "x",
		"chapters/a-one.md":  "x",
		"chapters/notes.txt": "x",
		"chapters/sub/c.md":  "x",
		"paths/hurt.md":      "x",
	}
	chapters, paths := guide.Names(fsys)
	if !reflect.DeepEqual(chapters, []string{"a-one", "b-two"}) || !reflect.DeepEqual(paths, []string{"hurt"}) {
		t.Errorf("Names = %v, %v; want [a-one b-two], [hurt]", chapters, paths)
	}
}
