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

	"kintsugi/app/apology"
	"kintsugi/app/exercise"
	"kintsugi/app/istatement"
)

// fieldValue returns the value of the control a label names.
func labelledValue(ctx context.Context, label string) (string, error) {
	return eval[string](ctx, fmt.Sprintf(`(() => {
	const l = [...document.querySelectorAll("label")].find(l => l.textContent.trim() === %q);
	const el = l && document.getElementById(l.htmlFor);
	return el ? el.value : "(no field)";
})()`, label))
}

// writeParts types each part into the field its title labels, replacing
// what is there.
func writeParts(t *testing.T, ctx context.Context, parts [][2]string) {
	t.Helper()
	for _, p := range parts {
		if err := setField(ctx, p[0], p[1]); err != nil {
			t.Fatalf("write %q: %v", p[0], err)
		}
	}
}

// startSheet opens an exercise page on a new worksheet.
func startSheet(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := load(ctx, url); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Start a new worksheet")), chromedp.WaitVisible(byText("h2", "A new worksheet"))); err != nil {
		t.Fatal(err)
	}
}

// finishAndRead finishes the worksheet and waits for it read back.
func finishAndRead(t *testing.T, ctx context.Context) {
	t.Helper()
	// Centred first: at the bottom of the screen the fixed navigation
	// could be over it.
	if _, err := eval[bool](ctx, `(() => { [...document.querySelectorAll("button")].find(b => b.textContent.trim() === "Finish and read it back").scrollIntoView({block: "center"}); return true })()`); err != nil {
		t.Fatal(err)
	}
	// The letter above the button grows as the page catches up with the
	// text just written; a click aimed before it settles lands on it.
	if err := steady(ctx, "Finish and read it back"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Finish and read it back")), bodyHas("Finished and saved."), chromedp.WaitVisible(`#sheet-read-heading`)); err != nil {
		txt, _ := eval[string](ctx, `document.querySelector("main").innerText`)
		t.Fatalf("finish: %v\n%s", err, txt)
	}
}

// steady waits until the button with text stops moving: three looks,
// 100 ms apart, find it in the same place.
func steady(ctx context.Context, text string) error {
	expr := fmt.Sprintf(`(() => { const b = [...document.querySelectorAll("button")].find(b => b.textContent.trim() === %q); if (!b) return ""; const r = b.getBoundingClientRect(); return r.x + "," + r.y + "," + r.width + "," + r.height })()`, text)
	last, same := "", 0
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		at, err := eval[string](ctx, expr)
		if err != nil {
			return err
		}
		if at != "" && at == last {
			same++
		} else {
			same = 0
		}
		if same == 2 {
			return nil
		}
		last = at
	}
	return fmt.Errorf("the button %q kept moving (or never appeared)", text)
}

// deleteOnly deletes the one worksheet listed, after confirming.
func deleteOnly(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := do(ctx, chromedp.Click(`//button[starts-with(@aria-label, "Delete ")]`), chromedp.Click(byText("button", "Yes, delete it")),
		bodyHas("Nothing saved yet.")); err != nil {
		t.Fatalf("delete: %v", err)
	}
}

func TestIStatementBuilder(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	page := s.URL + "/tools/i-statement"
	startSheet(t, ctx, page)

	// A judgement dressed as a feeling, and an "always", get gentle hints.
	st := istatement.Statement{
		Observation: "you always come home late without texting",
		Feeling:     "I feel like you don't care",
		Need:        "to know you are safe",
		Request:     "you always forget, so text me",
	}
	writeParts(t, ctx, [][2]string{{"What happened", st.Observation}, {"What I feel", st.Feeling}, {"What I need", st.Need}, {"What I am asking", st.Request}})
	for _, f := range st.Check() {
		if f.Rule == istatement.Missing {
			continue
		}
		if err := do(ctx, bodyHas(f.Message)); err != nil {
			t.Errorf("no hint %q for %q: %v", f.Rule, f.Quote, err)
		}
	}
	if len(st.Check()) < 2 {
		t.Fatalf("the example should be flagged twice, got %+v", st.Check())
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("builder: %s", v)
	}

	// The draft survives closing the tab.
	if err := do(ctx, bodyHas("Saved on this device.")); err != nil {
		t.Fatal(err)
	}
	ctx = b.tab(t)
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(`//button[starts-with(normalize-space(.), "Continue your draft from")]`), chromedp.WaitVisible(byText("h2", "Your worksheet"))); err != nil {
		t.Fatalf("the draft was not offered after the tab closed: %v", err)
	}
	if err := do(ctx, waitJS(`document.getElementById("ws-feeling")?.value ? true : false`, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	if v, _ := labelledValue(ctx, "What I feel"); v != st.Feeling {
		t.Errorf("the draft's feeling reads %q, want %q", v, st.Feeling)
	}

	// Rewritten without the flags, finished, read back with the sentence.
	st.Feeling, st.Request = "worried and alone", "would you text me when you will be late?"
	writeParts(t, ctx, [][2]string{{"What I feel", st.Feeling}, {"What I am asking", st.Request}})
	finishAndRead(t, ctx)
	if got, _ := eval[string](ctx, `document.getElementById("finished-text").textContent`); got != st.Sentence() {
		t.Errorf("the finished sentence reads %q, want %q", got, st.Sentence())
	}

	// After a reload it is listed, reads back, and can be edited.
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("Finished."), chromedp.Click(`//button[starts-with(@aria-label, "Edit ")]`), waitJS(`document.getElementById("ws-need")?.value ? true : false`, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	st.Need = "to feel that I matter to you"
	writeParts(t, ctx, [][2]string{{"What I need", st.Need}})
	finishAndRead(t, ctx)
	if err := do(ctx, bodyHas(st.Sentence())); err != nil {
		t.Errorf("the edit is not in the sentence: %v", err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Back to the list"))); err != nil {
		t.Fatal(err)
	}
	deleteOnly(t, ctx)
	b.checkClean(t, s.URL)
}

func TestApologyBuilder(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	page := s.URL + "/tools/apology"
	startSheet(t, ctx, page)

	a := apology.Apology{
		Regret:         "I am sorry for the months of lying to you.",
		Explanation:    "I was lonely, but if you hadn't worked so late it would not have happened.",
		Responsibility: "It was my choice and nobody else's.",
	}
	writeParts(t, ctx, [][2]string{{"I am sorry", a.Regret}, {"How it happened", a.Explanation}, {"It was my choice", a.Responsibility}})
	var excuse bool
	for _, f := range a.Check() {
		if f.Rule == apology.Missing {
			continue
		}
		excuse = true
		if err := do(ctx, bodyHas(f.Message)); err != nil {
			t.Errorf("no hint %q for %q: %v", f.Rule, f.Quote, err)
		}
	}
	if !excuse {
		t.Fatal("the example excuse is not flagged by package apology")
	}

	// Finishing with parts missing says which, gently, and saves anyway.
	finishAndRead(t, ctx)
	for _, f := range a.Check() {
		if f.Rule == apology.Missing {
			if err := do(ctx, bodyHas(f.Message)); err != nil {
				t.Errorf("the missing part %q is not pointed out: %v", f.Part, err)
			}
		}
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("read back: %s", v)
	}

	// Edit after a reload: complete it; the letter reads back.
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(`//button[starts-with(@aria-label, "Edit ")]`), waitJS(`document.getElementById("ws-regret")?.value ? true : false`, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	a.Explanation = "I let a friendship become secret, and I kept choosing the secret."
	a.Repentance = "I have ended all contact, and I am seeing a counsellor about why I hid things."
	a.Repair = "I will answer your questions honestly, for as long as you need to ask them."
	a.Forgiveness = "When you are ready, if you ever are, I hope you can forgive me."
	writeParts(t, ctx, [][2]string{{"How it happened", a.Explanation}, {"What will change", a.Repentance}, {"What I will do", a.Repair}, {"Asking, not expecting", a.Forgiveness}})
	finishAndRead(t, ctx)
	if got, _ := eval[string](ctx, `document.getElementById("finished-text").textContent`); got != a.Letter() {
		t.Errorf("the letter reads %q, want %q", got, a.Letter())
	}
	if err := do(ctx, chromedp.Click(byText("button", "Back to the list"))); err != nil {
		t.Fatal(err)
	}
	deleteOnly(t, ctx)
	b.checkClean(t, s.URL)
}

func TestAgreementAndItsReview(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	page := s.URL + "/tools/agreement"
	startSheet(t, ctx, page)
	writeParts(t, ctx, [][2]string{{"First partner's name", "Sam"}, {"Second partner's name", "Kit"}})
	if err := do(ctx,
		chromedp.Click(byText("summary", "Ideas to start from")),
		chromedp.Click(`//button[@aria-label="Add: Send a message when running more than half an hour late."]`),
		chromedp.WaitVisible(byLabel("What you agree to, entry 1")),
		chromedp.Click(`//button[@aria-label="Add an entry to What you agree to"]`),
		chromedp.WaitVisible(byLabel("What you agree to, entry 2")),
		chromedp.SendKeys(byLabel("What you agree to, entry 2"), "Phone calls with the ex only on speaker"),
	); err != nil {
		t.Fatalf("adding entries: %v\n%s", err, mustText(t, ctx))
	}
	yesterday := time.Now().AddDate(0, 0, -1).Format("2006-01-02")
	writeParts(t, ctx, [][2]string{{"Who does this", "first"}, {"Review date", yesterday}, {"How it will wind down", "We ease off after two calm months."}})
	if err := do(ctx,
		chromedp.Click(byLabel("The first partner agrees freely, for the time set out here.")),
		chromedp.Click(byLabel("The second partner agrees freely, for the time set out here.")),
		bodyHas("Saved on this device."),
	); err != nil {
		t.Fatal(err)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("agreement: %s", v)
	}
	finishAndRead(t, ctx)
	for _, want := range []string{"Send a message when running more than half an hour late. (Who does this: First partner)", "Phone calls with the ex only on speaker", "We ease off after two calm months.", "The second partner agrees freely"} {
		if err := do(ctx, bodyHas(want)); err != nil {
			t.Errorf("the agreement read back lacks %q", want)
		}
	}

	// Its review date has passed: Home says so, after a reload.
	if err := load(ctx, s.URL+"/"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("was due for review on"), chromedp.Click(byText("a", "Open the agreement"))); err != nil {
		t.Fatalf("Home shows no review reminder: %v", err)
	}

	// Edit: the entries are kept; remove one; then delete it all. Offline
	// first, in the dark theme.
	b.checkClean(t, s.URL)
	s.stop()
	s.mustBeDown(t)
	ctx = b.tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, page); err != nil {
		t.Fatalf("offline: %v", err)
	}
	if err := do(ctx, chromedp.Click(`//button[starts-with(@aria-label, "Edit ")]`), chromedp.WaitVisible(byLabel("What you agree to, entry 2"))); err != nil {
		t.Fatal(err)
	}
	if v, _ := labelledValue(ctx, "What you agree to, entry 2"); v != "Phone calls with the ex only on speaker" {
		t.Errorf("entry 2 reads %q after a reload", v)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("agreement, dark: %s", v)
	}
	if err := do(ctx, chromedp.Click(`//button[@aria-label="Remove What you agree to, entry 1"]`),
		waitJS(`!document.body.innerText.includes("What you agree to, entry 2")`, 10*time.Second)); err != nil {
		t.Fatal(err)
	}
	if v, _ := labelledValue(ctx, "What you agree to, entry 1"); v != "Phone calls with the ex only on speaker" {
		t.Errorf("after removing the first entry, entry 1 reads %q", v)
	}
	finishAndRead(t, ctx)
	if strings.Contains(mustText(t, ctx), "half an hour late") {
		t.Error("the removed entry is still in the agreement")
	}
	if err := do(ctx, chromedp.Click(byText("button", "Back to the list"))); err != nil {
		t.Fatal(err)
	}
	deleteOnly(t, ctx)
}

func mustText(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := eval[string](ctx, `document.body.innerText`)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConversationCardsKeepTheirPlace(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	page := s.URL + "/tools/conversation-cards"
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	cardText := func() string {
		t.Helper()
		v, err := eval[string](ctx, `document.getElementById("card-text")?.textContent || ""`)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := do(ctx, chromedp.WaitVisible(`#card-text`), bodyHas("card 1 of")); err != nil {
		t.Fatal(err)
	}
	first := cardText()
	if err := do(ctx, chromedp.Click(byText("button", "Next card")), bodyHas("card 2 of")); err != nil {
		t.Fatal(err)
	}
	second := cardText()
	if second == first || second == "" {
		t.Fatalf("Next card shows %q after %q", second, first)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Add to favourites")), bodyHas("Added to your favourites."),
		chromedp.WaitVisible(byText("li", second))); err != nil {
		t.Fatal(err)
	}
	// One deck only; then back to all, the favourite still there after a
	// reload, and the place kept.
	if err := setField(ctx, "Deck", "hopes"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("Hopes · card 1 of")); err != nil {
		t.Fatal(err)
	}
	if err := setField(ctx, "Deck", ""); err != nil {
		t.Fatal(err)
	}
	// The deck's note goes, and the button moves up: wait for it to settle.
	if err := do(ctx, bodyHas("All decks · card 1 of"), chromedp.Sleep(200*time.Millisecond), chromedp.Click(byText("button", "Next card")), bodyHas("card 2 of")); err != nil {
		t.Fatal(err)
	}
	place := cardText()
	if err := load(ctx, page); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, bodyHas("card 2 of"), chromedp.WaitVisible(byText("li", second))); err != nil {
		t.Fatalf("after a reload the place or the favourite is lost: %v", err)
	}
	if got := cardText(); got != place {
		t.Errorf("after a reload the card is %q, want %q", got, place)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("cards: %s", v)
	}
	b.checkClean(t, s.URL)
}

func TestTimeOutBreak(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/tools/time-out"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(byText("button", "Start a 20-minute break")), bodyHas("left"), bodyHas("Breathe in")); err != nil {
		t.Fatal(err)
	}
	left := func() string {
		v, _ := eval[string](ctx, `document.querySelector(".timer-left")?.textContent || ""`)
		return v
	}
	before := left()
	if err := do(ctx, chromedp.Sleep(1500*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if after := left(); after == before || !strings.HasPrefix(after, "19:") {
		t.Errorf("the countdown reads %q, then %q", before, after)
	}
	for _, v := range runAxe(t, ctx) {
		t.Errorf("time-out: %s", v)
	}
	if err := do(ctx, chromedp.Click(byText("button", "End the break early")), chromedp.WaitVisible(byText("button", "Start a 20-minute break"))); err != nil {
		t.Fatal(err)
	}
	b.checkClean(t, s.URL)
}

// TestEveryExerciseIsAccessible opens every worksheet exercise on a new
// worksheet, in both themes, and runs axe-core on it.
func TestEveryExerciseIsAccessible(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		ctx := b.tab(t)
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		for _, slug := range exercise.Slugs() {
			startSheet(t, ctx, s.URL+"/tools/"+slug)
			// Open every list of ideas and examples, so that axe sees them.
			if _, err := eval[bool](ctx, `document.querySelectorAll("details").forEach(d => d.open = true), true`); err != nil {
				t.Fatal(err)
			}
			for _, v := range runAxe(t, ctx) {
				t.Errorf("%s %s: %s", scheme, slug, v)
			}
		}
	}
	b.checkClean(t, s.URL)
}
