//go:build !js

package content

import (
	"embed"
	"io/fs"
	"maps"
	"sync"
)

//go:embed chapters/*.md paths/*.md parts.md exercises.json
var files embed.FS

//go:embed cards.md
var cards string

// Files returns the content's files, each text by its path: parts.md,
// chapters/<slug>.md and paths/<name>.md, ready for guide.Load, and
// exercises.json, the worksheet exercises package exercise reads. The map is
// shared: do not change it.
func Files() map[string]string { return embedded() }

// embedded reads the embedded files once.
var embedded = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	err := fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, path)
		m[path] = string(data)
		return err
	})
	if err != nil {
		panic("content: the embedded files cannot be read: " + err.Error()) // only a broken build gets here
	}
	return m
})

// Cards returns the text of cards.md: the conversation cards, in decks,
// ready for cards.Parse in package kintsugi/app/cards. The file's own
// preamble describes its format.
func Cards() string { return cards }

// Bundle returns every content file in one document, for the browser.
func Bundle() []byte {
	all := maps.Clone(Files())
	all[cardsFile] = cards
	return encodeBundle(all)
}
