//go:build e2e

package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"kintsugi/app/safety"
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
	recordFirstFrame(t, ctx)
	if err := load(ctx, s.URL+"/guide/trickle-truth"); err != nil {
		t.Fatal(err)
	}
	first := firstFrame(t, ctx, "title")
	if now, _ := eval[string](ctx, `document.title`); first != "Notes" || now != "Notes" {
		t.Errorf("a chapter in discreet mode is titled %q in its first visible frame and %q now, want Notes", first, now)
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

// answerSafetyCheck answers every question No, except the ones given.
func answerSafetyCheck(t *testing.T, ctx context.Context, yes ...string) {
	t.Helper()
	for _, q := range safety.Questions {
		answer := "No"
		if slices.Contains(yes, q.ID) {
			answer = "Yes"
		}
		if err := do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf("label[for='q-%s-%s']", q.ID, strings.ToLower(answer))))); err != nil {
			t.Fatalf("answer %s: %v", q.ID, err)
		}
	}
	if err := do(ctx, chromedp.Click(byText("button", "See what my answers mean"))); err != nil {
		t.Fatal(err)
	}
}

func TestSafetyCheckHidesCoupleTools(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	downloads := allowDownloads(t, b)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/tools/safety-check"); err != nil {
		t.Fatal(err)
	}
	// Submitting with questions unanswered explains what is missing.
	if err := do(ctx, chromedp.Click(byText("button", "See what my answers mean")), chromedp.WaitVisible(byText("p", "Please answer every question. Choose Not sure if you cannot say."))); err != nil {
		t.Fatal(err)
	}
	answerSafetyCheck(t, ctx, "monitoring")
	if err := do(ctx, chromedp.WaitVisible(byText("h2", "Your safety comes first"))); err != nil {
		t.Fatalf("a yes about monitoring did not flag risk: %v", err)
	}

	// The couple tools are hidden from the list and cautioned on their pages.
	if err := load(ctx, s.URL+"/tools"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.body.innerText.includes("the tools for doing this together are hidden")`, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Weekly couple check-in", "Boundaries and transparency agreement", "Conversation cards", "Shared vision"} {
		if n, _ := eval[int](ctx, fmt.Sprintf(`[...document.querySelectorAll(".tool-list a")].filter(a => a.textContent === %q).length`, name)); n != 0 {
			t.Errorf("%s is still listed after the safety check flagged risk", name)
		}
	}
	if n, _ := eval[int](ctx, `document.querySelectorAll(".tool-list a").length`); n == 0 {
		t.Error("every tool is hidden, not just the couple tools")
	}
	if err := load(ctx, s.URL+"/tools/agreement"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.body.innerText.includes("the tools for doing this together are hidden")`, 10*time.Second)); err != nil {
		t.Errorf("the agreement page shows no caution: %v", err)
	}

	// The answers never go into a backup file.
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, settingsSettled(), chromedp.Click(byText("button", "Download a backup"))); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(waitForDownload(t, downloads))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"safety"`) || strings.Contains(string(data), "monitoring") {
		t.Errorf("the backup file holds the safety check: %s", data)
	}

	// Clearing the answers brings the tools back.
	if err := load(ctx, s.URL+"/tools/safety-check"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Clear my answers")), chromedp.WaitVisible(byText("p", "Your answers have been cleared from this device."))); err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, s.URL+"/tools"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(byText("a", "Weekly couple check-in"))); err != nil {
		t.Errorf("the couple tools did not come back after clearing: %v", err)
	}
	b.checkClean(t, s.URL)
}
