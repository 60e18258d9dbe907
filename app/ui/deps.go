package ui

import (
	"context"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/userdata"
	"kintsugi/app/vault"
)

// Deps is what the pages need from the device. The wasm main fills it in;
// on the server, where pages are only pre-rendered, it is empty, and pages
// load their data in OnMount, which never runs there.
type Deps struct {
	// Store keeps everything the user writes.
	Store userdata.Store
	// Persist asks the browser not to evict the site's storage.
	Persist func(ctx context.Context) (bool, error)
	// Persisted reports whether the browser has agreed not to evict it.
	Persisted func(ctx context.Context) (bool, error)
	// Estimate reports the storage the site uses and may use.
	Estimate func(ctx context.Context) (userdata.Usage, error)
	// Vault is the passphrase lock over Store; Store is the same value.
	Vault *vault.Store
}

// storeProblem is why saving does not work as it should, if it does not:
// shown on every page until the user reloads. The wasm main reports it
// through ReportStoreProblem, from any goroutine.
var storeProblem struct {
	sync.Mutex
	message   string
	listeners map[*storeNotice]func(string)
}

// ReportStoreProblem shows message on every page, for example when another
// tab upgraded the database and this one can no longer save.
func ReportStoreProblem(message string) {
	storeProblem.Lock()
	storeProblem.message = message
	var notify []func(string)
	for _, fn := range storeProblem.listeners {
		notify = append(notify, fn)
	}
	storeProblem.Unlock()
	for _, fn := range notify {
		fn(message)
	}
}

// storeNotice shows the store problem, if there is one.
type storeNotice struct {
	app.Compo
	message string
}

func (n *storeNotice) OnMount(ctx app.Context) {
	storeProblem.Lock()
	defer storeProblem.Unlock()
	n.message = storeProblem.message
	if storeProblem.listeners == nil {
		storeProblem.listeners = map[*storeNotice]func(string){}
	}
	storeProblem.listeners[n] = func(message string) {
		ctx.Dispatch(func(ctx app.Context) { n.message = message })
	}
}

func (n *storeNotice) OnDismount() {
	storeProblem.Lock()
	delete(storeProblem.listeners, n)
	storeProblem.Unlock()
}

func (n *storeNotice) Render() app.UI {
	if n.message == "" {
		return app.Div().Class("store-slot")
	}
	return app.Div().Class("store-slot").Body(
		app.Div().Class("notice warning").Role("alert").Body(
			app.P().Text(n.message),
			button("Reload Kintsugi").OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
		),
	)
}

// watchStore calls reload on the UI goroutine whenever another tab changes
// records of one of kinds, or everything at once (a restore or a delete).
// It returns the function that stops watching, for OnDismount; with a store
// that cannot be watched it does nothing.
func watchStore(ctx app.Context, store userdata.Store, reload func(app.Context), kinds ...userdata.Kind) (stop func()) {
	w, ok := store.(userdata.Watcher)
	if !ok {
		return func() {}
	}
	return w.Watch(func(kind userdata.Kind) {
		for _, k := range kinds {
			if kind == "" || kind == k {
				ctx.Dispatch(reload)
				return
			}
		}
	})
}

// stopWatch stops a watch started in OnMount, if there is one.
func stopWatch(stop func()) {
	if stop != nil {
		stop()
	}
}
