//go:build !js

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// navScript defines window.kintsugiNav(path, ready): it moves the running
// app to path, as go-app does when a link is tapped (a new history entry,
// then its popstate handler), and resolves with the milliseconds until the
// ready function returns true, checked on every frame: the time until the
// new content is on screen. A click on a link would do the same, but
// go-app cancels the browser's own navigation from its event loop, and now
// and then too late for a script that clicks and measures at once.
const navScript = `window.kintsugiNav = (path, ready) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  history.pushState({}, "", path);
  dispatchEvent(new PopStateEvent("popstate", {state: {}}));
  const check = () => {
    let ok = false;
    try { ok = ready(); } catch (e) {}
    if (ok) { resolve(performance.now() - t0); return; }
    if (performance.now() - t0 > 30000) { reject(new Error("not ready after 30 s: " + path)); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}); true`

// newBrowserAt starts a browser, loads url in it and starts the app as a
// reader would, with a key press.
func newBrowserAt(url string) (*browser, error) {
	b, err := newBrowser()
	if err != nil {
		return nil, err
	}
	if err := b.startHere(url); err != nil {
		b.cancel()
		return nil, err
	}
	return b, nil
}

// startHere loads url and starts the app as a reader would, with a key
// press (a reading page waits for one), then waits until it runs.
func (b *browser) startHere(url string) error {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return err
	}
	if _, err := eval[bool](ctx, `new Promise(r => { const t = setInterval(() => { if (document.readyState === "complete") { clearInterval(t); r(true); } }, 20); })`); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Shift)); err != nil {
		return err
	}
	if err := b.running(); err != nil {
		return err
	}
	_, err := eval[bool](ctx, navScript)
	return err
}

// hasTitle is a ready check: the page's heading reads title.
func hasTitle(title string) string {
	return fmt.Sprintf(`() => (document.querySelector("main h1") || {}).textContent === %q`, title)
}

// measureNavigation times in-app moves between chapters and tools: from a
// chapter to the next one, from the guide to a chapter, from Tools to the
// check-in and from Home to the guide.
func measureNavigation(base string, chapters []chapterLink) ([]figure, error) {
	b, err := newBrowserAt(base + chapters[0].path)
	if err != nil {
		return nil, err
	}
	defer b.cancel()
	next := figure{name: "chapter to the next chapter", target: "< 100"}
	for i := 1; i <= runs && i < len(chapters); i++ {
		ms, err := eval[float64](b.ctx, fmt.Sprintf(`kintsugiNav(%q, %s)`, chapters[i].path, hasTitle(chapters[i].title)))
		if err != nil {
			return nil, fmt.Errorf("next chapter: %w", err)
		}
		next.ms = append(next.ms, ms)
	}
	moves := []struct {
		fig              figure
		from, to, ready  string
		fromTitle, title string
	}{
		{fig: figure{name: "guide to a chapter", target: "< 100"}, from: "/guide", fromTitle: "The guide", to: chapters[len(chapters)/2].path, title: chapters[len(chapters)/2].title},
		{fig: figure{name: "Tools to the quick check-in", target: "< 100"}, from: "/tools", fromTitle: "Tools", to: "/tools/check-in", title: "Quick check-in"},
		{fig: figure{name: "Home to the guide", target: "< 100"}, from: "/", fromTitle: "Rebuilding trust, one step at a time", to: "/guide", title: "The guide"},
	}
	figs := []figure{next}
	for _, m := range moves {
		for range runs {
			if _, err := eval[float64](b.ctx, fmt.Sprintf(`kintsugiNav(%q, %s)`, m.from, hasTitle(m.fromTitle))); err != nil {
				return nil, fmt.Errorf("to %s: %w", m.from, err)
			}
			time.Sleep(100 * time.Millisecond)
			ms, err := eval[float64](b.ctx, fmt.Sprintf(`kintsugiNav(%q, %s)`, m.to, hasTitle(m.title)))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", m.fig.name, err)
			}
			m.fig.ms = append(m.fig.ms, ms)
		}
		figs = append(figs, m.fig)
	}
	return figs, nil
}

// memory is the Go heap as window.kintsugiMemory reports it, in bytes.
type memory struct {
	Live  float64 `json:"live"`
	Heap  float64 `json:"heap"`
	Total float64 `json:"total"`
}

// saveEntry writes a journal entry the way a person does, and waits until
// the page says it is saved.
const saveEntry = `new Promise((resolve, reject) => {
  const l = [...document.querySelectorAll("label")].find(l => l.textContent.trim() === "What is on your mind");
  const el = l && document.getElementById(l.htmlFor);
  if (!el) { reject(new Error("no journal field")); return; }
  el.value = "A long day. We talked for a while after dinner, and it went better than last week. " + Date.now();
  el.dispatchEvent(new Event("input", {bubbles: true}));
  el.dispatchEvent(new Event("change", {bubbles: true}));
  setTimeout(() => {
    const button = [...document.querySelectorAll("button")].find(b => b.textContent.trim() === "Save entry");
    if (!button) { reject(new Error("no Save entry button")); return; }
    button.click();
    const t0 = performance.now();
    const check = () => {
      if (document.body.innerText.includes("Your entry is saved.")) { resolve(true); return; }
      if (performance.now() - t0 > 30000) { reject(new Error("the entry was not saved: " + document.querySelector("main").innerText.slice(0, 600))); return; }
      setTimeout(check, 10);
    };
    check();
  }, 50);
})`

// measureMemory reads the Go heap on a chapter, goes through 200 pages and
// 100 saves (a chapter, then the journal and an entry saved, a hundred
// times), reading it again on the same chapter halfway and at the end: a
// leak grows in both halves, while the entries saved add a little that
// stays.
func measureMemory(base string, chapters []chapterLink) ([]memory, error) {
	b, err := newBrowserAt(base + chapters[0].path)
	if err != nil {
		return nil, err
	}
	defer b.cancel()
	time.Sleep(time.Second)
	read := func() (memory, error) {
		if _, err := eval[float64](b.ctx, fmt.Sprintf(`kintsugiNav(%q, %s)`, chapters[0].path, hasTitle(chapters[0].title))); err != nil {
			return memory{}, err
		}
		time.Sleep(500 * time.Millisecond)
		return eval[memory](b.ctx, `kintsugiMemory()`)
	}
	var seen []memory
	m, err := read()
	if err != nil {
		return nil, fmt.Errorf("read the heap: %w", err)
	}
	seen = append(seen, m)
	for i := range 100 {
		c := chapters[1+i%(len(chapters)-1)]
		if _, err := eval[float64](b.ctx, fmt.Sprintf(`kintsugiNav(%q, %s)`, c.path, hasTitle(c.title))); err != nil {
			return nil, err
		}
		if _, err := eval[float64](b.ctx, fmt.Sprintf(`kintsugiNav("/tools/journal", %s)`, `() => [...document.querySelectorAll("label")].some(l => l.textContent.trim() === "What is on your mind")`)); err != nil {
			return nil, err
		}
		if _, err := eval[bool](b.ctx, saveEntry); err != nil {
			return nil, fmt.Errorf("save %d: %w", i+1, err)
		}
		if i == 49 || i == 99 {
			m, err := read()
			if err != nil {
				return nil, err
			}
			seen = append(seen, m)
		}
	}
	return seen, nil
}
