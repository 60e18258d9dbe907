//go:build !js

package server

import (
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ExportStatic writes the whole app as a static site into dir: every page
// pre-rendered (as page.html and page/index.html, so that hosts with clean
// URLs and plain file servers both find it), 404.html, go-app's scripts and
// manifest, the service worker, and a copy of the web directory with
// app.wasm. Served by any static file server, it installs and starts offline
// like the app served by this package, without its response headers (the
// pages carry the Content-Security-Policy in a meta tag).
func (s *Server) ExportStatic(dir string, paths []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	get := func(urlPath string, want int) ([]byte, error) {
		req, err := http.NewRequest(http.MethodGet, ts.URL+urlPath, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept-Encoding", "identity")
		res, err := ts.Client().Do(req)
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		if res.StatusCode != want {
			return nil, fmt.Errorf("export %s: status %d, want %d", urlPath, res.StatusCode, want)
		}
		return io.ReadAll(res.Body)
	}
	write := func(name string, data []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, data, 0o644)
	}

	for _, f := range []string{"/app.js", "/app-worker.js", "/wasm_exec.js", "/manifest.webmanifest", "/app.css", ContentPath} {
		b, err := get(f, http.StatusOK)
		if err != nil {
			return err
		}
		if err := write(f, b); err != nil {
			return err
		}
	}
	for _, p := range paths {
		b, err := get(p, http.StatusOK)
		if err != nil {
			return err
		}
		if p == "/" {
			if err := write("index.html", b); err != nil {
				return err
			}
			continue
		}
		if err := write(p+".html", b); err != nil {
			return err
		}
		if err := write(path.Join(p, "index.html"), b); err != nil {
			return err
		}
	}
	b, err := get("/this-page-does-not-exist", http.StatusNotFound)
	if err != nil {
		return err
	}
	if err := write("404.html", b); err != nil {
		return err
	}
	return copyWeb(s.webDir, filepath.Join(dir, "web"))
}

// copyWeb copies the web directory, leaving out the server's compressed
// copies of app.wasm.
func copyWeb(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if isBuildCache(p) || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
