// Package content holds the text of Kintsugi's guide: the chapters, the
// reading paths and the part titles, as Markdown files with front matter,
// the conversation cards, and the worksheet exercises (exercises.json,
// read by package kintsugi/app/exercise). Package kintsugi/app/guide parses
// and checks the guide; README.md in this folder says how to write it all.
//
// The server embeds them, pre-renders every page from them, and serves
// them to the browser as one bundle (Bundle), which the service worker
// caches with the rest of the app. In the browser, app.wasm does not carry
// them: it loads the bundle once at start (Load), which keeps app.wasm
// about 80 KB smaller over the wire.
package content

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Path is where the server serves the bundle and the browser fetches it.
const Path = "/content.txt"

// MediaType is the bundle's media type.
const MediaType = "text/plain; charset=utf-8"

// cardsFile is the bundle's name for cards.md.
const cardsFile = "cards.md"

// bundleHeader is the first line of every bundle; a new layout would get
// a new number.
const bundleHeader = "kintsugi content 1\n"

// encodeBundle writes files in the bundle's layout: the header, the number
// of files on a line (so that a bundle cut short between two files is
// still seen to be short), then for each file, in path order, its path on a line, its length in bytes on a
// line, its text and a newline. Unlike JSON, it needs no escaping, so the
// app reads it in a fraction of the time (about 25 ms in app.wasm on this
// machine for JSON, four times that on a phone).
func encodeBundle(files map[string]string) []byte {
	names := make([]string, 0, len(files))
	size := len(bundleHeader)
	for name, text := range files {
		names = append(names, name)
		size += len(name) + len(text) + 12
	}
	slices.Sort(names)
	b := make([]byte, 0, size)
	b = append(b, bundleHeader...)
	b = strconv.AppendInt(b, int64(len(names)), 10)
	b = append(b, '\n')
	for _, name := range names {
		b = append(b, name...)
		b = append(b, '\n')
		b = strconv.AppendInt(b, int64(len(files[name])), 10)
		b = append(b, '\n')
		b = append(b, files[name]...)
		b = append(b, '\n')
	}
	return b
}

// ParseBundle reads a bundle made by Bundle and returns the guide's files
// (each text by its path), ready for guide.Load, and the text of cards.md.
// A bundle that is damaged anywhere is refused whole.
func ParseBundle(data []byte) (files map[string]string, cards string, err error) {
	rest, ok := bytes.CutPrefix(data, []byte(bundleHeader))
	if !ok {
		return nil, "", errors.New("content bundle: not a bundle of this version")
	}
	num, rest, ok := bytes.Cut(rest, []byte{'\n'})
	count, err := strconv.Atoi(string(num))
	if !ok || err != nil || count < 1 || count > len(rest) {
		return nil, "", errors.New("content bundle: a damaged header")
	}
	files = make(map[string]string, count)
	for range count {
		name, after, ok := bytes.Cut(rest, []byte{'\n'})
		if !ok || len(name) == 0 || !utf8.Valid(name) {
			return nil, "", errors.New("content bundle: a damaged file name")
		}
		num, after, ok := bytes.Cut(after, []byte{'\n'})
		n, err := strconv.Atoi(string(num))
		if !ok || err != nil || n < 0 || n >= len(after) || after[n] != '\n' {
			return nil, "", fmt.Errorf("content bundle: %s: a damaged length", name)
		}
		text := after[:n]
		if !utf8.Valid(text) {
			return nil, "", fmt.Errorf("content bundle: %s: not UTF-8 text", name)
		}
		if _, dup := files[string(name)]; dup {
			return nil, "", fmt.Errorf("content bundle: %s: twice", name)
		}
		files[string(name)] = string(text)
		rest = after[n+1:]
	}
	if len(rest) > 0 {
		return nil, "", errors.New("content bundle: more than its files")
	}
	cards, ok = files[cardsFile]
	if !ok {
		return nil, "", fmt.Errorf("content bundle: no %s", cardsFile)
	}
	delete(files, cardsFile)
	return files, cards, nil
}
