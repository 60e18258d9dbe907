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
	files, cards, err := content.ParseBundle(content.Bundle())
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
}

// TestDamagedBundleIsRefused checks that a bundle cut short anywhere, or
// changed in its framing, is refused whole rather than read in part.
func TestDamagedBundleIsRefused(t *testing.T) {
	good := []byte("kintsugi content 1\n2\ncards.md\n5\nCards\nparts.md\n6\nParts\n\n")
	if _, _, err := content.ParseBundle(good); err != nil {
		t.Fatalf("a good bundle: %v", err)
	}
	for i := range len(good) - 1 {
		if _, _, err := content.ParseBundle(good[:i]); err == nil {
			t.Errorf("a bundle cut to %d bytes was read", i)
		}
	}
	for _, bad := range []string{
		"",
		"{}",
		"kintsugi content 1\n0\n",
		"kintsugi content 1\n1\ncards.md\n5\nCards\nmore", // more than its files
		"kintsugi content 2\ncards.md\n5\nCards\n",
		"kintsugi content 1\n1\nparts.md\n5\nParts\n",                 // no cards.md
		"kintsugi content 1\n1\ncards.md\n4\nCards\n",                 // length too short
		"kintsugi content 1\n1\ncards.md\n9\nCards\n",                 // length too long
		"kintsugi content 1\n1\ncards.md\n-1\nCards\n",                // negative
		"kintsugi content 1\n1\ncards.md\nfive\nCards\n",              // not a number
		"kintsugi content 1\n2\ncards.md\n5\nCards\ncards.md\n1\nX\n", // twice
		"kintsugi content 1\n1\ncards.md\n5\nCa\xffds\n",              // not UTF-8
		"kintsugi content 1\n1\n\n5\nCards\n",                         // no name
	} {
		if _, _, err := content.ParseBundle([]byte(bad)); err == nil {
			t.Errorf("ParseBundle(%q) succeeded", bad)
		}
	}
}

// FuzzParseBundle checks that no input makes ParseBundle panic, and that
// what it reads is what a bundle of those files holds.
func FuzzParseBundle(f *testing.F) {
	f.Add([]byte("kintsugi content 1\n2\ncards.md\n5\nCards\nparts.md\n6\nParts\n\n"))
	f.Add([]byte("kintsugi content 1\n1\ncards.md\n0\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files, cards, err := content.ParseBundle(data)
		if err != nil {
			return
		}
		again, cardsAgain, err := content.ParseBundle(data)
		if err != nil || cards != cardsAgain || len(again) != len(files) {
			t.Fatalf("a bundle read twice differs: %v", err)
		}
	})
}
