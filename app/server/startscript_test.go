//go:build !js

package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestStartScriptRefusesAnUnknownAppJS checks that a go-app whose app.js
// no longer matches the edits stops the server instead of serving its
// slower start unnoticed.
func TestStartScriptRefusesAnUnknownAppJS(t *testing.T) {
	other := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("\ngoappInitWebAssembly();\nasync function load() { await fetchWithProgress(url, show) }\n"))
	})
	_, err := startScript(other)
	if err == nil || !strings.Contains(err.Error(), "plain fetch of app.wasm") {
		t.Fatalf("startScript = %v, want an error naming the edit that did not match", err)
	}
}
