package ui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/backup"
	"kintsugi/app/userdata"
	"kintsugi/app/vault"
)

// kindLabels names each kind of record in plain words, for the summary of a
// backup.
var kindLabels = map[userdata.Kind]string{
	userdata.KindCheckin:       "check-ins",
	userdata.KindCoupleCheckin: "weekly couple check-ins",
	userdata.KindJournal:       "journal entries",
	userdata.KindTrigger:       "trigger log entries",
	userdata.KindMilestone:     "milestones",
	userdata.KindExercise:      "exercises",
	userdata.KindReading:       "chapters read",
	userdata.KindBookmark:      "bookmarks",
	userdata.KindSetting:       "settings",
	userdata.KindSafety:        "safety check answers",
}

// backupPanel downloads everything the user saved as one file: encrypted
// while the passphrase lock is on, unless the user asks, after a warning,
// for a file anyone can read.
type backupPanel struct {
	app.Compo
	Store     userdata.Store
	lockOn    bool
	plainOpen bool // the warned choice of an unencrypted file is showing
	status    string
	failed    bool
	stop      func()
}

func (b *backupPanel) OnMount(ctx app.Context) {
	if lockVault == nil {
		return
	}
	follow := func(s vault.Status) { b.lockOn = s == vault.Unlocked || s == vault.Locked }
	follow(lockVault.Current())
	b.stop = lockVault.OnStatus(func(vault.Status) { ctx.Dispatch(func(app.Context) { follow(lockVault.Current()) }) })
	ctx.Async(func() {
		s, err := lockVault.Status(ctx)
		if err == nil {
			ctx.Dispatch(func(app.Context) { follow(s) })
		}
	})
}

func (b *backupPanel) OnDismount() { stopWatch(b.stop) }

func (b *backupPanel) Render() app.UI {
	if !b.lockOn {
		return app.Section().Class("card").Aria("labelledby", "backup-heading").Body(
			heading2("backup-heading", "Back up"),
			para("A backup is one file with everything you have saved in Kintsugi. Keep it somewhere only you can reach: anyone who has it can read it. With the passphrase lock on, backups are encrypted."),
			button("Download a backup").Class("primary").OnClick(b.downloadPlain),
			statusLine(b.status, b.failed),
		)
	}
	return app.Section().Class("card").Aria("labelledby", "backup-heading").Body(
		heading2("backup-heading", "Back up"),
		para("A backup is one file with everything you have saved in Kintsugi, encrypted like your entries here: only your passphrase or your recovery key opens it, on this device or another."),
		button("Download an encrypted backup").Class("primary").OnClick(b.downloadSealed),
		app.If(!b.plainOpen, func() app.UI {
			return app.P().Body(app.Button().Type("button").Class("link").Text("Download an unencrypted backup instead…").OnClick(func(ctx app.Context, e app.Event) {
				b.plainOpen, b.status = true, ""
			}))
		}).Else(func() app.UI {
			return app.Div().Class("notice warning").Role("note").Body(
				para("An unencrypted backup can be read by anyone who gets the file: on a shared computer, in a cloud folder, or in an email. Only choose it if you need to read your entries without Kintsugi."),
				app.Div().Class("actions").Body(
					button("Download an unencrypted backup").Class("danger").OnClick(b.downloadPlain),
					button("Keep backups encrypted").OnClick(func(ctx app.Context, e app.Event) {
						b.plainOpen = false
					}),
				),
			)
		}),
		statusLine(b.status, b.failed),
	)
}

// downloadPlain saves every record as it reads in the app.
func (b *backupPanel) downloadPlain(ctx app.Context, e app.Event) {
	if b.Store == nil {
		return
	}
	store := b.Store
	b.download(ctx, "", func() ([]userdata.Record, error) { return store.All(ctx) })
}

// downloadSealed saves the records as the lock stores them.
func (b *backupPanel) downloadSealed(ctx app.Context, e app.Event) {
	if lockVault == nil {
		return
	}
	b.download(ctx, "encrypted ", func() ([]userdata.Record, error) { return lockVault.SealedRecords(ctx) })
}

func (b *backupPanel) download(ctx app.Context, kind string, read func() ([]userdata.Record, error)) {
	ctx.Async(func() {
		recs, err := read()
		recs = withoutSafety(recs)
		var data []byte
		if err == nil {
			data, err = backup.Encode(recs, now())
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				b.status, b.failed = "No backup was made: "+userdata.Message(err), true
				return
			}
			saveFile(backup.FileName(now()), backup.MediaType, string(data))
			b.plainOpen = false
			b.status, b.failed = fmt.Sprintf("An %sbackup of your saved entries was downloaded.", kind), false
			if kind == "" {
				b.status = "A backup of your saved entries was downloaded."
			}
		})
	})
}

// restorePanel reads a backup file, shows what it holds, and replaces the
// saved data with it only when the user confirms. The file is checked whole
// before anything changes; a bad file changes nothing.
type restorePanel struct {
	app.Compo
	Store   userdata.Store
	pending *backup.Backup // checked, and opened if it was encrypted
	sealed  *backup.Backup // encrypted: waiting for its passphrase
	secret  string
	busy    bool
	status  string
	failed  bool
}

func (r *restorePanel) Render() app.UI {
	return app.Section().Class("card").Aria("labelledby", "restore-heading").Body(
		heading2("restore-heading", "Restore from a backup"),
		para("Restoring replaces everything saved in Kintsugi on this device with the backup's contents. You will see what the backup holds before anything changes."),
		labelFor("restore-file", "Backup file"),
		app.Input().Type("file").ID("restore-file").Accept(".json,application/json").OnChange(r.choose),
		app.If(r.sealed != nil, func() app.UI {
			return r.secretForm()
		}),
		app.If(r.pending != nil, func() app.UI {
			return r.confirmation()
		}),
		statusLine(r.status, r.failed),
	)
}

func (r *restorePanel) confirmation() app.UI {
	s := r.pending.Summary()
	var parts []string
	for _, k := range s.Kinds {
		parts = append(parts, fmt.Sprintf("%d %s", k.Count, kindLabels[k.Kind]))
	}
	holds := "nothing"
	if len(parts) > 0 {
		holds = strings.Join(parts, ", ")
	}
	return app.Div().Class("notice").Body(
		app.P().Text(fmt.Sprintf("This backup was made on %s and holds %s.", s.Created.Local().Format("2 January 2006 at 15:04"), holds)),
		para("Restoring it replaces what is saved now. This cannot be undone; download a backup of your current data first if you may want it."),
		app.Div().Class("actions").Body(
			button("Replace my data with this backup").Class("primary").OnClick(r.apply),
			button("Cancel").OnClick(func(ctx app.Context, e app.Event) {
				r.pending, r.status, r.failed = nil, "Nothing was changed.", false
			}),
		),
	)
}

// secretForm asks for what opens an encrypted backup.
func (r *restorePanel) secretForm() app.UI {
	return app.Form().Class("notice stack").OnSubmit(r.open).Body(
		para("This backup is encrypted. Enter the passphrase, or the recovery key, of the lock it was made with."),
		labelFor("restore-secret", "Passphrase or recovery key"),
		app.Input().Type("password").ID("restore-secret").Attr("autocomplete", "off").
			OnInput(func(ctx app.Context, e app.Event) { r.secret = ctx.JSSrc().Get("value").String() }),
		app.Div().Class("actions").Body(
			app.Button().Type("submit").Class("primary").Text("Open the backup").Disabled(r.busy),
			button("Cancel").OnClick(func(ctx app.Context, e app.Event) {
				r.sealed, r.secret, r.status, r.failed = nil, "", "Nothing was changed.", false
			}),
		),
	)
}

// open opens an encrypted backup with the secret typed. It takes as long
// as an unlock.
func (r *restorePanel) open(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if r.sealed == nil || r.busy {
		return
	}
	sealed, secret := *r.sealed, r.secret
	r.busy, r.status, r.failed = true, "Opening the backup…", false
	ctx.Async(func() {
		recs, err := vault.OpenRecords(sealed.Records, secret)
		ctx.Dispatch(func(ctx app.Context) {
			r.busy = false
			if err != nil {
				msg := "That passphrase or recovery key does not open this backup. Nothing was changed."
				if !errors.Is(err, vault.ErrWrongPassphrase) {
					msg = "This backup is damaged and cannot be opened. Nothing was changed."
				}
				r.status, r.failed = msg, true
				r.secret = ""
				clearField("restore-secret")
				return
			}
			opened := sealed
			opened.Records = recs
			r.pending, r.sealed, r.secret, r.status = &opened, nil, "", ""
		})
	})
}

func (r *restorePanel) choose(ctx app.Context, e app.Event) {
	r.pending, r.sealed, r.secret, r.status, r.failed = nil, nil, "", "", false
	file := e.Get("target").Get("files").Index(0)
	if !file.Truthy() {
		return
	}
	if size := file.Get("size").Int(); size > backup.MaxSize {
		r.status, r.failed = fmt.Sprintf("That file is %s, too large to be a Kintsugi backup (at most %s). Nothing was changed.", bytesText(int64(size)), bytesText(backup.MaxSize)), true
		return
	}
	r.status = "Checking the file…"
	readFileText(file, func(text string, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				r.status, r.failed = "The file could not be read. Nothing was changed.", true
				return
			}
			b, err := backup.Decode([]byte(text))
			if err != nil {
				r.status, r.failed = "This file cannot be restored: "+backupProblem(err)+". Nothing was changed.", true
				return
			}
			if vault.Sealed(b.Records) {
				r.sealed, r.status = &b, ""
				ctx.Defer(func(app.Context) { focusID("restore-secret") })
				return
			}
			r.pending, r.status = &b, ""
		})
	})
}

// backupProblem is the reason a backup was refused, in plain words.
func backupProblem(err error) string {
	if be, ok := errors.AsType[*backup.Error](err); ok {
		return strings.TrimSuffix(be.Error(), ".")
	}
	return "it is not a Kintsugi backup"
}

func (r *restorePanel) apply(ctx app.Context, e app.Event) {
	if r.pending == nil || r.Store == nil {
		return
	}
	recs, store := withoutSafety(r.pending.Records), r.Store
	restored := len(recs)
	ctx.Async(func() {
		// The safety check is never in a backup; a restore keeps the one
		// on this device.
		all, err := store.All(ctx)
		if err == nil {
			for _, rec := range all {
				if rec.Kind == userdata.KindSafety {
					recs = append(recs, rec)
				}
			}
			err = store.ReplaceAll(ctx, recs)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				r.status, r.failed = "Nothing was changed: "+userdata.Message(err), true
				return
			}
			r.pending = nil
			r.status, r.failed = fmt.Sprintf("Restored %d saved entries from the backup.", restored), false
			if s, err := userdata.SettingsFrom(findSetting(recs)); err == nil {
				applyAppearance(s)
			}
		})
	})
}

// withoutSafety leaves out the private safety check, which is never part of
// a backup file: a backup can end up in other hands.
func withoutSafety(recs []userdata.Record) []userdata.Record {
	out := make([]userdata.Record, 0, len(recs))
	for _, r := range recs {
		if r.Kind != userdata.KindSafety {
			out = append(out, r)
		}
	}
	return out
}

// findSetting returns the appearance record among recs, or a zero record.
func findSetting(recs []userdata.Record) userdata.Record {
	for _, r := range recs {
		if r.Kind == userdata.KindSetting && r.ID == userdata.SettingsID {
			return r
		}
	}
	return userdata.Record{}
}

// deletePanel deletes everything the user saved, after a confirmation that
// cannot be given by accident: typing a word.
type deletePanel struct {
	app.Compo
	Store  userdata.Store
	open   bool
	typed  string
	status string
	failed bool
}

const deleteWord = "DELETE"

func (d *deletePanel) Render() app.UI {
	return app.Section().Class("card danger").Aria("labelledby", "delete-heading").Body(
		heading2("delete-heading", "Delete all my data on this device"),
		para("This removes every check-in, journal entry, exercise, bookmark and setting Kintsugi has saved in this browser. It cannot be undone."),
		app.If(!d.open, func() app.UI {
			return button("Delete all my data…").OnClick(func(ctx app.Context, e app.Event) {
				d.open, d.status = true, ""
			})
		}).Else(func() app.UI {
			return app.Div().Class("notice").Body(
				para("If you may want any of it later, download a backup first."),
				labelFor("delete-confirm", fmt.Sprintf("Type %s to confirm", deleteWord)),
				// Not bound to d.typed: writing the value back while the
				// user types can drop keystrokes on a slow device.
				app.Input().Type("text").ID("delete-confirm").AutoComplete(false).
					OnInput(func(ctx app.Context, e app.Event) { d.typed = ctx.JSSrc().Get("value").String() }),
				app.Div().Class("actions").Body(
					button("Delete everything now").Class("danger").
						Disabled(strings.TrimSpace(d.typed) != deleteWord).OnClick(d.delete),
					button("Keep my data").OnClick(func(ctx app.Context, e app.Event) {
						d.open, d.typed, d.status = false, "", "Nothing was deleted."
					}),
				),
			)
		}),
		statusLine(d.status, d.failed),
	)
}

func (d *deletePanel) delete(ctx app.Context, e app.Event) {
	if strings.TrimSpace(d.typed) != deleteWord || d.Store == nil {
		return
	}
	store := d.Store
	ctx.Async(func() {
		err := store.Clear(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				d.status, d.failed = "Nothing was deleted: "+userdata.Message(err), true
				return
			}
			d.open, d.typed = false, ""
			d.status, d.failed = "Everything Kintsugi saved on this device has been deleted.", false
			applyAppearance(userdata.DefaultSettings())
		})
	})
}
