//go:build e2e

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"kintsugi/app/civil"
)

// The quick check-in, the Progress charts and milestones, driven as a
// person would: controls are found by their labels, buttons by their words.

// browserToday is the day it is in the browser, which is the day the app
// fills in as today.
func browserToday(t *testing.T, ctx context.Context) civil.Date {
	t.Helper()
	ymd, err := eval[[]int](ctx, `(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()`)
	if err != nil || len(ymd) != 3 {
		t.Fatalf("read the browser's date: %v", err)
	}
	return civil.Date{Year: ymd[0], Month: time.Month(ymd[1]), Day: ymd[2]}
}

// longDate writes a day as the app does in its lists.
func longDate(d civil.Date) string { return d.In(time.UTC).Format("Monday 2 January 2006") }

// setFieldIn is setField for the control a label names inside the element
// scope (a CSS selector) matches, such as the edit form when the new
// check-in form has a field with the same label.
func setFieldIn(ctx context.Context, scope, label, value string) error {
	_, err := eval[bool](ctx, fmt.Sprintf(`(() => {
	const root = document.querySelector(%q);
	const l = root && [...root.querySelectorAll("label")].find(l => l.textContent.trim() === %q);
	const el = l && document.getElementById(l.htmlFor);
	if (!el) throw new Error("no field labelled %s in %s");
	el.value = %q;
	el.dispatchEvent(new Event("input", {bubbles: true}));
	el.dispatchEvent(new Event("change", {bubbles: true}));
	return true;
})()`, scope, label, label, scope, value))
	return err
}

// fieldIn returns the value of the control a label names inside scope.
func fieldIn(ctx context.Context, scope, label string) (string, error) {
	return eval[string](ctx, fmt.Sprintf(`(() => {
	const root = document.querySelector(%q);
	const l = root && [...root.querySelectorAll("label")].find(l => l.textContent.trim() === %q);
	const el = l && document.getElementById(l.htmlFor);
	return el ? el.value : "(no field)";
})()`, scope, label))
}

// checkInValues is one check-in as the test enters it.
type checkInValues struct {
	day                      civil.Date
	safety, trust, connected int
	note                     string
	feelings                 []string
}

// recordCheckIn fills in the new check-in form and saves it.
func recordCheckIn(t *testing.T, ctx context.Context, c checkInValues) {
	t.Helper()
	const form = ".checkin-new"
	for _, f := range []struct{ label, value string }{
		{"Date", c.day.String()},
		{"Safety", fmt.Sprint(c.safety)},
		{"Trust", fmt.Sprint(c.trust)},
		{"Connection", fmt.Sprint(c.connected)},
	} {
		if err := setFieldIn(ctx, form, f.label, f.value); err != nil {
			t.Fatal(err)
		}
	}
	// The value chosen shows beside each slider's label.
	if err := do(ctx, waitJS(fmt.Sprintf(`document.getElementById("ci-new-trust-value").textContent === "%d"`, c.trust), 5*time.Second)); err != nil {
		t.Fatalf("the trust slider does not show the value chosen: %v", err)
	}
	if len(c.feelings) > 0 {
		if err := do(ctx, chromedp.Click(`//section[contains(@class,"checkin-new")]//summary[normalize-space(.)="Feelings (optional)"]`)); err != nil {
			t.Fatal(err)
		}
		for _, f := range c.feelings {
			if err := do(ctx, chromedp.Click(`//section[contains(@class,"checkin-new")]`+byText("label", f))); err != nil {
				t.Fatalf("tick %s: %v", f, err)
			}
		}
	}
	if c.note != "" {
		if err := do(ctx, chromedp.SendKeys(`//section[contains(@class,"checkin-new")]`+byLabel("Note (optional)"), c.note)); err != nil {
			t.Fatal(err)
		}
	}
	if err := do(ctx, chromedp.Click(byText("button", "Save check-in")), bodyHas("Check-in saved for "+longDate(c.day)+".")); err != nil {
		t.Fatalf("save the check-in of %s: %v", c.day, err)
	}
}

// listedCheckIns returns the days of the check-ins listed, top to bottom.
func listedCheckIns(ctx context.Context) ([]string, error) {
	return eval[[]string](ctx, `[...document.querySelectorAll(".checkin-list > li h3")].map(h => h.textContent.trim())`)
}

// checkInItem is the XPath of the listed check-in of day.
func checkInItem(day civil.Date) string {
	return fmt.Sprintf(`//ol[contains(@class,"checkin-list")]/li[.//h3[normalize-space(.)=%s]]`, xpathString(longDate(day)))
}

// chartDots counts the check-in dots drawn on the chart of a rating.
func chartDots(ctx context.Context, rating string) (int, error) {
	return eval[int](ctx, fmt.Sprintf(`(() => {
	const h = [...document.querySelectorAll("section.chart-card h2")].find(h => h.textContent.trim() === %q);
	const svg = h && h.closest("section").querySelector("svg[role=img]");
	return svg ? svg.querySelectorAll("circle.dot").length : -1;
})()`, rating))
}

// screenshot saves the page as PNGs at 360 by 740 px, one per screenful,
// in the directory KINTSUGI_SHOTS names, if it is set, for a person to
// look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("KINTSUGI_SHOTS")
	if dir == "" {
		return
	}
	if err := do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateTouch), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	height, err := eval[float64](ctx, `document.documentElement.scrollHeight`)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; float64(i*740) < height && i < 8; i++ {
		if _, err := eval[bool](ctx, fmt.Sprintf(`window.scrollTo(0, %d), true`, i*740)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, i+1)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := eval[bool](ctx, `window.scrollTo(0, 0), true`); err != nil {
		t.Fatal(err)
	}
}

// darkTab opens a tab that prefers the dark colour scheme.
func darkTab(t *testing.T, b *browser) context.Context {
	t.Helper()
	ctx := b.tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func TestCheckInRecordEditDeleteAndOffline(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	page := s.URL + "/tools/check-in"
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("No check-ins yet."), swControls()); err != nil {
		t.Fatalf("the empty list says nothing: %v", err)
	}
	today := browserToday(t, ctx)
	if v, _ := fieldIn(ctx, ".checkin-new", "Date"); v != today.String() {
		t.Errorf("the date starts at %q, want today, %s", v, today)
	}

	// Four check-ins over three weeks, trust rising.
	entries := []checkInValues{
		{day: today.AddDays(-16), safety: 6, trust: 3, connected: 4, note: "A hard day, but we talked.", feelings: []string{"hurt", "hopeful"}},
		{day: today.AddDays(-9), safety: 6, trust: 4, connected: 5},
		{day: today.AddDays(-2), safety: 6, trust: 6, connected: 6},
		{day: today, safety: 6, trust: 7, connected: 6, note: "Dinner together."},
	}
	for _, c := range entries {
		recordCheckIn(t, ctx, c)
		// The form is ready for the next one: today, sliders in the middle.
		if v, _ := fieldIn(ctx, ".checkin-new", "Date"); v != today.String() {
			t.Errorf("after saving, the date is %q, want today", v)
		}
		if v, _ := fieldIn(ctx, ".checkin-new", "Trust"); v != "5" {
			t.Errorf("after saving, the trust slider is at %q, want the middle", v)
		}
	}
	want := []string{longDate(entries[3].day), longDate(entries[2].day), longDate(entries[1].day), longDate(entries[0].day)}
	if got, _ := listedCheckIns(ctx); !slices.Equal(got, want) {
		t.Errorf("check-ins listed as %q, want newest first %q", got, want)
	}
	first, _ := eval[string](ctx, fmt.Sprintf(`document.evaluate(%q, document, null, 9, null).singleNodeValue.innerText`, checkInItem(entries[0].day)))
	for _, w := range []string{"Safety 6", "Trust 3", "Connection 4", "Feelings: hurt, hopeful", "A hard day, but we talked."} {
		if !strings.Contains(strings.Join(strings.Fields(first), " "), w) {
			t.Errorf("the first check-in reads %q, without %q", first, w)
		}
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("check-in, light: %s", v)
	}
	screenshot(t, ctx, "checkin-light")

	// Edit one: its values are in the form, and the change is kept.
	if err := do(ctx, chromedp.Click(checkInItem(entries[1].day)+byText("button", "Edit this check-in")),
		chromedp.WaitVisible(byText("h3", "Change the check-in of "+longDate(entries[1].day)))); err != nil {
		t.Fatal(err)
	}
	if v, _ := fieldIn(ctx, ".checkin-edit", "Trust"); v != "4" {
		t.Errorf("the edit form shows trust %q, want 4", v)
	}
	if v, _ := fieldIn(ctx, ".checkin-new", "Trust"); v != "5" {
		t.Errorf("editing changed the new check-in form: trust %q", v)
	}
	if err := setFieldIn(ctx, ".checkin-edit", "Trust", "5"); err != nil {
		t.Fatal(err)
	}
	if err := setFieldIn(ctx, ".checkin-edit", "Note (optional)", "Better than I expected."); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Save changes")), bodyHas("Your changes to the check-in of "+longDate(entries[1].day)+" are saved.")); err != nil {
		t.Fatal(err)
	}
	edited, _ := eval[string](ctx, fmt.Sprintf(`document.evaluate(%q, document, null, 9, null).singleNodeValue.innerText`, checkInItem(entries[1].day)))
	if flat := strings.Join(strings.Fields(edited), " "); !strings.Contains(flat, "Trust 5") || !strings.Contains(flat, "Better than I expected.") {
		t.Errorf("after editing, the check-in reads %q", edited)
	}

	// Delete one, undo, and delete it for good.
	del := checkInItem(entries[2].day) + byText("button", "Delete this check-in")
	deleted := "The check-in of " + longDate(entries[2].day) + " is deleted."
	if err := do(ctx, chromedp.Click(del), bodyHas(deleted), chromedp.Click(byText("button", "Undo delete")),
		bodyHas("The check-in of "+longDate(entries[2].day)+" is back."),
		waitJS(`document.querySelectorAll(".checkin-list > li").length === 4`, 10*time.Second)); err != nil {
		t.Fatalf("delete and undo: %v", err)
	}
	if err := do(ctx, chromedp.Click(del), bodyHas(deleted), waitJS(`document.querySelectorAll(".checkin-list > li").length === 3`, 10*time.Second)); err != nil {
		t.Fatal(err)
	}

	// Kept after a reload.
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.querySelectorAll(".checkin-list > li").length === 3`, 15*time.Second)); err != nil {
		t.Fatalf("after a reload: %v", err)
	}
	want = []string{longDate(entries[3].day), longDate(entries[1].day), longDate(entries[0].day)}
	if got, _ := listedCheckIns(ctx); !slices.Equal(got, want) {
		t.Errorf("after a reload, check-ins listed as %q, want %q", got, want)
	}

	// Progress draws them: a dot per check-in on each chart, a summary in
	// words, and the same in the text alternative.
	if err := load(ctx, s.URL+"/progress"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.querySelectorAll("svg.chart[role=img]").length === 3`, 15*time.Second)); err != nil {
		t.Fatalf("no charts on Progress: %v", err)
	}
	for _, r := range []string{"Safety", "Trust", "Connection"} {
		if n, err := chartDots(ctx, r); n != 3 {
			t.Errorf("the %s chart has %d dots, want 3 (err %v)", r, n, err)
		}
	}
	if err := do(ctx, bodyHas("Trust has risen over the last 4 weeks"), bodyHas("Safety has stayed about the same over the last 4 weeks")); err != nil {
		t.Errorf("the summaries are not in plain words: %v", err)
	}
	alt, _ := eval[string](ctx, `document.getElementById("progress-text").textContent`)
	if !strings.Contains(alt, "3 check-ins") || !strings.Contains(alt, "trust 5") {
		t.Errorf("the text alternative reads %q", alt)
	}
	label, _ := eval[string](ctx, `(() => { const svg = document.querySelector("svg.chart[role=img]"); return svg.getAttribute("aria-labelledby").split(" ").map(id => document.getElementById(id).textContent).join(" "); })()`)
	if !strings.HasPrefix(label, "Safety Safety has stayed") {
		t.Errorf("the first chart is labelled %q", label)
	}
	for _, r := range []string{"All", "3 months"} {
		if err := do(ctx, chromedp.Click(byText("label", r)), chromedp.Sleep(200*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		if n, _ := chartDots(ctx, "Trust"); n != 3 {
			t.Errorf("with %s, the trust chart has %d dots, want 3", r, n)
		}
	}
	if err := do(ctx, bodyHas("Trust has risen over the last 3 months")); err != nil {
		t.Error(err)
	}
	b.checkClean(t, s.URL)

	// With the server stopped, the check-in still works and Progress follows.
	s.stop()
	s.mustBeDown(t)
	dark := darkTab(t, b)
	if err := load(dark, page); err != nil {
		t.Fatalf("offline: %v", err)
	}
	if err := do(dark, waitJS(`document.querySelectorAll(".checkin-list > li").length === 3`, 15*time.Second)); err != nil {
		t.Fatalf("offline, the check-ins are not listed: %v", err)
	}
	recordCheckIn(t, dark, checkInValues{day: today.AddDays(-1), safety: 7, trust: 6, connected: 7})
	if err := do(dark, waitJS(`document.querySelectorAll(".checkin-list > li").length === 4`, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	for _, v := range runAxe(t, dark) {
		t.Errorf("check-in, dark, offline: %s", v)
	}
	screenshot(t, dark, "checkin-dark")
	if err := load(dark, s.URL+"/tools/progress"); err != nil {
		t.Fatalf("offline progress: %v", err)
	}
	if err := do(dark, waitJS(`document.querySelectorAll("svg.chart[role=img]").length === 3`, 15*time.Second)); err != nil {
		t.Fatal(err)
	}
	if n, _ := chartDots(dark, "Connection"); n != 4 {
		t.Errorf("offline, the connection chart has %d dots, want 4", n)
	}
	for _, v := range runAxe(t, dark) {
		t.Errorf("progress, dark, offline: %s", v)
	}
	screenshot(t, dark, "progress-dark")
}

func TestMilestonesMarkedOnProgress(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/tools/check-in"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("No check-ins yet."), swControls()); err != nil {
		t.Fatal(err)
	}
	today := browserToday(t, ctx)
	recordCheckIn(t, ctx, checkInValues{day: today.AddDays(-10), safety: 5, trust: 4, connected: 4})
	recordCheckIn(t, ctx, checkInValues{day: today, safety: 6, trust: 5, connected: 6})

	page := s.URL + "/tools/milestones"
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("No milestones yet.")); err != nil {
		t.Fatal(err)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("milestones, empty: %s", v)
	}

	// Saving without words explains what is missing, beside the field.
	if err := do(ctx, chromedp.Click(byText("button", "Save milestone")), bodyHas("Not saved yet: please look at the note beside the milestone.")); err != nil {
		t.Fatal(err)
	}
	if focused, _ := eval[string](ctx, `document.activeElement.id`); focused != "ms-new-title" {
		t.Errorf("after a problem the focus is on %q, not the field", focused)
	}

	day := today.AddDays(-3)
	if err := setField(ctx, "Date", day.String()); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx,
		chromedp.SendKeys(byLabel("What happened, in a few words"), "A calm evening together"),
		chromedp.SendKeys(byLabel("Note (optional)"), "We talked and nobody left the room."),
		chromedp.Click(byText("button", "Save milestone")),
		bodyHas("Milestone saved: “A calm evening together”."),
		chromedp.WaitVisible(byText("h3", "A way to mark it, if you like")),
	); err != nil {
		text, _ := eval[string](ctx, `document.querySelector("main").innerText`)
		t.Fatalf("%v; the page reads:\n%s", err, text)
	}
	if v, _ := fieldIn(ctx, ".milestone-new", "What happened, in a few words"); v != "" {
		t.Errorf("after saving, the title field still holds %q", v)
	}
	for _, w := range []string{"badge", "points", "score", "streak"} {
		if text, _ := eval[string](ctx, `document.querySelector("main").innerText.toLowerCase()`); strings.Contains(text, w) {
			t.Errorf("the milestones page speaks of a %s", w)
		}
	}

	// Edit it.
	if err := do(ctx, chromedp.Click(byText("button", "Edit this milestone")), chromedp.WaitVisible(byText("h3", "Change this milestone"))); err != nil {
		t.Fatal(err)
	}
	if v, _ := fieldIn(ctx, ".milestone-edit", "What happened, in a few words"); v != "A calm evening together" {
		t.Errorf("the edit form holds %q", v)
	}
	if err := setFieldIn(ctx, ".milestone-edit", "What happened, in a few words", "Our first calm evening"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Save changes")), bodyHas("Your changes to “Our first calm evening” are saved."),
		chromedp.WaitVisible(byText("h3", "Our first calm evening"))); err != nil {
		t.Fatal(err)
	}

	// A second one, deleted and brought back, then deleted for good.
	if err := setField(ctx, "Date", today.String()); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx,
		chromedp.SendKeys(byLabel("What happened, in a few words"), "Asked for help"),
		chromedp.Click(byText("button", "Save milestone")), bodyHas("Milestone saved: “Asked for help”."),
		chromedp.Click(`//li[.//h3[normalize-space(.)="Asked for help"]]`+byText("button", "Delete this milestone")),
		bodyHas("The milestone “Asked for help” is deleted."),
		chromedp.Click(byText("button", "Undo delete")), bodyHas("“Asked for help” is back."),
		chromedp.Click(`//li[.//h3[normalize-space(.)="Asked for help"]]`+byText("button", "Delete this milestone")),
		bodyHas("The milestone “Asked for help” is deleted."),
		waitJS(`document.querySelectorAll(".milestone-list > li").length === 1`, 10*time.Second),
	); err != nil {
		t.Fatalf("delete and undo: %v", err)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("milestones, light: %s", v)
	}
	screenshot(t, ctx, "milestones-light")

	// Progress marks it on every chart and names it.
	if err := load(ctx, s.URL+"/progress"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.querySelectorAll("svg.chart[role=img]").length === 3`, 15*time.Second)); err != nil {
		t.Fatal(err)
	}
	if n, _ := eval[int](ctx, `[...document.querySelectorAll("svg.chart")].filter(s => s.querySelectorAll("line.marker").length === 1).length`); n != 3 {
		t.Errorf("%d of 3 charts mark the milestone once", n)
	}
	if err := do(ctx, chromedp.WaitVisible(`//ol[contains(@class,"marker-list")]//strong[normalize-space(.)="Our first calm evening"]`)); err != nil {
		t.Errorf("the milestone is not listed on Progress: %v", err)
	}
	alt, _ := eval[string](ctx, `document.getElementById("progress-text").textContent`)
	if !strings.Contains(alt, "Milestone 1, "+longDate(day)+": Our first calm evening.") {
		t.Errorf("the text alternative does not mention the milestone: %q", alt)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("progress, light: %s", v)
	}
	screenshot(t, ctx, "progress-light")
	b.checkClean(t, s.URL)

	// Kept, and offline too.
	s.stop()
	s.mustBeDown(t)
	dark := darkTab(t, b)
	if err := load(dark, page); err != nil {
		t.Fatalf("offline: %v", err)
	}
	if err := do(dark, chromedp.WaitVisible(byText("h3", "Our first calm evening")), bodyHas("We talked and nobody left the room.")); err != nil {
		t.Fatalf("offline, after a reload, the milestone is gone: %v", err)
	}
	if n, _ := eval[int](dark, `document.querySelectorAll(".milestone-list > li").length`); n != 1 {
		t.Errorf("offline, %d milestones listed, want 1", n)
	}
	for _, v := range runAxe(t, dark) {
		t.Errorf("milestones, dark, offline: %s", v)
	}
	screenshot(t, dark, "milestones-dark")
	if err := load(dark, s.URL+"/progress"); err != nil {
		t.Fatal(err)
	}
	if err := do(dark, waitJS(`document.querySelectorAll("svg.chart line.marker").length === 3`, 15*time.Second)); err != nil {
		t.Errorf("offline, Progress does not mark the milestone: %v", err)
	}
}

func TestProgressEmptyState(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			var ctx context.Context
			if scheme == "dark" {
				ctx = darkTab(t, b)
			} else {
				ctx = b.tab(t)
			}
			for _, path := range []string{"/progress", "/tools/progress"} {
				if err := load(ctx, s.URL+path); err != nil {
					t.Fatal(err)
				}
				if err := do(ctx, chromedp.WaitVisible(byText("h2", "Nothing to show yet")), bodyHas("never counts against you")); err != nil {
					t.Fatalf("%s: no empty state: %v", path, err)
				}
			}
			if n, _ := eval[int](ctx, `document.querySelectorAll("svg.chart").length`); n != 0 {
				t.Errorf("an empty Progress page draws %d charts", n)
			}
			for _, v := range runAxe(t, ctx) {
				t.Errorf("progress, empty, %s: %s", scheme, v)
			}
			screenshot(t, ctx, "progress-empty-"+scheme)
			if err := do(ctx, chromedp.Click(byText("a", "Go to the quick check-in")), chromedp.WaitVisible(byText("h1", "Quick check-in"))); err != nil {
				t.Fatalf("the empty state does not lead to the check-in: %v", err)
			}
			for _, v := range runAxe(t, ctx) {
				t.Errorf("check-in, empty, %s: %s", scheme, v)
			}
			screenshot(t, ctx, "checkin-empty-"+scheme)
		})
	}
	b.checkClean(t, s.URL)
}
