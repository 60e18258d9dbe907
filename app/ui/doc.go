// Package ui holds Kintsugi's go-app components and pages, and the route table
// that both the wasm main (cmd/pwa) and the native server (cmd/server) register.
//
// Pages render on the server first (OnNav runs there too, so titles and text
// are in the pre-rendered HTML) and then in the browser, where OnMount runs.
// Nothing in this package touches syscall/js directly.
//
// # Three things go-app does that pages must allow for
//
//   - An element keeps the first event handler it was given while it stays on
//     the page, if the new one is the same function literal: go-app compares
//     handlers by code, not by what they captured. A handler in a list must
//     carry app.EventScope with what makes it different, and should look up
//     what it acts on (by ID, at click time) rather than act on a copy it
//     captured when drawn.
//   - ctx.Dispatch and ctx.Defer do nothing if the element whose event gave
//     ctx has left the page. Work that outlives its button (a save that
//     closes a form, an unlock that hides the lock screen) goes through the
//     component's own context, kept from OnMount.
//   - A text field bound with Value is written back on every render, which
//     can put older text over newer keystrokes. Text fields are filled with
//     putFieldValue when a form opens and read in OnInput.
package ui
