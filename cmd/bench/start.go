//go:build !js

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// markReady is run in every new document before its own scripts: it notes,
// in milliseconds since the navigation started, when go-app removed its
// loader (the wasm is running and the page is usable). Until the document
// is parsed, the loader may simply not be there yet. On the way it notes
// when app.wasm was ready to run (compiled and instantiated), which splits
// a start in two: getting the wasm compiled, then the Go program's start
// and first render. (The guide's text is always in by then: the program
// starts within a millisecond of the wasm being ready.)
const markReady = `window.kintsugiBench = {};
const kintsugiMark = (k) => { if (!(k in window.kintsugiBench)) window.kintsugiBench[k] = performance.now(); };
const kintsugiInstantiate = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = function (...args) {
  return kintsugiInstantiate.apply(this, args).then((r) => { kintsugiMark("wasm"); return r; });
};
new MutationObserver(() => {
  if (!window.kintsugiBench.ready && document.readyState !== "loading" && !document.getElementById("app-wasm-loader") && document.querySelector("main h1")) {
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

// startTimes are the moments of a start, in milliseconds since the
// navigation started: app.wasm ready to run, and the app usable.
type startTimes struct {
	Wasm  float64 `json:"wasm"`
	Ready float64 `json:"ready"`
}

// visit loads url in a new tab of b and returns the first contentful paint
// and, with usable, the moments of the start until the app was usable.
// With wasm false, it loads go-app's plain HTML render.
func (b *browser) visit(url string, throttle, wasm, usable bool) (fcp float64, start startTimes, err error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTime()
	if err := chromedp.Do(ctx); err != nil {
		return 0, startTimes{}, err
	}
	if throttle {
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			return 0, startTimes{}, err
		}
		if err := phone(ctx); err != nil {
			return 0, startTimes{}, err
		}
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: markReady}); err != nil {
		return 0, startTimes{}, err
	}
	if !wasm {
		url += "?wasm=false"
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, startTimes{}, err
	}
	wait := `!!window.kintsugiBench.ready`
	if !wasm || !usable {
		wait = `performance.getEntriesByName("first-contentful-paint").length > 0`
	}
	if _, err := eval[bool](ctx, fmt.Sprintf(`new Promise(resolve => { const t = setInterval(() => { if (%s) { clearInterval(t); resolve(true); } }, 10); })`, wait)); err != nil {
		return 0, startTimes{}, err
	}
	fcp, err = eval[float64](ctx, `(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: -1}).startTime`)
	if err != nil {
		return 0, startTimes{}, err
	}
	if wasm && usable {
		start, err = eval[startTimes](ctx, `window.kintsugiBench`)
	}
	return fcp, start, err
}

// measureStart times the start of the app: a first visit to a chapter
// (a new profile each time) with the plain HTML render beside it, a first
// visit to a tool, then, from the service worker, warm starts and starts
// with the server stopped, each on this machine and as a mid-range phone.
// A reading page (Home, a chapter) is usable at its first paint and starts
// the app when the reader asks; a tool page starts it at once and is
// usable when it runs.
func measureStart(base, chapter string, stopServer func()) ([]figure, error) {
	const tool = "/tools/check-in"
	var figs []figure
	appFCP := figure{name: "first visit, chapter: first contentful paint"}
	plainFCP := figure{name: "  the same page as plain HTML (?wasm=false)"}
	firstTool := figure{name: "first visit, check-in tool: usable"}
	for range runs {
		for _, v := range []struct {
			f           *figure
			url         string
			wasm, ready bool
		}{{&appFCP, base + chapter, true, false}, {&plainFCP, base + chapter, false, false}, {&firstTool, base + tool, true, true}} {
			b, err := newBrowser()
			if err != nil {
				return nil, err
			}
			fcp, start, err := b.visit(v.url, false, v.wasm, v.ready)
			b.cancel()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", v.f.name, err)
			}
			if v.ready {
				v.f.ms = append(v.f.ms, start.Ready)
			} else {
				v.f.ms = append(v.f.ms, fcp)
			}
		}
	}
	ratio := figure{name: "  chapter paint, app / plain HTML", value: fmt.Sprintf("%.2fx", appFCP.median()/plainFCP.median()), target: "<= 1.2x"}
	figs = append(figs, appFCP, plainFCP, ratio, firstTool)

	// One profile that has installed the app: warm starts, then the server
	// stopped.
	b, err := newBrowser()
	if err != nil {
		return nil, err
	}
	defer b.cancel()
	if err := b.open(base + tool); err != nil {
		return nil, err
	}
	if _, err := eval[bool](b.ctx, `navigator.serviceWorker.ready.then(() => new Promise(r => setTimeout(() => r(true), 1000)))`); err != nil {
		return nil, err
	}
	starts := func(label string) error {
		home := figure{name: label + ", Home: first contentful paint"}
		homePhone := figure{name: "  as a mid-range phone"}
		usable := figure{name: label + ", check-in tool: usable", target: "< 1000"}
		usablePhone := figure{name: "  as a mid-range phone", target: "< 2500"}
		wasm := figure{name: "  of which app.wasm compiled by"}
		wasmPhone := figure{name: "  of which app.wasm compiled by"}
		for range runs {
			for _, v := range []struct {
				f               *figure
				url             string
				throttle, ready bool
			}{{&home, base + "/", false, false}, {&homePhone, base + "/", true, false}, {&usable, base + tool, false, true}, {&usablePhone, base + tool, true, true}} {
				fcp, start, err := b.visit(v.url, v.throttle, true, v.ready)
				if err != nil {
					return fmt.Errorf("%s: %w", v.f.name, err)
				}
				switch {
				case !v.ready:
					v.f.ms = append(v.f.ms, fcp)
				case v.throttle:
					v.f.ms = append(v.f.ms, start.Ready)
					wasmPhone.ms = append(wasmPhone.ms, start.Wasm)
				default:
					v.f.ms = append(v.f.ms, start.Ready)
					wasm.ms = append(wasm.ms, start.Wasm)
				}
			}
		}
		figs = append(figs, home, homePhone, usable, wasm, usablePhone, wasmPhone)
		return nil
	}
	if err := starts("warm start"); err != nil {
		return nil, err
	}
	stopServer()
	if err := starts("server stopped"); err != nil {
		return nil, err
	}
	return figs, nil
}
