//go:build e2e

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestSettingsSurviveReloadWithoutFlash(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	for _, label := range []string{"Dark", "Larger", "Loose"} {
		if err := do(ctx, chromedp.Click(byText("label", label))); err != nil {
			t.Fatalf("choose %s: %v", label, err)
		}
		if err := do(ctx, chromedp.WaitVisible(byText("p", "Saved on this device."))); err != nil {
			t.Fatalf("no saved confirmation after choosing %s: %v", label, err)
		}
	}
	// The confirmation can still show from the choice before; the record
	// itself says when the last choice is stored.
	if err := eventually(ctx, `new Promise(r => { const o = indexedDB.open("kintsugi"); o.onsuccess = () => { const g = o.result.transaction("records").objectStore("records").get(["setting", "appearance"]); g.onsuccess = () => { o.result.close(); const s = g.result ? JSON.parse(g.result.data) : {}; r(s.theme === "dark" && s.textSize === "larger" && s.lineSpacing === "loose"); }; }; })`, 10*time.Second); err != nil {
		d, _ := eval[string](ctx, `(window.kdebug || []).join("\n")`)
		t.Fatalf("the three choices were not all stored: %v\n%s", err, d)
	}
	recordFirstFrame(t, ctx)
	for _, path := range []string{"/privacy", "/settings"} {
		if err := load(ctx, s.URL+path); err != nil {
			t.Fatal(err)
		}
		if first := firstFrame(t, ctx, "theme"); first != "dark" {
			t.Errorf("%s: the first visible frame had theme %q, want dark (a flash of the wrong theme)", path, first)
		}
		attrs, err := eval[string](ctx, `["data-theme","data-text-size","data-line-spacing"].map(a => document.documentElement.getAttribute(a)).join(" ")`)
		if err != nil {
			t.Fatal(err)
		}
		if attrs != "dark larger loose" {
			t.Errorf("%s: appearance after reload %q, want dark larger loose", path, attrs)
		}
	}
	if err := do(ctx, waitJS(`document.getElementById("theme-dark").checked && document.getElementById("text-size-larger").checked`, 10*time.Second)); err != nil {
		t.Errorf("the settings page does not show the saved choices after a reload: %v", err)
	}
	b.checkClean(t, s.URL)
}

func TestBackupDeleteRestore(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	downloads := allowDownloads(t, b)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	for _, label := range []string{"Dark", "Large"} {
		if err := do(ctx, chromedp.Click(byText("label", label)), chromedp.WaitVisible(byText("p", "Saved on this device."))); err != nil {
			t.Fatalf("choose %s: %v", label, err)
		}
	}

	// Download a backup.
	if err := do(ctx, settingsSettled(), chromedp.Click(byText("button", "Download a backup"))); err != nil {
		t.Fatal(err)
	}
	file := waitForDownload(t, downloads)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	compact := strings.Join(strings.Fields(string(data)), "")
	if !strings.Contains(compact, `"format":"kintsugi-backup"`) || !strings.Contains(compact, `"theme":"dark"`) {
		t.Fatalf("the backup file does not hold the settings: %s", data)
	}

	// Delete everything, behind the typed confirmation.
	err = do(ctx,
		chromedp.Click(byText("button", "Delete all my data…")),
		chromedp.WaitVisible(byText("label", "Type DELETE to confirm")),
	)
	if err != nil {
		t.Fatal(err)
	}
	enabled, err := eval[bool](ctx, `!document.evaluate('//button[normalize-space(.)="Delete everything now"]', document, null, 9, null).singleNodeValue.disabled`)
	if err != nil || enabled {
		t.Fatalf("the delete button works before the word is typed (err %v)", err)
	}
	err = do(ctx,
		chromedp.SendKeys(chromedp.CSS("#delete-confirm"), "DELETE"),
		chromedp.WaitEnabled(byText("button", "Delete everything now")),
		chromedp.Click(byText("button", "Delete everything now")),
		chromedp.WaitVisible(byText("p", "Everything Kintsugi saved on this device has been deleted.")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	theme, err := eval[string](ctx, `document.documentElement.getAttribute("data-theme") || "system"`)
	if err != nil || theme != "system" {
		t.Fatalf("after deleting everything the theme is %q, want the default (err %v)", theme, err)
	}

	// A damaged backup is refused and changes nothing.
	bad := filepath.Join(t.TempDir(), "damaged.json")
	if err := os.WriteFile(bad, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#restore-file"), []string{bad})); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, waitJS(`document.body.innerText.includes("This file cannot be restored")`, 10*time.Second)); err != nil {
		t.Fatalf("no error for a damaged backup: %v", err)
	}

	// Restore the real backup: everything comes back, and stays after a reload.
	if err := do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#restore-file"), []string{file})); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(byText("button", "Replace my data with this backup"))); err != nil {
		t.Fatalf("no confirmation for a good backup: %v", err)
	}
	summary, err := eval[string](ctx, `document.querySelector("#restore-heading").parentElement.innerText`)
	if err != nil || !strings.Contains(summary, "holds 1 settings") {
		t.Errorf("the restore summary does not say what the backup holds: %q (err %v)", summary, err)
	}
	err = do(ctx,
		chromedp.Click(byText("button", "Replace my data with this backup")),
		waitJS(`document.body.innerText.includes("Restored 1 saved entries")`, 10*time.Second),
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, s.URL+"/"); err != nil {
		t.Fatal(err)
	}
	attrs, err := eval[string](ctx, `document.documentElement.getAttribute("data-theme") + " " + document.documentElement.getAttribute("data-text-size")`)
	if err != nil || attrs != "dark large" {
		t.Errorf("after restoring and reloading, appearance is %q, want dark large (err %v)", attrs, err)
	}
	b.checkClean(t, s.URL)
}

// waitForDownload waits for one finished file in dir.
func waitForDownload(t *testing.T, dir string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".json") {
				return filepath.Join(dir, e.Name())
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("no backup file was downloaded")
	return ""
}

func TestTwoTabsSeeEachOthersWrites(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	first, second := b.tab(t), b.tab(t)
	if err := load(first, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	if err := load(second, s.URL+"/privacy"); err != nil {
		t.Fatal(err)
	}
	if err := do(first, chromedp.Click(byText("label", "Dark")), chromedp.WaitVisible(byText("p", "Saved on this device."))); err != nil {
		t.Fatal(err)
	}
	if err := do(second, waitJS(`document.documentElement.getAttribute("data-theme") === "dark"`, 10*time.Second)); err != nil {
		t.Errorf("the other tab did not follow the change: %v", err)
	}

	// Reading marks: one tab marks a chapter read, the other's contents show it.
	if err := load(first, s.URL+"/guide/setbacks"); err != nil {
		t.Fatal(err)
	}
	if err := load(second, s.URL+"/guide"); err != nil {
		t.Fatal(err)
	}
	err := do(first,
		waitJS(`[...document.querySelectorAll("button")].some(b => b.textContent === "Mark as read" && !b.disabled)`, 20*time.Second),
		chromedp.Click(byText("button", "Mark as read")),
		chromedp.WaitVisible(byText("button", "Marked as read")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := do(second, waitJS(`[...document.querySelectorAll(".toc li")].some(li => li.querySelector("a[href='/guide/setbacks']") && li.textContent.includes("Read"))`, 10*time.Second)); err != nil {
		t.Errorf("the other tab's contents did not show the chapter as read: %v", err)
	}
	b.checkClean(t, s.URL)
}
