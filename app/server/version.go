//go:build !js

package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Version derives the app version from what is built: a hash of every file
// in the web directory (app.wasm included, the compressed copies excluded)
// and of the guide's text, which the server carries (package content).
// A new build with any change gets a new version, which makes browsers fetch
// the new service worker and offer the update; an unchanged build keeps its
// version, so a restart alone never makes anyone download the app again.
func Version(webDir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || isBuildCache(path) {
			return nil
		}
		rel, err := filepath.Rel(webDir, path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		if _, err := io.Copy(h, f); err != nil {
			return err
		}
		h.Write([]byte{0})
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("hash the web directory: %w", err)
	}
	bundle, err := contentBundle()
	if err != nil {
		return "", err
	}
	h.Write(bundle.raw)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// isBuildCache reports whether path is one of the compressed copies that the
// server keeps beside app.wasm.
func isBuildCache(path string) bool {
	for _, ext := range []string{".wasm.br", ".wasm.gz", ".wasm.sum"} {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}
