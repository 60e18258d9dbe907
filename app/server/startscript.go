//go:build !js

package server

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// startEdits are the changes Kintsugi makes to go-app's app.js, the script
// that loads and starts app.wasm. Each must match go-app v10.1.11's script
// exactly once, or the server does not start: a silent miss would bring
// back the slow start they remove.
var startEdits = []struct{ old, new, why string }{
	{
		// go-app pipes the download through a JavaScript stream to count
		// progress for its loader. Feeding every chunk through the main
		// thread cost about 200 ms of it on this machine (a CPU profile of
		// the start); the browser compiles a plain fetch off the main
		// thread as it arrives.
		old: `fetchWithProgress("/web/app.wasm", showProgress)`,
		new: `fetch("/web/app.wasm")`,
		why: "plain fetch of app.wasm",
	},
	{
		// boot.js fetches the guide's text (package content) while the
		// wasm downloads and compiles, and hands it over before the Go
		// program runs, which reads it without waiting: a Go program that
		// waits returns to go-app's script, which then takes its loader
		// away as if the app were running.
		old: "go.run(wasm.instance);",
		new: "await (window.kintsugiBeforeRun || (() => {}))();\n    go.run(wasm.instance);",
		why: "content before run",
	},
	{
		// boot.js decides when the app starts (see kintsugiStart there).
		old: "\ngoappInitWebAssembly();\n",
		new: "\n(window.kintsugiStart || ((start) => start()))(goappInitWebAssembly);\n",
		why: "start hook",
	},
}

// startScript returns go-app's app.js with startEdits applied.
func startScript(h http.Handler) ([]byte, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("app.js: go-app answered %d", rec.Code)
	}
	js := rec.Body.Bytes()
	for _, e := range startEdits {
		if n := bytes.Count(js, []byte(e.old)); n != 1 {
			return nil, fmt.Errorf("app.js: %s: found %d times %q, want once (has go-app changed?)", e.why, n, e.old)
		}
		js = bytes.Replace(js, []byte(e.old), []byte(e.new), 1)
	}
	return js, nil
}
