//go:build e2e

package main

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// waitVisible waits for the first paint's page: loaded and shown, with
// nothing done that would start the app.
func waitVisible() chromedp.Action[chromedp.Void] {
	return waitJS(`document.readyState === "complete" && getComputedStyle(document.body).visibility === "visible"`, stepTimeout)
}

// appWaiting reports whether the page waits for the reader to start the
// app: go-app's loader is still there, and hidden.
const appWaiting = `document.documentElement.getAttribute("data-app-start") === "waiting" && !!document.getElementById("app-wasm-loader") && getComputedStyle(document.getElementById("app-wasm-loader")).display === "none"`

func TestReadingPagesStartTheAppOnDemand(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	chapter := s.URL + "/guide/forgiveness"

	// A chapter is readable at once and waits; after a few quiet seconds
	// the app starts by itself.
	if err := do(ctx, chromedp.Navigate(chapter), waitVisible()); err != nil {
		t.Fatal(err)
	}
	if ok, err := eval[bool](ctx, appWaiting+` && document.querySelector("main h1").textContent === "Forgiveness, and what it does not mean"`); err != nil || !ok {
		t.Fatalf("the chapter did not wait for the reader with its text showing (%v)", err)
	}
	if err := do(ctx, appReady()); err != nil {
		t.Fatalf("the app did not start after a quiet moment: %v", err)
	}
	if err := do(ctx, waitJS(`!document.querySelector("button[aria-pressed]").disabled`, 10*time.Second)); err != nil {
		t.Errorf("Mark as read is still disabled after the app started: %v", err)
	}

	// Taking over a page the reader has scrolled keeps the place, and
	// nothing on it moves.
	if err := do(ctx, chromedp.Navigate(chapter), waitVisible()); err != nil {
		t.Fatal(err)
	}
	if _, err := eval[bool](ctx, `window.scrollTo(0, 900), window.kShift = 0, new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.kShift += e.value; }).observe({type: "layout-shift"}), true`); err != nil {
		t.Fatal(err)
	}
	before, _ := eval[float64](ctx, `window.scrollY`)
	if err := do(ctx, chromedp.KeyEvent(kb.Shift), appReady(), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	after, _ := eval[float64](ctx, `window.scrollY`)
	shift, _ := eval[float64](ctx, `window.kShift`)
	if before < 800 || after != before {
		t.Errorf("the takeover moved the reader from %.0f px to %.0f px", before, after)
	}
	if shift > 0.01 {
		t.Errorf("the takeover shifted the layout by %.3f", shift)
	}

	// A tool page starts at once.
	if err := do(ctx, chromedp.Navigate(s.URL+"/tools/check-in"), waitVisible()); err != nil {
		t.Fatal(err)
	}
	if waiting, _ := eval[bool](ctx, `document.documentElement.getAttribute("data-app-start") === "waiting"`); waiting {
		t.Error("the check-in page waits for the reader; a tool should start at once")
	}
	if err := do(ctx, appReady()); err != nil {
		t.Fatal(err)
	}

	// Typing into the guide's search before the app runs starts it, and the
	// takeover keeps both the words and the focus.
	if err := do(ctx, chromedp.Navigate(s.URL+"/guide"), waitVisible()); err != nil {
		t.Fatal(err)
	}
	if ok, _ := eval[bool](ctx, appWaiting); !ok {
		t.Fatal("the guide's contents did not wait for the reader")
	}
	if err := do(ctx, chromedp.Click(byLabel("Search the guide")), chromedp.KeyEvent("forgive"), appReady(), chromedp.KeyEvent("ness")); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.activeElement && document.activeElement.id === "guide-search" && document.activeElement.value === "forgiveness"`, 5*time.Second)); err != nil {
		got, _ := eval[string](ctx, `(document.activeElement.id || document.activeElement.tagName) + ": " + document.getElementById("guide-search").value`)
		t.Fatalf("after the app took over, the search field is not as typed and focused (%s)", got)
	}
	if err := do(ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(byText("h1", "Search")), bodyHas("Forgiveness, and what it does not mean")); err != nil {
		t.Fatalf("searching after the takeover: %v", err)
	}

	// Quick exit works before the app has started.
	if err := do(ctx, chromedp.Navigate(chapter), waitVisible()); err != nil {
		where, _ := eval[string](ctx, `location.href + " " + document.readyState + " " + getComputedStyle(document.body).visibility`)
		t.Fatalf("%v (%s)", err, where)
	}
	if ok, _ := eval[bool](ctx, appWaiting); !ok {
		t.Fatal("the chapter did not wait for the reader")
	}
	if err := do(ctx, chromedp.Click(byText("button", "Quick exit"))); err != nil {
		t.Fatal(err)
	}
	if err := eventually(ctx, `location.pathname === "/web/away.html" && document.readyState === "complete"`, 10*time.Second); err != nil {
		t.Fatalf("Quick exit before the app started did not leave: %v", err)
	}
	if _, err := eval[bool](ctx, `history.back(), true`); err != nil {
		t.Fatal(err)
	}
	if err := eventually(ctx, `location.pathname !== "/web/away.html" && document.readyState === "complete"`, 10*time.Second); err != nil {
		t.Fatalf("Back did not leave the neutral page: %v", err)
	}
	if path, _ := eval[string](ctx, `location.pathname`); path == "/guide/forgiveness" {
		t.Error("Back returned to the chapter quick exit left")
	}
	b.checkClean(t, s.URL)
}
