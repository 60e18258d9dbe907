//go:build !js

package content

import (
	"embed"
	"encoding/json"
	"io/fs"
)

//go:embed chapters/*.md paths/*.md parts.md
var files embed.FS

//go:embed cards.md
var cards string

// FS returns the guide's files: parts.md, chapters/<slug>.md and
// paths/<name>.md, ready for guide.Load.
func FS() fs.FS { return files }

// Cards returns the text of cards.md: the conversation cards, in decks,
// ready for cards.Parse in package kintsugi/app/cards. The file's own
// preamble describes its format.
func Cards() string { return cards }

// Bundle returns every content file in one JSON document, for the browser.
func Bundle() ([]byte, error) {
	b := bundle{Files: map[string]string{cardsFile: cards}}
	err := fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, path)
		b.Files[path] = string(data)
		return err
	})
	if err != nil {
		return nil, err
	}
	return json.Marshal(b)
}
