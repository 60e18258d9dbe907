//go:build e2e

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const (
	lockPass   = "paper lanterns on the river"
	knownWords = "the blue umbrella at the station"
)

// rawRecords is every value in the app's IndexedDB store, read straight
// from the browser's storage, as someone copying it would see it.
const rawRecords = `new Promise((resolve, reject) => {
  const open = indexedDB.open("kintsugi");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const all = db.transaction("records").objectStore("records").getAll();
    all.onsuccess = () => { db.close(); resolve(JSON.stringify(all.result)); };
    all.onerror = () => reject(all.error);
  };
})`

type rawValue struct {
	Kind, ID, Data string
}

func readRaw(t *testing.T, ctx context.Context) []rawValue {
	t.Helper()
	text, err := eval[string](ctx, rawRecords)
	if err != nil {
		t.Fatal(err)
	}
	var vals []rawValue
	if err := json.Unmarshal([]byte(text), &vals); err != nil {
		t.Fatal(err)
	}
	return vals
}

// putJournal stores n journal entries the way the app stores records, as
// if written in an earlier session; the first one holds knownWords.
func putJournal(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	script := fmt.Sprintf(`new Promise((resolve, reject) => {
  const open = indexedDB.open("kintsugi");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction("records", "readwrite");
    const st = tx.objectStore("records");
    for (let i = 0; i < %d; i++) {
      const day = new Date(Date.UTC(2026, 0, 1) + i * 3600e3).toISOString().replace(".000Z", "Z");
      const at = day.replace("Z", ".000000000Z");
      const text = i === 0 ? %q : "entry number " + i + " about an ordinary day";
      st.put({kind: "journal", id: "e2e-" + i, date: day, at: at, created: day, updated: day, data: JSON.stringify({text: text})});
    }
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`, n, knownWords)
	if _, err := eval[bool](ctx, script); err != nil {
		t.Fatal(err)
	}
}

// turnLockOn goes through the lock page as a person would: passphrase
// twice, the warning acknowledged, the recovery key copied down, and its
// last four characters typed back. It returns the recovery key.
func turnLockOn(t *testing.T, ctx context.Context, base string, finish bool) string {
	t.Helper()
	if err := load(ctx, base+"/settings/lock"); err != nil {
		t.Fatal(err)
	}
	err := do(ctx,
		chromedp.WaitVisible(byText("h2", "Turn on the lock")),
		chromedp.SendKeys(chromedp.CSS("#lock-pass"), lockPass),
		chromedp.SendKeys(chromedp.CSS("#lock-pass2"), lockPass),
		chromedp.Click(byText("label", "I understand that without my passphrase or recovery key my entries are gone for good.")),
		chromedp.WaitEnabled(byText("button", "Continue to the recovery key")),
		chromedp.Click(byText("button", "Continue to the recovery key")),
		chromedp.WaitVisible(byText("h2", "Write down your recovery key")),
	)
	if err != nil {
		txt, _ := eval[string](ctx, `document.body.innerText`)
		t.Fatalf("choosing a passphrase: %v\n%s", err, txt)
	}
	key, err := eval[string](ctx, `document.getElementById("recovery-key-shown").textContent`)
	if err != nil || len(key) != 39 {
		t.Fatalf("recovery key shown: %q (err %v)", key, err)
	}
	if err := do(ctx, chromedp.SendKeys(chromedp.CSS("#recovery-check"), key[len(key)-4:]), chromedp.Click(byText("button", "Turn on the lock"))); err != nil {
		t.Fatal(err)
	}
	if finish {
		if err := do(ctx, chromedp.WaitVisible(byText("p", "The lock is on. Your entries are encrypted on this device."))); err != nil {
			txt, _ := eval[string](ctx, `document.body.innerText`)
			t.Fatalf("turning the lock on: %v\n%s", err, txt)
		}
	}
	return key
}

// lockScreenShows waits for the lock screen, with the page under it hidden.
func lockScreenShows(ctx context.Context) error {
	return do(ctx,
		chromedp.WaitVisible(byText("h1", "Kintsugi is locked")),
		waitJS(`getComputedStyle(document.querySelector("main")).display === "none"`, 10*time.Second),
	)
}

func unlock(ctx context.Context, passphrase string) error {
	return do(ctx,
		chromedp.WaitVisible(chromedp.CSS("#unlock-passphrase")),
		chromedp.SendKeys(chromedp.CSS("#unlock-passphrase"), passphrase),
		chromedp.Click(byText("button", "Unlock")),
	)
}

func TestLockEncryptsAtRest(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	downloads := allowDownloads(t, b)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/tools/safety-check"); err != nil {
		t.Fatal(err)
	}
	answerSafetyCheck(t, ctx)
	putJournal(t, ctx, 20)

	turnLockOn(t, ctx, s.URL, true)

	// What the browser stores holds no word of the entries, nor their IDs.
	for _, v := range readRaw(t, ctx) {
		if strings.Contains(v.Data, "blue umbrella") || strings.Contains(v.Data, "ordinary day") || strings.HasPrefix(v.ID, "e2e-") {
			t.Fatalf("after the lock went on, a stored value is readable: %+v", v)
		}
		if v.Kind == "safety" && strings.Contains(v.Data, "answers") {
			t.Fatalf("the safety check is stored in the clear: %+v", v)
		}
	}

	// A reload starts locked, from the first frame, with the help lines
	// still one tap away.
	recordFirstFrame(t, ctx)
	if err := load(ctx, s.URL+"/tools"); err != nil {
		txt, _ := eval[string](ctx, `document.documentElement.outerHTML.slice(0, 3000) + " LOADER:" + !!document.getElementById("app-wasm-loader")`)
		b.mu.Lock()
		t.Log(b.problems)
		b.mu.Unlock()
		t.Fatal(err, txt)
	}
	if first := firstFrame(t, ctx, "locked"); first != "true" {
		t.Errorf("the first visible frame after a reload is not locked (data-locked %q)", first)
	}
	if err := lockScreenShows(ctx); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.Click(`//div[contains(@class,"lock-screen")]`+byText("a", "Get help")), chromedp.WaitVisible(byText("h1", "Get help now"))); err != nil {
		t.Fatalf("the help lines are not reachable while locked: %v", err)
	}
	if err := load(ctx, s.URL+"/settings/lock"); err != nil {
		t.Fatal(err)
	}

	// A wrong passphrase says so and changes nothing.
	before := readRaw(t, ctx)
	if err := unlock(ctx, "not the passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(byText("p", "That passphrase does not open Kintsugi. Nothing has changed."))); err != nil {
		t.Fatal(err)
	}
	after := readRaw(t, ctx)
	if len(after) != len(before)+1 { // the failed try is counted
		t.Errorf("a wrong passphrase changed the stored records: %d before, %d after", len(before), len(after))
	}

	// The right one opens it; the entries read back through a backup.
	if err := unlock(ctx, lockPass); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.WaitVisible(byText("h2", "The lock is on"))); err != nil {
		t.Fatalf("unlocking did not show the page: %v", err)
	}
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	// The app locks itself when the page is hidden: moving to the lock page
	// first, the page was reloaded, which also locks.
	if err := lockScreenShows(ctx); err != nil {
		t.Fatal(err)
	}
	if err := unlock(ctx, lockPass); err != nil {
		t.Fatal(err)
	}
	err := do(ctx,
		chromedp.WaitVisible(byText("button", "Download an encrypted backup")),
		settingsSettled(),
		chromedp.Click(byText("button", "Download an encrypted backup")),
	)
	if err != nil {
		t.Fatal(err)
	}
	sealedFile := waitForDownload(t, downloads)
	sealed, err := os.ReadFile(sealedFile)
	if err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(t.TempDir(), "encrypted.json")
	if err := os.Rename(sealedFile, kept); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(sealed), "blue umbrella") || !strings.Contains(string(sealed), `"id": "lock"`) && !strings.Contains(string(sealed), `"id":"lock"`) {
		t.Errorf("the encrypted backup is not encrypted, or lacks its lock: %.300s", sealed)
	}
	err = do(ctx,
		chromedp.Click(byText("button", "Download an unencrypted backup instead…")),
		chromedp.WaitVisible(byText("button", "Download an unencrypted backup")),
		chromedp.Click(byText("button", "Download an unencrypted backup")),
	)
	if err != nil {
		t.Fatal(err)
	}
	plainFile := waitForDownload(t, downloads)
	plain, err := os.ReadFile(plainFile)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(plainFile)
	if !strings.Contains(string(plain), knownWords) || strings.Contains(string(plain), `"lock"`) {
		t.Errorf("the unencrypted backup does not hold the entries in the clear: %.300s", plain)
	}

	// Lock now, from the lock page, drops the key at once.
	if err := do(ctx, chromedp.Click(byText("a", "Manage the lock")), chromedp.WaitVisible(byText("h2", "The lock is on")), chromedp.Click(byText("button", "Lock now"))); err != nil {
		t.Fatal(err)
	}
	if err := lockScreenShows(ctx); err != nil {
		t.Fatal(err)
	}
	if err := unlock(ctx, lockPass); err != nil {
		t.Fatal(err)
	}

	// Leaving the app (the browser reports the page hidden) locks it too.
	if err := do(ctx, chromedp.WaitVisible(byText("h2", "The lock is on"))); err != nil {
		t.Fatal(err)
	}
	hide := `Object.defineProperty(document, "visibilityState", {configurable: true, get: () => "hidden"});
document.dispatchEvent(new Event("visibilitychange"));
delete document.visibilityState; true`
	if _, err := eval[bool](ctx, hide); err != nil {
		t.Fatal(err)
	}
	if err := lockScreenShows(ctx); err != nil {
		t.Fatalf("hiding the page did not lock the app: %v", err)
	}
	if err := unlock(ctx, lockPass); err != nil {
		t.Fatal(err)
	}

	// Turning the lock off brings every entry back in the clear.
	if err := do(ctx, chromedp.WaitVisible(byText("h2", "Turn off the lock"))); err != nil {
		txt, _ := eval[string](ctx, `document.body.innerText + location.pathname`)
		t.Fatalf("unlocking after the page was hidden: %v\n%s", err, txt)
	}
	err = do(ctx,
		chromedp.SendKeys(chromedp.CSS("#off-pass"), lockPass),
		chromedp.Click(byText("button", "Turn off the lock and decrypt my entries")),
		chromedp.WaitVisible(byText("p", "The lock is off. Your entries are stored unencrypted on this device.")),
	)
	if err != nil {
		txt, _ := eval[string](ctx, `document.body.innerText`)
		t.Fatalf("turning the lock off: %v\n%s", err, txt)
	}
	raw := readRaw(t, ctx)
	journal := 0
	for _, v := range raw {
		if strings.HasPrefix(v.ID, "v1.") || v.ID == "lock" {
			t.Errorf("after the lock went off, a sealed value remains: %+v", v)
		}
		if v.Kind == "journal" {
			journal++
		}
		if v.ID == "e2e-0" && !strings.Contains(v.Data, knownWords) {
			t.Errorf("the first entry reads %q after the lock went off", v.Data)
		}
	}
	if journal != 20 {
		t.Errorf("%d journal entries after the lock went off, want 20", journal)
	}

	// The encrypted backup restores, with the lock off, once its
	// passphrase is given; a wrong one changes nothing.
	if err := putJournalText(ctx, "e2e-0", "written after the backup"); err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, s.URL+"/settings"); err != nil {
		t.Fatal(err)
	}
	err = do(ctx,
		settingsSettled(),
		chromedp.SetUploadFiles(chromedp.CSS("#restore-file"), []string{kept}),
		chromedp.WaitVisible(byText("label", "Passphrase or recovery key")),
		chromedp.SendKeys(chromedp.CSS("#restore-secret"), "not it at all"),
		chromedp.Click(byText("button", "Open the backup")),
		chromedp.WaitVisible(byText("p", "That passphrase or recovery key does not open this backup. Nothing was changed.")),
	)
	if err != nil {
		t.Fatal(err)
	}
	err = do(ctx,
		chromedp.SendKeys(chromedp.CSS("#restore-secret"), lockPass),
		chromedp.Click(byText("button", "Open the backup")),
		chromedp.WaitVisible(byText("button", "Replace my data with this backup")),
		chromedp.Click(byText("button", "Replace my data with this backup")),
		waitJS(`document.body.innerText.includes("Restored")`, 20*time.Second),
	)
	if err != nil {
		t.Fatal(err)
	}
	restored := false
	for _, v := range readRaw(t, ctx) {
		if strings.HasPrefix(v.ID, "v1.") || v.ID == "lock" {
			t.Errorf("a restore with the lock off left a sealed value: %+v", v)
		}
		if v.ID == "e2e-0" {
			restored = strings.Contains(v.Data, knownWords)
		}
	}
	if !restored {
		t.Error("the encrypted backup did not bring back the first entry as it was")
	}
	b.checkClean(t, s.URL)
}

// putJournalText replaces one journal entry's text, as a later session
// would.
func putJournalText(ctx context.Context, id, text string) error {
	_, err := eval[bool](ctx, fmt.Sprintf(`new Promise((resolve, reject) => {
  const open = indexedDB.open("kintsugi");
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction("records", "readwrite");
    const st = tx.objectStore("records");
    const get = st.get(["journal", %q]);
    get.onsuccess = () => { const v = get.result; v.data = JSON.stringify({text: %q}); st.put(v); };
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`, id, text))
	return err
}

func TestQuickExitLocks(t *testing.T) {
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	ctx := b.tab(t)
	if err := load(ctx, s.URL+"/"); err != nil {
		t.Fatal(err)
	}
	putJournal(t, ctx, 1)
	turnLockOn(t, ctx, s.URL, true)
	if err := do(ctx, chromedp.Click(byText("button", "Quick exit"))); err != nil {
		t.Fatal(err)
	}
	if err := eventually(ctx, `location.pathname === "/web/away.html" && document.readyState === "complete"`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	// Back skips the lock page, and what it shows is locked.
	if err := do(ctx, startApp(), appReady()); err != nil {
		t.Fatal(err)
	}
	if path, _ := eval[string](ctx, `location.pathname`); path == "/settings/lock" {
		t.Errorf("Back returned to the screen quick exit left")
	}
	if err := lockScreenShows(ctx); err != nil {
		t.Errorf("after quick exit and Back, the app is not locked: %v", err)
	}
	b.checkClean(t, s.URL)
}

// TestInterruptedLockOnLosesNothing closes the page while the lock is
// being turned on, over enough entries that the rewrite takes a while.
// Whatever moment the close lands on, the data must be all in the clear
// with no lock, or all sealed under a lock the passphrase opens.
func TestInterruptedLockOnLosesNothing(t *testing.T) {
	const entries = 3000
	s := startServer(t, builtWeb(t), "127.0.0.1:0")
	b := newBrowser(t)
	for _, delay := range []time.Duration{0, 800 * time.Millisecond, 3 * time.Second} {
		t.Run(fmt.Sprint(delay), func(t *testing.T) {
			ctx := b.tab(t)
			if err := load(ctx, s.URL+"/"); err != nil {
				t.Fatal(err)
			}
			// Start from nothing, then write the entries.
			if _, err := eval[bool](ctx, `new Promise(r => { const d = indexedDB.open("kintsugi"); d.onsuccess = () => { const db = d.result; const tx = db.transaction("records", "readwrite"); tx.objectStore("records").clear(); tx.oncomplete = () => { db.close(); r(true); }; }; })`); err != nil {
				t.Fatal(err)
			}
			putJournal(t, ctx, entries)
			turnLockOn(t, ctx, s.URL, false)
			if err := do(ctx, chromedp.WaitVisible(byText("p", "Encrypting your entries…"))); err != nil {
				t.Fatal(err)
			}
			time.Sleep(delay)
			// Close the tab, as a person swiping the app away would.
			if err := chromedp.Cancel(ctx); err != nil {
				t.Fatal(err)
			}

			check := b.tab(t)
			if err := load(check, s.URL+"/help"); err != nil {
				t.Fatal(err)
			}
			raw := readRaw(t, check)
			locked, sealed, clear := false, 0, 0
			for _, v := range raw {
				switch {
				case v.ID == "lock":
					locked = true
				case strings.HasPrefix(v.ID, "v1."):
					sealed++
				case v.Kind == "journal":
					clear++
				}
			}
			switch {
			case !locked && clear == entries && sealed == 0:
				t.Logf("closed before the lock committed: all %d entries in the clear, no lock", entries)
			case locked && sealed == entries && clear == 0:
				t.Logf("closed after the lock committed: all %d entries sealed", entries)
				if err := load(check, s.URL+"/settings/lock"); err != nil {
					t.Fatal(err)
				}
				if err := unlock(check, lockPass); err != nil {
					t.Fatal(err)
				}
				if err := do(check, chromedp.WaitVisible(byText("h2", "The lock is on"))); err != nil {
					t.Fatalf("the passphrase does not open the lock set before the close: %v", err)
				}
			default:
				t.Fatalf("inconsistent after an interrupted lock-on: lock %v, %d sealed, %d in the clear (want %d, one way or the other)", locked, sealed, clear, entries)
			}
		})
	}
}
