// Package ui holds Kintsugi's go-app components and pages, and the route table
// that both the wasm main (cmd/pwa) and the native server (cmd/server) register.
//
// Pages render on the server first (OnNav runs there too, so titles and text
// are in the pre-rendered HTML) and then in the browser, where OnMount runs.
// Nothing in this package touches syscall/js directly.
package ui
