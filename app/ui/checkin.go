package ui

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/checkin"
	"kintsugi/app/civil"
	"kintsugi/app/feelings"
	"kintsugi/app/userdata"
)

func init() {
	toolPages["check-in"] = func(d Deps) app.Composer { return &checkinPage{deps: d} }
}

// ratingFields are a check-in's three ratings, in the order the form and
// the lists show them. field is the name a validation error gives.
var ratingFields = [3]struct{ field, label, hint string }{
	{"safety", "Safety", "How safe you feel today, in yourself and with your partner."},
	{"trust", "Trust", "How much trust you feel between the two of you today."},
	{"connection", "Connection", "How close and connected you feel to your partner today."},
}

// ratingScale explains the ends of every rating.
const ratingScale = "0 means not at all, 10 means completely. There are no right answers."

// startRating is where a new check-in's sliders start: the middle, so that
// no answer is suggested.
const startRating = 5

// checkinForm is what a check-in form's fields hold.
type checkinForm struct {
	Day      string // as a date input writes it: 2006-01-02
	Ratings  [3]int // in the order of ratingFields
	Note     string
	Feelings []feelings.Feeling
	// FeelOpen keeps the feelings open once one has been ticked, so that
	// unticking the last does not fold them away under the finger.
	FeelOpen bool
}

// newCheckinForm is an empty form about today.
func newCheckinForm() checkinForm {
	return checkinForm{Day: today().String(), Ratings: [3]int{startRating, startRating, startRating}}
}

// checkinFormOf returns a check-in's fields as a form holds them.
func checkinFormOf(c checkin.CheckIn) checkinForm {
	return checkinForm{
		Day:      c.Day.String(),
		Ratings:  [3]int{c.Safety, c.Trust, c.Connection},
		Note:     c.Note,
		Feelings: slices.Clone(c.Feelings),
		FeelOpen: len(c.Feelings) > 0,
	}
}

// checkIn returns c with the form's fields. A day that cannot be read is
// left zero, for validation to report.
func (f checkinForm) checkIn(c checkin.CheckIn) checkin.CheckIn {
	c.Day, _ = civil.Parse(f.Day)
	c.Safety, c.Trust, c.Connection = f.Ratings[0], f.Ratings[1], f.Ratings[2]
	c.Note = strings.TrimSpace(f.Note)
	c.Feelings = slices.Clone(f.Feelings)
	feelings.Sort(c.Feelings)
	return c
}

// The ids of the two forms' controls begin differently, and the elements
// around the forms differ too, so that go-app never reuses one form's
// fields for the other.
const (
	newCheckinPrefix  = "ci-new"
	editCheckinPrefix = "ci-edit"
)

// checkinBatch is how many check-ins the list shows at first, and how many
// more each "Show more" adds.
const checkinBatch = 30

// checkinPage is the quick check-in: a short form, and the check-ins saved
// so far, newest first, each of which can be changed or deleted. Nothing
// here counts days or streaks.
type checkinPage struct {
	app.Compo
	deps    Deps
	mounted app.Context // the page's own context: see lockLayer.mounted
	stop    func()

	loadGen int
	loaded  bool
	problem string // why the check-ins could not be read
	list    []checkin.CheckIn
	damaged bool
	shown   int

	form     checkinForm
	formErrs fieldProblems
	saving   bool
	status   string
	failed   bool

	editID   string // the check-in being changed
	edit     checkinForm
	editErrs fieldProblems
	editNote string // what happened to the last change
	editFail bool

	listStatus string // about the list: a delete or its undo
	listFailed bool
	undo       undoSlot[checkin.CheckIn]
}

func (p *checkinPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Quick check-in", "Rate safety, trust and connection from 0 to 10, in about a minute. Saved only on this device.")
}

func (p *checkinPage) OnMount(ctx app.Context) {
	p.mounted = ctx
	p.form = newCheckinForm()
	p.load(ctx)
	p.stop = watchStore(ctx, p.deps.Store, p.load, userdata.KindCheckin)
}

func (p *checkinPage) OnDismount() { stopWatch(p.stop) }

// load reads the check-ins: on mount, after another tab changed them, and
// when the lock opens or closes.
func (p *checkinPage) load(ctx app.Context) {
	store := p.deps.Store
	if store == nil {
		return
	}
	p.loadGen++
	gen := p.loadGen
	ctx.Async(func() {
		list, err := checkin.List(ctx, store)
		slices.Reverse(list)
		ctx.Dispatch(func(ctx app.Context) {
			if gen != p.loadGen {
				return
			}
			switch {
			case errors.Is(err, userdata.ErrLocked):
				// The lock screen covers the page; nothing stays in it.
				p.loaded, p.list, p.problem = false, nil, ""
				return
			case err != nil && !errors.Is(err, userdata.ErrInvalid):
				p.loaded, p.problem = true, "Your check-ins could not be read: "+userdata.Message(err)
				return
			}
			p.loaded, p.problem, p.list, p.damaged = true, "", list, err != nil
			if p.shown == 0 {
				p.shown = checkinBatch
			}
			if p.editID != "" {
				if _, ok := p.find(p.editID); !ok {
					p.editID = "" // deleted in another tab
				}
			}
			// After an unlock the fields are new and empty: put back what
			// was typed.
			ctx.Defer(func(app.Context) {
				putFieldValue(newCheckinPrefix+"-note", p.form.Note, true)
				if p.editID != "" {
					putFieldValue(editCheckinPrefix+"-note", p.edit.Note, true)
				}
			})
		})
	})
}

func (p *checkinPage) find(id string) (checkin.CheckIn, bool) {
	for _, c := range p.list {
		if c.ID == id {
			return c, true
		}
	}
	return checkin.CheckIn{}, false
}

// insertCheckin puts c into cs, newest first, replacing a check-in with
// its ID.
func insertCheckin(cs []checkin.CheckIn, c checkin.CheckIn) []checkin.CheckIn {
	cs = slices.DeleteFunc(slices.Clone(cs), func(x checkin.CheckIn) bool { return x.ID == c.ID })
	i, _ := slices.BinarySearchFunc(cs, c, func(a, b checkin.CheckIn) int { return checkin.Compare(b, a) })
	return slices.Insert(cs, i, c)
}

func (p *checkinPage) Render() app.UI {
	return frame(p.deps, sectionTools, "Quick check-in",
		app.Div().Class("checkin-page").Body(
			paraClass("lead", "A minute to notice how you are. Move each slider to where you are today, add a note or feelings if you like, and save."),
			para("Skipped days are simply days you did not check in. Nothing here counts them."),
			p.newForm(),
			p.listSection(),
			app.P().Body(
				link("/progress", "See your check-ins over time"),
				app.Text(" · "),
				link("/tools/milestones", "Milestones"),
			),
		),
	)
}

func (p *checkinPage) newForm() app.UI {
	return app.Section().Class("card checkin-new").Aria("labelledby", "ci-new-heading").Body(
		heading2("ci-new-heading", "How are you today?"),
		app.Form().Class("stack checkin-form").OnSubmit(p.saveNew).Body(
			append(checkinFields(newCheckinPrefix, &p.form, p.formErrs, p.typedNew),
				app.Div().Class("actions").Body(
					app.Button().Type("submit").Class("primary").Text("Save check-in").Disabled(p.saving),
				),
				statusLine(p.status, p.failed),
			)...,
		),
	)
}

// checkinFields are a check-in form's controls. onChange runs after each
// change has been read into f, with the name of the field.
func checkinFields(prefix string, f *checkinForm, errs fieldProblems, onChange func(ctx app.Context, field string)) []app.UI {
	dayID, noteID := prefix+"-day", prefix+"-note"
	out := []app.UI{
		labelFor(dayID, "Date"),
		problemSlot(dayID, errs["day"]),
		app.Input().Type("date").ID(dayID).Class("short").Value(f.Day).Max(today().String()).
			Aria("describedby", describedBy(dayID, false, errs["day"])).Aria("invalid", errs["day"] != "").
			OnChange(func(ctx app.Context, e app.Event) {
				f.Day = ctx.JSSrc().Get("value").String()
				onChange(ctx, "day")
			}),
		paraClass("muted rating-scale-note", ratingScale).ID(prefix + "-scale"),
	}
	for i, r := range ratingFields {
		out = append(out, ratingField(prefix+"-"+r.field, r.label, r.hint, prefix+"-scale", f.Ratings[i], errs[r.field],
			func(ctx app.Context, v int) {
				f.Ratings[i] = v
				onChange(ctx, r.field)
			}))
	}
	out = append(out,
		feelingChoices(prefix, f.Feelings, f.FeelOpen, errs["feelings"], func(ctx app.Context, feel feelings.Feeling, on bool) {
			f.FeelOpen = true
			f.Feelings = slices.DeleteFunc(f.Feelings, func(x feelings.Feeling) bool { return x == feel })
			if on {
				f.Feelings = append(f.Feelings, feel)
			}
			onChange(ctx, "feelings")
		}),
		labelFor(noteID, "Note (optional)"),
		problemSlot(noteID, errs["note"]),
		app.Textarea().ID(noteID).Rows(3).MaxLength(checkin.MaxNote).
			Aria("describedby", describedBy(noteID, false, errs["note"])).Aria("invalid", errs["note"] != "").
			OnInput(func(ctx app.Context, e app.Event) {
				f.Note = ctx.JSSrc().Get("value").String()
				onChange(ctx, "note")
			}),
	)
	return out
}

// ratingField is a slider from 0 to 10 with a visible label, a hint and
// the value chosen, shown beside the label.
func ratingField(id, label, hint, scaleID string, value int, problem string, onChange func(ctx app.Context, v int)) app.UI {
	v := strconv.Itoa(value)
	describe := strings.TrimSpace(describedBy(id, true, problem) + " " + scaleID)
	return app.Div().Class("rating").Body(
		app.Div().Class("rating-head").Body(
			labelFor(id, label),
			app.Output().ID(id+"-value").For(id).Class("rating-value").Aria("hidden", true).Text(v),
		),
		paraClass("muted ci-hint", hint).ID(id+"-hint"),
		problemSlot(id, problem),
		app.Input().Type("range").ID(id).Min(checkin.MinRating).Max(checkin.MaxRating).Step(1).Value(v).
			Aria("valuetext", v+" out of 10").
			Aria("describedby", describe).Aria("invalid", problem != "").
			OnInput(func(ctx app.Context, e app.Event) {
				n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
				if err != nil {
					return
				}
				onChange(ctx, n)
			}),
		app.Div().Class("rating-ends").Aria("hidden", true).Body(
			app.Span().Text(strconv.Itoa(checkin.MinRating)),
			app.Span().Text(strconv.Itoa(checkin.MaxRating)),
		),
	)
}

// feelingChoices are the optional feelings, in their groups, folded away
// until opened. onToggle runs when one is ticked or unticked.
func feelingChoices(prefix string, chosen []feelings.Feeling, open bool, problem string, onToggle func(ctx app.Context, f feelings.Feeling, on bool)) app.UI {
	summary := "Feelings (optional)"
	if len(chosen) > 0 {
		sorted := slices.Clone(chosen)
		feelings.Sort(sorted)
		summary = "Feelings: " + feelingList(sorted)
	}
	groups := feelings.Groups()
	return app.Details().Class("feelings").Open(open || len(chosen) > 0 || problem != "").Body(
		app.Summary().Text(summary),
		problemSlot(prefix+"-feelings", problem),
		paraClass("muted", "Choose any that fit, or none."),
		app.Range(groups).Slice(func(i int) app.UI {
			g := groups[i]
			return app.FieldSet().Class("choices feelings-group").Body(
				app.Legend().Text(g.Name),
				app.Div().Class("chips").Body(
					app.Range(g.Feelings).Slice(func(j int) app.UI {
						feel := g.Feelings[j]
						id := feelingID(prefix, feel)
						return app.Div().Class("choice chip").Body(
							app.Input().Type("checkbox").ID(id).Value(string(feel)).Checked(slices.Contains(chosen, feel)).
								OnChange(func(ctx app.Context, e app.Event) {
									onToggle(ctx, feel, ctx.JSSrc().Get("checked").Bool())
								}),
							labelFor(id, string(feel)),
						)
					}),
				),
			)
		}),
	)
}

// feelingID is the id of a feeling's checkbox in the form with prefix.
func feelingID(prefix string, f feelings.Feeling) string {
	return prefix + "-feel-" + strings.ReplaceAll(string(f), " ", "-")
}

// typedNew follows a change in the new check-in form: the problem beside
// the field goes, and typing a note changes nothing else on the page.
func (p *checkinPage) typedNew(ctx app.Context, field string) {
	typedField(ctx, p.formErrs, field)
}

func (p *checkinPage) typedEdit(ctx app.Context, field string) {
	typedField(ctx, p.editErrs, field)
}

// typedField clears the problem shown beside field, if there is one, and
// otherwise keeps a text field's typing from re-rendering the page, so
// that go-app never writes an older value over newer keystrokes.
func typedField(ctx app.Context, errs fieldProblems, field string) {
	switch {
	case errs[field] != "":
		delete(errs, field)
	case field == "note" || field == "title":
		ctx.PreventUpdate()
	}
}

// checkinFieldNames name a check-in form's fields in a sentence.
var checkinFieldNames = map[string]string{
	"day": "date", "safety": "safety rating", "trust": "trust rating", "connection": "connection rating",
	"note": "note", "feelings": "feelings",
}

// checkinInvalid shows a validation error beside its field and moves the
// focus there. It returns the problems to show and the status line, and
// false if err is not a validation error of a field.
func checkinInvalid(ctx app.Context, prefix string, err error) (fieldProblems, string, bool) {
	field, problem, ok := problemOf(err)
	if !ok {
		return nil, "", false
	}
	name, known := checkinFieldNames[field]
	if !known {
		return nil, userdata.Message(err), true
	}
	id := prefix + "-" + field
	if field == "feelings" {
		id = feelingID(prefix, feelings.All()[0])
	}
	ctx.Defer(func(app.Context) { focusID(id) })
	return fieldProblems{field: problem}, "Not saved yet: please look at the note beside the " + name + ".", true
}

// saveNew saves the new check-in and empties the form.
func (p *checkinPage) saveNew(ctx app.Context, e app.Event) {
	e.PreventDefault()
	store := p.deps.Store
	if store == nil || p.saving {
		return
	}
	if v, ok := fieldValue(newCheckinPrefix + "-note"); ok {
		p.form.Note = v
	}
	c := p.form.checkIn(checkin.New(civil.Date{}))
	p.formErrs, p.status, p.failed = nil, "", false
	if errs, msg, bad := checkinInvalid(ctx, newCheckinPrefix, c.Validate()); bad {
		p.formErrs, p.status, p.failed = errs, msg, true
		return
	}
	p.saving = true
	mctx := p.mounted
	mctx.Async(func() {
		saved, err := checkin.Save(mctx, store, c, now())
		mctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if errs, msg, bad := checkinInvalid(ctx, newCheckinPrefix, err); bad {
				p.formErrs, p.status, p.failed = errs, msg, true
				return
			}
			if err != nil {
				p.status, p.failed = "Your check-in was not saved: "+userdata.Message(err), true
				return
			}
			p.list = insertCheckin(p.list, saved)
			p.loaded = true
			p.form = newCheckinForm()
			ctx.Defer(func(app.Context) { putFieldValue(newCheckinPrefix+"-note", "", false) })
			p.status, p.failed = "Check-in saved for "+longDay(saved.Day)+". Thank you for taking a moment for yourself.", false
		})
	})
}

// listSection is the check-ins saved so far, newest first.
func (p *checkinPage) listSection() app.UI {
	var body app.UI
	switch {
	case p.problem != "":
		body = app.Div().Class("notice warning").Role("alert").Body(para(p.problem))
	case !p.loaded:
		body = paraClass("muted", "Loading your check-ins…")
	case len(p.list) == 0:
		body = app.Div().Class("empty").Body(
			para("No check-ins yet. When you save one, it appears here, newest first, and on your Progress page, where the ups and downs of single days even out into weeks."),
		)
	default:
		shown := p.list[:min(p.shown, len(p.list))]
		body = app.Div().Body(
			paraClass("muted", countText(len(p.list), "check-in", "check-ins")+", newest first."),
			app.Ol().Class("checkin-list").Body(
				app.Range(shown).Slice(func(i int) app.UI { return p.item(shown[i]) }),
			),
			app.If(len(p.list) > len(shown), func() app.UI {
				left := len(p.list) - len(shown)
				return button("Show " + countText(min(left, checkinBatch), "more check-in", "more check-ins")).
					OnClick(func(ctx app.Context, e app.Event) { p.shown += checkinBatch })
			}),
		)
	}
	return app.Section().Class("checkin-past").Aria("labelledby", "ci-list-heading").Aria("busy", !p.loaded).Body(
		heading2("ci-list-heading", "Past check-ins"),
		undoNotice("ci-undo", p.undoText(), p.undoDelete),
		statusLine(p.listStatus, p.listFailed),
		body,
		app.If(p.damaged, func() app.UI {
			return paraClass("muted", "Some saved check-ins are damaged and cannot be shown. The others are here.")
		}),
	)
}

func (p *checkinPage) undoText() string {
	if p.undo.kept == nil {
		return ""
	}
	return "The check-in of " + longDay(p.undo.kept.Day) + " is deleted."
}

// item is one check-in in the list, or the form changing it.
func (p *checkinPage) item(c checkin.CheckIn) app.UI {
	headID := "ci-" + c.ID + "-day"
	if p.editID == c.ID {
		return app.Li().Class("checkin-item editing").Body(p.editForm(c))
	}
	ratings := [3]int{c.Safety, c.Trust, c.Connection}
	return app.Li().Class("checkin-item").Body(
		app.Article().Aria("labelledby", headID).Body(
			app.H3().ID(headID).TabIndex(-1).Text(longDay(c.Day)),
			app.Ul().Class("rating-values").Body(
				app.Range(ratingFields[:]).Slice(func(i int) app.UI {
					return app.Li().Body(
						app.Span().Class("rating-name").Text(ratingFields[i].label),
						app.Text(" "),
						app.Strong().Text(strconv.Itoa(ratings[i])),
					)
				}),
			),
			app.If(len(c.Feelings) > 0, func() app.UI {
				return paraClass("muted", "Feelings: "+feelingList(c.Feelings))
			}),
			app.If(c.Note != "", func() app.UI {
				paras := paragraphs(c.Note)
				return app.Div().Class("checkin-note").Body(
					app.Range(paras).Slice(func(i int) app.UI { return app.P().Text(paras[i]) }),
				)
			}),
			app.Div().Class("actions compact").Body(
				button("Edit this check-in").Class("link").ID("ci-"+c.ID+"-edit").Aria("describedby", headID).
					OnClick(func(ctx app.Context, e app.Event) { p.startEdit(ctx, c) }, app.EventScope(c.ID)),
				button("Delete this check-in").Class("link").Aria("describedby", headID).
					OnClick(func(ctx app.Context, e app.Event) { p.delete(ctx, c) }, app.EventScope(c.ID)),
			),
		),
	)
}

// editForm changes a saved check-in in place in the list.
func (p *checkinPage) editForm(c checkin.CheckIn) app.UI {
	return app.Section().Class("checkin-edit").Aria("labelledby", "ci-edit-heading").Body(
		app.H3().ID("ci-edit-heading").TabIndex(-1).Text("Change the check-in of "+longDay(c.Day)),
		app.Form().Class("stack checkin-form").OnSubmit(p.saveEdit).Body(
			append(checkinFields(editCheckinPrefix, &p.edit, p.editErrs, p.typedEdit),
				app.Div().Class("actions").Body(
					app.Button().Type("submit").Class("primary").Text("Save changes").Disabled(p.saving),
					button("Cancel editing").OnClick(p.cancelEdit),
				),
				statusLine(p.editNote, p.editFail),
			)...,
		),
	)
}

func (p *checkinPage) startEdit(ctx app.Context, c checkin.CheckIn) {
	if latest, ok := p.find(c.ID); ok {
		c = latest // the button may hold the copy it was drawn with
	}
	p.editID, p.edit, p.editErrs, p.editNote, p.editFail = c.ID, checkinFormOf(c), nil, "", false
	p.listStatus = ""
	// The button that started this leaves the page: defer through the
	// page's own context.
	p.mounted.Defer(func(app.Context) {
		putFieldValue(editCheckinPrefix+"-note", p.edit.Note, false)
		focusID("ci-edit-heading")
	})
}

func (p *checkinPage) cancelEdit(ctx app.Context, e app.Event) {
	id := p.editID
	p.editID, p.editErrs = "", nil
	p.listStatus, p.listFailed = "Nothing was changed.", false
	p.mounted.Defer(func(app.Context) { focusID("ci-" + id + "-edit") })
}

func (p *checkinPage) saveEdit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	store := p.deps.Store
	old, ok := p.find(p.editID)
	if store == nil || !ok || p.saving {
		return
	}
	if v, ok := fieldValue(editCheckinPrefix + "-note"); ok {
		p.edit.Note = v
	}
	c := p.edit.checkIn(old)
	p.editErrs, p.editNote, p.editFail = nil, "", false
	if errs, msg, bad := checkinInvalid(ctx, editCheckinPrefix, c.Validate()); bad {
		p.editErrs, p.editNote, p.editFail = errs, msg, true
		return
	}
	p.saving = true
	mctx := p.mounted
	mctx.Async(func() {
		saved, err := checkin.Save(mctx, store, c, now())
		mctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if errs, msg, bad := checkinInvalid(ctx, editCheckinPrefix, err); bad {
				p.editErrs, p.editNote, p.editFail = errs, msg, true
				return
			}
			if err != nil {
				p.editNote, p.editFail = "Your changes were not saved: "+userdata.Message(err), true
				return
			}
			p.list = insertCheckin(p.list, saved)
			p.editID = ""
			p.listStatus, p.listFailed = "Your changes to the check-in of "+longDay(saved.Day)+" are saved.", false
			ctx.Defer(func(app.Context) { focusID("ci-" + saved.ID + "-edit") })
		})
	})
}

// delete removes a check-in at once and offers to undo it for a while.
func (p *checkinPage) delete(ctx app.Context, c checkin.CheckIn) {
	if latest, ok := p.find(c.ID); ok {
		c = latest // the button may hold the copy it was drawn with
	}
	if p.deps.Store == nil {
		return
	}
	p.list = slices.DeleteFunc(slices.Clone(p.list), func(x checkin.CheckIn) bool { return x.ID == c.ID })
	p.listStatus, p.listFailed = "", false
	p.undo.remove(p.mounted, p.deps.Store, userdata.KindCheckin, c.ID, c, "ci-undo", func(ctx app.Context, c checkin.CheckIn, err error) {
		p.list = insertCheckin(p.list, c)
		p.listStatus, p.listFailed = "The check-in was not deleted: "+userdata.Message(err), true
	})
}

// undoDelete saves the deleted check-in again, exactly as it was: last
// updated when it was deleted.
func (p *checkinPage) undoDelete(ctx app.Context, e app.Event) {
	store := p.deps.Store
	if store == nil {
		return
	}
	save := func(ctx context.Context, c checkin.CheckIn) (checkin.CheckIn, error) {
		return checkin.Save(ctx, store, c, c.Updated)
	}
	p.undo.restore(p.mounted, save, func(ctx app.Context, saved checkin.CheckIn, err error) {
		if err != nil {
			p.listStatus, p.listFailed = "The check-in could not be brought back: "+userdata.Message(err), true
			return
		}
		p.list = insertCheckin(p.list, saved)
		p.listStatus, p.listFailed = "The check-in of "+longDay(saved.Day)+" is back.", false
		ctx.Defer(func(app.Context) { focusID("ci-" + saved.ID + "-day") })
	})
}
