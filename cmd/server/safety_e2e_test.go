//go:build e2e

package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

func TestQuickExit(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)

	// Escape twice, from a chapter reached inside the app.
	if err := load(ctx, s.URL+"/guide"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(byText("a", "Forgiveness, and what it does not mean")), chromedp.WaitVisible(byText("h1", "Forgiveness, and what it does not mean"))); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
			if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: "Escape", Code: "Escape", WindowsVirtualKeyCode: 27,
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := eventually(ctx, `location.pathname === "/web/away.html" && document.readyState === "complete"`, 10*time.Second); err != nil {
		t.Fatalf("Escape twice did not leave: %v", err)
	}
	text, _ := eval[string](ctx, `document.title + " " + document.body.innerText`)
	for _, word := range []string{"Kintsugi", "trust", "betray", "affair", "partner"} {
		if strings.Contains(strings.ToLower(text), strings.ToLower(word)) {
			t.Errorf("the neutral page mentions %q", word)
		}
	}
	if err := do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	path, _ := eval[string](ctx, `location.pathname`)
	if strings.HasPrefix(path, "/guide/forgiveness") {
		t.Errorf("Back returned to the chapter the quick exit left (%s)", path)
	}

	// The button, on another screen, with the server stopped: it works offline.
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	s.stop()
	s.mustBeDown(t)
	if err := do(ctx, chromedp.Click(byText("button", "Quick exit"))); err != nil {
		t.Fatal(err)
	}
	if err := eventually(ctx, `location.pathname === "/web/away.html" && document.readyState === "complete"`, 10*time.Second); err != nil {
		t.Fatalf("the Quick exit button did not leave: %v", err)
	}
	if h1, _ := eval[string](ctx, `document.querySelector("h1").textContent`); h1 != "Notes" {
		t.Errorf("offline, quick exit shows %q, not the neutral page", h1)
	}
	b.checkClean(t, s.URL)
}

// firstFrameTitle records the document's title in the first frame in which
// the page is visible.
const firstFrameTitle = `
(function () {
  function check() {
    if (document.body && getComputedStyle(document.body).visibility === "visible") {
      window.kintsugiFirstVisibleTitle = document.title;
      return;
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();`

func TestDiscreetModeChangesTitles(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	label := `Discreet mode: show "Notes" as the title of every page`
	if err := do(ctx, chromedp.Click(byText("label", label)), chromedp.WaitVisible(byText("p", "Saved on this device."))); err != nil {
		t.Fatal(err)
	}
	if title, _ := eval[string](ctx, `document.title`); title != "Notes" {
		t.Errorf("with discreet mode on, the settings page is titled %q", title)
	}
	// Inside the app, and on a full load of a chapter from the first frame.
	if err := do(ctx, chromedp.Click(byText("a", "Guide")), chromedp.WaitVisible(byText("h1", "The guide"))); err != nil {
		t.Fatal(err)
	}
	if title, _ := eval[string](ctx, `document.title`); title != "Notes" {
		t.Errorf("after moving to the guide, the title is %q", title)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstFrameTitle}); err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, s.URL+"/guide/trickle-truth"); err != nil {
		t.Fatal(err)
	}
	if err := eventually(ctx, `window.kintsugiFirstVisibleTitle !== undefined`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if first, _ := eval[string](ctx, `window.kintsugiFirstVisibleTitle + " / " + document.title`); first != "Notes / Notes" {
		t.Errorf("a chapter in discreet mode is titled (first visible frame / now) %q, want Notes / Notes", first)
	}

	// Off again: the real titles come back.
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.getElementById("discreet").checked`, 10*time.Second), chromedp.Click(byText("label", label)), chromedp.WaitVisible(byText("p", "Saved on this device."))); err != nil {
		t.Fatal(err)
	}
	if title, _ := eval[string](ctx, `document.title`); title != "Settings · Kintsugi" {
		t.Errorf("with discreet mode off, the title is %q", title)
	}
	b.checkClean(t, s.URL)
}
