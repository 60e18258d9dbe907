//go:build !js

// Command bench prints the figures that decide how Kintsugi feels on a phone:
// the size of app.wasm raw, gzip and brotli, the size of every file the
// service worker precaches, and, in headless Chromium with years of entries
// stored, how soon the heaviest pages are ready. Run it with make bench,
// which builds first.
//
// It measures; it never fails on a number.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"

	"kintsugi/app/server"
	"kintsugi/app/ui"
)

func main() {
	web := flag.String("web", "web", "the built web directory")
	flag.BoolVar(&inBrowser, "browser", true, "also time pages in headless Chromium")
	flag.Parse()
	if err := run(*web, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

var precachePattern = regexp.MustCompile(`const resourcesToCache = (\[.*?\]);`)

func run(web string, out io.Writer) error {
	s, err := server.New(server.Config{WebDir: web, Paths: ui.Paths()})
	if err != nil {
		return err
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	fetch := func(path, encoding string) (int, error) {
		req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		if err != nil {
			return 0, err
		}
		req.Header.Set("Accept-Encoding", encoding)
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			return 0, err
		}
		defer res.Body.Close()
		n, err := io.Copy(io.Discard, res.Body)
		if res.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("%s: status %d", path, res.StatusCode)
		}
		return int(n), err
	}

	fmt.Fprintf(out, "Kintsugi %s\n\n", s.Version())
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "app.wasm\traw\tgzip -9\tbrotli q11\t")
	var sizes [3]int
	for i, enc := range []string{"identity", "gzip", "br"} {
		if sizes[i], err = fetch("/web/app.wasm", enc); err != nil {
			return err
		}
	}
	fmt.Fprintf(tw, "bytes\t%d\t%d\t%d\t\n", sizes[0], sizes[1], sizes[2])
	fmt.Fprintf(tw, "MB\t%.2f\t%.2f\t%.2f\t\n", mb(sizes[0]), mb(sizes[1]), mb(sizes[2]))
	tw.Flush()

	worker, err := get(ts.URL + "/app-worker.js")
	if err != nil {
		return err
	}
	m := precachePattern.FindSubmatch(worker)
	if m == nil {
		return fmt.Errorf("no precache list in the service worker")
	}
	var files []string
	if err := json.Unmarshal(m[1], &files); err != nil {
		return err
	}
	type row struct {
		path       string
		wire, size int
	}
	var rows []row
	total, totalWire := 0, 0
	for _, f := range files {
		size, err := fetch(f, "identity")
		if err != nil {
			return err
		}
		wire, err := fetch(f, "br, gzip")
		if err != nil {
			return err
		}
		rows = append(rows, row{f, wire, size})
		total += size
		totalWire += wire
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].size > rows[j].size })
	fmt.Fprintf(out, "\nPrecached by the service worker: %d files, %d bytes (%.2f MB), %d bytes over the wire (%.2f MB)\n\n",
		len(rows), total, mb(total), totalWire, mb(totalWire))
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "bytes\tover the wire\tfile\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%d\t%d\t%s\t\n", r.size, r.wire, r.path)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !inBrowser {
		return nil
	}
	if err := measureTools(ts.URL, out); err != nil {
		return err
	}
	return measureStart(ts.URL, aChapter(), ts.Close, out)
}

// aChapter returns the path of the guide's first chapter.
func aChapter() string {
	for _, p := range ui.Paths() {
		if strings.HasPrefix(p, "/guide/") && !strings.HasPrefix(p, "/guide/path/") && p != "/guide/search" {
			return p
		}
	}
	return "/guide"
}

// inBrowser is whether to take the timings in Chromium too.
var inBrowser bool

func get(url string) ([]byte, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

func mb(n int) float64 { return float64(n) / 1e6 }
