package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/userdata"
)

// applyAppearance sets the reading settings on the document's root element,
// where the stylesheet reads them. web/boot.js does the same before the
// first paint, from the same record, so a warm start does not flash.
func applyAppearance(s userdata.Settings) {
	discreet.Store(s.Discreet)
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	root := doc.Get("documentElement")
	switch {
	case s.Discreet:
		root.Call("setAttribute", "data-discreet", "true")
		doc.Set("title", discreetTitle)
	default:
		root.Call("removeAttribute", "data-discreet")
		if pageTitle != "" {
			doc.Set("title", pageTitle)
		}
	}
	root.Call("setAttribute", "data-theme", string(s.Theme))
	root.Call("setAttribute", "data-text-size", string(s.TextSize))
	root.Call("setAttribute", "data-line-spacing", string(s.LineSpacing))
}

// appearanceKeeper keeps the page's appearance in step with the saved
// settings, including changes made in another tab.
type appearanceKeeper struct {
	app.Compo
	Store userdata.Store
	stop  func()
}

func (a *appearanceKeeper) OnMount(ctx app.Context) {
	if a.Store == nil {
		return
	}
	a.load(ctx)
	if w, ok := a.Store.(userdata.Watcher); ok {
		a.stop = w.Watch(func(kind userdata.Kind) {
			if kind == "" || kind == userdata.KindSetting {
				ctx.Dispatch(a.load)
			}
		})
	}
}

func (a *appearanceKeeper) OnDismount() {
	if a.stop != nil {
		a.stop()
	}
}

func (a *appearanceKeeper) load(ctx app.Context) {
	store := a.Store
	ctx.Async(func() {
		s, gen, err := readSettings(ctx, store)
		if err != nil {
			return // the defaults stay; the settings page reports errors
		}
		ctx.Dispatch(func(app.Context) {
			if settingsCurrent(gen) {
				applyAppearance(s)
			}
		})
	})
}

func (a *appearanceKeeper) Render() app.UI { return app.Span().Class("appearance") }

// now is the clock the pages use; tests may replace it.
var now = time.Now
