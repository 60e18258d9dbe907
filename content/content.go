// Package content holds the text of Kintsugi's guide: the chapters, the
// reading paths and the part titles, as Markdown files with front matter,
// and the conversation cards. Package kintsugi/app/guide parses and checks
// them; README.md in this folder says how to write them.
//
// The server embeds them, pre-renders every page from them, and serves
// them to the browser as one bundle (Bundle), which the service worker
// caches with the rest of the app. In the browser, app.wasm does not carry
// them: it loads the bundle once at start (Load), which keeps app.wasm
// about 80 KB smaller over the wire.
package content

import (
	"encoding/json"
	"fmt"
)

// Path is where the server serves the bundle and the browser fetches it.
const Path = "/content.json"

// cardsFile is the bundle's name for cards.md.
const cardsFile = "cards.md"

// bundle is the JSON form of the content: every file's text by its path.
type bundle struct {
	Files map[string]string `json:"files"`
}

// ParseBundle reads a bundle made by Bundle and returns the guide's files
// (each text by its path), ready for guide.Load, and the text of cards.md.
func ParseBundle(data []byte) (files map[string]string, cards string, err error) {
	var b bundle
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, "", fmt.Errorf("content bundle: %w", err)
	}
	cards, ok := b.Files[cardsFile]
	if !ok {
		return nil, "", fmt.Errorf("content bundle: no %s", cardsFile)
	}
	delete(b.Files, cardsFile)
	return b.Files, cards, nil
}
