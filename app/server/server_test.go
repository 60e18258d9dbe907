//go:build !js

package server_test

import (
	"bytes"
	"compress/gzip"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"kintsugi/app/guide"
	"kintsugi/app/server"
	"kintsugi/app/ui"
	"kintsugi/content"
)

// fakeWasm stands in for app.wasm: the tests only need bytes to serve.
var fakeWasm = bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 kintsugi test module "), 2000)

// mustWebDir makes a web directory like the build's, inside a parent that
// also holds a secret file no request may reach.
func mustWebDir(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	web := filepath.Join(root, "web")
	files := map[string][]byte{
		"app.wasm":               fakeWasm,
		"kintsugi.css":           []byte("body{}"),
		"icons/icon.svg":         []byte("<svg/>"),
		"icons/icon-192.png":     []byte("png192"),
		"icons/icon-512.png":     []byte("png512"),
		"icons/maskable-512.png": []byte("pngmask"),
	}
	for name, data := range files {
		p := filepath.Join(web, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "secret.txt"), []byte("TOPSECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	return web
}

var paths = ui.Paths()

func mustServer(t *testing.T, web string) *server.Server {
	t.Helper()
	s, err := server.New(server.Config{WebDir: web, Paths: paths})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func get(t *testing.T, h http.Handler, target string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	want := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
		"Permissions-Policy":     "camera=(), microphone=(), geolocation=()",
	}
	for _, target := range []string{"/", "/privacy", "/guide", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/web/kintsugi.css", "/web/app.wasm", "/no-such-page", "/web/no-such-file"} {
		t.Run(target, func(t *testing.T) {
			res := get(t, s, target)
			csp := res.Header.Get("Content-Security-Policy")
			for _, directive := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
				if !strings.Contains(csp, directive) {
					t.Errorf("CSP %q lacks %q", csp, directive)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http:") || strings.Contains(csp, "https:") || strings.Contains(csp, "*") {
				t.Errorf("CSP %q allows inline code or another origin", csp)
			}
			for k, v := range want {
				if got := res.Header.Get(k); !strings.Contains(got, v) {
					t.Errorf("%s = %q, want it to contain %q", k, got, v)
				}
			}
		})
	}
}

func TestWasmCompression(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	tests := []struct {
		accept, want string
	}{
		{"br, gzip", "br"},
		{"gzip, deflate, br", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"br;q=0.5, gzip;q=0.8", "gzip"},
		{"", ""},
		{"identity", ""},
		{"deflate", ""},
		{"*", "br"},
		{"*;q=0, gzip", "gzip"},
		{"BR", "br"},
		{"br;q=bogus, gzip", "gzip"},
	}
	for _, tc := range tests {
		t.Run(tc.accept, func(t *testing.T) {
			res := get(t, s, "/web/app.wasm", "Accept-Encoding", tc.accept)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := res.Header.Get("Content-Encoding"); got != tc.want {
				t.Errorf("Content-Encoding = %q, want %q", got, tc.want)
			}
			if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary = %q, want Accept-Encoding", got)
			}
			if got := res.Header.Get("Content-Type"); got != "application/wasm" {
				t.Errorf("Content-Type = %q, want application/wasm", got)
			}
			raw := []byte(body(t, res))
			var r io.Reader = bytes.NewReader(raw)
			switch tc.want {
			case "br":
				r = brotli.NewReader(r)
			case "gzip":
				zr, err := gzip.NewReader(r)
				if err != nil {
					t.Fatal(err)
				}
				r = zr
			}
			decoded, err := io.ReadAll(r)
			if err != nil {
				t.Fatalf("decode %s: %v", tc.want, err)
			}
			if !bytes.Equal(decoded, fakeWasm) {
				t.Errorf("decoded body differs from app.wasm (%d bytes, want %d)", len(decoded), len(fakeWasm))
			}
			if tc.want != "" && len(raw) >= len(fakeWasm) {
				t.Errorf("%s body is %d bytes, not smaller than %d", tc.want, len(raw), len(fakeWasm))
			}
		})
	}
}

func TestWasmNotModified(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	etag := get(t, s, "/web/app.wasm").Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag on app.wasm")
	}
	if res := get(t, s, "/web/app.wasm", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation with the current ETag: status %d, want 304", res.StatusCode)
	}
}

func TestCompressedCopiesMadeOncePerBuild(t *testing.T) {
	web := mustWebDir(t)
	mustServer(t, web)
	br := filepath.Join(web, "app.wasm.br")
	first, err := os.Stat(br)
	if err != nil {
		t.Fatalf("no brotli copy kept beside app.wasm: %v", err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(br, old, old); err != nil {
		t.Fatal(err)
	}
	mustServer(t, web)
	if again, _ := os.Stat(br); !again.ModTime().Equal(old) {
		t.Errorf("an unchanged app.wasm was compressed again (size %d)", first.Size())
	}

	// A new build must not be served with the old build's copy.
	changed := append(bytes.Clone(fakeWasm), []byte("new build")...)
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), changed, 0o644); err != nil {
		t.Fatal(err)
	}
	s := mustServer(t, web)
	got, err := io.ReadAll(brotli.NewReader(get(t, s, "/web/app.wasm", "Accept-Encoding", "br").Body))
	if err != nil || !bytes.Equal(got, changed) {
		t.Errorf("after a rebuild the brotli body is not the new app.wasm (err %v)", err)
	}
}

func TestVersionFollowsContent(t *testing.T) {
	web := mustWebDir(t)
	v1, err := server.Version(web)
	if err != nil {
		t.Fatal(err)
	}
	mustServer(t, web) // writes the compressed copies, which must not count
	if v, _ := server.Version(web); v != v1 {
		t.Errorf("version changed from %s to %s with no change to the build", v1, v)
	}
	if err := os.WriteFile(filepath.Join(web, "kintsugi.css"), []byte("body{color:red}"), 0o644); err != nil {
		t.Fatal(err)
	}
	v2, _ := server.Version(web)
	if v2 == v1 {
		t.Errorf("version %s unchanged after a file in web/ changed", v1)
	}

	s := mustServer(t, web)
	if s.Version() != v2 {
		t.Errorf("server announces %s, want %s", s.Version(), v2)
	}
	worker := body(t, get(t, s, "/app-worker.js"))
	if !strings.Contains(worker, `"kintsugi-`+v2+`"`) {
		t.Errorf("service worker does not name cache version %s", v2)
	}
	if got := get(t, s, "/").Header.Get("ETag"); got != `"`+v2+`"` {
		t.Errorf("page ETag = %s, want %q", got, v2)
	}
}

func TestServiceWorkerPrecachesEveryPage(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	worker := body(t, get(t, s, "/app-worker.js"))
	for _, want := range append([]string{"/web/app.wasm", server.ContentPath, "/app.js", "/wasm_exec.js", "/manifest.webmanifest", "/web/kintsugi.css", "/web/icons/maskable-512.png", "/web/boot.js", "/web/away.html", "/web/icons/notes.svg"}, paths...) {
		if !strings.Contains(worker, `"`+want+`"`) {
			t.Errorf("service worker does not precache %s", want)
		}
	}
	for _, want := range []string{"event.waitUntil", `request.mode === "navigate"`} {
		if !strings.Contains(worker, want) {
			t.Errorf("service worker lacks %s", want)
		}
	}
	if strings.Contains(worker, "https://") || strings.Contains(worker, "http://") {
		t.Error("service worker names another origin")
	}
}

func TestPages(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	tests := []struct {
		target string
		status int
		want   string
	}{
		{"/", 200, "<title>Kintsugi</title>"},
		{"/privacy", 200, "<title>Privacy · Kintsugi</title>"},
		{"/privacy/", 200, "<title>Privacy · Kintsugi</title>"},
		{"/tools/journal", 200, "Journal"},
		{"/help", 200, "1-800-799-7233"},
		{"/no-such-page", 404, "This page does not exist"},
		{"/guide/no-such-chapter", 404, "This page does not exist"},
		{"/tools/no-such-tool", 404, "This page does not exist"},
		{"/web/", 404, ""},
		{"/web/icons/", 404, ""},
		{"/web/no-such-file.css", 404, ""},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			res := get(t, s, tc.target)
			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d", res.StatusCode, tc.status)
			}
			if b := body(t, res); !strings.Contains(b, tc.want) {
				t.Errorf("body lacks %q", tc.want)
			}
		})
	}
}

func TestPathTraversal(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	for _, target := range []string{
		"/web/../secret.txt",
		"/web/..%2fsecret.txt",
		"/web/%2e%2e/secret.txt",
		"/web/%2e%2e%2fsecret.txt",
		"/web/icons/../../secret.txt",
		"/web/..\\secret.txt",
		"/../secret.txt",
		"/secret.txt",
		"/web//../secret.txt",
	} {
		t.Run(target, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.RawPath = ""
			req.URL.Path = target
			if u, err := req.URL.Parse(target); err == nil {
				req.URL = u
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if strings.Contains(rec.Body.String(), "TOPSECRET") {
				t.Fatalf("%s served a file outside web/", target)
			}
			if rec.Code == http.StatusOK && !strings.Contains(rec.Body.String(), "<html") {
				t.Errorf("%s: status 200 with a non-page body", target)
			}
		})
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(method, "/", strings.NewReader("x")))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s /: status %d, want 405", method, rec.Code)
		}
	}
}

func TestManifestAndIconsAreLocal(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	manifest := body(t, get(t, s, "/manifest.webmanifest"))
	for _, want := range []string{`"purpose":"maskable"`, `"sizes":"192x192"`, `"sizes":"512x512"`, `"display":"standalone"`, `"short_name":"Kintsugi"`} {
		if !strings.Contains(manifest, want) {
			t.Errorf("manifest lacks %s", want)
		}
	}
	page := body(t, get(t, s, "/"))
	for _, doc := range []string{manifest, page} {
		for _, bad := range []string{"githubusercontent", `src="http`, `href="http`} {
			if strings.Contains(doc, bad) {
				t.Errorf("a resource points at another origin (%s)", bad)
			}
		}
	}
}

func TestExportStatic(t *testing.T) {
	web := mustWebDir(t)
	s := mustServer(t, web)
	dir := t.TempDir()
	if err := s.ExportStatic(dir, paths); err != nil {
		t.Fatalf("ExportStatic: %v", err)
	}
	for _, name := range []string{"index.html", "privacy.html", "privacy/index.html", "tools/journal.html", "tools/journal/index.html", "404.html", "content.txt", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css", "web/app.wasm", "web/kintsugi.css", "web/icons/maskable-512.png"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Errorf("static site lacks %s", name)
		}
	}
	for _, name := range []string{"web/app.wasm.br", "web/app.wasm.gz", "web/app.wasm.sum"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			t.Errorf("static site holds the server's build cache %s", name)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "privacy", "index.html"))
	if !strings.Contains(string(b), "<title>Privacy · Kintsugi</title>") || !strings.Contains(string(b), `http-equiv="Content-Security-Policy"`) {
		t.Error("static privacy page lacks its title or its CSP meta tag")
	}
	b, _ = os.ReadFile(filepath.Join(dir, "404.html"))
	if !strings.Contains(string(b), "This page does not exist") {
		t.Error("404.html is not the not-found page")
	}
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)

// TestChaptersPrerendered checks that every chapter's page, as the server
// sends it before any script runs, already holds the chapter's title and
// the text of its opening and closing paragraphs.
func TestChaptersPrerendered(t *testing.T) {
	g, err := guide.Load(content.Files())
	if err != nil {
		t.Fatal(err)
	}
	s := mustServer(t, mustWebDir(t))
	for _, c := range g.Chapters {
		t.Run(c.Slug, func(t *testing.T) {
			res := get(t, s, "/guide/"+c.Slug)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			raw := body(t, res)
			// The visible text: tags removed, white space kept exactly, so
			// that stray spaces around links or emphasis fail too.
			page := html.UnescapeString(tagPattern.ReplaceAllString(raw, ""))
			if !strings.Contains(html.UnescapeString(raw), "<title>"+c.Title+" · Kintsugi</title>") {
				t.Errorf("no title %q", c.Title)
			}
			var paragraphs []string
			for _, b := range c.Body {
				if b.Kind == guide.Paragraph {
					paragraphs = append(paragraphs, guide.PlainText(b.Text))
				}
			}
			if len(paragraphs) == 0 {
				t.Fatal("chapter has no paragraphs")
			}
			for _, want := range []string{paragraphs[0], paragraphs[len(paragraphs)-1]} {
				if !strings.Contains(page, want) {
					t.Errorf("pre-rendered page lacks %.60q…", want)
				}
			}
		})
	}
}

// TestAppScriptStartsTheWasmAsKintsugiNeeds checks the edits to go-app's
// app.js: a plain fetch of app.wasm, and the start left to web/boot.js.
func TestAppScriptStartsTheWasmAsKintsugiNeeds(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	for _, path := range []string{"/app.js", "/goapp.js"} {
		res := get(t, s, path)
		js := body(t, res)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/javascript") {
			t.Fatalf("%s: status %d, type %q", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		for _, want := range []string{`fetch("/web/app.wasm")`, "(window.kintsugiStart || ((start) => start()))(goappInitWebAssembly);", "await (window.kintsugiBeforeRun || (() => {}))();"} {
			if !strings.Contains(js, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
		if strings.Contains(js, `fetchWithProgress("/web/app.wasm"`) || strings.Contains(js, "\ngoappInitWebAssembly();") {
			t.Errorf("%s still has go-app's own start", path)
		}
	}
}

// TestContentBundle checks that the browser can fetch the guide's text, in
// each encoding, and that it is the server's own.
func TestContentBundle(t *testing.T) {
	s := mustServer(t, mustWebDir(t))
	want := content.Bundle()
	var err error
	for _, enc := range []string{"br", "gzip", ""} {
		res := get(t, s, server.ContentPath, "Accept-Encoding", enc)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != content.MediaType || res.Header.Get("Content-Encoding") != enc {
			t.Fatalf("%q: status %d, type %q, encoding %q", enc, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"))
		}
		raw, _ := io.ReadAll(res.Body)
		switch enc {
		case "br":
			raw, err = io.ReadAll(brotli.NewReader(bytes.NewReader(raw)))
		case "gzip":
			var zr *gzip.Reader
			if zr, err = gzip.NewReader(bytes.NewReader(raw)); err == nil {
				raw, err = io.ReadAll(zr)
			}
		}
		if err != nil || !bytes.Equal(raw, want) {
			t.Errorf("%q: the bundle differs from content.Bundle (%v)", enc, err)
		}
	}
	files, _, err := content.ParseBundle(want)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := guide.Load(files); err != nil {
		t.Errorf("the served guide does not load: %v", err)
	}
}
