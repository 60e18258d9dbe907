//go:build !js

package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
)

// runs is how many times each timing is taken; the table gives the median
// with the fastest and slowest.
var runs = 7

// browser is headless Chromium with a fresh profile, as the tests start it.
type browser struct {
	ctx    context.Context
	cancel func()
}

func newBrowser() (*browser, error) {
	dir, err := os.MkdirTemp("", "kintsugi-bench")
	if err != nil {
		return nil, err
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.UserDataDir(dir),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(390, 844),
	)
	ctx, cancelCtx := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		return nil, fmt.Errorf("start chromium: %w", err)
	}
	return &browser{ctx: ctx, cancel: func() { cancelCtx(); cancelAlloc(); os.RemoveAll(dir) }}, nil
}

// eval runs a script in the page, awaiting it if it returns a promise.
func eval[T any](ctx context.Context, script string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
}

// open loads url and waits until the app runs.
func (b *browser) open(url string) error {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return err
	}
	return b.running()
}

// running waits until the app runs on the page.
func (b *browser) running() error {
	_, err := eval[bool](b.ctx, `new Promise(resolve => { const t = setInterval(() => {
	if (document.readyState === "complete" && !document.getElementById("app-wasm-loader") && document.querySelector("main h1")) { clearInterval(t); resolve(true); }
}, 20); })`)
	return err
}

// seedScript stores, the way the app stores records, a check-in a day for
// the three years before today and two thousand journal entries, one a day
// going back, each about eighty words long.
const seedScript = `new Promise((resolve, reject) => {
  const open = indexedDB.open("kintsugi");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction("records", "readwrite");
    const st = tx.objectStore("records");
    const today = new Date(); today.setUTCHours(0, 0, 0, 0);
    const words = "today felt long and I kept thinking about what we said last night about trust and the small things that help like a message when plans change or a walk together after dinner and I noticed that I could breathe a little easier when".split(" ");
    const put = (kind, id, day, data) => {
      const date = day.toISOString().replace(".000Z", "Z");
      const at = date.replace("Z", ".000000000Z");
      st.put({kind: kind, id: id, date: date, at: at, created: date, updated: date, data: JSON.stringify(data)});
    };
    for (let i = 0; i < 3 * 365; i++) {
      const day = new Date(today.getTime() - i * 864e5);
      const wave = (n) => Math.max(0, Math.min(10, Math.round(5 + 3 * Math.sin(i / n) + (i % 3) - 1)));
      put("checkin", "bench-c" + i, day, {safety: wave(9), trust: wave(13), connection: wave(7)});
    }
    for (let i = 0; i < 2000; i++) {
      const day = new Date(today.getTime() - i * 864e5);
      const text = Array.from({length: 80}, (_, k) => words[(i * 7 + k) % words.length]).join(" ") + ".";
      put("journal", "bench-j" + i, day, {title: "Entry " + (i + 1), text: text, feelings: i % 2 ? ["hopeful"] : ["hurt", "tired"]});
    }
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`

// navReady returns a script that follows the in-app link with the given
// text and resolves with the milliseconds until selector matches, checked
// on every frame: the time until the new content is on screen.
func navReady(linkText, selector string) string {
	return fmt.Sprintf(`new Promise((resolve, reject) => {
  const a = [...document.querySelectorAll("a")].find(a => a.textContent.trim() === %q);
  if (!a) { reject(new Error("no link %s")); return; }
  const t0 = performance.now();
  a.click();
  const check = () => {
    if (document.querySelector(%q)) { resolve(performance.now() - t0); return; }
    if (performance.now() - t0 > 30000) { reject(new Error("not ready after 30 s: %s")); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`, linkText, linkText, selector, selector)
}

// figure is one line of the results: timings in milliseconds, of which the
// line gives the median, the fastest and the slowest, or a single value.
type figure struct {
	name   string
	ms     []float64
	value  string
	target string
}

func (f figure) row() string {
	if len(f.ms) == 0 {
		return fmt.Sprintf("%s\t%s\t\t\t%s\t", f.name, f.value, f.target)
	}
	s := slices.Clone(f.ms)
	slices.Sort(s)
	return fmt.Sprintf("%s\t%.0f\t%.0f\t%.0f\t%s\t", f.name, s[len(s)/2], s[0], s[len(s)-1], f.target)
}

// median is the middle of the timings.
func (f figure) median() float64 {
	s := slices.Clone(f.ms)
	slices.Sort(s)
	return s[len(s)/2]
}

// measureTools times the pages that read the most records, with a lot
// stored: the ready time after an in-app navigation from the Tools page.
func measureTools(base string) ([]figure, error) {
	b, err := newBrowser()
	if err != nil {
		return nil, err
	}
	defer b.cancel()
	if err := b.open(base + "/tools"); err != nil {
		return nil, err
	}
	if _, err := eval[bool](b.ctx, seedScript); err != nil {
		return nil, fmt.Errorf("store the records: %w", err)
	}
	pages := []struct{ name, link, ready string }{
		{"Progress ready, 3 years of daily check-ins", "Progress", ".chart-card svg circle.dot"},
		{"journal list ready, 2,000 entries", "Journal", ".journal-list li"},
	}
	var figs []figure
	for _, p := range pages {
		f := figure{name: p.name, target: "< 300"}
		for range runs {
			if err := b.open(base + "/tools"); err != nil {
				return nil, err
			}
			ms, err := eval[float64](b.ctx, navReady(p.link, p.ready))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.name, err)
			}
			f.ms = append(f.ms, ms)
		}
		figs = append(figs, f)
	}
	return figs, nil
}
