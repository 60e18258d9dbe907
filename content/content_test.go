//go:build !js

package content_test

import (
	"errors"
	"testing"

	"kintsugi/app/guide"
	"kintsugi/content"
)

// TestContent loads every file the app embeds and fails with the full list
// of problems, so that a writer can fix them all in one go.
func TestContent(t *testing.T) {
	g, err := guide.Load(content.Files())
	if err != nil {
		var all interface{ Unwrap() []error }
		if errors.As(err, &all) {
			for _, e := range all.Unwrap() {
				t.Error(e)
			}
			t.Fatalf("%d problems in the content; content/README.md describes the format", len(all.Unwrap()))
		}
		t.Fatal(err)
	}

	if n := len(g.Chapters); n < 35 {
		t.Errorf("the guide has %d chapters, want at least 35", n)
	}
	words := 0
	for _, c := range g.Chapters {
		words += c.Words
		if c.Summary == "" || c.Try == "" || len(c.Exercises) == 0 {
			t.Errorf("chapter %s lacks a summary, a try or exercises", c.Slug)
		}
	}
	if words < 30000 {
		t.Errorf("the guide has %d words, want at least 30,000", words)
	}
	for n := 0; n <= 10; n++ {
		if _, ok := g.Part(n); !ok {
			t.Errorf("part %d is not in parts.md", n)
		}
		if len(g.PartChapters(n)) == 0 {
			t.Errorf("part %d has no chapters", n)
		}
	}
	for _, name := range []string{"hurt", "involved", "alone"} {
		p, ok := g.Path(name)
		if !ok {
			t.Errorf("path %q is missing", name)
			continue
		}
		if len(p.Steps) == 0 || p.Steps[0].Slug != "start-here" {
			t.Errorf("path %q does not start with start-here", name)
		}
	}
}

// TestBundleHoldsEveryFile checks that the browser gets the same content
// as the server: the bundle, read back, has every file byte for byte.
func TestBundleHoldsEveryFile(t *testing.T) {
	data, err := content.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	files, cards, err := content.ParseBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	if cards != content.Cards() {
		t.Error("the bundle's cards.md differs")
	}
	want := content.Files()
	if len(files) != len(want) || len(want) < 35 {
		t.Errorf("the bundle has %d files, the embedded content %d", len(files), len(want))
	}
	for path, text := range want {
		if files[path] != text {
			t.Errorf("%s: the bundle's copy differs", path)
		}
	}
	if _, err := guide.Load(files); err != nil {
		t.Errorf("the guide does not load from the bundle: %v", err)
	}
	for _, bad := range []string{"", "{", `{"files": {}}`, `[]`} {
		if _, _, err := content.ParseBundle([]byte(bad)); err == nil {
			t.Errorf("ParseBundle(%q) succeeded", bad)
		}
	}
}
