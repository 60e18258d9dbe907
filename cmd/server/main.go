//go:build !js

// Command server serves Kintsugi so that it can be installed to a phone's
// home screen, or writes it out as a static site.
//
//	server [-addr localhost:8000] [-web web] [-tls-cert cert.pem -tls-key key.pem]
//	server -static DIR
//
// It stores nothing: every word a user writes stays in their browser.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"kintsugi/app/server"
	"kintsugi/app/ui"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Out: os.Stderr}
	if err := m.ParseFlags(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(2)
	}
	if err := m.Run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// Main is the server program, separated from main for tests.
type Main struct {
	Addr, WebDir, TLSCert, TLSKey, StaticDir string
	// Out receives the log.
	Out io.Writer
	// Ready, if set, receives the address the server listens on.
	Ready chan<- string
}

// ParseFlags reads the command line.
func (m *Main) ParseFlags(args []string) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(m.Out)
	fs.StringVar(&m.Addr, "addr", "localhost:8000", "address to listen on")
	fs.StringVar(&m.WebDir, "web", "web", "directory with app.wasm, icons and styles, served at /web/")
	fs.StringVar(&m.TLSCert, "tls-cert", "", "certificate file, to serve HTTPS (needed to install from another device)")
	fs.StringVar(&m.TLSKey, "tls-key", "", "private key file for -tls-cert")
	fs.StringVar(&m.StaticDir, "static", "", "write the app as a static site into this directory, then exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if (m.TLSCert == "") != (m.TLSKey == "") {
		return errors.New("-tls-cert and -tls-key go together")
	}
	return nil
}

// Run serves until ctx is cancelled, then shuts down gracefully; with
// StaticDir set it writes the static site instead.
func (m *Main) Run(ctx context.Context) error {
	logger := log.New(m.Out, "", log.LstdFlags)
	paths := ui.Paths()
	s, err := server.New(server.Config{WebDir: m.WebDir, Paths: paths})
	if err != nil {
		return err
	}
	if m.StaticDir != "" {
		if err := s.ExportStatic(m.StaticDir, paths); err != nil {
			return err
		}
		logger.Printf("wrote the static site (version %s, %d pages) to %s", s.Version(), len(paths), m.StaticDir)
		return nil
	}

	ln, err := net.Listen("tcp", m.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          logger,
	}
	scheme := "http"
	if m.TLSCert != "" {
		scheme = "https"
	}
	logger.Printf("Kintsugi %s serving at %s://%s/", s.Version(), scheme, ln.Addr())
	if m.Ready != nil {
		m.Ready <- ln.Addr().String()
	}

	errc := make(chan error, 1)
	go func() {
		if m.TLSCert != "" {
			errc <- srv.ServeTLS(ln, m.TLSCert, m.TLSKey)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Print("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
