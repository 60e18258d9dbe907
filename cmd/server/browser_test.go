//go:build e2e

package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"kintsugi/app/server"
	"kintsugi/app/ui"
)

// The end-to-end tests drive Debian's Chromium against the real server (run
// in-process through Main) and the real app.wasm from `make build`, whose web
// directory KINTSUGI_WEB names.

// builtWeb returns a private copy of the built web directory, so that a test
// may change it (to make a new version) without touching the build.
func builtWeb(t *testing.T) string {
	t.Helper()
	src := os.Getenv("KINTSUGI_WEB")
	if src == "" {
		t.Fatal("KINTSUGI_WEB is not set: run the end-to-end tests with make test-e2e")
	}
	if _, err := os.Stat(filepath.Join(src, "app.wasm")); err != nil {
		t.Fatalf("no built app.wasm in %s: run make build first (%v)", src, err)
	}
	// Compress the build once, beside it, so that every copy starts at once.
	precompressOnce.Do(func() {
		_, precompressErr = server.New(server.Config{WebDir: src, Paths: ui.Paths()})
	})
	if precompressErr != nil {
		t.Fatal(precompressErr)
	}
	dst := filepath.Join(t.TempDir(), "web")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		defer out.Close()
		_, err = io.Copy(out, in)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

var (
	precompressOnce sync.Once
	precompressErr  error
)

// runningServer is a server started through Main.
type runningServer struct {
	URL    string
	addr   string
	cancel context.CancelFunc
	done   chan error
}

// startServer serves web at addr ("127.0.0.1:0" for any free port).
func startServer(t *testing.T, web, addr string) *runningServer {
	t.Helper()
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	s := &runningServer{cancel: cancel, done: make(chan error, 1)}
	m := &Main{Addr: addr, WebDir: web, Out: io.Discard, Ready: ready}
	go func() { s.done <- m.Run(ctx) }()
	select {
	case s.addr = <-ready:
	case err := <-s.done:
		t.Fatalf("server did not start: %v", err)
	case <-time.After(90 * time.Second):
		t.Fatal("server did not start in 90 s")
	}
	s.URL = "http://" + s.addr
	t.Cleanup(s.stop)
	return s
}

// stop shuts the server down and waits until the port refuses connections.
func (s *runningServer) stop() {
	if s.cancel == nil {
		return
	}
	s.cancel()
	<-s.done
	s.cancel = nil
}

func (s *runningServer) mustBeDown(t *testing.T) {
	t.Helper()
	if c, err := net.DialTimeout("tcp", s.addr, time.Second); err == nil {
		c.Close()
		t.Fatalf("server at %s still accepts connections", s.addr)
	}
}

// browser is one headless Chromium with a fresh profile, and what its pages
// reported: every request URL, console errors and uncaught exceptions.
type browser struct {
	ctx context.Context
	mu  sync.Mutex
	// requests lists every URL a page asked for.
	requests []string
	// problems lists console errors, error log entries and exceptions.
	problems []string
	// expected lists parts of problems a test provokes on purpose.
	expected []string
}

// expect tells checkClean to ignore problems containing text.
func (b *browser) expect(text string) {
	b.mu.Lock()
	b.expected = append(b.expected, text)
	b.mu.Unlock()
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(390, 844),
	)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &browser{ctx: ctx}
}

// tab opens a new tab in the browser's profile and records what it does.
func (b *browser) tab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(b.record))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return ctx
}

func (b *browser) record(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	case *runtime.EventConsoleAPICalled:
		text := argsText(ev.Args)
		switch {
		case ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert:
			b.problems = append(b.problems, "console: "+text)
		case strings.Contains(text, "panic:") || strings.Contains(text, "fatal error:") || strings.Contains(text, "exit code:"):
			b.problems = append(b.problems, "go: "+text)
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		b.problems = append(b.problems, "exception: "+text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			b.problems = append(b.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	}
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, strings.Trim(string(a.Value), `"`))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// checkClean fails the test if any page made a request to another origin or
// reported an error.
func (b *browser) checkClean(t *testing.T, origin string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	want, err := url.Parse(origin)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range b.requests {
		u, err := url.Parse(r)
		if err != nil || u.Scheme == "data" || u.Scheme == "blob" {
			continue
		}
		if u.Scheme != want.Scheme || u.Host != want.Host {
			t.Errorf("request to another origin: %s", r)
		}
	}
problems:
	for _, p := range b.problems {
		for _, e := range b.expected {
			if strings.Contains(p, e) {
				continue problems
			}
		}
		t.Errorf("page reported: %s", p)
	}
}

// waitJS waits until a JavaScript expression is true.
func waitJS(expr string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond))(ctx, tg)
		return err
	})
}

// eventually waits until a JavaScript expression is true, evaluating it
// again when a navigation replaces the document under the evaluation.
func eventually(ctx context.Context, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := eval[bool](ctx, expr)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = fmt.Errorf("still false after %s: %s", timeout, expr)
			}
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// appReady waits until go-app has started (its loader is gone once the wasm
// runs and has rendered the page) and the page is visible: web/boot.js
// keeps it hidden for a moment while it applies the saved settings, and a
// person cannot click a hidden page.
func appReady() chromedp.Action[chromedp.Void] {
	return waitJS(`document.readyState === "complete" && !document.getElementById("app-wasm-loader") && !!document.querySelector("main h1") && getComputedStyle(document.body).visibility === "visible"`, 60*time.Second)
}

// swControls waits until a service worker controls the page.
func swControls() chromedp.Action[chromedp.Void] {
	return waitJS(`navigator.serviceWorker.controller !== null`, 60*time.Second)
}

// stepTimeout bounds every browser step, so that a missing element fails
// the test instead of hanging it.
const stepTimeout = 60 * time.Second

// do runs browser steps with a time limit.
func do(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// load navigates to u and waits until the app runs. On a reading page the
// app waits for the reader (web/boot.js); a key press, as a person would
// make, starts it at once.
func load(ctx context.Context, u string) error {
	return do(ctx, chromedp.Navigate(u), startApp(), appReady())
}

// startApp presses Shift if the page is waiting for the reader to start
// the app.
func startApp() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := chromedp.Poll[bool](`document.readyState === "complete" && getComputedStyle(document.body).visibility === "visible"`, chromedp.WithPollingTimeout(stepTimeout), chromedp.WithPollingInterval(20*time.Millisecond))(ctx, tg); err != nil {
			return err
		}
		waiting, err := chromedp.Evaluate[bool](`document.documentElement.getAttribute("data-app-start") === "waiting"`)(ctx, tg)
		if err != nil || !waiting {
			return err
		}
		_, err = chromedp.KeyEvent(kb.Shift)(ctx, tg)
		return err
	})
}

// heading returns the page's h1 text and the document title.
func heading(ctx context.Context) (h1, title string, err error) {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if h1, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1"))); err != nil {
		return "", "", err
	}
	title, err = chromedp.Run(ctx, chromedp.Title())
	return strings.TrimSpace(h1), title, err
}

// byText finds an element of the given tag by its visible text, the way a
// person finds a button or a link.
func byText(tag, text string) string {
	return fmt.Sprintf(`//%s[normalize-space(.)=%s]`, tag, xpathString(text))
}

// xpathString quotes s as an XPath string literal, which has no escapes:
// one kind of quote around it, or concat() when it holds both.
func xpathString(s string) string {
	switch {
	case !strings.Contains(s, `"`):
		return `"` + s + `"`
	case !strings.Contains(s, "'"):
		return "'" + s + "'"
	}
	parts := strings.Split(s, `"`)
	for i, p := range parts {
		parts[i] = `"` + p + `"`
	}
	return "concat(" + strings.Join(parts, `, '"', `) + ")"
}

// eval runs a script, awaiting it if it returns a promise.
func eval[T any](ctx context.Context, script string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
}

// installabilityErrors asks Chromium why it would not offer to install the app.
func installabilityErrors(ctx context.Context) ([]string, error) {
	res, err := chromedp.Call(ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range res.InstallabilityErrors {
		out = append(out, fmt.Sprintf("%s %v", e.ErrorID, e.ErrorArguments))
	}
	return out, nil
}

// firstFrameScript records, for the first frame in which the page is
// visible, the root element's theme and the document's title: a flash of
// the wrong theme or a revealing title would show up here.
const firstFrameScript = `
(function () {
  function check() {
    if (document.body && getComputedStyle(document.body).visibility === "visible") {
      window.kintsugiFirstFrame = {
        theme: document.documentElement.getAttribute("data-theme") || "none",
        title: document.title,
        locked: document.documentElement.getAttribute("data-locked") || "",
      };
      return;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();`

// recordFirstFrame makes every later document in the tab run
// firstFrameScript.
func recordFirstFrame(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstFrameScript}); err != nil {
		t.Fatal(err)
	}
}

// firstFrame returns what firstFrameScript recorded: "theme", "title" or
// "locked".
func firstFrame(t *testing.T, ctx context.Context, field string) string {
	t.Helper()
	if err := eventually(ctx, `window.kintsugiFirstFrame !== undefined`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	v, err := eval[string](ctx, "window.kintsugiFirstFrame."+field)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// allowDownloads saves the browser's downloads in a new directory, which it
// returns. Call it before opening tabs.
func allowDownloads(t *testing.T, b *browser) string {
	t.Helper()
	dir := t.TempDir()
	allow := true
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &allow,
	}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// settingsSettled waits until the settings page has heard from the browser
// about storage, the last part of the page to change size.
func settingsSettled() chromedp.Action[chromedp.Void] {
	return waitJS(`!document.body.innerText.includes("Checking how this browser keeps your data")`, 20*time.Second)
}
