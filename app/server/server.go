//go:build !js

// Package server serves Kintsugi to browsers: the go-app handler with the app's
// name, icons and colours, a service worker that caches every page for offline
// use, app.wasm precompressed with brotli and gzip, strict security headers on
// every response, and a not-found page. It also writes the same app out as a
// static site.
//
// Nothing here is compiled into the wasm: only cmd/server imports it.
package server

import (
	_ "embed"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/content"
)

//go:embed worker.js
var workerJS string

// Colours of the app before its stylesheet loads, and of the browser's chrome.
const (
	backgroundColor = "#faf7f2"
	themeColor      = "#1f3a3d"
)

// Icon files under the web directory.
const (
	iconDefault  = "/web/icons/icon-192.png"
	iconLarge    = "/web/icons/icon-512.png"
	iconMaskable = "/web/icons/maskable-512.png"
	iconSVG      = "/web/icons/icon.svg"
	styleSheet   = "/web/kintsugi.css"
	bootScript   = "/web/boot.js"
	awayPage     = "/web/away.html" // quick exit's neutral page (ui.AwayPath)
	awayIcon     = "/web/icons/notes.svg"
)

// CSP is the Content-Security-Policy sent with every response: everything
// from the app's own origin only, nothing inline, and 'wasm-unsafe-eval',
// which the browser needs to compile app.wasm.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// metaCSP is the part of CSP a page can carry in a <meta> tag (frame-ancestors
// only works as a header), so a static host without headers still applies it.
var metaCSP = strings.TrimSuffix(CSP, "; frame-ancestors 'none'")

// Config says where the built app is and which pages it has.
type Config struct {
	// WebDir is the directory served at /web/; it must hold app.wasm.
	WebDir string
	// Paths lists every page of the app (ui.Routes returns them). Each is
	// pre-rendered and cached by the service worker for offline use.
	Paths []string
}

// Server is Kintsugi's HTTP handler.
type Server struct {
	version string
	goapp   *app.Handler
	wasm    *compressed
	content *compressed
	webDir  string
	pages   map[string]bool
	appJS   []byte
}

// New reads the built app in cfg.WebDir, derives its version from the content,
// makes or reuses the compressed copies of app.wasm, and returns the handler.
func New(cfg Config) (*Server, error) {
	version, err := Version(cfg.WebDir)
	if err != nil {
		return nil, err
	}
	wasm, err := precompress(filepath.Join(cfg.WebDir, "app.wasm"))
	if err != nil {
		return nil, err
	}
	bundle, err := contentBundle()
	if err != nil {
		return nil, err
	}
	s := &Server{version: version, wasm: wasm, content: bundle, webDir: cfg.WebDir, pages: map[string]bool{}}
	for _, p := range cfg.Paths {
		s.pages[p] = true
	}
	s.goapp = newGoApp(cfg, version, len(wasm.raw))
	if s.appJS, err = startScript(s.goapp); err != nil {
		return nil, err
	}
	return s, nil
}

// Version reports the app version the server announces.
func (s *Server) Version() string { return s.version }

// newGoApp configures go-app's handler. cacheable lists every page for the
// service worker's precache.
func newGoApp(cfg Config, version string, wasmSize int) *app.Handler {
	cacheable := []string{styleSheet, iconSVG, awayPage, awayIcon, ContentPath}
	for _, p := range cfg.Paths {
		if p != "/" {
			cacheable = append(cacheable, p)
		}
	}
	return &app.Handler{
		// The install name shows on the home screen: nothing in it says
		// what the app is about.
		Name:                  "Kintsugi",
		ShortName:             "Kintsugi",
		Title:                 "Kintsugi",
		Description:           "A private guide for rebuilding trust after a betrayal. Works offline; nothing you write leaves your device.",
		Lang:                  "en",
		BackgroundColor:       backgroundColor,
		ThemeColor:            themeColor,
		LoadingLabel:          "Starting Kintsugi…",
		Icon:                  app.Icon{Default: iconDefault, Large: iconLarge, Maskable: iconMaskable, SVG: iconSVG},
		Styles:                []string{styleSheet},
		Scripts:               []string{bootScript},
		CacheableResources:    cacheable,
		RawHeaders:            []string{`<meta http-equiv="Content-Security-Policy" content="` + metaCSP + `">`},
		Resources:             webDir{http.StripPrefix("/web/", http.FileServer(http.Dir(cfg.WebDir)))},
		Version:               version,
		WasmContentLength:     strconv.Itoa(wasmSize),
		ServiceWorkerTemplate: workerJS,
		Env:                   map[string]string{},
	}
}

// ServeHTTP adds the security headers, serves app.wasm compressed, answers
// unknown paths with the app's not-found page and status 404, and hands the
// rest to go-app.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	path := r.URL.Path
	switch {
	case path == "/web/app.wasm" || path == "/app.wasm" || path == "/goapp.wasm":
		s.serveWasm(w, r)
		return
	case path == ContentPath:
		serveCompressed(w, r, s.content, content.MediaType)
		return
	case path == "/app.js" || path == "/goapp.js":
		w.Header().Set("Content-Type", "application/javascript")
		w.Header().Set("Content-Length", strconv.Itoa(len(s.appJS)))
		w.Write(s.appJS)
		return
	case strings.HasPrefix(path, "/web/"):
		if !s.isStaticFile(path) {
			http.NotFound(w, r)
			return
		}
	case !isGoAppFile(path) && !s.pages[strings.TrimSuffix(path, "/")] && path != "/":
		s.serveNotFound(w, r)
		return
	}
	s.goapp.ServeHTTP(w, r)
}

// isStaticFile reports whether path names a regular file in the web
// directory: no directory listings, no escaping the directory.
func (s *Server) isStaticFile(path string) bool {
	rel := strings.TrimPrefix(path, "/web/")
	if rel == "" || strings.Contains(rel, "..") || strings.HasSuffix(rel, "/") {
		return false
	}
	fi, err := os.Stat(filepath.Join(s.webDir, filepath.FromSlash(rel)))
	return err == nil && fi.Mode().IsRegular()
}

// isGoAppFile reports whether go-app itself serves path (its scripts,
// manifest and styles).
func isGoAppFile(path string) bool {
	switch path {
	case "/app.js", "/app-worker.js", "/wasm_exec.js", "/manifest.webmanifest", "/app.css":
		return true
	}
	return false
}

// serveNotFound renders the app's not-found page (its catch-all route) with
// status 404.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request) {
	r2 := r.Clone(r.Context())
	r2.Header.Del("If-None-Match")
	s.goapp.ServeHTTP(&statusWriter{ResponseWriter: w, status: http.StatusNotFound}, r2)
}

// statusWriter replaces the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (sw *statusWriter) WriteHeader(int) {
	if !sw.wrote {
		sw.wrote = true
		sw.ResponseWriter.WriteHeader(sw.status)
	}
}

func (sw *statusWriter) Write(b []byte) (int, error) {
	sw.WriteHeader(0)
	return sw.ResponseWriter.Write(b)
}

// setSecurityHeaders sets the headers every response carries.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
}

// webDir serves the web directory at /web/ and resolves /web/ paths to
// themselves (go-app's LocalDir wants the directory that contains web/).
type webDir struct{ http.Handler }

// Resolve returns location unchanged: every resource is on this origin.
func (webDir) Resolve(location string) string {
	if location == "" {
		return "/"
	}
	return location
}
