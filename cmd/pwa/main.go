//go:build js && wasm

// Command pwa is Kintsugi's WebAssembly program: it registers the same routes
// as the server and runs the app in the browser. Build it with make build,
// which writes web/app.wasm.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/ui"
)

func main() {
	ui.Routes()
	app.RunWhenOnBrowser()
}
