package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateNotice tells the user when a new version has been installed in the
// background, and reloads only when they ask. The service worker never
// touches IndexedDB, so reloading keeps every saved word.
type updateNotice struct {
	app.Compo
	available bool
}

// OnMount picks up an update found before the wasm started. The browser
// looks for a new service worker on every navigation by itself; asking again
// here would only fail noisily when offline.
func (u *updateNotice) OnMount(ctx app.Context) {
	u.available = updated(ctx)
}

func (u *updateNotice) OnAppUpdate(ctx app.Context) {
	u.available = updated(ctx)
}

// updated reports whether a new version is waiting. go-app also says so
// when the first service worker takes control on a first visit (it claims
// the page as it activates); web/boot.js notes whether a worker controlled
// the page before, so that a first visit shows no notice.
func updated(ctx app.Context) bool {
	return ctx.AppUpdateAvailable() && app.Window().Get("kintsugiHadWorker").Truthy()
}

func (u *updateNotice) Render() app.UI {
	if !u.available {
		return app.Div().Class("update-slot")
	}
	return app.Div().Class("update-slot").Body(
		app.Div().Class("notice update").Role("status").Body(
			app.P().Text("A new version of Kintsugi is ready. Your saved entries stay as they are."),
			button("Reload to update").Class("primary").OnClick(u.reload),
		),
	)
}

func (u *updateNotice) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}
