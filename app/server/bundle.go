//go:build !js

package server

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"

	"kintsugi/content"
)

// ContentPath is where the browser fetches the guide's text (package
// content's bundle): app.wasm does not carry it.
const ContentPath = content.Path

// contentBundle is the content bundle, raw and compressed, made once per
// process: the content is built into the server.
var contentBundle = sync.OnceValues(func() (*compressed, error) {
	raw := content.Bundle()
	var err error
	sum := sha256.Sum256(raw)
	c := &compressed{raw: raw, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	if c.br, err = Brotli(raw); err != nil {
		return nil, err
	}
	if c.gz, err = Gzip(raw); err != nil {
		return nil, err
	}
	return c, nil
})

// serveCompressed sends c in the best encoding the client accepts, or
// "not modified" for a request that has it.
func serveCompressed(w http.ResponseWriter, r *http.Request, c *compressed, contentType string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Accept-Encoding")
	h.Set("ETag", c.etag)
	if r.Header.Get("If-None-Match") == c.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := c.raw
	switch encoding := negotiate(r.Header.Get("Accept-Encoding")); encoding {
	case "br":
		body = c.br
		h.Set("Content-Encoding", encoding)
	case "gzip":
		body = c.gz
		h.Set("Content-Encoding", encoding)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
