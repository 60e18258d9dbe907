package ui

import (
	"context"
	"fmt"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/userdata"
	"kintsugi/app/vault"
)

type settingsPage struct {
	app.Compo
	deps Deps
}

func (p *settingsPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Settings", "Reading settings, storage, backups and installing Kintsugi.")
}

func (p *settingsPage) Render() app.UI {
	return frame(p.deps, sectionSettings, "Settings",
		&appearanceForm{Store: p.deps.Store},
		&lockSummary{},
		&backupPanel{Store: p.deps.Store},
		&restorePanel{Store: p.deps.Store},
		// Below the buttons people come here for: it grows when the
		// browser answers, and must not push them away under a finger.
		&storagePanel{Deps: p.deps},
		&installPanel{},
		&deletePanel{Store: p.deps.Store},
	)
}

// lockSummary says whether the passphrase lock is on and leads to its page.
type lockSummary struct {
	app.Compo
	status vault.Status
	stop   func()
}

func (l *lockSummary) OnMount(ctx app.Context) {
	if lockVault == nil {
		return
	}
	l.status = lockVault.Current()
	l.stop = lockVault.OnStatus(func(vault.Status) { ctx.Dispatch(func(app.Context) { l.status = lockVault.Current() }) })
	ctx.Async(func() {
		s, err := lockVault.Status(ctx)
		if err == nil {
			ctx.Dispatch(func(app.Context) { l.status = s })
		}
	})
}

func (l *lockSummary) OnDismount() { stopWatch(l.stop) }

func (l *lockSummary) Render() app.UI {
	text, action := "Encrypt your entries on this device, so that only your passphrase opens them.", "Set up the passphrase lock"
	if l.status == vault.Unlocked || l.status == vault.Locked {
		text, action = "The lock is on: your entries are encrypted on this device.", "Manage the lock"
	}
	return app.Section().Class("card").Aria("labelledby", "lock-summary-heading").Body(
		heading2("lock-summary-heading", "Passphrase lock"),
		para(text),
		app.P().Body(link("/settings/lock", action)),
	)
}

// appearanceForm lets the user choose the theme, text size and line
// spacing. Each choice is saved and applied at once.
type appearanceForm struct {
	app.Compo
	Store    userdata.Store
	settings userdata.Settings
	status   string
	failed   bool
	stop     func()
}

func (f *appearanceForm) OnInit() { f.settings = userdata.DefaultSettings() }

func (f *appearanceForm) OnMount(ctx app.Context) {
	if f.Store == nil {
		return
	}
	f.load(ctx)
	f.stop = watchStore(ctx, f.Store, f.load, userdata.KindSetting)
}

func (f *appearanceForm) OnDismount() { stopWatch(f.stop) }

func (f *appearanceForm) load(ctx app.Context) {
	store := f.Store
	ctx.Async(func() {
		s, gen, err := readSettings(ctx, store)
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case !settingsCurrent(gen):
				// A choice made here is newer than what was read.
			case err != nil:
				f.status, f.failed = userdata.Message(err), true
			default:
				f.settings = s
			}
		})
	})
}

var themeLabels = map[userdata.Theme]string{
	userdata.ThemeSystem: "Same as this device",
	userdata.ThemeLight:  "Light",
	userdata.ThemeDark:   "Dark",
}

var textSizeLabels = map[userdata.TextSize]string{
	userdata.TextSmall:  "Small",
	userdata.TextMedium: "Medium",
	userdata.TextLarge:  "Large",
	userdata.TextLarger: "Larger",
}

var spacingLabels = map[userdata.LineSpacing]string{
	userdata.SpacingNormal:  "Normal",
	userdata.SpacingRelaxed: "Relaxed",
	userdata.SpacingLoose:   "Loose",
}

func (f *appearanceForm) Render() app.UI {
	return app.Section().Class("card").Aria("labelledby", "appearance-heading").Body(
		heading2("appearance-heading", "Reading"),
		choiceGroup("Theme", "theme", userdata.Themes(), themeLabels, f.settings.Theme, func(ctx app.Context, v userdata.Theme) {
			f.settings.Theme = v
			f.save(ctx)
		}),
		choiceGroup("Text size", "text-size", userdata.TextSizes(), textSizeLabels, f.settings.TextSize, func(ctx app.Context, v userdata.TextSize) {
			f.settings.TextSize = v
			f.save(ctx)
		}),
		choiceGroup("Line spacing", "line-spacing", userdata.LineSpacings(), spacingLabels, f.settings.LineSpacing, func(ctx app.Context, v userdata.LineSpacing) {
			f.settings.LineSpacing = v
			f.save(ctx)
		}),
		app.Div().Class("choice").Body(
			app.Input().Type("checkbox").ID("discreet").Checked(f.settings.Discreet).
				OnChange(func(ctx app.Context, e app.Event) {
					f.settings.Discreet = ctx.JSSrc().Get("checked").Bool()
					f.save(ctx)
				}),
			labelFor("discreet", "Discreet mode: show \"Notes\" as the title of every page"),
		),
		paraClass("muted", "For a tab or app switcher someone else might see. The app's name on your home screen is just \"Kintsugi\"."),
		statusLine(f.status, f.failed),
	)
}

func (f *appearanceForm) save(ctx app.Context) {
	s := f.settings
	applyAppearance(s)
	if f.Store == nil {
		return
	}
	f.status, f.failed = "Saving…", false
	writeSettings(ctx, f.Store, s, func(ctx app.Context, err error) {
		if err != nil {
			f.status, f.failed = userdata.Message(err), true
			return
		}
		f.status, f.failed = "Saved on this device.", false
	})
}

// settingsWrites orders this tab's appearance choices and the loads of the
// saved settings. Of quick choices only the newest is written, and a load
// never replaces a choice that is still being written or that was made
// while it read: the store announces itself ready, and another tab may
// write, at any moment, and the person's choice must stand.
var settingsWrites struct {
	sync.Mutex
	chosen   int               // choices made in this tab
	written  int               // the newest choice written, or given up for a newer one
	settings userdata.Settings // the newest choice
}

// writeSettings saves a choice, then calls done on the UI goroutine, unless
// a newer choice came first: that one is written instead.
func writeSettings(ctx app.Context, store userdata.Store, s userdata.Settings, done func(app.Context, error)) {
	settingsWrites.Lock()
	settingsWrites.chosen++
	settingsWrites.settings = s
	gen := settingsWrites.chosen
	settingsWrites.Unlock()
	ctx.Async(func() {
		settingsWrites.Lock()
		defer settingsWrites.Unlock()
		if settingsWrites.chosen != gen {
			return // a newer choice is being saved
		}
		err := userdata.SaveSettings(ctx, store, settingsWrites.settings, now())
		settingsWrites.written = gen
		ctx.Dispatch(func(ctx app.Context) { done(ctx, err) })
	})
}

// readSettings loads the saved settings, with the count of choices made in
// this tab when it read them: the result holds only while settingsCurrent
// says so. With a choice still being written, it reads nothing and reports
// a count that is already out of date.
func readSettings(ctx context.Context, store userdata.Store) (userdata.Settings, int, error) {
	settingsWrites.Lock()
	defer settingsWrites.Unlock()
	if settingsWrites.written != settingsWrites.chosen {
		return userdata.Settings{}, -1, nil
	}
	s, err := userdata.LoadSettings(ctx, store)
	return s, settingsWrites.chosen, err
}

// settingsCurrent reports whether settings read when gen choices had been
// made are still the newest.
func settingsCurrent(gen int) bool {
	settingsWrites.Lock()
	defer settingsWrites.Unlock()
	return gen == settingsWrites.chosen && gen == settingsWrites.written
}

// choiceGroup is a fieldset of radio buttons with visible labels.
func choiceGroup[T ~string](legend, name string, values []T, labels map[T]string, current T, onChoose func(app.Context, T)) app.UI {
	return app.FieldSet().Class("choices").Body(
		app.Legend().Text(legend),
		app.Range(values).Slice(func(i int) app.UI {
			v := values[i]
			id := name + "-" + string(v)
			return app.Div().Class("choice").Body(
				app.Input().Type("radio").Name(name).ID(id).Value(string(v)).Checked(v == current).
					OnChange(func(ctx app.Context, e app.Event) { onChoose(ctx, v) }),
				labelFor(id, labels[v]),
			)
		}),
	)
}

// statusLine announces the result of an action to screen readers too.
func statusLine(text string, failed bool) app.UI {
	class := "status"
	if failed {
		class += " error"
	}
	return paraClass(class, text).Aria("live", "polite")
}

// storagePanel shows whether the browser keeps the data for good and how
// much space it takes, and asks for persistent storage.
type storagePanel struct {
	app.Compo
	Deps      Deps
	loaded    bool
	persisted bool
	usage     userdata.Usage
	status    string
}

func (s *storagePanel) OnMount(ctx app.Context) {
	if s.Deps.Persisted == nil || s.Deps.Estimate == nil {
		return
	}
	d := s.Deps
	ctx.Async(func() {
		persisted, errP := d.Persisted(ctx)
		usage, errE := d.Estimate(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			s.loaded = errP == nil && errE == nil
			s.persisted, s.usage = persisted, usage
			if !s.loaded {
				s.status = "This browser does not say how it keeps Kintsugi's data."
			}
		})
	})
}

func (s *storagePanel) Render() app.UI {
	var state app.UI = para("Checking how this browser keeps your data…")
	switch {
	case s.loaded && s.persisted:
		state = para("This browser has agreed to keep Kintsugi's data until you delete it.")
	case s.loaded:
		state = app.Div().Body(
			para("This browser may clear Kintsugi's data by itself if the device runs low on space (this is called eviction). Installing Kintsugi to your home screen, or asking below, usually prevents that."),
			button("Ask the browser to keep my data").OnClick(s.persist),
		)
	}
	return app.Section().Class("card").Aria("labelledby", "storage-heading").Body(
		heading2("storage-heading", "Storage on this device"),
		state,
		app.If(s.loaded, func() app.UI {
			return para(fmt.Sprintf("Kintsugi and its saved entries use %s of the %s this browser allows it.", bytesText(s.usage.Used), bytesText(s.usage.Quota)))
		}),
		statusLine(s.status, false),
	)
}

func (s *storagePanel) persist(ctx app.Context, e app.Event) {
	d := s.Deps
	ctx.Async(func() {
		ok, err := d.Persist(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case err != nil:
				s.status = "The browser did not answer. Installing Kintsugi also protects your data."
			case ok:
				s.persisted = true
				s.status = "Done: the browser will keep your data."
			default:
				s.status = "The browser said no for now. Browsers often agree once the app is installed or used for a while."
			}
		})
	})
}

// bytesText writes a size for people.
func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
