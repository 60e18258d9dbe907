//go:build js && wasm

package main

import (
	"runtime"

	"github.com/hack-pad/safejs"
)

// exposeMemory sets window.kintsugiMemory, which collects garbage and
// returns the Go heap in bytes: what is live, what the heap holds, and
// all the memory the Go runtime has taken from the browser. make bench
// reads it before and after a long session; it reads no user data.
func exposeMemory() error {
	f, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return map[string]any{
			"live":  float64(m.HeapAlloc),
			"heap":  float64(m.HeapSys),
			"total": float64(m.Sys),
			"gcs":   float64(m.NumGC),
		}
	})
	if err != nil {
		return err
	}
	return safejs.Global().Set("kintsugiMemory", f.Value())
}
