//go:build js

package content

import (
	"io/fs"
	"sync"
	"testing/fstest"
)

var loaded struct {
	sync.RWMutex
	files fs.FS
	cards string
}

// Load makes the content of a bundle fetched from the server (Bundle) what
// FS and Cards return. Call it before anything reads the content.
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

// FS returns the guide's files, or no files if Load has not succeeded:
// guide.Load then fails, and the guide pages say it could not be opened.
func FS() fs.FS {
	loaded.RLock()
	defer loaded.RUnlock()
	if loaded.files == nil {
		return fstest.MapFS{}
	}
	return loaded.files
}

// Cards returns the text of cards.md, or "" if Load has not succeeded.
func Cards() string {
	loaded.RLock()
	defer loaded.RUnlock()
	return loaded.cards
}
