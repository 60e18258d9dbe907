//go:build e2e

package main

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"kintsugi/app/guide"
	"kintsugi/content"
)

func mustGuide(t *testing.T) *guide.Guide {
	t.Helper()
	g, err := guide.Load(content.Files())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestContentsListEveryChapter(t *testing.T) {
	g := mustGuide(t)
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/guide"); err != nil {
		t.Fatal(err)
	}
	links, err := eval[map[string]string](ctx, `Object.fromEntries([...document.querySelectorAll("main a[href^='/guide/']")].map(a => [a.getAttribute("href"), a.textContent.trim()]))`)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range g.Chapters {
		if got := links["/guide/"+c.Slug]; got != c.Title {
			t.Errorf("contents: link to %s reads %q, want %q", c.Slug, got, c.Title)
		}
	}
	b.checkClean(t, s.URL)
}

// TestChaptersRenderInTheApp opens every chapter by following the guide's
// own Next links, as a reader going through it would, and checks its title
// and text in the running app.
func TestChaptersRenderInTheApp(t *testing.T) {
	g := mustGuide(t)
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/guide/"+g.Chapters[0].Slug); err != nil {
		t.Fatal(err)
	}
	for i, c := range g.Chapters {
		if i > 0 {
			if err := do(ctx, chromedp.Click(chromedp.CSS("a.next"))); err != nil {
				t.Fatalf("follow Next to %s: %v", c.Slug, err)
			}
		}
		if err := do(ctx, chromedp.WaitVisible(byText("h1", c.Title))); err != nil {
			h1, _, _ := heading(ctx)
			t.Fatalf("chapter %s: heading %q, want %q", c.Slug, h1, c.Title)
		}
		text, err := eval[string](ctx, `document.querySelector("article.prose").textContent`)
		if err != nil {
			t.Fatal(err)
		}
		var first string
		for _, blk := range c.Body {
			if blk.Kind == guide.Paragraph {
				first = guide.PlainText(blk.Text)
				break
			}
		}
		if !strings.Contains(text, first) {
			t.Errorf("chapter %s does not show its first paragraph %.50q…", c.Slug, first)
		}
		title, _ := eval[string](ctx, `document.title`)
		if title != c.Title+" · Kintsugi" {
			t.Errorf("chapter %s: document title %q", c.Slug, title)
		}
	}
	b.checkClean(t, s.URL)
}

func TestSearchFindsTheObviousChapters(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	tests := []struct {
		query string
		want  []string // any of these first
	}{
		{"trigger", []string{"Talking about triggers", "Anniversaries and late triggers"}},
		{"how long", []string{"How long recovery takes"}},
		{"apology", []string{"A real apology"}},
		{"forgive", []string{"Forgiveness"}},
	}
	g := mustGuide(t)
	for i := range tests {
		for j, title := range tests[i].want {
			// Titles as the guide has them, so the test follows edits.
			for _, c := range g.Chapters {
				if strings.EqualFold(c.Title, title) || strings.HasPrefix(strings.ToLower(c.Title), strings.ToLower(title)) {
					tests[i].want[j] = c.Title
				}
			}
		}
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			if err := load(ctx, s.URL+"/guide"); err != nil {
				t.Fatal(err)
			}
			err := do(ctx,
				chromedp.SendKeys(chromedp.CSS("#guide-search"), tc.query),
				chromedp.Click(byText("button", "Search")),
			)
			if err != nil {
				t.Fatal(err)
			}
			// Submitting loads the results page as a new document: wait for
			// the app to run in it, and for its results.
			ready := `location.pathname === "/guide/search" && !document.getElementById("app-wasm-loader") && !!document.querySelector("ol.results li a")`
			if err := eventually(ctx, ready, stepTimeout); err != nil {
				t.Fatal(err)
			}
			first, err := eval[string](ctx, `document.querySelector("ol.results li a").textContent`)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, w := range tc.want {
				found = found || first == w
			}
			if !found {
				t.Errorf("first result %q, want one of %v", first, tc.want)
			}
			marks, _ := eval[int](ctx, `document.querySelectorAll("ol.results mark").length`)
			if marks == 0 {
				t.Error("no highlighted matches in the results")
			}
		})
	}
	b.checkClean(t, s.URL)
}

func TestReadingProgressSurvivesReload(t *testing.T) {
	g := mustGuide(t)
	c := g.Chapters[3]
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/guide/"+c.Slug); err != nil {
		t.Fatal(err)
	}
	err := do(ctx,
		waitJS(`[...document.querySelectorAll("button")].some(b => b.textContent === "Mark as read" && !b.disabled)`, 20*time.Second),
		chromedp.Click(byText("button", "Mark as read")),
		chromedp.WaitVisible(byText("button", "Marked as read")),
		chromedp.Click(byText("button", "Bookmark this chapter")),
		chromedp.WaitVisible(byText("button", "Bookmarked")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, s.URL+"/guide/"+c.Slug); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(byText("button", "Marked as read")), chromedp.WaitVisible(byText("button", "Bookmarked"))); err != nil {
		t.Errorf("after a reload the chapter is not marked read and bookmarked: %v", err)
	}
	if err := load(ctx, s.URL+"/guide"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(fmt.Sprintf(`!!document.querySelector("#bookmarks-heading") && [...document.querySelectorAll(".toc li")].some(li => li.textContent.includes(%q) && li.textContent.includes("Read"))`, c.Title), 20*time.Second)); err != nil {
		t.Errorf("the contents show no read mark or bookmark for %s: %v", c.Slug, err)
	}
	if err := load(ctx, s.URL+"/"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(byText("h2", "Continue where you left off")), chromedp.WaitVisible(byText("a", c.Title))); err != nil {
		t.Errorf("Home does not offer to continue with %q: %v", c.Title, err)
	}
	b.checkClean(t, s.URL)
}

//go:embed testdata/axe.min.js
var axeJS string

// TestGuideAccessibleInBothThemes runs axe-core (WCAG 2 A and AA rules) on
// the contents and a chapter, in light and dark.
func TestGuideAccessibleInBothThemes(t *testing.T) {
	g := mustGuide(t)
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, path := range []string{"/guide", "/guide/" + g.Chapters[5].Slug, "/guide/path/hurt", "/guide/search?q=trust", "/settings"} {
			t.Run(scheme+path, func(t *testing.T) {
				ctx := b.tab(t)
				if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
				}); err != nil {
					t.Fatal(err)
				}
				if err := load(ctx, s.URL+path); err != nil {
					t.Fatal(err)
				}
				dark, _ := eval[bool](ctx, `matchMedia("(prefers-color-scheme: dark)").matches`)
				if dark != (scheme == "dark") {
					t.Fatalf("the page does not see the %s scheme", scheme)
				}
				violations := runAxe(t, ctx)
				for _, v := range violations {
					t.Errorf("%s", v)
				}
			})
		}
	}
	b.checkClean(t, s.URL)
}

// runAxe injects axe-core and returns its serious and critical violations.
func runAxe(t *testing.T, ctx context.Context) []string {
	t.Helper()
	if _, err := eval[bool](ctx, axeJS+";true"); err != nil {
		t.Fatalf("inject axe: %v", err)
	}
	out, err := eval[[]string](ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}, resultTypes: ["violations"]}).then(r =>
		r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))`)
	if err != nil {
		t.Fatalf("run axe: %v", err)
	}
	return out
}
