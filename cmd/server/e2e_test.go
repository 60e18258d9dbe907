//go:build e2e

package main

import (
	"context"
	"fmt"
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

	"github.com/chromedp/chromedp"

	"kintsugi/app/server"
	"kintsugi/app/ui"
)

var h1Pattern = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)

// prerendered fetches path from base without running any script and returns
// the page's heading as the server rendered it.
func prerendered(t *testing.T, base, path string) string {
	t.Helper()
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, res.StatusCode)
	}
	m := h1Pattern.FindSubmatch(b)
	if m == nil {
		t.Fatalf("GET %s: no <h1> in the pre-rendered page", path)
	}
	return strings.TrimSpace(html.UnescapeString(string(m[1])))
}

// checkRoutes loads every route as a new document (the app starts from
// scratch each time, from the service worker's cache when offline) and checks
// that the running app shows the same heading as the pre-rendered page, and
// a real page.
func checkRoutes(t *testing.T, b *browser, base string, want map[string]string) {
	t.Helper()
	ctx := b.tab(t)
	for path, h1 := range want {
		if err := load(ctx, base+path); err != nil {
			t.Errorf("%s: the app did not start: %v", path, err)
			continue
		}
		// Wait for the heading as a person would see it appear: right after
		// a redirect the old document can still answer for a moment.
		shown := do(ctx, waitJS(fmt.Sprintf(`location.pathname.replace(/\/$/, "") === %q.replace(/\/$/, "") && document.querySelector("main h1")?.textContent.trim() === %q`, path, h1), 10*time.Second))
		got, title, err := heading(ctx)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if shown != nil {
			t.Errorf("%s: heading %q, want %q", path, got, h1)
		}
		if !strings.HasSuffix(title, "Kintsugi") || got == "This page does not exist" {
			t.Errorf("%s: title %q heading %q: not the page", path, title, got)
		}
	}
}

func TestEveryRouteOnlineThenOffline(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	want := map[string]string{}
	for _, p := range ui.Paths() {
		want[p] = prerendered(t, s.URL, p)
	}

	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/"); err != nil {
		t.Fatalf("home did not start: %v", err)
	}
	if err := do(ctx, swControls()); err != nil {
		t.Fatalf("no service worker took control: %v", err)
	}

	t.Run("installable", func(t *testing.T) {
		errs, err := installabilityErrors(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range errs {
			t.Errorf("installability error: %s", e)
		}
	})

	t.Run("navigation inside the app", func(t *testing.T) {
		if _, err := eval[bool](ctx, `window.kintsugiSamePage = true`); err != nil {
			t.Fatal(err)
		}
		for _, step := range []struct{ link, heading string }{{"Tools", "Tools"}, {"Journal", "Journal"}, {"Home", "Rebuilding trust, one step at a time"}} {
			if err := do(ctx, chromedp.Click(byText("a", step.link))); err != nil {
				t.Fatalf("click the link %q: %v", step.link, err)
			}
			if err := do(ctx, chromedp.WaitVisible(byText("h1", step.heading))); err != nil {
				h1, _, _ := heading(ctx)
				t.Fatalf("after the link %q the heading is %q, want %q: %v", step.link, h1, step.heading, err)
			}
		}
		kept, err := eval[bool](ctx, `window.kintsugiSamePage === true`)
		if err != nil {
			t.Fatal(err)
		}
		if !kept {
			t.Error("following a link reloaded the page instead of navigating inside the app")
		}
	})

	t.Run("online", func(t *testing.T) { checkRoutes(t, b, s.URL, want) })
	t.Run("not found", func(t *testing.T) {
		b.expect("status of 404 (Not Found) " + s.URL + "/no/such/page")
		ctx := b.tab(t)
		if err := load(ctx, s.URL+"/no/such/page"); err != nil {
			t.Fatal(err)
		}
		if h1, _, _ := heading(ctx); h1 != "This page does not exist" {
			t.Errorf("unknown path shows %q", h1)
		}
	})
	b.checkClean(t, s.URL)

	s.stop()
	s.mustBeDown(t)
	t.Run("server stopped", func(t *testing.T) { checkRoutes(t, b, s.URL, want) })
	b.checkClean(t, s.URL)
}

func TestUpdatePromptKeepsData(t *testing.T) {
	web := builtWeb(t)
	s1 := startServer(t, web, "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s1.URL+"/"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, swControls(), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	// The first worker taking control is an install, not an update.
	if n, _ := eval[int](ctx, `document.querySelectorAll(".update").length`); n != 0 {
		t.Error("the first visit offers an update")
	}
	ok, err := eval[bool](ctx, `new Promise((resolve, reject) => {
		const r = indexedDB.open("kintsugi-e2e", 1);
		r.onupgradeneeded = () => r.result.createObjectStore("notes");
		r.onerror = () => reject(r.error);
		r.onsuccess = () => {
			const tx = r.result.transaction("notes", "readwrite");
			tx.objectStore("notes").put("written before the update", "n1");
			tx.oncomplete = () => { r.result.close(); resolve(true); };
			tx.onerror = () => reject(tx.error);
		};
	})`)
	if err != nil || !ok {
		t.Fatalf("write to IndexedDB: %v", err)
	}

	// Deploy a new build at the same address: any change to web/ is a new version.
	s1.stop()
	css := filepath.Join(web, "kintsugi.css")
	old, _ := os.ReadFile(css)
	if err := os.WriteFile(css, append(old, []byte("\n/* a new release */\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	newVersion, err := server.Version(web)
	if err != nil {
		t.Fatal(err)
	}
	s2 := startServer(t, web, s1.addr)

	// A navigation makes the browser look for a new service worker; the app
	// must offer the update and not reload by itself.
	if err := load(ctx, s2.URL+"/privacy"); err != nil {
		t.Fatal(err)
	}
	if _, err := eval[bool](ctx, `window.kintsugiSamePage = true`); err != nil {
		t.Fatal(err)
	}
	err = do(ctx,
		chromedp.WaitVisible(byText("button", "Reload to update")),
	)
	if err != nil {
		t.Fatalf("no update prompt: %v", err)
	}
	notice, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".update")))
	if err != nil {
		t.Fatal(err)
	}
	same, err := eval[bool](ctx, `window.kintsugiSamePage === true`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notice, "A new version of Kintsugi is ready") {
		t.Errorf("update notice says %q", notice)
	}
	if !same {
		t.Error("the page reloaded before the user asked")
	}

	if err := do(ctx, chromedp.Click(byText("button", "Reload to update"))); err != nil {
		t.Fatal(err)
	}
	// The page reloads: wait for the new document, then for the app in it.
	if err := eventually(ctx, `window.kintsugiSamePage === undefined`, stepTimeout); err != nil {
		t.Fatalf("the page did not reload after Reload to update: %v", err)
	}
	if err := do(ctx, startApp(), appReady()); err != nil {
		t.Fatalf("the new version did not start: %v", err)
	}
	caches, err := eval[[]string](ctx, `caches.keys()`)
	if err != nil {
		t.Fatal(err)
	}
	data, err := eval[string](ctx, `new Promise((resolve, reject) => {
			const r = indexedDB.open("kintsugi-e2e", 1);
			r.onerror = () => reject(r.error);
			r.onsuccess = () => {
				const get = r.result.transaction("notes").objectStore("notes").get("n1");
				get.onsuccess = () => { r.result.close(); resolve(get.result); };
				get.onerror = () => reject(get.error);
			};
		})`)
	if err != nil {
		t.Fatal(err)
	}
	if len(caches) != 1 || caches[0] != "kintsugi-"+newVersion {
		t.Errorf("caches after the update: %v, want only kintsugi-%s", caches, newVersion)
	}
	if data != "written before the update" {
		t.Errorf("IndexedDB after the update holds %q", data)
	}

	// No update loop: the new version does not offer itself again.
	if err := load(ctx, s2.URL+"/"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second)
	prompts, err := eval[int](ctx, `document.querySelectorAll(".update").length`)
	if err != nil {
		t.Fatal(err)
	}
	if prompts != 0 {
		t.Error("the update prompt came back after updating")
	}
	b.checkClean(t, s2.URL)
}

func TestStaticSiteInstallsAndWorksOffline(t *testing.T) {
	dir := t.TempDir()
	m := &Main{WebDir: builtWeb(t), StaticDir: dir, Out: io.Discard}
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("export: %v", err)
	}
	// A plain file server, as a static host would be: no headers of ours,
	// directories answered with their index.html.
	fs := httptest.NewServer(http.FileServer(http.Dir(dir)))
	want := map[string]string{}
	for _, p := range ui.Paths() {
		want[p] = prerendered(t, fs.URL, p)
	}

	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, fs.URL+"/"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, swControls()); err != nil {
		t.Fatalf("no service worker took control: %v", err)
	}
	errs, err := installabilityErrors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("installability error: %s", e)
	}
	t.Run("online", func(t *testing.T) { checkRoutes(t, b, fs.URL, want) })
	b.checkClean(t, fs.URL)

	fs.Close()
	t.Run("server stopped", func(t *testing.T) { checkRoutes(t, b, fs.URL, want) })
	b.checkClean(t, fs.URL)
}
