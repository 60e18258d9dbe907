//go:build !js

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// mustFakeWeb makes a web directory with a stand-in app.wasm.
func mustFakeWeb(t *testing.T) string {
	t.Helper()
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	return web
}

func TestFlags(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
	}{
		{nil, ""},
		{[]string{"-addr", "127.0.0.1:0", "-web", "x"}, ""},
		{[]string{"-tls-cert", "c.pem"}, "go together"},
		{[]string{"-tls-key", "k.pem"}, "go together"},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"-nope"}, "not defined"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			m := &Main{Out: io.Discard}
			err := m.ParseFlags(tc.args)
			if tc.wantErr == "" && err != nil {
				t.Fatalf("ParseFlags: %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("ParseFlags error %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
	m := &Main{Out: io.Discard}
	if err := m.ParseFlags(nil); err != nil || m.Addr != "localhost:8000" || m.WebDir != "web" {
		t.Errorf("defaults: addr %q web %q err %v; want localhost:8000, web", m.Addr, m.WebDir, err)
	}
}

// TestServeAndShutdown starts the server on a free port, fetches a page, and
// checks that cancelling the context (as SIGINT or SIGTERM does) shuts it down
// cleanly.
func TestServeAndShutdown(t *testing.T) {
	ready := make(chan string, 1)
	var log bytes.Buffer
	m := &Main{Addr: "127.0.0.1:0", WebDir: mustFakeWeb(t), Out: &log, Ready: ready}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()

	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("server stopped before serving: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	res, err := http.Get("http://" + addr + "/privacy")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(b), "Your privacy") {
		t.Errorf("GET /privacy: status %d; want 200 with the privacy page", res.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not shut down")
	}
	if _, err := http.Get("http://" + addr + "/"); err == nil {
		t.Error("server still answers after shutdown")
	}
	if !strings.Contains(log.String(), "shutting down") {
		t.Errorf("log lacks the shutdown line: %s", log.String())
	}
}

func TestStaticFlagWritesSite(t *testing.T) {
	dir := t.TempDir()
	m := &Main{WebDir: mustFakeWeb(t), StaticDir: dir, Out: io.Discard}
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("Run -static: %v", err)
	}
	for _, name := range []string{"index.html", "404.html", "app-worker.js", "web/app.wasm"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("static site lacks %s", name)
		}
	}
}
