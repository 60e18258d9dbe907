//go:build e2e

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"kintsugi/app/couplecheckin"
)

// byLabel finds the form control a visible label names, the way a person
// finds a field.
func byLabel(label string) string {
	return fmt.Sprintf(`//*[@id=//label[normalize-space(.)=%s]/@for]`, xpathString(label))
}

// setField sets a control's value as a person choosing from a picker
// would, with the change event the app listens for.
func setField(ctx context.Context, label, value string) error {
	_, err := eval[bool](ctx, fmt.Sprintf(`(() => {
	const l = [...document.querySelectorAll("label")].find(l => l.textContent.trim() === %q);
	const el = l && document.getElementById(l.htmlFor);
	if (!el) throw new Error("no field labelled %s");
	el.value = %q;
	el.dispatchEvent(new Event("input", {bubbles: true}));
	el.dispatchEvent(new Event("change", {bubbles: true}));
	return true;
})()`, label, label, value))
	return err
}

// waitForFile waits for a download whose name ends in suffix.
func waitForFile(t *testing.T, dir, suffix string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), suffix) {
				return filepath.Join(dir, e.Name())
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no %s file was downloaded", suffix)
	return ""
}

func bodyHas(text string) chromedp.Action[chromedp.Void] {
	return waitJS(fmt.Sprintf(`document.body.innerText.includes(%q)`, text), 15*time.Second)
}

func TestCoupleCheckInAndReminder(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	downloads := allowDownloads(t, b)
	ctx := b.tab(t)
	page := s.URL + "/tools/couple-check-in"
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("No check-ins yet.")); err != nil {
		t.Fatalf("the empty history says nothing: %v", err)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("history: %s", v)
	}

	// A weekly time that has just passed: today, at midnight.
	weekday, err := eval[int](ctx, `new Date().getDay()`)
	if err != nil {
		t.Fatal(err)
	}
	if err := setField(ctx, "Day of the week", fmt.Sprint(weekday)); err != nil {
		t.Fatal(err)
	}
	if err := setField(ctx, "Time", "00:00"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Save and download the calendar file")), bodyHas("Open the downloaded file")); err != nil {
		t.Fatal(err)
	}
	ics, err := os.ReadFile(waitForFile(t, downloads, ".ics"))
	if err != nil {
		t.Fatal(err)
	}
	day := strings.ToUpper(time.Weekday(weekday).String()[:2])
	for _, want := range []string{"BEGIN:VCALENDAR", "RRULE:FREQ=WEEKLY;BYDAY=" + day, "SUMMARY:Kintsugi weekly check-in", "T000000"} {
		if !strings.Contains(string(ics), want) {
			t.Errorf("the calendar file lacks %q:\n%s", want, ics)
		}
	}

	// With no check-in since, Home says quietly that it is due.
	if err := load(ctx, s.URL+"/"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(byText("a", "Open the weekly couple check-in"))); err != nil {
		t.Fatalf("Home does not say the weekly check-in is due: %v", err)
	}

	// The guided sequence, for two.
	steps := couplecheckin.Steps()
	if err := do(ctx, chromedp.Click(byText("a", "Open the weekly couple check-in")), chromedp.Click(byText("button", "Start a check-in")),
		chromedp.WaitVisible(byText("h2", "Before you start")),
		chromedp.SendKeys(byLabel("First partner's name (optional)"), "Robin"),
		chromedp.SendKeys(byLabel("Second partner's name (optional; leave empty if you are doing this alone)"), "Alex"),
	); err != nil {
		t.Fatal(err)
	}
	for i, st := range steps {
		err := do(ctx,
			chromedp.Click(byText("button", "Next: "+st.Title)),
			chromedp.WaitVisible(byText("h2", st.Title)),
			chromedp.WaitVisible(byText("p", fmt.Sprintf("Step %d of %d", i+2, len(steps)+1))),
			chromedp.SendKeys(byLabel("Robin"), fmt.Sprintf("Robin's answer %d", i+1)),
		)
		if err != nil {
			t.Fatalf("step %q: %v", st.Title, err)
		}
		if i == 1 {
			if err := do(ctx, chromedp.SendKeys(byLabel("Alex"), "Alex is grateful for the walk")); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Each step shows its own text, not the last step's.
	if err := do(ctx, chromedp.Click(byText("button", "Back: "+steps[len(steps)-2].Title)), chromedp.WaitVisible(byText("h2", steps[len(steps)-2].Title))); err != nil {
		t.Fatal(err)
	}
	if v, _ := eval[string](ctx, `document.getElementById(document.querySelector("label[for^=cc-]").htmlFor).value`); v != fmt.Sprintf("Robin's answer %d", len(steps)-1) {
		t.Errorf("going back shows %q in Robin's field", v)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Next: "+steps[len(steps)-1].Title)), chromedp.Click(byText("button", "Finish the check-in")),
		bodyHas("Check-in saved."), bodyHas("Answers from Robin and Alex.")); err != nil {
		t.Fatal(err)
	}

	// Read back, after a reload.
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(`//button[starts-with(@aria-label, "Read the check-in of")]`),
		bodyHas("Alex is grateful for the walk"), bodyHas(fmt.Sprintf("Robin's answer %d", len(steps)))); err != nil {
		t.Fatalf("reading the check-in back: %v", err)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("read back: %s", v)
	}

	// Edit: the answers are there to change.
	if err := do(ctx, chromedp.Click(byText("button", "Edit this check-in")), chromedp.WaitVisible(byText("h2", "Before you start")),
		chromedp.Click(byText("button", "Next: "+steps[0].Title)), chromedp.WaitVisible(byText("h2", steps[0].Title)),
		chromedp.SendKeys(byLabel("Robin"), ", and better today"),
		chromedp.Click(byText("button", "Close and go back to the list")), bodyHas("Check-in saved."),
		chromedp.Click(`//button[starts-with(@aria-label, "Read the check-in of")]`), bodyHas("Robin's answer 1, and better today")); err != nil {
		t.Fatalf("editing the check-in: %v", err)
	}

	// Saved as it is written: a check-in begun and left survives a reload.
	if err := do(ctx, chromedp.Click(byText("button", "Back to the check-ins")), chromedp.Click(byText("button", "Start a check-in")),
		chromedp.Click(byText("button", "Next: "+steps[0].Title)),
		chromedp.SendKeys(byLabel("Robin"), "Started but not finished"),
		bodyHas("Saved on this device.")); err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.querySelectorAll("button[aria-label^='Read the check-in of']").length === 2`, 15*time.Second)); err != nil {
		t.Fatalf("the unfinished check-in was lost on reload: %v", err)
	}

	// A check-in today means the reminder is no longer due.
	if err := load(ctx, s.URL+"/"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(byText("h2", "Private by design")), chromedp.Sleep(500*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if n, _ := eval[int](ctx, `[...document.querySelectorAll("a")].filter(a => a.textContent === "Open the weekly couple check-in").length`); n != 0 {
		t.Error("Home still says the check-in is due after one was saved")
	}

	// Delete asks first; offline, what is left is still there.
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	for i, step := range []chromedp.Action[chromedp.Void]{
		chromedp.Click(`(//button[starts-with(@aria-label, "Delete the check-in of")])[1]`),
		chromedp.Click(byText("button", "Keep it")),
		// Both check-ins are of today, so their buttons have the same
		// name: wait until the first one's are back before choosing it.
		waitJS(`!document.querySelector(".confirm") && document.querySelectorAll("button[aria-label^='Delete the check-in of']").length === 2`, 10*time.Second),
		chromedp.Click(`(//button[starts-with(@aria-label, "Delete the check-in of")])[1]`),
		chromedp.Click(byText("button", "Yes, delete it")), bodyHas("was deleted."),
		waitJS(`document.querySelectorAll("button[aria-label^='Read the check-in of']").length === 1`, 10*time.Second),
	} {
		if err := do(ctx, step); err != nil {
			txt, _ := eval[string](ctx, `document.querySelector("main").innerText`)
			t.Fatalf("deleting a check-in, step %d: %v\n%s", i+1, err, txt)
		}
	}
	b.checkClean(t, s.URL)
	s.stop()
	s.mustBeDown(t)
	dark := b.tab(t)
	if _, err := chromedp.Call(dark, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := load(dark, page); err != nil {
		t.Fatalf("offline: %v", err)
	}
	if err := do(dark, waitJS(`document.querySelectorAll("button[aria-label^='Read the check-in of']").length === 1`, 15*time.Second)); err != nil {
		t.Fatalf("offline, the check-ins are not listed: %v", err)
	}
	if err := do(dark, chromedp.Click(byText("button", "Start a check-in")), chromedp.WaitVisible(byText("h2", "Before you start"))); err != nil {
		t.Fatal(err)
	}
	for _, v := range runAxe(t, dark) {
		t.Errorf("dark, offline, wizard: %s", v)
	}
}
