//go:build !js

// Command bench prints the figures that decide how Kintsugi feels on a phone:
// the size of app.wasm raw, gzip and brotli, by Go package, and of every
// file the service worker precaches; then, in headless Chromium, one table
// of timings and scores: first paint against the plain HTML render, first
// visit, warm and offline starts (also as a mid-range phone), in-app
// navigation, the heaviest pages with years of entries stored, the Go heap
// before and after 200 pages and 100 saves, and Lighthouse on Home and a
// chapter. Run it with make bench, which builds first.
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

	"kintsugi/app/guide"
	"kintsugi/app/server"
	"kintsugi/app/ui"
	"kintsugi/content"
)

func main() {
	web := flag.String("web", "web", "the built web directory")
	flag.BoolVar(&inBrowser, "browser", true, "also time pages in headless Chromium")
	flag.StringVar(&gcflags, "gcflags", "", "the -gcflags arguments make build gives go build, space-separated, for the size by package")
	flag.IntVar(&runs, "runs", runs, "times each timing is taken (at least 5 for the figures to mean much)")
	flag.IntVar(&lighthouseRuns, "lighthouse", lighthouseRuns, "times Lighthouse scores each page; 0 skips it")
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
	code, data, err := packageSizes(strings.Fields(gcflags))
	if err != nil {
		return err
	}
	if err := printPackageSizes(out, code, data); err != nil {
		return err
	}

	figs := []figure{{name: "app.wasm with brotli (MB)", value: fmt.Sprintf("%.3f", mb(sizes[2])), target: "<= 2.000"}}
	if inBrowser {
		chapters, err := chapterLinks()
		if err != nil {
			return err
		}
		tools, err := measureTools(ts.URL)
		if err != nil {
			return err
		}
		nav, err := measureNavigation(ts.URL, chapters)
		if err != nil {
			return err
		}
		mem, err := measureMemory(ts.URL, chapters)
		if err != nil {
			return err
		}
		var lh []figure
		for _, page := range []struct{ name, path string }{{"Home", "/"}, {"chapter", chapters[0].path}} {
			f, err := measureLighthouse(page.name, ts.URL+page.path)
			if err != nil {
				return err
			}
			lh = append(lh, f...)
		}
		start, err := measureStart(ts.URL, chapters[0].path, ts.Close)
		if err != nil {
			return err
		}
		figs = append(figs, start...)
		figs = append(figs, nav...)
		figs = append(figs, tools...)
		figs = append(figs,
			figure{name: "Go heap in use on a chapter (MB): after start", value: fmt.Sprintf("%.2f", mem[0].Live/1e6)},
			figure{name: "  after 100 pages and 50 saves", value: fmt.Sprintf("%.2f", mem[1].Live/1e6)},
			figure{name: "  after 200 pages and 100 saves", value: fmt.Sprintf("%.2f", mem[2].Live/1e6), target: "no steady growth"},
			figure{name: "memory the Go runtime holds (MB): after start", value: fmt.Sprintf("%.1f", mem[0].Total/1e6)},
			figure{name: "  after 100 pages and 50 saves", value: fmt.Sprintf("%.1f", mem[1].Total/1e6)},
			figure{name: "  after 200 pages and 100 saves", value: fmt.Sprintf("%.1f", mem[2].Total/1e6)},
		)
		figs = append(figs, lh...)
	}
	fmt.Fprintf(out, "\nResults (ms unless stated; timings are the median, fastest and slowest of %d runs, Lighthouse of %d)\n\n", runs, lighthouseRuns)
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tmedian\tmin\tmax\ttarget\t")
	for _, f := range figs {
		fmt.Fprintln(tw, f.row())
	}
	return tw.Flush()
}

// chapterLink is a chapter's path and title.
type chapterLink struct{ path, title string }

// chapterLinks lists the guide's chapters in reading order.
func chapterLinks() ([]chapterLink, error) {
	g, err := guide.Load(content.Files())
	if err != nil {
		return nil, err
	}
	var links []chapterLink
	for _, c := range g.Chapters {
		links = append(links, chapterLink{"/guide/" + c.Slug, c.Title})
	}
	if len(links) < runs+1 {
		return nil, fmt.Errorf("the guide has %d chapters, the bench needs %d", len(links), runs+1)
	}
	return links, nil
}

// gcflags are make build's -gcflags arguments for app.wasm.
var gcflags string

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
