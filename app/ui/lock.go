package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/userdata"
	"kintsugi/app/vault"
)

// lockVault is the passphrase lock, in the browser only. Quick exit and
// the idle timer reach it here.
var lockVault *vault.Store

// locked reports whether the lock is on and locked, so that pages show
// no entries.
func locked() bool {
	return lockVault != nil && lockVault.Current() == vault.Locked
}

// lockNow drops the key, if the lock is on.
func lockNow() {
	if lockVault != nil {
		lockVault.Lock()
	}
}

// lastActivity is when the user last touched, clicked or typed, in Unix
// nanoseconds.
var lastActivity atomic.Int64

var autoLockOnce sync.Once

// startAutoLock locks the app when it has not been used for the chosen
// idle time, and at once when it is hidden (another app, another tab, the
// screen turned off). It is set up once and lasts as long as the page.
func startAutoLock() {
	if !app.IsClient || lockVault == nil {
		return
	}
	autoLockOnce.Do(func() {
		lastActivity.Store(time.Now().UnixNano())
		active := app.FuncOf(func(this app.Value, args []app.Value) any {
			lastActivity.Store(time.Now().UnixNano())
			return nil
		})
		win := app.Window()
		for _, ev := range []string{"keydown", "pointerdown", "touchstart", "wheel", "input"} {
			win.Call("addEventListener", ev, active, map[string]any{"passive": true, "capture": true})
		}
		doc := win.Get("document")
		hidden := app.FuncOf(func(this app.Value, args []app.Value) any {
			if doc.Get("visibilityState").String() == "hidden" {
				lockNow()
			}
			return nil
		})
		doc.Call("addEventListener", "visibilitychange", hidden)
		win.Call("addEventListener", "pagehide", app.FuncOf(func(this app.Value, args []app.Value) any {
			lockNow()
			return nil
		}))
		go func() {
			for range time.Tick(5 * time.Second) {
				if lockVault.Current() != vault.Unlocked {
					continue
				}
				idle := time.Duration(lockVault.IdleMinutes()) * time.Minute
				if time.Since(time.Unix(0, lastActivity.Load())) >= idle {
					lockNow()
				}
			}
		}()
	})
}

// setLockedMark puts data-locked on the root element while the lock screen
// shows; the style sheet then hides everything else. web/boot.js sets it
// before the first paint when a lock exists.
func setLockedMark(on bool) {
	if !app.IsClient {
		return
	}
	root := app.Window().Get("document").Get("documentElement")
	if on {
		root.Call("setAttribute", "data-locked", "true")
	} else {
		root.Call("removeAttribute", "data-locked")
	}
}

// lockLayer is the lock screen. It is part of every page: while the lock
// is locked it covers the page (the style sheet hides the rest), except on
// the public pages (help lines, privacy), which hold no entries.
type lockLayer struct {
	app.Compo
	Public bool

	// mounted is the layer's own context. Work started from the form
	// reports back through it: the form leaves the page when the status
	// changes, and go-app drops a Dispatch from an element that left.
	mounted app.Context

	status     vault.Status
	stop       func()
	recovering bool
	passphrase string
	recovery   string
	newPass    string
	newPass2   string
	message    string
	failed     bool
	busy       bool
	waitUntil  time.Time
}

func (l *lockLayer) OnMount(ctx app.Context) {
	if lockVault == nil {
		setLockedMark(false)
		return
	}
	startAutoLock()
	l.mounted = ctx
	l.status = lockVault.Current()
	// Notices can arrive out of order (a lock and an unlock a moment
	// apart): each reads the status as it is when it runs.
	l.stop = lockVault.OnStatus(func(vault.Status) {
		ctx.Dispatch(func(ctx app.Context) { l.show(ctx, lockVault.Current()) })
	})
	ctx.Async(func() {
		s, err := lockVault.Status(ctx)
		if err != nil {
			s = vault.Off // the store problem notice explains
		}
		ctx.Dispatch(func(ctx app.Context) { l.show(ctx, s) })
	})
}

func (l *lockLayer) OnUpdate(ctx app.Context) { l.mark() }

func (l *lockLayer) OnDismount() { stopWatch(l.stop) }

// show follows a new status.
func (l *lockLayer) show(ctx app.Context, s vault.Status) {
	l.status = s
	if s != vault.Locked {
		l.passphrase, l.recovery, l.newPass, l.newPass2 = "", "", "", ""
		l.recovering, l.message, l.failed = false, "", false
	}
	l.mark()
	if s == vault.Locked && !l.Public {
		ctx.Defer(func(app.Context) { focusID("unlock-passphrase") })
	}
}

func (l *lockLayer) mark() {
	setLockedMark(!l.Public && (l.status == vault.Locked || (l.status == vault.Unknown && markedLocked())))
}

// markedLocked reports whether web/boot.js found a lock before the app
// started.
func markedLocked() bool {
	if !app.IsClient {
		return false
	}
	return app.Window().Get("document").Get("documentElement").Call("getAttribute", "data-locked").String() == "true"
}

// clearField empties the input with id and puts the focus in it.
func clearField(id string) {
	if !app.IsClient {
		return
	}
	el := app.Window().GetElementByID(id)
	if el.Truthy() {
		el.Set("value", "")
		el.Call("focus")
	}
}

// focusID moves the keyboard focus to the element with id, if it exists.
func focusID(id string) {
	if !app.IsClient {
		return
	}
	el := app.Window().GetElementByID(id)
	if el.Truthy() {
		el.Call("focus")
	}
}

func (l *lockLayer) Render() app.UI {
	// Until the lock has been read (and always on the server), the layer
	// is empty: the style sheet shows a short note in it if web/boot.js
	// found a lock, and nothing otherwise.
	if l.Public || l.status != vault.Locked {
		return app.Div().Class("lock-layer")
	}
	var body app.UI
	switch {
	case l.recovering:
		body = l.recoverForm()
	default:
		body = l.unlockForm()
	}
	return app.Div().Class("lock-layer").Body(
		app.Div().Class("lock-screen").Role("dialog").Aria("modal", "true").Aria("labelledby", "lock-heading").Body(
			app.Div().Class("top-actions").Body(
				app.A().Class("help-link").Href("/help").Text("Get help"),
				&quickExitButton{},
			),
			app.H1().ID("lock-heading").Text("Kintsugi is locked"),
			body,
		),
	)
}

func (l *lockLayer) waiting() bool { return time.Now().Before(l.waitUntil) }

func (l *lockLayer) unlockForm() app.UI {
	return app.Form().Class("stack").OnSubmit(l.unlock).Body(
		para("Your entries are encrypted on this device. Enter your passphrase to open them."),
		labelFor("unlock-passphrase", "Passphrase"),
		app.Input().Type("password").ID("unlock-passphrase").Attr("autocomplete", "current-password").
			OnInput(func(ctx app.Context, e app.Event) { l.passphrase = ctx.JSSrc().Get("value").String() }),
		app.Button().Type("submit").Class("primary").Text("Unlock").Disabled(l.busy || l.waiting()),
		statusLine(l.message, l.failed),
		button("I forgot my passphrase").Class("link").OnClick(func(ctx app.Context, e app.Event) {
			l.recovering, l.message, l.failed = true, "", false
			ctx.Defer(func(app.Context) { focusID("recovery-key") })
		}),
	)
}

// recoverForm is wrapped in a section, not a bare form like unlockForm, so
// that go-app replaces the form's fields instead of reusing them with the
// passphrase still typed in.
func (l *lockLayer) recoverForm() app.UI {
	return app.Section().Body(app.Form().Class("stack").OnSubmit(l.recover).Body(
		para("Enter the recovery key you wrote down when you set the lock, and choose a new passphrase. Without the passphrase or the recovery key, nobody can open your entries, not even the people who make Kintsugi."),
		labelFor("recovery-key", "Recovery key"),
		app.Input().Type("text").ID("recovery-key").AutoComplete(false).Attr("autocapitalize", "characters").Attr("spellcheck", "false").
			OnInput(func(ctx app.Context, e app.Event) { l.recovery = ctx.JSSrc().Get("value").String() }),
		labelFor("recovery-new", "New passphrase"),
		app.Input().Type("password").ID("recovery-new").Attr("autocomplete", "new-password").
			OnInput(func(ctx app.Context, e app.Event) { l.newPass = ctx.JSSrc().Get("value").String() }),
		labelFor("recovery-new2", "New passphrase again"),
		app.Input().Type("password").ID("recovery-new2").Attr("autocomplete", "new-password").
			OnInput(func(ctx app.Context, e app.Event) { l.newPass2 = ctx.JSSrc().Get("value").String() }),
		app.Button().Type("submit").Class("primary").Text("Set the new passphrase and unlock").Disabled(l.busy || l.waiting()),
		statusLine(l.message, l.failed),
		button("Back to the passphrase").Class("link").OnClick(func(ctx app.Context, e app.Event) {
			l.recovering, l.message, l.failed = false, "", false
		}),
	))
}

func (l *lockLayer) unlock(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if l.busy || lockVault == nil {
		return
	}
	pass := l.passphrase
	l.busy, l.message, l.failed = true, "Unlocking…", false
	attempt(l.mounted, func(c context.Context) error { return lockVault.Unlock(c, pass) }, l.finish)
}

func (l *lockLayer) recover(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if l.busy || lockVault == nil {
		return
	}
	if l.newPass != l.newPass2 {
		l.message, l.failed = "The two new passphrases are different. Please type them again.", true
		return
	}
	key, pass := l.recovery, l.newPass
	l.busy, l.message, l.failed = true, "Checking the recovery key…", false
	attempt(l.mounted, func(c context.Context) error { return lockVault.Recover(c, key, pass) }, l.finish)
}

// attempt runs op, a call to the lock that may fail on a passphrase, off
// the UI goroutine, then done on it with the error and, after a failure,
// how long until the next try is allowed. ctx must be a component's own
// context (from OnMount), not an event's: the form that started op may
// leave the page before op ends.
func attempt(ctx app.Context, op func(context.Context) error, done func(app.Context, error, time.Duration)) {
	ctx.Async(func() {
		err := op(context.WithoutCancel(ctx))
		var wait time.Duration
		if err != nil {
			wait, _ = lockVault.Wait(ctx)
		}
		ctx.Dispatch(func(ctx app.Context) { done(ctx, err, wait) })
	})
}

// finish reports the result of an unlock or recovery; on success the
// status change hides the layer.
func (l *lockLayer) finish(ctx app.Context, err error, wait time.Duration) {
	l.busy = false
	if err == nil {
		l.passphrase = ""
		return
	}
	l.message, l.failed = unlockProblem(err, wait), true
	if errors.Is(err, vault.ErrWrongPassphrase) {
		// Ready for another try: empty, with the focus in it.
		l.passphrase = ""
		clearField("unlock-passphrase")
	}
	if wait > 0 {
		l.waitUntil = time.Now().Add(wait)
		ctx.After(wait, func(app.Context) {}) // enable the button again
	}
}

// unlockProblem says why an unlock, recovery or change failed.
func unlockProblem(err error, wait time.Duration) string {
	var msg string
	switch {
	case errors.Is(err, vault.ErrWrongPassphrase):
		msg = "That passphrase does not open Kintsugi. Nothing has changed."
	case errors.Is(err, vault.ErrWrongRecoveryKey):
		msg = "That recovery key does not open Kintsugi. Nothing has changed."
	case errors.Is(err, vault.ErrRecoveryFormat):
		return "That is not a recovery key: a recovery key has 32 letters and digits, in groups of four."
	case errors.Is(err, vault.ErrShortPassphrase):
		return fmt.Sprintf("Please choose a passphrase of at least %d characters. A few unrelated words are easy to remember and hard to guess.", vault.MinPassphrase)
	case errors.Is(err, vault.ErrTooSoon):
		msg = "Too many tries in a row."
	case errors.Is(err, vault.ErrDamaged):
		return "The lock's data on this device is damaged, so it cannot be opened. A backup can be restored after deleting all data in Settings."
	default:
		return userdata.Message(err)
	}
	if wait > 0 {
		msg += " For your protection, please wait " + waitText(wait) + " before trying again."
	}
	return msg
}

// waitText writes a wait for people: "5 seconds", "2 minutes".
func waitText(d time.Duration) string {
	if d < time.Minute {
		s := int((d + time.Second - 1) / time.Second)
		if s == 1 {
			return "1 second"
		}
		return fmt.Sprintf("%d seconds", s)
	}
	m := int((d + time.Minute - 1) / time.Minute)
	if m == 1 {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", m)
}

// lockPage turns the passphrase lock on and off and changes it.
type lockPage struct {
	app.Compo
	deps    Deps
	status  vault.Status
	stop    func()
	mounted app.Context // the page's own context: see lockLayer.mounted

	// Turning it on: the passphrase first, then the recovery key.
	pass, pass2 string
	understood  bool
	recoveryKey string // shown once, between the two steps
	typedEnd    string
	idle        int

	current, next, next2 string
	offPass              string
	message              string
	failed               bool
	busy                 bool
}

func (p *lockPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Passphrase lock", "Encrypt your entries on this device with a passphrase.")
}

func (p *lockPage) OnMount(ctx app.Context) {
	p.mounted = ctx
	if lockVault == nil {
		return
	}
	p.stop = lockVault.OnStatus(func(vault.Status) {
		ctx.Dispatch(func(ctx app.Context) { p.status, p.idle = lockVault.Current(), lockVault.IdleMinutes() })
	})
	ctx.Async(func() {
		s, _ := lockVault.Status(ctx)
		ctx.Dispatch(func(ctx app.Context) { p.status, p.idle = s, lockVault.IdleMinutes() })
	})
}

func (p *lockPage) OnDismount() { stopWatch(p.stop) }

func (p *lockPage) Render() app.UI {
	var body app.UI
	switch {
	case p.status == vault.Unknown:
		body = para("Checking the lock…")
	case p.recoveryKey != "":
		body = p.recoveryStep()
	case p.status == vault.Off:
		body = p.setupForm()
	default:
		body = p.onPanel()
	}
	return frame(p.deps, sectionSettings, "Passphrase lock",
		para("With the lock on, everything you write in Kintsugi is encrypted on this device with a key that only your passphrase opens. Someone who picks up this phone, or copies this browser's storage, cannot read your entries without it."),
		body,
		statusLine(p.message, p.failed),
		link("/settings", "Back to Settings"),
	)
}

func (p *lockPage) setupForm() app.UI {
	return app.Form().Class("card stack").OnSubmit(p.toRecovery).Body(
		app.H2().Text("Turn on the lock"),
		app.Div().Class("notice warning").Role("note").Body(
			para("If you forget your passphrase and lose your recovery key, your entries cannot be opened again by anyone. Kintsugi keeps no copy anywhere else and has no way to reset it."),
		),
		para(fmt.Sprintf("Choose a passphrase of at least %d characters that the other people around you could not guess. A few unrelated words work well.", vault.MinPassphrase)),
		labelFor("lock-pass", "New passphrase"),
		app.Input().Type("password").ID("lock-pass").Attr("autocomplete", "new-password").
			OnInput(func(ctx app.Context, e app.Event) { p.pass = ctx.JSSrc().Get("value").String() }),
		labelFor("lock-pass2", "New passphrase again"),
		app.Input().Type("password").ID("lock-pass2").Attr("autocomplete", "new-password").
			OnInput(func(ctx app.Context, e app.Event) { p.pass2 = ctx.JSSrc().Get("value").String() }),
		app.Div().Class("check").Body(
			app.Input().Type("checkbox").ID("lock-understood").Checked(p.understood).
				OnChange(func(ctx app.Context, e app.Event) { p.understood = ctx.JSSrc().Get("checked").Bool() }),
			labelFor("lock-understood", "I understand that without my passphrase or recovery key my entries are gone for good."),
		),
		app.Button().Type("submit").Class("primary").Text("Continue to the recovery key").Disabled(!p.understood),
	)
}

func (p *lockPage) toRecovery(ctx app.Context, e app.Event) {
	e.PreventDefault()
	switch {
	case !p.understood:
		p.message, p.failed = "Please tick the box to show you understand what happens if the passphrase is lost.", true
	case len([]rune(p.pass)) < vault.MinPassphrase:
		p.message, p.failed = unlockProblem(vault.ErrShortPassphrase, 0), true
	case p.pass != p.pass2:
		p.message, p.failed = "The two passphrases are different. Please type them again.", true
	default:
		p.recoveryKey, p.message, p.failed = vault.NewRecoveryKey(), "", false
	}
}

// lastGroup is the part of the recovery key the user types back.
func lastGroup(key string) string { return key[strings.LastIndex(key, "-")+1:] }

// recoveryStep is wrapped in a section, unlike setupForm, so that go-app
// replaces the fields instead of reusing them with the passphrase in them.
func (p *lockPage) recoveryStep() app.UI {
	return app.Section().Body(app.Form().Class("card stack").OnSubmit(p.enable).Body(
		app.H2().Text("Write down your recovery key"),
		para("If you forget your passphrase, this key is the only other way in. Write it on paper and keep it somewhere safe, away from this phone. It is shown only this once."),
		paraClass("recovery-key", p.recoveryKey).ID("recovery-key-shown"),
		labelFor("recovery-check", "To check you have it, type its last four characters"),
		app.Input().Type("text").ID("recovery-check").AutoComplete(false).Attr("autocapitalize", "characters").Attr("spellcheck", "false").
			OnInput(func(ctx app.Context, e app.Event) { p.typedEnd = ctx.JSSrc().Get("value").String() }),
		app.Div().Class("actions").Body(
			app.Button().Type("submit").Class("primary").Text("Turn on the lock").Disabled(p.busy),
			button("Cancel").OnClick(func(ctx app.Context, e app.Event) {
				p.recoveryKey, p.typedEnd, p.message, p.failed = "", "", "The lock was not turned on.", false
			}),
		),
	))
}

func (p *lockPage) enable(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.busy || lockVault == nil {
		return
	}
	if !strings.EqualFold(strings.TrimSpace(p.typedEnd), lastGroup(p.recoveryKey)) {
		p.message, p.failed = "Those are not the last four characters of the recovery key. Please check what you wrote down.", true
		return
	}
	pass, key := p.pass, p.recoveryKey
	p.busy, p.message, p.failed = true, "Encrypting your entries…", false
	ctx = p.mounted // the form leaves the page when the status changes
	ctx.Async(func() {
		err := lockVault.Enable(context.WithoutCancel(ctx), pass, key)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.message, p.failed = "The lock was not turned on, and nothing changed: "+unlockProblem(err, 0), true
				return
			}
			p.pass, p.pass2, p.recoveryKey, p.typedEnd, p.understood = "", "", "", "", false
			p.status = vault.Unlocked
			p.message, p.failed = "The lock is on. Your entries are encrypted on this device.", false
		})
	})
}

func (p *lockPage) onPanel() app.UI {
	return app.Div().Body(
		app.Section().Class("card stack").Aria("labelledby", "lock-on-heading").Body(
			heading2("lock-on-heading", "The lock is on"),
			para("Kintsugi locks itself when you leave it (another app, another tab, the screen turning off), when you use Quick exit, and after the time below without use."),
			labelFor("lock-idle", "Lock after this long without use"),
			app.Select().ID("lock-idle").OnChange(p.setIdle).Body(
				app.Range(vault.IdleChoices).Slice(func(i int) app.UI {
					m := vault.IdleChoices[i]
					label := fmt.Sprintf("%d minutes", m)
					if m == 1 {
						label = "1 minute"
					}
					return app.Option().Value(fmt.Sprint(m)).Selected(m == p.idle).Text(label)
				}),
			),
			button("Lock now").OnClick(func(ctx app.Context, e app.Event) { lockNow() }),
		),
		app.Form().Class("card stack").OnSubmit(p.change).Body(
			app.H2().Text("Change the passphrase"),
			para("Your recovery key stays the same."),
			labelFor("change-current", "Current passphrase"),
			app.Input().Type("password").ID("change-current").Attr("autocomplete", "current-password").
				OnInput(func(ctx app.Context, e app.Event) { p.current = ctx.JSSrc().Get("value").String() }),
			labelFor("change-next", "New passphrase"),
			app.Input().Type("password").ID("change-next").Attr("autocomplete", "new-password").
				OnInput(func(ctx app.Context, e app.Event) { p.next = ctx.JSSrc().Get("value").String() }),
			labelFor("change-next2", "New passphrase again"),
			app.Input().Type("password").ID("change-next2").Attr("autocomplete", "new-password").
				OnInput(func(ctx app.Context, e app.Event) { p.next2 = ctx.JSSrc().Get("value").String() }),
			app.Button().Type("submit").Text("Change the passphrase").Disabled(p.busy),
		),
		app.Form().Class("card stack danger").OnSubmit(p.disable).Body(
			app.H2().Text("Turn off the lock"),
			para("Your entries will be stored unencrypted on this device again, readable by anyone who can open Kintsugi here. Your recovery key will no longer be needed."),
			labelFor("off-pass", "Passphrase"),
			app.Input().Type("password").ID("off-pass").Attr("autocomplete", "current-password").
				OnInput(func(ctx app.Context, e app.Event) { p.offPass = ctx.JSSrc().Get("value").String() }),
			app.Button().Type("submit").Class("danger").Text("Turn off the lock and decrypt my entries").Disabled(p.busy),
		),
	)
}

func (p *lockPage) setIdle(ctx app.Context, e app.Event) {
	m, _ := strconv.Atoi(ctx.JSSrc().Get("value").String()) // 0, refused below, if not a number
	ctx.Async(func() {
		err := lockVault.SetIdleMinutes(ctx, m)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.message, p.failed = "The time was not changed: "+unlockProblem(err, 0), true
				return
			}
			p.idle = m
			p.message, p.failed = "Saved.", false
		})
	})
}

func (p *lockPage) change(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.busy {
		return
	}
	if p.next != p.next2 {
		p.message, p.failed = "The two new passphrases are different. Please type them again.", true
		return
	}
	current, next := p.current, p.next
	p.busy, p.message, p.failed = true, "Changing the passphrase…", false
	attempt(p.mounted, func(c context.Context) error { return lockVault.ChangePassphrase(c, current, next) },
		func(ctx app.Context, err error, wait time.Duration) {
			p.busy = false
			if err != nil {
				p.message, p.failed = "The passphrase was not changed. "+unlockProblem(err, wait), true
				return
			}
			p.current, p.next, p.next2 = "", "", ""
			p.message, p.failed = "The passphrase is changed. Use the new one from now on.", false
		})
}

func (p *lockPage) disable(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.busy {
		return
	}
	pass := p.offPass
	p.busy, p.message, p.failed = true, "Decrypting your entries…", false
	attempt(p.mounted, func(c context.Context) error { return lockVault.Disable(c, pass) },
		func(ctx app.Context, err error, wait time.Duration) {
			p.busy = false
			if err != nil {
				p.message, p.failed = "The lock is still on, and nothing changed. "+unlockProblem(err, wait), true
				return
			}
			p.offPass = ""
			p.status = vault.Off
			p.message, p.failed = "The lock is off. Your entries are stored unencrypted on this device.", false
		})
}
