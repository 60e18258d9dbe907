//go:build !js

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressed holds app.wasm raw and compressed, so that no request ever
// compresses anything.
type compressed struct {
	raw, br, gz []byte
	etag        string
}

// precompress loads the wasm at path with its brotli and gzip copies. The
// copies are made once per build (brotli at its best setting takes about 20 s
// for a 7 MB wasm) and kept beside it as path.br and path.gz, with path.sum
// holding the SHA-256 of the wasm they were made from; a stale or missing copy
// is made again.
func precompress(path string) (*compressed, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the app's wasm (build it with make build): %w", err)
	}
	sum := sha256.Sum256(raw)
	c := &compressed{raw: raw, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	if stored, err := os.ReadFile(path + ".sum"); err == nil && string(stored) == hex.EncodeToString(sum[:]) {
		br, errBr := os.ReadFile(path + ".br")
		gz, errGz := os.ReadFile(path + ".gz")
		if errBr == nil && errGz == nil {
			c.br, c.gz = br, gz
			return c, nil
		}
	}
	var wg sync.WaitGroup
	var errBr, errGz error
	wg.Add(2)
	go func() { defer wg.Done(); c.br, errBr = Brotli(raw) }()
	go func() { defer wg.Done(); c.gz, errGz = Gzip(raw) }()
	wg.Wait()
	if errBr != nil || errGz != nil {
		return nil, fmt.Errorf("compress %s: %v %v", path, errBr, errGz)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{path + ".br", c.br}, {path + ".gz", c.gz}, {path + ".sum", []byte(hex.EncodeToString(sum[:]))}} {
		if err := os.WriteFile(f.name, f.data, 0o644); err != nil {
			return nil, fmt.Errorf("keep compressed wasm: %w", err)
		}
	}
	return c, nil
}

// Brotli compresses b at brotli's best quality.
func Brotli(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Gzip compresses b at gzip's best level.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// serveWasm sends app.wasm in the best encoding the client accepts.
func (s *Server) serveWasm(w http.ResponseWriter, r *http.Request) {
	serveCompressed(w, r, s.wasm, "application/wasm")
}

// negotiate picks "br", "gzip" or "" (identity) from an Accept-Encoding
// header, honouring q-values: q=0 refuses an encoding, and among the
// acceptable ones the highest q wins, brotli on a tie.
func negotiate(header string) string {
	q := map[string]float64{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		weight := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.TrimSpace(k) == "q" {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				weight = f
			}
		}
		q[name] = weight
	}
	weight := func(name string) float64 {
		if w, ok := q[name]; ok {
			return w
		}
		if w, ok := q["*"]; ok {
			return w
		}
		return 0
	}
	best, bestQ := "", 0.0
	for _, enc := range []string{"br", "gzip"} {
		if w := weight(enc); w > bestQ {
			best, bestQ = enc, w
		}
	}
	return best
}
