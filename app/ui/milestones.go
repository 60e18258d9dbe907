package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/civil"
	"kintsugi/app/milestones"
	"kintsugi/app/userdata"
)

func init() {
	toolPages["milestones"] = func(d Deps) app.Composer { return &milestonesPage{deps: d} }
}

// milestoneForm is what a milestone form's fields hold.
type milestoneForm struct {
	Day   string // as a date input writes it: 2006-01-02
	Title string
	Note  string
}

func milestoneFormOf(m milestones.Milestone) milestoneForm {
	return milestoneForm{Day: m.Day.String(), Title: m.Title, Note: m.Note}
}

// milestone returns m with the form's fields. A day that cannot be read is
// left zero, for validation to report.
func (f milestoneForm) milestone(m milestones.Milestone) milestones.Milestone {
	m.Day, _ = civil.Parse(f.Day)
	m.Title = strings.TrimSpace(f.Title)
	m.Note = strings.TrimSpace(f.Note)
	return m
}

// The ids of the two forms' controls, which differ like the elements
// around them (see newCheckinPrefix).
const (
	newMilestonePrefix  = "ms-new"
	editMilestonePrefix = "ms-edit"
)

// milestoneFieldNames name a milestone form's fields in a sentence.
var milestoneFieldNames = map[string]string{"day": "date", "title": "milestone", "note": "note"}

// milestonesPage keeps small victories: a day, a few words and a note,
// each with a gentle suggestion to mark it. There are no badges or scores.
type milestonesPage struct {
	app.Compo
	deps    Deps
	mounted app.Context // the page's own context: see lockLayer.mounted
	stop    func()

	loadGen int
	loaded  bool
	problem string
	list    []milestones.Milestone // newest first
	damaged bool

	form     milestoneForm
	formErrs fieldProblems
	saving   bool
	status   string
	failed   bool
	saved    *milestones.Milestone // the one just saved, with its suggestion

	editID   string
	edit     milestoneForm
	editErrs fieldProblems
	editNote string
	editFail bool

	listStatus string
	listFailed bool
	undo       undoSlot[milestones.Milestone]
}

func (p *milestonesPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Milestones", "Small steps forward, with a date and a note, kept only on this device.")
}

func (p *milestonesPage) OnMount(ctx app.Context) {
	p.mounted = ctx
	p.form = milestoneForm{Day: today().String()}
	p.load(ctx)
	p.stop = watchStore(ctx, p.deps.Store, p.load, userdata.KindMilestone)
}

func (p *milestonesPage) OnDismount() { stopWatch(p.stop) }

// load reads the milestones: on mount, after another tab changed them, and
// when the lock opens or closes.
func (p *milestonesPage) load(ctx app.Context) {
	store := p.deps.Store
	if store == nil {
		return
	}
	p.loadGen++
	gen := p.loadGen
	ctx.Async(func() {
		list, err := milestones.List(ctx, store)
		slices.Reverse(list)
		ctx.Dispatch(func(ctx app.Context) {
			if gen != p.loadGen {
				return
			}
			switch {
			case errors.Is(err, userdata.ErrLocked):
				p.loaded, p.list, p.problem, p.saved = false, nil, "", nil
				return
			case err != nil && !errors.Is(err, userdata.ErrInvalid):
				p.loaded, p.problem = true, "Your milestones could not be read: "+userdata.Message(err)
				return
			}
			p.loaded, p.problem, p.list, p.damaged = true, "", list, err != nil
			if p.editID != "" {
				if _, ok := p.find(p.editID); !ok {
					p.editID = ""
				}
			}
			ctx.Defer(func(app.Context) {
				p.fill(newMilestonePrefix, p.form, true)
				if p.editID != "" {
					p.fill(editMilestonePrefix, p.edit, true)
				}
			})
		})
	})
}

// fill puts a form's texts into its fields; gently, only into empty ones.
func (p *milestonesPage) fill(prefix string, f milestoneForm, gently bool) {
	putFieldValue(prefix+"-title", f.Title, gently)
	putFieldValue(prefix+"-note", f.Note, gently)
}

// read takes a form's texts from its fields, in case a change did not
// reach an input event (autofill, a last keystroke).
func (p *milestonesPage) read(prefix string, f *milestoneForm) {
	if v, ok := fieldValue(prefix + "-title"); ok {
		f.Title = v
	}
	if v, ok := fieldValue(prefix + "-note"); ok {
		f.Note = v
	}
}

func (p *milestonesPage) find(id string) (milestones.Milestone, bool) {
	for _, m := range p.list {
		if m.ID == id {
			return m, true
		}
	}
	return milestones.Milestone{}, false
}

// insertMilestone puts m into ms, newest first, replacing one with its ID.
func insertMilestone(ms []milestones.Milestone, m milestones.Milestone) []milestones.Milestone {
	ms = slices.DeleteFunc(slices.Clone(ms), func(x milestones.Milestone) bool { return x.ID == m.ID })
	i, _ := slices.BinarySearchFunc(ms, m, func(a, b milestones.Milestone) int { return milestones.Compare(b, a) })
	return slices.Insert(ms, i, m)
}

func (p *milestonesPage) Render() app.UI {
	return frame(p.deps, sectionTools, "Milestones",
		app.Div().Class("milestones-page").Body(
			paraClass("lead", "Small steps forward are easy to forget on a hard day. Keep them here: the first calm evening, a hard question answered honestly, a day that felt a little more ordinary."),
			para("Each one is marked on your Progress charts, so you can see what was happening around it."),
			p.newForm(),
			p.listSection(),
			app.P().Body(
				link("/progress", "See your progress"),
				app.Text(" · "),
				link("/tools/check-in", "Quick check-in"),
			),
		),
	)
}

func (p *milestonesPage) newForm() app.UI {
	return app.Section().Class("card milestone-new").Aria("labelledby", "ms-new-heading").Body(
		heading2("ms-new-heading", "Mark a milestone"),
		app.Form().Class("stack milestone-form").OnSubmit(p.saveNew).Body(
			append(milestoneFields(newMilestonePrefix, &p.form, p.formErrs, p.typedNew),
				app.Div().Class("actions").Body(
					app.Button().Type("submit").Class("primary").Text("Save milestone").Disabled(p.saving),
				),
				statusLine(p.status, p.failed),
			)...,
		),
		p.celebration(),
	)
}

// celebration is the gentle suggestion shown after a milestone is saved.
func (p *milestonesPage) celebration() app.UI {
	if p.saved == nil {
		return nil
	}
	return app.Div().Class("notice celebrate").Role("note").Aria("labelledby", "ms-celebrate-heading").Body(
		app.H3().ID("ms-celebrate-heading").Text("A way to mark it, if you like"),
		app.P().Text(p.saved.Suggestion()),
	)
}

// milestoneFields are a milestone form's controls.
func milestoneFields(prefix string, f *milestoneForm, errs fieldProblems, onChange func(ctx app.Context, field string)) []app.UI {
	dayID, titleID, noteID := prefix+"-day", prefix+"-title", prefix+"-note"
	return []app.UI{
		labelFor(dayID, "Date"),
		problemSlot(dayID, errs["day"]),
		app.Input().Type("date").ID(dayID).Class("short").Value(f.Day).
			Aria("describedby", describedBy(dayID, false, errs["day"])).Aria("invalid", errs["day"] != "").
			OnChange(func(ctx app.Context, e app.Event) {
				f.Day = ctx.JSSrc().Get("value").String()
				onChange(ctx, "day")
			}),
		labelFor(titleID, "What happened, in a few words"),
		paraClass("muted ci-hint", "For example: We talked about what happened, calmly.").ID(titleID + "-hint"),
		problemSlot(titleID, errs["title"]),
		app.Input().Type("text").ID(titleID).MaxLength(milestones.MaxTitle).AutoComplete(false).
			Aria("describedby", describedBy(titleID, true, errs["title"])).Aria("invalid", errs["title"] != "").
			OnInput(func(ctx app.Context, e app.Event) {
				f.Title = ctx.JSSrc().Get("value").String()
				onChange(ctx, "title")
			}),
		labelFor(noteID, "Note (optional)"),
		problemSlot(noteID, errs["note"]),
		app.Textarea().ID(noteID).Rows(3).MaxLength(milestones.MaxNote).
			Aria("describedby", describedBy(noteID, false, errs["note"])).Aria("invalid", errs["note"] != "").
			OnInput(func(ctx app.Context, e app.Event) {
				f.Note = ctx.JSSrc().Get("value").String()
				onChange(ctx, "note")
			}),
	}
}

func (p *milestonesPage) typedNew(ctx app.Context, field string) { typedField(ctx, p.formErrs, field) }

func (p *milestonesPage) typedEdit(ctx app.Context, field string) { typedField(ctx, p.editErrs, field) }

// milestoneInvalid is checkinInvalid for a milestone's form.
func milestoneInvalid(ctx app.Context, prefix string, err error) (fieldProblems, string, bool) {
	field, problem, ok := problemOf(err)
	if !ok {
		return nil, "", false
	}
	name, known := milestoneFieldNames[field]
	if !known {
		return nil, userdata.Message(err), true
	}
	id := prefix + "-" + field
	ctx.Defer(func(app.Context) { focusID(id) })
	return fieldProblems{field: problem}, "Not saved yet: please look at the note beside the " + name + ".", true
}

func (p *milestonesPage) saveNew(ctx app.Context, e app.Event) {
	e.PreventDefault()
	store := p.deps.Store
	if store == nil || p.saving {
		return
	}
	p.read(newMilestonePrefix, &p.form)
	m := p.form.milestone(milestones.New(civil.Date{}))
	p.formErrs, p.status, p.failed, p.saved = nil, "", false, nil
	if errs, msg, bad := milestoneInvalid(ctx, newMilestonePrefix, m.Validate()); bad {
		p.formErrs, p.status, p.failed = errs, msg, true
		return
	}
	p.saving = true
	mctx := p.mounted
	mctx.Async(func() {
		saved, err := milestones.Save(mctx, store, m, now())
		mctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if errs, msg, bad := milestoneInvalid(ctx, newMilestonePrefix, err); bad {
				p.formErrs, p.status, p.failed = errs, msg, true
				return
			}
			if err != nil {
				p.status, p.failed = "Your milestone was not saved: "+userdata.Message(err), true
				return
			}
			p.list = insertMilestone(p.list, saved)
			p.loaded = true
			p.form = milestoneForm{Day: today().String()}
			p.saved = &saved
			ctx.Defer(func(app.Context) { p.fill(newMilestonePrefix, p.form, false) })
			p.status, p.failed = "Milestone saved: “"+saved.Title+"”. It is in your list below and on your Progress charts.", false
		})
	})
}

func (p *milestonesPage) listSection() app.UI {
	var body app.UI
	switch {
	case p.problem != "":
		body = app.Div().Class("notice warning").Role("alert").Body(para(p.problem))
	case !p.loaded:
		body = paraClass("muted", "Loading your milestones…")
	case len(p.list) == 0:
		body = app.Div().Class("empty").Body(
			para("No milestones yet. They do not have to be big: a good conversation, a night you slept well, a day when the affair was not the first thing on your mind. When you save one, it appears here, newest first."),
		)
	default:
		body = app.Ol().Class("milestone-list").Body(
			app.Range(p.list).Slice(func(i int) app.UI { return p.item(p.list[i]) }),
		)
	}
	return app.Section().Class("milestones-past").Aria("labelledby", "ms-list-heading").Aria("busy", !p.loaded).Body(
		heading2("ms-list-heading", "Your milestones"),
		undoNotice("ms-undo", p.undoText(), p.undoDelete),
		statusLine(p.listStatus, p.listFailed),
		body,
		app.If(p.damaged, func() app.UI {
			return paraClass("muted", "Some saved milestones are damaged and cannot be shown. The others are here.")
		}),
	)
}

func (p *milestonesPage) undoText() string {
	if p.undo.kept == nil {
		return ""
	}
	return "The milestone “" + p.undo.kept.Title + "” is deleted."
}

func (p *milestonesPage) item(m milestones.Milestone) app.UI {
	if p.editID == m.ID {
		return app.Li().Class("milestone-item editing").Body(p.editForm(m))
	}
	headID := "ms-" + m.ID + "-title"
	return app.Li().Class("milestone-item").Body(
		app.Article().Aria("labelledby", headID).Body(
			app.H3().ID(headID).TabIndex(-1).Text(m.Title),
			app.P().Class("milestone-day").Body(app.Time().DateTime("%s", m.Day.String()).Text(longDay(m.Day))),
			app.If(m.Note != "", func() app.UI {
				paras := paragraphs(m.Note)
				return app.Div().Class("milestone-note").Body(
					app.Range(paras).Slice(func(i int) app.UI { return app.P().Text(paras[i]) }),
				)
			}),
			app.Div().Class("actions compact").Body(
				button("Edit this milestone").Class("link").ID("ms-"+m.ID+"-edit").Aria("describedby", headID).
					OnClick(func(ctx app.Context, e app.Event) { p.startEdit(m) }, app.EventScope(m.ID)),
				button("Delete this milestone").Class("link").Aria("describedby", headID).
					OnClick(func(ctx app.Context, e app.Event) { p.delete(m) }, app.EventScope(m.ID)),
			),
		),
	)
}

func (p *milestonesPage) editForm(m milestones.Milestone) app.UI {
	return app.Section().Class("milestone-edit").Aria("labelledby", "ms-edit-heading").Body(
		app.H3().ID("ms-edit-heading").TabIndex(-1).Text("Change this milestone"),
		app.Form().Class("stack milestone-form").OnSubmit(p.saveEdit).Body(
			append(milestoneFields(editMilestonePrefix, &p.edit, p.editErrs, p.typedEdit),
				app.Div().Class("actions").Body(
					app.Button().Type("submit").Class("primary").Text("Save changes").Disabled(p.saving),
					button("Cancel editing").OnClick(p.cancelEdit),
				),
				statusLine(p.editNote, p.editFail),
			)...,
		),
	)
}

func (p *milestonesPage) startEdit(m milestones.Milestone) {
	if latest, ok := p.find(m.ID); ok {
		m = latest // the button may hold the copy it was drawn with
	}
	p.editID, p.edit, p.editErrs, p.editNote, p.editFail = m.ID, milestoneFormOf(m), nil, "", false
	p.listStatus = ""
	p.mounted.Defer(func(app.Context) {
		p.fill(editMilestonePrefix, p.edit, false)
		focusID("ms-edit-heading")
	})
}

func (p *milestonesPage) cancelEdit(ctx app.Context, e app.Event) {
	id := p.editID
	p.editID, p.editErrs = "", nil
	p.listStatus, p.listFailed = "Nothing was changed.", false
	p.mounted.Defer(func(app.Context) { focusID("ms-" + id + "-edit") })
}

func (p *milestonesPage) saveEdit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	store := p.deps.Store
	old, ok := p.find(p.editID)
	if store == nil || !ok || p.saving {
		return
	}
	p.read(editMilestonePrefix, &p.edit)
	m := p.edit.milestone(old)
	p.editErrs, p.editNote, p.editFail = nil, "", false
	if errs, msg, bad := milestoneInvalid(ctx, editMilestonePrefix, m.Validate()); bad {
		p.editErrs, p.editNote, p.editFail = errs, msg, true
		return
	}
	p.saving = true
	mctx := p.mounted
	mctx.Async(func() {
		saved, err := milestones.Save(mctx, store, m, now())
		mctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if errs, msg, bad := milestoneInvalid(ctx, editMilestonePrefix, err); bad {
				p.editErrs, p.editNote, p.editFail = errs, msg, true
				return
			}
			if err != nil {
				p.editNote, p.editFail = "Your changes were not saved: "+userdata.Message(err), true
				return
			}
			p.list = insertMilestone(p.list, saved)
			p.editID = ""
			p.listStatus, p.listFailed = "Your changes to “"+saved.Title+"” are saved.", false
			ctx.Defer(func(app.Context) { focusID("ms-" + saved.ID + "-edit") })
		})
	})
}

// delete removes a milestone at once and offers to undo it for a while.
func (p *milestonesPage) delete(m milestones.Milestone) {
	if latest, ok := p.find(m.ID); ok {
		m = latest // the button may hold the copy it was drawn with
	}
	if p.deps.Store == nil {
		return
	}
	p.list = slices.DeleteFunc(slices.Clone(p.list), func(x milestones.Milestone) bool { return x.ID == m.ID })
	if p.saved != nil && p.saved.ID == m.ID {
		p.saved, p.status = nil, ""
	}
	p.listStatus, p.listFailed = "", false
	p.undo.remove(p.mounted, p.deps.Store, userdata.KindMilestone, m.ID, m, "ms-undo", func(ctx app.Context, m milestones.Milestone, err error) {
		p.list = insertMilestone(p.list, m)
		p.listStatus, p.listFailed = "The milestone was not deleted: "+userdata.Message(err), true
	})
}

// undoDelete saves the deleted milestone again, exactly as it was.
func (p *milestonesPage) undoDelete(ctx app.Context, e app.Event) {
	store := p.deps.Store
	if store == nil {
		return
	}
	save := func(ctx context.Context, m milestones.Milestone) (milestones.Milestone, error) {
		return milestones.Save(ctx, store, m, m.Updated)
	}
	p.undo.restore(p.mounted, save, func(ctx app.Context, saved milestones.Milestone, err error) {
		if err != nil {
			p.listStatus, p.listFailed = "The milestone could not be brought back: "+userdata.Message(err), true
			return
		}
		p.list = insertMilestone(p.list, saved)
		p.listStatus, p.listFailed = "“"+saved.Title+"” is back.", false
		ctx.Defer(func(app.Context) { focusID("ms-" + saved.ID + "-title") })
	})
}
