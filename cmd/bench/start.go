//go:build !js

package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// markReady is run in every new document before its own scripts: it notes,
// in milliseconds since the navigation started, when go-app removed its
// loader (the wasm is running and the page is usable).
const markReady = `window.kintsugiBench = {};
new MutationObserver(() => {
  if (!window.kintsugiBench.ready && document.body && !document.getElementById("app-wasm-loader") && document.querySelector("main h1")) {
    window.kintsugiBench.ready = performance.now();
  }
}).observe(document, {childList: true, subtree: true});`

// phone makes the tab a mid-range phone, as pwacheck -throttle does: 4x
// CPU throttling, 150 ms latency, 1.6 Mbit/s down and 750 kbit/s up. The
// network conditions reach the page, not the service worker, so a start
// from the worker's cache is slowed by the CPU alone, as on a phone.
func phone(ctx context.Context) error {
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Latency: 150, DownloadThroughput: 1.6e6 / 8, UploadThroughput: 750e3 / 8}},
	})
	return err
}

// visit loads url in a new tab of b and returns the first contentful paint
// and the time until the app was usable, both since the navigation started.
// With wasm false, it loads go-app's plain HTML render and there is no
// ready time.
func (b *browser) visit(url string, throttle, wasm bool) (fcp, ready float64, err error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTime()
	if err := chromedp.Do(ctx); err != nil {
		return 0, 0, err
	}
	if throttle {
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			return 0, 0, err
		}
		if err := phone(ctx); err != nil {
			return 0, 0, err
		}
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: markReady}); err != nil {
		return 0, 0, err
	}
	if !wasm {
		url += "?wasm=false"
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, 0, err
	}
	wait := `!!window.kintsugiBench.ready`
	if !wasm {
		wait = `performance.getEntriesByName("first-contentful-paint").length > 0`
	}
	if _, err := eval[bool](ctx, fmt.Sprintf(`new Promise(resolve => { const t = setInterval(() => { if (%s) { clearInterval(t); resolve(true); } }, 10); })`, wait)); err != nil {
		return 0, 0, err
	}
	fcp, err = eval[float64](ctx, `(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: -1}).startTime`)
	if err != nil {
		return 0, 0, err
	}
	if wasm {
		ready, err = eval[float64](ctx, `window.kintsugiBench.ready`)
	}
	return fcp, ready, err
}

// measureStart times the start of the app: a first visit (a new profile
// each time) with the plain HTML render beside it, a warm start from the
// service worker, and a start with the server stopped, each on this
// machine and as a mid-range phone.
func measureStart(base, chapter string, stopServer func(), out io.Writer) error {
	url := base + chapter
	var rows []timing
	add := func(name string, ms []float64) { rows = append(rows, timing{name: name, ms: ms}) }
	var appFCP, plainFCP, firstReady, warm, warmPhone []float64
	for range runs {
		b, err := newBrowser()
		if err != nil {
			return err
		}
		fcp, ready, err := b.visit(url, false, true)
		b.cancel()
		if err != nil {
			return fmt.Errorf("first visit: %w", err)
		}
		appFCP, firstReady = append(appFCP, fcp), append(firstReady, ready)
		b, err = newBrowser()
		if err != nil {
			return err
		}
		fcp, _, err = b.visit(url, false, false)
		b.cancel()
		if err != nil {
			return fmt.Errorf("plain HTML: %w", err)
		}
		plainFCP = append(plainFCP, fcp)
	}
	add("first visit, chapter: first contentful paint", appFCP)
	add("  the same page as plain HTML (?wasm=false)", plainFCP)
	add("first visit, chapter: app usable", firstReady)

	// One profile that has installed the app: warm starts, then the server
	// stopped.
	b, err := newBrowser()
	if err != nil {
		return err
	}
	defer b.cancel()
	if err := b.open(url); err != nil {
		return err
	}
	if _, err := eval[bool](b.ctx, `navigator.serviceWorker.ready.then(() => new Promise(r => setTimeout(() => r(true), 1000)))`); err != nil {
		return err
	}
	for range runs {
		_, ready, err := b.visit(url, false, true)
		if err != nil {
			return fmt.Errorf("warm start: %w", err)
		}
		warm = append(warm, ready)
		_, ready, err = b.visit(url, true, true)
		if err != nil {
			return fmt.Errorf("warm start as a phone: %w", err)
		}
		warmPhone = append(warmPhone, ready)
	}
	add("warm start (service worker): app usable", warm)
	add("  as a mid-range phone", warmPhone)

	stopServer()
	var off, offPhone []float64
	for range runs {
		_, ready, err := b.visit(url, false, true)
		if err != nil {
			return fmt.Errorf("offline start: %w", err)
		}
		off = append(off, ready)
		_, ready, err = b.visit(url, true, true)
		if err != nil {
			return fmt.Errorf("offline start as a phone: %w", err)
		}
		offPhone = append(offPhone, ready)
	}
	add("server stopped: app usable", off)
	add("  as a mid-range phone", offPhone)

	fmt.Fprintf(out, "\nStarting the app at %s (ms since navigation, %d runs)\n\n", chapter, runs)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tmedian\tmin\tmax\t")
	for _, r := range rows {
		fmt.Fprintln(tw, r.row())
	}
	return tw.Flush()
}
