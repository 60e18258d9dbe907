//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"

	"kintsugi/content"
)

// loadContent hands the guide's text to package content. web/boot.js
// fetches it (from the server, or the service worker's cache offline)
// while app.wasm downloads, and sets window.kintsugiContent before the
// program runs; app.wasm does not carry the text.
func loadContent() error {
	v, err := safejs.Global().Get("kintsugiContent")
	if err != nil {
		return err
	}
	if v.Type() != safejs.TypeString {
		return errors.New("the guide's text was not fetched")
	}
	s, err := v.String()
	if err != nil {
		return err
	}
	return content.Load([]byte(s))
}
