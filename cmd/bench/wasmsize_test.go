//go:build !js

package main

import (
	"encoding/binary"
	"testing"
)

func TestGoPackage(t *testing.T) {
	for sym, want := range map[string]string{
		"runtime.mallocgc": "runtime",
		"github.com_maxence_charriere_go_app_v10_pkg_app.__Handler_.ServeHTTP": "github.com_maxence_charriere_go_app_v10_pkg_app",
		"kintsugi_app_ui.__homePage_.Render":                                   "kintsugi_app_ui",
		"slices.SortFunc[go.shape.struct { Name string }]":                     "slices",
		"encoding_json.__decodeState_.object":                                  "encoding_json",
		"":                                                                     "(unnamed)",
		"fmt.__pp_.printArg":                                                   "fmt",
		"runtime.__mheap_.alloc":                                               "runtime",
		"golang.org_x_crypto_argon2.IDKey":                                     "golang.org_x_crypto_argon2",
		"slices.pdqsortCmpFunc_go.shape.struct___ID_string":                    "slices",
	} {
		if got := goPackage(sym); got != want {
			t.Errorf("goPackage(%q) = %q, want %q", sym, got, want)
		}
	}
}

// TestWasmSizes reads a small module made here: one imported function, two
// function bodies named in two packages, and a data section.
func TestWasmSizes(t *testing.T) {
	uv := func(n int) []byte { return binary.AppendUvarint(nil, uint64(n)) }
	str := func(s string) []byte { return append(uv(len(s)), s...) }
	section := func(id byte, body []byte) []byte { return append(append([]byte{id}, uv(len(body))...), body...) }
	cat := func(parts ...[]byte) []byte {
		var b []byte
		for _, p := range parts {
			b = append(b, p...)
		}
		return b
	}
	mod := cat([]byte("\x00asm\x01\x00\x00\x00"),
		section(2, cat(uv(1), str("go"), str("debug"), []byte{0}, uv(0))),
		section(10, cat(uv(2), uv(3), []byte{0, 0, 0x0b}, uv(5), []byte{0, 1, 2, 3, 0x0b})),
		section(11, cat(uv(1), []byte{0, 0x41, 0, 0x0b}, str("hello"))),
		section(0, cat(str("name"), []byte{1}, func() []byte {
			names := cat(uv(2), uv(1), str("a_b.F"), uv(2), str("runtime.g"))
			return append(uv(len(names)), names...)
		}())),
	)
	code, data, err := wasmSizes(mod)
	if err != nil {
		t.Fatal(err)
	}
	if code["a_b"] != 3 || code["runtime"] != 5 || len(code) != 2 {
		t.Errorf("code by package = %v, want a_b 3 and runtime 5", code)
	}
	if data != 11 {
		t.Errorf("data = %d, want 11 (the whole data section)", data)
	}
	if _, _, err := wasmSizes([]byte("not wasm")); err == nil {
		t.Error("a file that is not WebAssembly was read without an error")
	}
}
