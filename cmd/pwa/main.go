//go:build js && wasm

// Command pwa is Kintsugi's WebAssembly program: it opens the user's data
// in this browser's IndexedDB behind the passphrase lock, registers the same routes as the server, and
// runs the app. Build it with make build, which writes web/app.wasm.
package main

import (
	"context"
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/indexeddb"
	"kintsugi/app/inmem"
	"kintsugi/app/ui"
	"kintsugi/app/userdata"
	"kintsugi/app/vault"
)

// dbName is the IndexedDB database that holds everything the user writes.
const dbName = "kintsugi"

func main() {
	deps := ui.Deps{
		Persist:   indexeddb.Persist,
		Persisted: indexeddb.Persisted,
		Estimate:  indexeddb.Estimate,
	}
	if app.IsClient {
		// Open in the background: waiting here would yield to the browser
		// before the first render, and the page would sit there with
		// buttons that do nothing. Calls wait for the store instead.
		pending := userdata.NewPending()
		go func() { pending.Resolve(openStore()) }()
		// The passphrase lock sits over the device's store: with it on,
		// every record is sealed before it reaches IndexedDB.
		deps.Vault = vault.New(pending, vault.Options{})
		deps.Store = deps.Vault
	}
	if app.IsClient {
		// The guide's text comes with the app's files, not inside
		// app.wasm; the routes to its chapters need it. Without it the
		// guide pages say the guide could not be opened.
		if err := loadContent(); err != nil {
			app.Log(err)
		}
	}
	ui.Routes(deps)
	if app.IsClient {
		_ = exposeMemory() // a figure for make bench: without it the app is the same
	}
	app.RunWhenOnBrowser()
}

// openStore opens the database, or explains on every page why saving will
// not work as it should: with no IndexedDB at all (some private windows),
// entries are kept in memory until the tab closes; when another tab blocks
// the database or holds a newer version, saving fails visibly rather than
// seeming to work.
func openStore() userdata.Store {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
	defer cancel()
	closed := func() { ui.ReportStoreProblem(userdata.Message(userdata.ErrClosed)) }
	store, err := indexeddb.Open(ctx, dbName, indexeddb.Options{
		OnVersionChange: closed,
		OnClose:         closed,
		OnBlocked:       func() { ui.ReportStoreProblem(userdata.Message(userdata.ErrBlocked)) },
	})
	if err == nil {
		return store
	}
	ui.ReportStoreProblem(userdata.Message(err))
	if errors.Is(err, userdata.ErrUnavailable) {
		return inmem.New()
	}
	return userdata.Failing(err)
}
