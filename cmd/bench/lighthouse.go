//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// lighthouseVersion is the Lighthouse the scores come from, run with npx
// as ../shared/tools/pwacheck/lighthouse.sh runs it: the mobile preset,
// which simulates a mid-range phone.
const lighthouseVersion = "13.5.0"

// lighthouseRuns is how many times each page is scored; 0 skips
// Lighthouse.
var lighthouseRuns = 5

// measureLighthouse scores a page with Lighthouse several times and
// returns its Performance, Accessibility and Best Practices scores and its
// total blocking time. Without npx it says so instead.
func measureLighthouse(name, url string) ([]figure, error) {
	if lighthouseRuns == 0 {
		return []figure{{name: "Lighthouse " + name, value: "skipped (-lighthouse 0)"}}, nil
	}
	npx, err := exec.LookPath("npx")
	if err != nil {
		return []figure{{name: "Lighthouse " + name, value: "skipped: no npx (install Node.js)"}}, nil
	}
	perf := figure{name: "Lighthouse " + name + ": Performance", target: ">= 90"}
	a11y := figure{name: "  Accessibility", target: "100"}
	bp := figure{name: "  Best Practices", target: "100"}
	tbt := figure{name: "  total blocking time (ms)"}
	for range lighthouseRuns {
		dir, err := os.MkdirTemp("", "kintsugi-lighthouse")
		if err != nil {
			return nil, err
		}
		out := filepath.Join(dir, "report.json")
		cmd := exec.Command(npx, "--yes", "lighthouse@"+lighthouseVersion, url,
			"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir="+filepath.Join(dir, "profile"),
			"--output=json", "--output-path="+out, "--quiet")
		cmd.Env = append(os.Environ(), "CHROME_PATH=/usr/bin/chromium")
		if msg, err := cmd.CombinedOutput(); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("lighthouse %s: %v\n%s", url, err, msg)
		}
		b, err := os.ReadFile(out)
		os.RemoveAll(dir)
		if err != nil {
			return nil, err
		}
		var r struct {
			Categories map[string]struct {
				Score *float64 `json:"score"`
			} `json:"categories"`
			Audits map[string]struct {
				NumericValue float64 `json:"numericValue"`
			} `json:"audits"`
			RuntimeError *struct {
				Message string `json:"message"`
			} `json:"runtimeError"`
		}
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, err
		}
		if r.RuntimeError != nil {
			return nil, fmt.Errorf("lighthouse %s: %s", url, r.RuntimeError.Message)
		}
		// A category Lighthouse could not score in a run (its score is
		// null) is left out of that run's figures.
		score := func(f *figure, id string) {
			if c, ok := r.Categories[id]; ok && c.Score != nil {
				f.ms = append(f.ms, 100**c.Score)
			}
		}
		score(&perf, "performance")
		score(&a11y, "accessibility")
		score(&bp, "best-practices")
		tbt.ms = append(tbt.ms, r.Audits["total-blocking-time"].NumericValue)
	}
	figs := []figure{perf, a11y, bp, tbt}
	for i := range figs {
		if len(figs[i].ms) == 0 {
			figs[i].value = "not scored"
		}
	}
	return figs, nil
}
