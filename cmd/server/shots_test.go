//go:build shots

package main

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestShots saves phone screenshots for a person to look at (not run by make test).
func TestShots(t *testing.T) {
	base := "http://127.0.0.1:8000"
	b := newBrowser(t)
	for _, shot := range []struct{ name, path, scheme string; scroll bool }{
		{"toc", "/guide", "light", false},
		{"search", "/guide/search?q=trigger", "light", false},
		{"chapter-end", "/guide/a-real-apology", "light", true},
		{"chapter-dark", "/guide/forgiveness", "dark", false},
		{"path-dark", "/guide/path/alone", "dark", false},
		{"home-dark", "/", "dark", false},
	} {
		ctx := b.tab(t)
		chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: shot.scheme}}})
		chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true})
		if err := load(ctx, base+shot.path); err != nil {
			t.Fatal(err)
		}
		if shot.scroll {
			eval[bool](ctx, `window.scrollTo(0, document.body.scrollHeight - 1700); true`)
		}
		time.Sleep(500 * time.Millisecond)
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/shots/"+shot.name+".png", png, 0o644)
	}
}
