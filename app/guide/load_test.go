package guide_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"kintsugi/app/guide"
)

func TestLoadProblems(t *testing.T) {
	body := func(b string) func(guide.Files) {
		return func(fsys guide.Files) { fsys["chapters/one.md"] = file(testMeta, b) }
	}
	withMeta := func(key, repl string) func(guide.Files) {
		return func(fsys guide.Files) { fsys["chapters/one.md"] = file(meta(key, repl), "Text.") }
	}
	none := func(b string) func(guide.Files) {
		return func(fsys guide.Files) { fsys["chapters/one.md"] = file(meta("sources", "sources: none"), b) }
	}
	raw := func(name, data string) func(guide.Files) {
		return func(fsys guide.Files) { fsys[name] = data }
	}
	path := func(steps string) func(guide.Files) {
		return raw("paths/hurt.md", "---\ntitle: T\nsummary: S\n"+steps+"\n---\n\nIntro.\n")
	}

	tests := []struct {
		name   string
		change func(guide.Files)
		want   string // the problem's text, including file and line
	}{
		// Front matter.
		{"no front matter", raw("chapters/one.md", "Just text.\n"), "chapters/one.md:1: no front matter"},
		{"unclosed front matter", raw("chapters/one.md", "---\ntitle: One\n"), "chapters/one.md:1: front matter is not closed"},
		{"missing key", withMeta("try", ""), `chapters/one.md:1: missing front-matter key "try"`},
		{"unknown key", withMeta("author", "author: me"), `chapters/one.md:11: unknown front-matter key "author"`},
		{"upper-case key", withMeta("title", "Title: One"), `unknown front-matter key "Title" (keys are lower case)`},
		{"duplicate key", withMeta("author", "title: Again"), `chapters/one.md:11: duplicate front-matter key "title" (first on line 2)`},
		{"not key value", withMeta("author", "just words"), `front matter line "just words" is not key: value`},
		{"empty title", withMeta("title", "title:"), "chapters/one.md:2: title is empty"},
		{"empty try", withMeta("try", "try:   "), "chapters/one.md:8: try is empty"},
		{"list for a value", withMeta("try", "try:\n  - Write."), "try takes one value on its own line, not a list"},
		{"html in title", withMeta("title", "title: <b>One</b>"), "title contains raw HTML"},
		{"markdown in summary", withMeta("summary", "summary: A **big** one."), "summary contains Markdown"},

		// part and order.
		{"unknown part", withMeta("part", "part: 7"), "chapters/one.md: part 7 is not listed in parts.md"},
		{"part not a number", withMeta("part", "part: one"), `chapters/one.md:4: part "one" is not a whole number`},
		{"order zero", withMeta("order", "order: 0"), `order "0" is not a whole number 1 or more`},
		{"duplicate order", withMeta("part", "part: 1"), "duplicate order 1 in part 1"},

		// for and exercises.
		{"bad for", withMeta("for", "for: partner"), `chapters/one.md:6: bad for value "partner"`},
		{"everyone and more", withMeta("for", "for: everyone, hurt"), "everyone cannot be combined"},
		{"repeated reader", withMeta("for", "for: hurt, hurt"), `"hurt" is listed twice`},
		{"unknown exercise", withMeta("exercises", "exercises: journal, dance"), `chapters/one.md:7: exercise "dance" is not in the tools catalogue`},
		{"empty exercise", withMeta("exercises", "exercises: journal,"), "exercises has an empty entry"},
		{"repeated exercise", withMeta("exercises", "exercises: journal, journal"), `exercise "journal" is listed twice`},
		{"no exercises", withMeta("exercises", "exercises:"), "exercises is empty"},

		// sources.
		{"empty sources", withMeta("sources", "sources:"), "chapters/one.md:9: sources is empty"},
		{"sources value", withMeta("sources", "sources: a book"), `sources must be a list of "  - " lines or the word none`},
		{"none and a figure", none("Text.\n\nAbout 40% of couples."), `chapters/one.md:14: sources is none, but the text states a figure or study ("40%")`},
		{"none and a study", none("A study found this."), `("study")`},
		{"none and research", none("- Research says so."), `("research")`},
		{"none and per cent", none("Forty per cent."), `("per cent")`},
		{"none and a trial", none("## A trial"), `("trial")`},
		{"none and a figure in try", func(fsys guide.Files) {
			fsys["chapters/one.md"] = file(meta("sources", "sources: none", "try", "try: Do it 10 % of the time."), "Text.")
		}, `("10 %")`},

		// Links.
		{"unknown chapter", body("See [x](/guide/nope)."), `chapters/one.md:13: broken link "/guide/nope": there is no chapter "nope"`},
		{"unknown heading", body("See [x](/guide/two#nope)."), `chapter "two" has no heading #nope`},
		{"unknown tool", body("See [x](/tools/nope)."), `there is no tool "nope"`},
		{"unknown path", body("See [x](/guide/path/nope)."), `there is no path "nope"`},
		{"path fragment", body("See [x](/guide/path/hurt#a)."), "a link to a path cannot have a #fragment"},
		{"external link", body("See [x](https://example.com)."), `link "https://example.com" must point to /guide/<chapter>`},
		{"relative link", body("See [x](two)."), `link "two" must point to`},
		{"broken link in a path", raw("paths/hurt.md", "---\ntitle: T\nsummary: S\nsteps:\n  - one | Why.\n---\n\n[x](/guide/nope)\n"), `paths/hurt.md:8: broken link "/guide/nope"`},

		// Markdown.
		{"raw html", body("Some <b>bold</b>."), "chapters/one.md:13: raw HTML is not allowed"},
		{"html comment", body("<!-- note -->"), "raw HTML is not allowed"},
		{"title line", body("# One"), `chapters/one.md:13: a "# " title line is not allowed`},
		{"deep heading", body("#### Deep"), "only ## and ### headings are allowed, not ####"},
		{"heading without space", body("##Heading"), `write headings as "## Heading"`},
		{"image", body("![a picture](/web/x.png)"), "images are not supported"},
		{"table", body("| a | b |\n| - | - |"), "chapters/one.md:13: tables are not supported"},
		{"code fence", body("```\ncode\n```"), "code blocks are not supported"},
		{"indented code", body("Text.\n\n    code"), "chapters/one.md:15: indented code is not supported"},
		{"tab-indented code", body("\tcode"), "indented code is not supported"},
		{"backtick", body("Use `x`."), "code is not supported"},
		{"nested list", body("- a\n  - b"), "chapters/one.md:14: nested lists are not supported"},
		{"star bullet", body("* a"), `use "- " for bullet list items`},
		{"plus bullet", body("+ a"), `use "- " for bullet list items`},
		{"horizontal rule", body("Text.\n\n---\n\nMore."), "horizontal rules and underlined headings are not supported"},
		{"underlined heading", body("Heading\n======="), "horizontal rules and underlined headings are not supported"},
		{"two-line item", body("- an item\nthat goes on"), "chapters/one.md:14: a list item must fit on one line"},
		{"empty item", body("- a\n-"), "empty list item"},
		{"empty numbered item", body("1. a\n2."), "chapters/one.md:14: empty list item"},
		{"empty quote line", body("> a\n>\n> b"), "empty quotation line"},
		{"unclosed bold", body("Some **bold."), "unclosed ** (bold)"},
		{"unclosed italic", body("Some *italic."), "unclosed * (italic)"},
		{"unclosed bracket", body("Some [text."), "unclosed [: write links as [text](/guide/slug)"},
		{"bracket without link", body("Some [text] here."), "unclosed [: write links as"},
		{"unclosed paren", body("Some [text](/guide/two"), "unclosed ( after a link's [text]"},
		{"empty bold", body("Some **** here."), "empty ** (bold)"},
		{"spaced bold", body("Some ** spaced ** here."), "** must be followed by the words it makes bold"},
		{"italic in bold", body("**a *b* c**"), "italic inside bold is not supported"},
		{"bold in italic", body("*a **b** c*"), "bold inside italic is not supported"},
		{"link in bold", body("**[a](/guide/two)**"), "links inside bold or italic are not supported"},
		{"bold in link", body("[**a**](/guide/two)"), "bold or italic inside a link's text is not supported"},
		{"empty link text", body("[](/guide/two)"), "a link has no text"},

		// Asides.
		{"aside in other case", body("### For the Hurt Partner"), "looks like an aside: write it exactly as ### For the hurt partner"},
		{"aside with punctuation", body("### For the hurt partner:"), "write it exactly as ### For the hurt partner"},
		{"aside contracted", body("### If you're doing this alone"), "write it exactly as ### If you are doing this alone"},
		{"aside reworded", body("### For the partner that strayed"), "write it exactly as ### For the partner who strayed"},
		{"aside with more words", body("### If you are reading this together"), "write it exactly as ### If you are reading together"},

		// Files and slugs.
		{"bad file name", raw("chapters/Bad_Name.md", file(testMeta, "x")), `file name "Bad_Name.md" is not a slug`},
		{"reserved slug", func(fsys guide.Files) { fsys["chapters/path.md"] = file(meta("order", "order: 9"), "x") }, `the slug "path" is reserved`},
		{"no parts.md", func(fsys guide.Files) { delete(fsys, "parts.md") }, "parts.md: missing"},
		{"bad parts line", raw("parts.md", testParts+"3 | No description\n"), "parts.md:4: want N | Title | one-line description"},
		{"repeated part", raw("parts.md", testParts+"2 | Again | Twice.\n"), "parts.md:4: part 2 is listed twice"},
		{"bad part number", raw("parts.md", testParts+"x | Title | Text.\n"), `part number "x" is not a whole number`},

		// Paths.
		{"unknown step", path("steps:\n  - one | Why.\n  - nope | Why."), `paths/hurt.md:6: step "nope" is not a chapter`},
		{"step without why", path("steps:\n  - one"), `paths/hurt.md:5: step "one" has no why`},
		{"step with empty why", path("steps:\n  - one |  "), `step "one" has no why`},
		{"repeated step", path("steps:\n  - one | Why.\n  - one | Again."), `paths/hurt.md:6: step "one" is repeated (first on line 5)`},
		{"empty steps", path("steps:"), "paths/hurt.md:4: steps is empty"},
		{"steps value", path("steps: one, two"), "steps must be a list"},
		{"path missing summary", raw("paths/hurt.md", "---\ntitle: T\nsteps:\n  - one | Why.\n---\n"), `paths/hurt.md:1: missing front-matter key "summary"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := testFS()
			tc.change(fsys)
			g, err := guide.Load(fsys)
			if err == nil {
				t.Fatalf("Load succeeded, want a problem containing %q", tc.want)
			}
			if g != nil {
				t.Errorf("Load returned a Guide with an error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got problems:\n%v\nwant one containing %q", err, tc.want)
			}
		})
	}
}

func TestLoadAcceptsValidEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		change func(guide.Files)
	}{
		{"sources none without figures", func(fsys guide.Files) {
			fsys["chapters/one.md"] = file(meta("sources", "sources: none"), "Nothing measured here, just 3 small steps.")
		}},
		{"link to a heading", func(fsys guide.Files) {
			fsys["chapters/one.md"] = file(testMeta, "[x](/guide/two#section-a) and [y](/guide/two#for-the-hurt-partner)")
		}},
		{"escaped markup", func(fsys guide.Files) {
			fsys["chapters/one.md"] = file(testMeta, `Literal \*, \[ and \*\* are fine, as are 2 < 3 and a > b.`)
		}},
		{"CRLF and a byte-order mark", func(fsys guide.Files) {
			data := "\ufeff" + strings.ReplaceAll(file(testMeta, "## Heading\n\nText."), "\n", "\r\n")
			fsys["chapters/one.md"] = data
		}},
		{"a non-aside subheading", func(fsys guide.Files) {
			fsys["chapters/one.md"] = file(testMeta, "### What the hurt partner might say")
		}},
		{"other files are ignored", func(fsys guide.Files) {
			fsys["chapters/notes.txt"] = "<b>"
			fsys["README.md"] = "# Readme"
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := testFS()
			tc.change(fsys)
			mustLoad(t, fsys)
		})
	}
}

// TestLoadReportsEverything checks that Load lists every problem, in file
// and line order, each a *Problem.
func TestLoadReportsEverything(t *testing.T) {
	fsys := testFS()
	fsys["chapters/one.md"] = file(meta("for", "for: partner"), "See [x](/guide/nope).\n\n<b>")
	fsys["chapters/two.md"] = file(meta("exercises", "exercises: dance"), "Text.")
	_, err := guide.Load(fsys)
	var all interface{ Unwrap() []error }
	if !errors.As(err, &all) {
		t.Fatalf("Load error %v does not wrap a list of problems", err)
	}
	var got []string
	for _, e := range all.Unwrap() {
		var p *guide.Problem
		if !errors.As(e, &p) {
			t.Fatalf("problem %v is a %T, want *guide.Problem", e, e)
		}
		got = append(got, p.File+":"+strconv.Itoa(p.Line))
	}
	want := []string{
		"chapters/one.md:6",  // for
		"chapters/one.md:13", // link
		"chapters/one.md:15", // HTML
		"chapters/two.md:0",  // same order as one.md in part 0
		"chapters/two.md:7",  // exercise
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("problems at %v, want %v\n%v", got, want, err)
	}
}

func TestProblemError(t *testing.T) {
	p := &guide.Problem{File: "chapters/a.md", Line: 3, Msg: "oops"}
	if got := p.Error(); got != "chapters/a.md:3: oops" {
		t.Errorf("Error() = %q", got)
	}
	p.Line = 0
	if got := p.Error(); got != "chapters/a.md: oops" {
		t.Errorf("Error() without a line = %q", got)
	}
}

// FuzzLoad checks that no chapter text makes Load panic, and that Load
// either returns problems or a chapter.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{"Text.", "**a *b* c**", "[x](/guide/two#section-a)", "- a\n  - b", "```\nx", "\\", "*", "[", "1.", "> >", "### For the hurt partner"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		fsys := testFS()
		fsys["chapters/one.md"] = file(testMeta, body)
		fsys["chapters/four.md"] = body
		g, err := guide.Load(fsys)
		if (g == nil) == (err == nil) {
			t.Fatalf("Load returned %v and %v", g, err)
		}
	})
}
