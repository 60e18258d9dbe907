//go:build js

package content

import "sync"

var loaded struct {
	sync.RWMutex
	files map[string]string
	cards string
}

// Load makes the content of a bundle fetched from the server (Bundle) what
// Files and Cards return. Call it before anything reads the content.
func Load(data []byte) error {
	files, cards, err := ParseBundle(data)
	if err != nil {
		return err
	}
	loaded.Lock()
	defer loaded.Unlock()
	loaded.files, loaded.cards = files, cards
	return nil
}

// Files returns the content's files (the guide's and exercises.json),
// each text by its path, or none if Load
// has not succeeded: guide.Load then fails, and the guide pages say the
// guide could not be opened. The map is shared: do not change it.
func Files() map[string]string {
	loaded.RLock()
	defer loaded.RUnlock()
	return loaded.files
}

// Cards returns the text of cards.md, or "" if Load has not succeeded.
func Cards() string {
	loaded.RLock()
	defer loaded.RUnlock()
	return loaded.cards
}
