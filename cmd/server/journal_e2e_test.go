//go:build e2e

package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"kintsugi/app/civil"
	"kintsugi/app/triggers"
)

// journalDarkTab opens a tab that prefers the dark colour scheme.
func journalDarkTab(t *testing.T, b *browser) context.Context {
	t.Helper()
	ctx := b.tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// journalCount returns how many elements match a CSS selector.
func journalCount(t *testing.T, ctx context.Context, selector string) int {
	t.Helper()
	n, err := eval[int](ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, selector))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// journalFieldValue returns the value of the control a label names.
func journalFieldValue(t *testing.T, ctx context.Context, label string) string {
	t.Helper()
	v, err := eval[string](ctx, fmt.Sprintf(`(() => {
	const l = [...document.querySelectorAll("label")].find(l => l.textContent.trim() === %q);
	const el = l && document.getElementById(l.htmlFor);
	return el ? el.value : "(no field)";
})()`, label))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// pageText is the text of the page's main part, to show when a step fails.
func pageText(ctx context.Context) string {
	text, _ := eval[string](ctx, `document.querySelector("main") ? document.querySelector("main").innerText : document.body.innerText`)
	return text
}

// journalLink finds a link whose text contains text.
func journalLink(text string) string {
	return fmt.Sprintf(`//a[contains(normalize-space(.), %s)]`, xpathString(text))
}

func TestJournalWriteSearchEditDeleteAndDraft(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	page := s.URL + "/tools/journal"
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, swControls(), bodyHas("No entries yet.")); err != nil {
		t.Fatalf("the empty journal says nothing: %v", err)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("empty journal: %s", v)
	}

	// Saving with nothing written explains, beside the field.
	if err := do(ctx, chromedp.Click(byText("button", "Save entry")),
		waitJS(`!!document.querySelector(".field-problem") && document.activeElement.id === "journal-text"`, 10*time.Second)); err != nil {
		t.Fatalf("an empty entry shows no problem beside the text: %v", err)
	}

	// Two entries, one with a title and feelings.
	write := func(title, text string, feelings ...string) {
		t.Helper()
		steps := []chromedp.Action[chromedp.Void]{}
		if title != "" {
			steps = append(steps, chromedp.SendKeys(byLabel("Title (optional)"), title))
		}
		if len(feelings) > 0 {
			steps = append(steps, chromedp.Click(`//details[contains(@class,"feelings")]/summary`))
			for _, f := range feelings {
				steps = append(steps, chromedp.Click(byText("label", f)))
			}
		}
		steps = append(steps,
			chromedp.SendKeys(byLabel("What is on your mind"), text),
			chromedp.Click(byText("button", "Save entry")),
			bodyHas("Your entry is saved."),
			waitJS(`document.getElementById("journal-text").value === ""`, 10*time.Second),
		)
		if err := do(ctx, steps...); err != nil {
			t.Fatalf("write %q: %v\n%s", text, err, pageText(ctx))
		}
	}
	write("A walk by the river", "Today we walked by the river and talked about the café where it all started.", "hopeful", "on edge")
	write("", "The phone buzzed at dinner and my chest went tight.")
	if err := do(ctx, bodyHas("2 entries, newest first."), chromedp.WaitVisible(journalLink("A walk by the river"))); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("Feelings: on edge, hopeful")); err != nil {
		t.Errorf("the list does not show the chosen feelings in order: %v", err)
	}

	// Search finds a word, or the start of one, with accents folded, and
	// marks it; a word in no entry finds nothing.
	if err := do(ctx, chromedp.SendKeys(byLabel("Search your entries"), "rive"), bodyHas("1 entry matches “rive”.")); err != nil {
		t.Fatalf("search for a word in an entry: %v", err)
	}
	if marked, _ := eval[string](ctx, `[...document.querySelectorAll(".journal-list mark")].map(m => m.textContent).join(" ")`); !strings.Contains(marked, "river") {
		t.Errorf("the found word is not highlighted: marks %q", marked)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Clear search")), chromedp.SendKeys(byLabel("Search your entries"), "elephant"),
		bodyHas("No entry matches “elephant”.")); err != nil {
		t.Fatalf("search for a word in no entry: %v", err)
	}
	if n := journalCount(t, ctx, ".journal-list li"); n != 0 {
		t.Errorf("a search that matches nothing lists %d entries", n)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Clear search")), chromedp.SendKeys(byLabel("Search your entries"), "cafe"),
		bodyHas("1 entry matches “cafe”.")); err != nil {
		t.Fatalf("search without the accent: %v", err)
	}

	// Read and edit.
	if err := do(ctx, chromedp.Click(byText("button", "Clear search")), chromedp.WaitVisible(journalLink("The phone buzzed")),
		chromedp.Click(journalLink("A walk by the river")), chromedp.WaitVisible(byText("h2", "A walk by the river")),
		bodyHas("Feelings: on edge, hopeful"),
		chromedp.Click(byText("button", "Edit this entry")), chromedp.WaitVisible(byText("h2", "Edit entry")),
		waitJS(`document.getElementById("journal-edit-text").value.startsWith("Today we walked")`, 10*time.Second),
	); err != nil {
		t.Fatalf("open an entry to edit: %v", err)
	}
	if got := journalFieldValue(t, ctx, "Title (optional)"); got != "A walk by the river" {
		t.Errorf("the edit form shows the title %q", got)
	}
	if err := do(ctx, chromedp.SendKeys(byLabel("Your entry"), " We held hands on the way home."),
		chromedp.Click(byText("button", "Save changes")), bodyHas("Your changes are saved."),
		chromedp.WaitVisible(byText("h2", "A walk by the river")), bodyHas("We held hands on the way home.")); err != nil {
		t.Fatalf("edit an entry: %v", err)
	}

	// Delete, undo, delete again.
	if err := do(ctx, chromedp.Click(byText("button", "Delete this entry")), chromedp.WaitVisible(byText("button", "Undo delete"))); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if n := journalCount(t, ctx, ".journal-list li"); n != 1 {
		t.Errorf("after a delete the list has %d entries, want 1", n)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Undo delete")), bodyHas("The entry is back."), chromedp.WaitVisible(journalLink("A walk by the river"))); err != nil {
		t.Fatalf("undo the delete: %v", err)
	}
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(journalLink("A walk by the river")), bodyHas("We held hands")); err != nil {
		t.Fatalf("the entry brought back is not kept after a reload: %v", err)
	}
	if err := do(ctx, chromedp.Click(journalLink("A walk by the river")), chromedp.Click(byText("button", "Delete this entry")),
		chromedp.WaitVisible(byText("button", "Undo delete"))); err != nil {
		t.Fatal(err)
	}

	// The draft is kept as it is typed, and is there after a reload.
	draft := "Half a thought I want to come back to"
	if err := do(ctx, chromedp.SendKeys(byLabel("What is on your mind"), draft), bodyHas("Draft kept on this device.")); err != nil {
		t.Fatalf("the draft is not kept: %v", err)
	}
	// Reading an entry and coming back keeps it in the form too.
	if err := do(ctx, chromedp.Click(journalLink("The phone buzzed")), waitJS(`!!document.getElementById("entry-heading")`, 10*time.Second), chromedp.Click(byText("a", "Back to all entries")),
		waitJS(fmt.Sprintf(`document.getElementById("journal-text")?.value === %q && document.getElementById("journal-day")?.value !== ""`, draft), 10*time.Second)); err != nil {
		t.Fatalf("the draft or the date left the form after reading an entry: %v", err)
	}
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("1 entry, newest first."), waitJS(fmt.Sprintf(`document.getElementById("journal-text")?.value === %q`, draft), 10*time.Second)); err != nil {
		t.Fatalf("after a reload: the deleted entry came back or the draft was lost (%q): %v", journalFieldValue(t, ctx, "What is on your mind"), err)
	}
	if n := journalCount(t, ctx, `a[href^="/tools/journal?entry="]`); n != 1 {
		t.Errorf("the draft or the deleted entry is listed: %d entries", n)
	}
	b.checkClean(t, s.URL)

	// With the server stopped, the journal still opens, searches and saves.
	s.stop()
	s.mustBeDown(t)
	dark := journalDarkTab(t, b)
	if err := load(dark, page); err != nil {
		t.Fatalf("offline: %v", err)
	}
	if err := do(dark, bodyHas("1 entry, newest first."), waitJS(fmt.Sprintf(`document.getElementById("journal-text")?.value === %q`, draft), 10*time.Second)); err != nil {
		t.Fatalf("offline, the journal or the draft is missing: %v", err)
	}
	if err := do(dark, chromedp.SendKeys(byLabel("What is on your mind"), ", written offline."), chromedp.Click(byText("button", "Save entry")),
		bodyHas("Your entry is saved."), bodyHas("2 entries, newest first."),
		chromedp.SendKeys(byLabel("Search your entries"), "offline"), bodyHas("1 entry matches “offline”.")); err != nil {
		t.Fatalf("offline, saving and searching: %v", err)
	}
	for _, v := range runAxe(t, dark) {
		t.Errorf("dark, offline, search results: %s", v)
	}
	if err := do(dark, chromedp.Click(journalLink("written offline")), chromedp.Click(byText("button", "Edit this entry")),
		chromedp.WaitVisible(byText("h2", "Edit entry"))); err != nil {
		t.Fatal(err)
	}
	for _, v := range runAxe(t, dark) {
		t.Errorf("dark, edit form: %s", v)
	}
}

// triggerInput is a trigger as the test logs it.
type triggerInput struct {
	daysAgo    int
	clock      string
	what, kind string
	where      string
	intensity  string
	reaction   string
	helped     string
}

func (in triggerInput) when(now time.Time) time.Time {
	d := civil.Of(now).AddDays(-in.daysAgo)
	c, _ := time.Parse("15:04", in.clock)
	return time.Date(d.Year, d.Month, d.Day, c.Hour(), c.Minute(), 0, 0, time.Local)
}

func (in triggerInput) entry(now time.Time) triggers.Entry {
	e := triggers.New(in.when(now))
	e.What, e.Category, e.Where = in.what, triggers.Category(in.kind), in.where
	return e
}

// logTrigger fills in the trigger log's form and saves it.
func logTrigger(t *testing.T, ctx context.Context, in triggerInput, now time.Time) {
	t.Helper()
	if err := setField(ctx, "Date", civil.Of(in.when(now)).String()); err != nil {
		t.Fatal(err)
	}
	if err := setField(ctx, "Time", in.clock); err != nil {
		t.Fatal(err)
	}
	if err := setField(ctx, "What kind of trigger (optional)", in.kind); err != nil {
		t.Fatal(err)
	}
	if err := setField(ctx, "How strong it was, from 0 (hardly) to 10 (overwhelming) (optional)", in.intensity); err != nil {
		t.Fatal(err)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.SendKeys(byLabel("What happened"), in.what)}
	for label, text := range map[string]string{
		"Where (optional)": in.where,
		"How you reacted: in your body, your feelings, what you did (optional)": in.reaction,
		"What helped, if anything (optional)":                                   in.helped,
	} {
		if text != "" {
			steps = append(steps, chromedp.SendKeys(byLabel(label), text))
		}
	}
	steps = append(steps, chromedp.Click(byText("button", "Save to the log")), bodyHas("Saved to your log."),
		waitJS(`document.getElementById("trigger-what").value === ""`, 10*time.Second))
	if err := do(ctx, steps...); err != nil {
		t.Fatalf("log %q: %v\n%s", in.what, err, pageText(ctx))
	}
}

// checkTriggerPatterns checks that the page says what PatternsOf finds in es over
// the last four weeks.
func checkTriggerPatterns(t *testing.T, ctx context.Context, es []triggers.Entry, now time.Time) {
	t.Helper()
	to := civil.Of(now)
	p := triggers.PatternsOf(es, to.AddDays(-27), to)
	want := p.Lines()
	if len(want) < 3 {
		t.Fatalf("the test's triggers make too few patterns: %q", want)
	}
	for _, line := range want {
		if err := do(ctx, waitJS(fmt.Sprintf(`[...document.querySelectorAll(".pattern-lines li")].some(li => li.textContent === %q)`, line), 10*time.Second)); err != nil {
			got, _ := eval[string](ctx, `document.querySelector(".patterns") ? document.querySelector(".patterns").innerText : ""`)
			t.Errorf("the patterns do not say %q; they say:\n%s", line, got)
		}
	}
	bars := []string{
		fmt.Sprintf("%s: %d times", p.Common[0].Label, p.Common[0].N),
		fmt.Sprintf("Evening (17:00 to 22:00): %d times", p.TimesOfDay[triggers.Evening]),
	}
	for _, bar := range bars {
		if err := do(ctx, waitJS(fmt.Sprintf(`[...document.querySelectorAll(".bars .bar-label")].some(s => s.textContent === %q)`, bar), 10*time.Second)); err != nil {
			t.Errorf("no bar labelled %q: %v", bar, err)
		}
	}
}

func TestTriggersLogPatternsEditDelete(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	page := s.URL + "/tools/triggers"
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, swControls(), bodyHas("Nothing logged yet."), bodyHas("Once you have logged a few triggers")); err != nil {
		t.Fatalf("the empty log explains nothing: %v", err)
	}
	for href, text := range map[string]string{"/guide/talking-about-triggers": "Talking about triggers without blame", "/tools/time-out": "time-out card"} {
		if n := journalCount(t, ctx, fmt.Sprintf(`main a[href=%q]`, href)); n == 0 {
			t.Errorf("no link to %s (%s)", href, text)
		}
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("empty log: %s", v)
	}

	// What happened is needed; the problem shows beside it.
	if err := do(ctx, chromedp.Click(byText("button", "Save to the log")),
		waitJS(`!!document.getElementById("trigger-what-problem") && document.activeElement.id === "trigger-what"`, 10*time.Second)); err != nil {
		t.Fatalf("an empty trigger shows no problem beside What happened: %v", err)
	}

	now := time.Now()
	logged := []triggerInput{
		{daysAgo: 1, clock: "21:30", what: "The phone buzzing", kind: "phone", where: "At home", intensity: "7", reaction: "My heart raced and I checked their phone.", helped: "A walk round the block."},
		{daysAgo: 2, clock: "20:05", what: "phones buzzing.", kind: "phone", intensity: "5"},
		{daysAgo: 3, clock: "08:10", what: "A song on the radio", kind: "media", where: "Driving to work"},
		{daysAgo: 8, clock: "19:00", what: "the phone buzzing", kind: "phone", helped: "Telling my partner how I felt."},
	}
	var es []triggers.Entry
	for _, in := range logged {
		logTrigger(t, ctx, in, now)
		es = append(es, in.entry(now))
	}
	if err := do(ctx, bodyHas("4 triggers logged, newest first."), bodyHas("A walk round the block.")); err != nil {
		t.Fatal(err)
	}
	checkTriggerPatterns(t, ctx, es, now)
	for _, v := range runAxe(t, ctx) {
		t.Errorf("log with patterns: %s", v)
	}

	// Edit one.
	if err := do(ctx, chromedp.Click(`//button[starts-with(@aria-label, "Edit “A song on the radio”")]`),
		chromedp.WaitVisible(byText("h2", "Edit: A song on the radio")),
		waitJS(`document.getElementById("trigger-edit-where").value === "Driving to work"`, 10*time.Second)); err != nil {
		t.Fatalf("open a trigger to edit: %v", err)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("edit form: %s", v)
	}
	if err := do(ctx, chromedp.SendKeys(byLabel("Where (optional)"), ", in the car"), chromedp.Click(byText("button", "Save changes")),
		bodyHas("Your changes are saved."), bodyHas("Driving to work, in the car")); err != nil {
		t.Fatalf("edit a trigger: %v", err)
	}

	// Delete, undo, delete again.
	deleteSong := chromedp.Click(`//button[starts-with(@aria-label, "Delete “A song on the radio”")]`)
	if err := do(ctx, deleteSong, chromedp.WaitVisible(byText("button", "Undo delete")), bodyHas("3 triggers logged")); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Undo delete")), bodyHas("It is back in your log."), bodyHas("4 triggers logged")); err != nil {
		t.Fatalf("undo the delete: %v", err)
	}
	if err := do(ctx, deleteSong, chromedp.WaitVisible(byText("button", "Undo delete")), bodyHas("3 triggers logged")); err != nil {
		t.Fatal(err)
	}
	es = append(es[:2], es[3])

	// Reload: everything kept.
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("3 triggers logged, newest first."), bodyHas("My heart raced and I checked their phone.")); err != nil {
		t.Fatalf("after a reload: %v", err)
	}
	if n := journalCount(t, ctx, ".trigger-list > li"); n != 3 {
		t.Errorf("after a reload the log lists %d triggers, want 3", n)
	}
	checkTriggerPatterns(t, ctx, es, now)
	b.checkClean(t, s.URL)

	// With the server stopped, the log opens and saves, in dark mode too.
	s.stop()
	s.mustBeDown(t)
	dark := journalDarkTab(t, b)
	if err := load(dark, page); err != nil {
		t.Fatalf("offline: %v", err)
	}
	if err := do(dark, bodyHas("3 triggers logged, newest first.")); err != nil {
		t.Fatalf("offline, the log is missing: %v", err)
	}
	extra := triggerInput{daysAgo: 0, clock: "07:45", what: "An old photo", kind: "memory", intensity: "4"}
	logTrigger(t, dark, extra, now)
	if err := do(dark, bodyHas("4 triggers logged, newest first.")); err != nil {
		t.Fatal(err)
	}
	checkTriggerPatterns(t, dark, append(es, extra.entry(now)), now)
	for _, v := range runAxe(t, dark) {
		t.Errorf("dark, offline: %s", v)
	}
}

// TestJournalKeepsTextTypedWhileItLoads types into the journal the moment
// its form appears after an in-app move, before the page has read what is
// stored, and saves: the words are saved, not written over by the load.
func TestJournalKeepsTextTypedWhileItLoads(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/tools"); err != nil {
		t.Fatal(err)
	}
	for i, words := range []string{"First thing typed at once.", "Second thing typed at once."} {
		// The link, as a person taps it, then the text as soon as the
		// field is there.
		if err := do(ctx, chromedp.Click(byText("a", "Journal")), waitJS(`(() => { const l = [...document.querySelectorAll("label")].find(l => l.textContent.trim() === "What is on your mind"); return !!(l && document.getElementById(l.htmlFor)); })()`, 10*time.Second)); err != nil {
			t.Fatal(err)
		}
		if err := setField(ctx, "What is on your mind", words); err != nil {
			t.Fatal(err)
		}
		if err := do(ctx, chromedp.Click(byText("button", "Save entry")), bodyHas("Your entry is saved.")); err != nil {
			txt, _ := eval[string](ctx, `document.querySelector("main").innerText`)
			t.Fatalf("entry %d: %v\n%s", i+1, err, txt)
		}
		if err := do(ctx, bodyHas(words)); err != nil {
			t.Errorf("entry %d is not listed with its words: %v", i+1, err)
		}
		if err := do(ctx, chromedp.Click(byText("a", "Tools")), chromedp.WaitVisible(byText("h1", "Tools"))); err != nil {
			t.Fatal(err)
		}
	}
	b.checkClean(t, s.URL)
}
