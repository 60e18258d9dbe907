package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/civil"
	"kintsugi/app/order"
	"kintsugi/app/triggers"
	"kintsugi/app/userdata"
)

func init() {
	toolPages["triggers"] = func(d Deps) app.Composer { return &triggersPage{deps: d} }
}

// triggersChapter is the guide's chapter on triggers, which the log links to.
const triggersChapter = "/guide/talking-about-triggers"

// The id prefixes of the two trigger forms' controls. The new entry's and
// the edit form's differ, and so do the elements around them, so that
// go-app never reuses one form's fields for the other.
const (
	triggerNewForm  = "trigger"
	triggerEditForm = "trigger-edit"
)

// triggerBatch is how many logged triggers the list shows at first, and how
// many more each "Show more" adds.
const triggerBatch = 30

// triggerForm is what a trigger form's fields hold, as the controls write
// them.
type triggerForm struct {
	Day, Time        string // 2006-01-02 and 15:04
	Category         triggers.Category
	What, Where      string
	Reaction, Helped string
	Intensity        string // "" when not rated, or 0 to 10
}

// triggerFormAt is an empty form for a trigger at t.
func triggerFormAt(t time.Time) triggerForm {
	return triggerForm{Day: civil.Of(t).String(), Time: t.Format("15:04")}
}

// triggerFormOf returns an entry's fields as a form holds them.
func triggerFormOf(e triggers.Entry) triggerForm {
	f := triggerFormAt(e.When)
	f.Category, f.What, f.Where, f.Reaction, f.Helped = e.Category, e.What, e.Where, e.Reaction, e.Helped
	if e.HasIntensity {
		f.Intensity = strconv.Itoa(e.Intensity)
	}
	return f
}

// entry returns e with the form's fields. A day or time that cannot be
// read leaves When zero, for validation to report; the time is read on this
// device's clock.
func (f triggerForm) entry(e triggers.Entry) triggers.Entry {
	e.When = time.Time{}
	day, err := civil.Parse(f.Day)
	clock, err2 := time.Parse("15:04", f.Time)
	if err == nil && err2 == nil {
		e.When = time.Date(day.Year, day.Month, day.Day, clock.Hour(), clock.Minute(), 0, 0, time.Local)
	}
	e.Category = f.Category
	e.What = strings.TrimSpace(f.What)
	e.Where = strings.TrimSpace(f.Where)
	e.Reaction = strings.TrimSpace(f.Reaction)
	e.Helped = strings.TrimSpace(f.Helped)
	e.Intensity, e.HasIntensity = 0, false
	if n, err := strconv.Atoi(f.Intensity); err == nil {
		e.Intensity, e.HasIntensity = n, true
	}
	return e
}

// triggerTextFields are the form's typed fields, by the name validation
// gives them, with their labels.
var triggerTextFields = []struct{ field, label string }{
	{"what", "What happened"},
	{"where", "Where (optional)"},
	{"reaction", "How you reacted: in your body, your feelings, what you did (optional)"},
	{"helped", "What helped, if anything (optional)"},
}

func (f *triggerForm) text(field string) *string {
	switch field {
	case "what":
		return &f.What
	case "where":
		return &f.Where
	case "reaction":
		return &f.Reaction
	default:
		return &f.Helped
	}
}

// triggerFill puts a form's typed values into its fields.
func triggerFill(prefix string, f triggerForm) {
	putFieldValue(prefix+"-day", f.Day, false)
	putFieldValue(prefix+"-time", f.Time, false)
	for _, t := range triggerTextFields {
		putFieldValue(prefix+"-"+t.field, *f.text(t.field), false)
	}
}

// triggerRead takes a form's typed values from its fields, in case a
// change did not reach an event (autofill, a last keystroke).
func triggerRead(prefix string, f *triggerForm) {
	if v, ok := fieldValue(prefix + "-day"); ok {
		f.Day = v
	}
	if v, ok := fieldValue(prefix + "-time"); ok {
		f.Time = v
	}
	for _, t := range triggerTextFields {
		if v, ok := fieldValue(prefix + "-" + t.field); ok {
			*f.text(t.field) = v
		}
	}
}

// The ranges of days the patterns can cover.
type triggerRange string

const (
	rangeMonth   triggerRange = "month"
	rangeQuarter triggerRange = "quarter"
	rangeAll     triggerRange = "all"
)

var triggerRangeLabels = map[triggerRange]string{
	rangeMonth:   "The last 4 weeks",
	rangeQuarter: "The last 3 months",
	rangeAll:     "Everything logged",
}

// triggersPage is the trigger log: a form to log a trigger, the patterns
// over time, and every logged trigger, newest first, to edit or delete.
type triggersPage struct {
	app.Compo
	deps Deps
	stop func()
	// mounted is the page's own context: work started from a button or
	// form that leaves the page reports back through it (see
	// lockLayer.mounted).
	mounted app.Context

	loaded  bool
	problem string
	damaged bool
	entries []triggers.Entry // newest first
	common  []triggers.Count // every What, most common first: suggestions
	limit   int
	span    triggerRange

	form       triggerForm
	formErrs   fieldProblems
	formStatus string
	formFailed bool
	saving     bool

	editID   string
	edit     triggerForm
	editErrs fieldProblems

	status string // about an edit, a delete or its undo
	failed bool
	undo   undoSlot[triggers.Entry]
}

func (p *triggersPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Trigger log", "Note what brought the pain back, how you reacted and what helped, and see patterns over time. Kept only on this device.")
}

func (p *triggersPage) OnMount(ctx app.Context) {
	p.mounted = ctx
	p.limit, p.span = triggerBatch, rangeMonth
	p.form = triggerFormAt(now())
	form := p.form
	ctx.Defer(func(app.Context) { triggerFill(triggerNewForm, form) })
	p.load(ctx)
	p.stop = watchStore(ctx, p.deps.Store, p.load, userdata.KindTrigger)
}

func (p *triggersPage) OnDismount() { stopWatch(p.stop) }

// load reads the log: at first, after an unlock, and after another tab
// changed it.
func (p *triggersPage) load(ctx app.Context) {
	store := p.deps.Store
	if store == nil {
		return
	}
	ctx = p.mounted
	ctx.Async(func() {
		es, err := triggers.List(ctx, store)
		slices.Reverse(es)
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case errors.Is(err, userdata.ErrLocked):
				p.loaded, p.entries, p.common = false, nil, nil // the lock screen covers the page
				return
			case err != nil && !errors.Is(err, userdata.ErrInvalid):
				p.loaded, p.problem = true, "Your trigger log could not be read: "+userdata.Message(err)
				return
			}
			p.loaded, p.problem, p.damaged = true, "", err != nil
			p.setEntries(es)
			// Fields the page left while it was locked come back empty.
			if form := p.form; form.Day != "" {
				ctx.Defer(func(app.Context) {
					if v, ok := fieldValue(triggerNewForm + "-day"); ok && v == "" {
						triggerFill(triggerNewForm, form)
					}
				})
			}
		})
	})
}

func (p *triggersPage) setEntries(es []triggers.Entry) {
	p.entries = es
	p.common = triggers.PatternsOf(es, civil.Date{}, civil.Date{}).Common
}

func (p *triggersPage) find(id string) (triggers.Entry, bool) {
	for _, e := range p.entries {
		if e.ID == id {
			return e, true
		}
	}
	return triggers.Entry{}, false
}

func (p *triggersPage) Render() app.UI {
	var view app.UI
	if e, ok := p.find(p.editID); ok {
		view = p.editView(e)
	} else {
		view = app.Div().Class("trigger-log").Body(
			para("A trigger brings the pain back, often without warning: a place, a date, a song, a buzzing phone. Noting each one, how you reacted and what helped makes them easier to see coming, and easier to talk about."),
			app.P().Body(
				app.Text("Read more in the guide: "),
				link(triggersChapter, "Talking about triggers without blame"),
				app.Text(". If a wave is too strong to talk right now, use the "),
				link("/tools/time-out", "time-out card"),
				app.Text("."),
			),
			p.newForm(),
			p.patternsSection(),
			p.listSection(),
		)
	}
	return frame(p.deps, sectionTools, "Trigger log",
		statusLine(p.status, p.failed),
		view,
	)
}

func (p *triggersPage) newForm() app.UI {
	return app.Section().Class("card").Aria("labelledby", "new-trigger-heading").Body(
		heading2("new-trigger-heading", "Log a trigger"),
		app.Form().Class("stack trigger-form").OnSubmit(p.saveNew).Body(
			append(p.fields(triggerNewForm, &p.form, p.formErrs),
				app.Div().Class("actions").Body(
					app.Button().Type("submit").Class("primary").Text("Save to the log").Disabled(p.saving),
				),
				statusLine(p.formStatus, p.formFailed),
			)...,
		),
	)
}

// fields are a trigger form's controls.
func (p *triggersPage) fields(prefix string, f *triggerForm, errs fieldProblems) []app.UI {
	settle := func(field string) func(app.Context) {
		return func(ctx app.Context) {
			if errs[field] == "" {
				ctx.PreventUpdate()
			}
			delete(errs, field)
		}
	}
	whenID := prefix + "-day"
	ui := []app.UI{
		app.FieldSet().Class("when").Aria("describedby", describedBy(whenID, false, errs["when"])).Body(
			app.Legend().Text("When it happened"),
			problemSlot(whenID, errs["when"]),
			app.Div().Class("when-row").Body(
				app.Div().Body(
					labelFor(whenID, "Date"),
					app.Input().Type("date").ID(whenID).Aria("required", "true").Aria("invalid", errs["when"] != "").
						OnChange(func(ctx app.Context, e app.Event) {
							f.Day = ctx.JSSrc().Get("value").String()
							settle("when")(ctx)
						}),
				),
				app.Div().Body(
					labelFor(prefix+"-time", "Time"),
					app.Input().Type("time").ID(prefix+"-time").Aria("required", "true").Aria("invalid", errs["when"] != "").
						OnChange(func(ctx app.Context, e app.Event) {
							f.Time = ctx.JSSrc().Get("value").String()
							settle("when")(ctx)
						}),
				),
			),
		),
	}
	for i, t := range triggerTextFields {
		id := prefix + "-" + t.field
		var control app.UI
		onInput := func(ctx app.Context, e app.Event) {
			*f.text(t.field) = ctx.JSSrc().Get("value").String()
			settle(t.field)(ctx)
		}
		switch t.field {
		case "what", "where":
			max := triggers.MaxWhat
			if t.field == "where" {
				max = triggers.MaxWhere
			}
			in := app.Input().Type("text").ID(id).MaxLength(max).Attr("autocomplete", "off").
				Aria("describedby", describedBy(id, t.field == "what", errs[t.field])).Aria("invalid", errs[t.field] != "").
				OnInput(onInput)
			if t.field == "what" {
				in = in.Aria("required", "true").List(prefix + "-earlier")
			}
			control = in
		default:
			control = app.Textarea().ID(id).Rows(3).MaxLength(triggers.MaxText).
				Aria("describedby", describedBy(id, false, errs[t.field])).Aria("invalid", errs[t.field] != "").
				OnInput(onInput)
		}
		ui = append(ui,
			labelFor(id, t.label),
			problemSlot(id, errs[t.field]),
		)
		if t.field == "what" {
			ui = append(ui, paraClass("field-hint", "A few words, such as “a song on the radio”. Using the same words each time helps the patterns show.").ID(id+"-hint"))
		}
		ui = append(ui, control)
		if t.field == "what" {
			ui = append(ui, p.earlier(prefix))
		}
		if i == 1 {
			// The kind and the intensity sit after where.
			ui = append(ui, p.choices(prefix, f, errs)...)
		}
	}
	return ui
}

// earlier suggests the words used before, for the browser to offer as the
// What is typed.
func (p *triggersPage) earlier(prefix string) app.UI {
	common := p.common[:min(len(p.common), 20)]
	return app.DataList().ID(prefix + "-earlier").Body(
		app.Range(common).Slice(func(i int) app.UI { return app.Option().Value(common[i].Label) }),
	)
}

// choices are the kind and the intensity, both optional.
func (p *triggersPage) choices(prefix string, f *triggerForm, errs fieldProblems) []app.UI {
	cats := triggers.Categories()
	levels := make([]int, triggers.MaxIntensity+1)
	for i := range levels {
		levels[i] = i
	}
	catID, intID := prefix+"-category", prefix+"-intensity"
	return []app.UI{
		labelFor(catID, "What kind of trigger (optional)"),
		problemSlot(catID, errs["category"]),
		app.Select().ID(catID).Aria("invalid", errs["category"] != "").Aria("describedby", describedBy(catID, false, errs["category"])).
			OnChange(func(ctx app.Context, e app.Event) {
				f.Category = triggers.Category(ctx.JSSrc().Get("value").String())
				delete(errs, "category")
			}).Body(
			app.Option().Value("").Selected(f.Category == "").Text("Not chosen"),
			app.Range(cats).Slice(func(i int) app.UI {
				c := cats[i]
				return app.Option().Value(string(c)).Selected(f.Category == c).Text(c.Label())
			}),
		),
		labelFor(intID, "How strong it was, from 0 (hardly) to 10 (overwhelming) (optional)"),
		problemSlot(intID, errs["intensity"]),
		app.Select().ID(intID).Class("short").Aria("invalid", errs["intensity"] != "").Aria("describedby", describedBy(intID, false, errs["intensity"])).
			OnChange(func(ctx app.Context, e app.Event) {
				f.Intensity = ctx.JSSrc().Get("value").String()
				delete(errs, "intensity")
			}).Body(
			app.Option().Value("").Selected(f.Intensity == "").Text("Not rated"),
			app.Range(levels).Slice(func(i int) app.UI {
				v := strconv.Itoa(levels[i])
				return app.Option().Value(v).Selected(f.Intensity == v).Text(v)
			}),
		),
	}
}

// invalid shows a validation error beside its field and moves the focus
// there. It reports whether err was one.
func (p *triggersPage) invalid(prefix string, err error) bool {
	field, problem, ok := problemOf(err)
	if !ok {
		return false
	}
	status, failed, errs := &p.formStatus, &p.formFailed, &p.formErrs
	if prefix == triggerEditForm {
		status, failed, errs = &p.status, &p.failed, &p.editErrs
	}
	id := prefix + "-" + field
	switch field {
	case "when":
		id = prefix + "-day"
	case "category", "what", "where", "reaction", "helped", "intensity":
	default:
		*status, *failed = userdata.Message(err), true
		return true
	}
	*errs = fieldProblems{field: problem}
	*status, *failed = "Not saved yet: please look at the note beside the field.", true
	p.mounted.Defer(func(app.Context) { focusID(id) })
	return true
}

// saveNew logs the trigger and empties the form for the next one.
func (p *triggersPage) saveNew(ctx app.Context, e app.Event) {
	e.PreventDefault()
	store := p.deps.Store
	if store == nil || p.saving {
		return
	}
	triggerRead(triggerNewForm, &p.form)
	entry := p.form.entry(triggers.New(time.Time{}))
	p.formErrs, p.formStatus, p.formFailed, p.status = nil, "", false, ""
	if p.invalid(triggerNewForm, entry.Validate()) {
		return
	}
	p.saving = true
	ctx = p.mounted
	ctx.Async(func() {
		saved, err := triggers.Save(ctx, store, entry, now())
		ctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if p.invalid(triggerNewForm, err) {
				return
			}
			if err != nil {
				p.formStatus, p.formFailed = "This was not saved: "+userdata.Message(err), true
				return
			}
			p.put(saved)
			p.form = triggerFormAt(now())
			form := p.form
			ctx.Defer(func(app.Context) { triggerFill(triggerNewForm, form) })
			p.formStatus, p.formFailed = "Saved to your log. Well done for noticing it.", false
		})
	})
}

// put adds or replaces e in the list.
func (p *triggersPage) put(e triggers.Entry) {
	es := slices.DeleteFunc(slices.Clone(p.entries), func(x triggers.Entry) bool { return x.ID == e.ID })
	es = append(es, e)
	order.Sort(es, func(a, b triggers.Entry) int { return triggers.Compare(b, a) })
	p.setEntries(es)
}

func (p *triggersPage) startEdit(ctx app.Context, e triggers.Entry) {
	p.editID, p.edit, p.editErrs = e.ID, triggerFormOf(e), nil
	p.status, p.failed = "", false
	edit := p.edit
	p.mounted.Defer(func(app.Context) {
		triggerFill(triggerEditForm, edit)
		focusID("trigger-edit-heading")
	})
}

func (p *triggersPage) stopEdit(status string) {
	id := p.editID
	p.editID, p.editErrs = "", nil
	p.status, p.failed = status, false
	p.mounted.Defer(func(app.Context) { focusID("trigger-" + id) })
}

// editView is the form for changing one logged trigger.
func (p *triggersPage) editView(e triggers.Entry) app.UI {
	return app.Section().Class("card edit-trigger").Aria("labelledby", "trigger-edit-heading").Body(
		heading2("trigger-edit-heading", "Edit: "+e.What).TabIndex(-1),
		app.Form().Class("stack trigger-form").OnSubmit(p.saveEdit).Body(
			append(p.fields(triggerEditForm, &p.edit, p.editErrs),
				app.Div().Class("actions").Body(
					app.Button().Type("submit").Class("primary").Text("Save changes").Disabled(p.saving),
					button("Cancel editing").OnClick(func(ctx app.Context, e app.Event) {
						p.stopEdit("Nothing was changed.")
					}),
				),
			)...,
		),
	)
}

func (p *triggersPage) saveEdit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	store := p.deps.Store
	old, ok := p.find(p.editID)
	if store == nil || !ok || p.saving {
		return
	}
	triggerRead(triggerEditForm, &p.edit)
	entry := p.edit.entry(old)
	if orig := triggerFormOf(old); p.edit.Day == orig.Day && p.edit.Time == orig.Time {
		entry.When = old.When // unchanged: keep the clock it was logged on
	}
	p.editErrs, p.status, p.failed = nil, "", false
	if p.invalid(triggerEditForm, entry.Validate()) {
		return
	}
	p.saving = true
	ctx = p.mounted
	ctx.Async(func() {
		saved, err := triggers.Save(ctx, store, entry, now())
		ctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if p.invalid(triggerEditForm, err) {
				return
			}
			if err != nil {
				p.status, p.failed = "Your changes were not saved: "+userdata.Message(err), true
				return
			}
			p.put(saved)
			p.stopEdit("Your changes are saved.")
		})
	})
}

// delete removes a logged trigger at once and offers to undo it for a
// while.
func (p *triggersPage) delete(e triggers.Entry) {
	if p.deps.Store == nil {
		return
	}
	p.setEntries(slices.DeleteFunc(slices.Clone(p.entries), func(x triggers.Entry) bool { return x.ID == e.ID }))
	p.status, p.failed = "", false
	p.undo.remove(p.mounted, p.deps.Store, userdata.KindTrigger, e.ID, e, "trigger-undo", func(ctx app.Context, e triggers.Entry, err error) {
		p.put(e)
		p.status, p.failed = "It was not deleted: "+userdata.Message(err), true
	})
}

// undoDelete saves the deleted trigger again, exactly as it was.
func (p *triggersPage) undoDelete(ctx app.Context, _ app.Event) {
	store := p.deps.Store
	if store == nil {
		return
	}
	save := func(ctx context.Context, e triggers.Entry) (triggers.Entry, error) {
		return triggers.Save(ctx, store, e, e.Updated)
	}
	p.undo.restore(p.mounted, save, func(ctx app.Context, saved triggers.Entry, err error) {
		if err != nil {
			p.status, p.failed = "It could not be brought back: "+userdata.Message(err), true
			return
		}
		p.put(saved)
		p.status, p.failed = "It is back in your log.", false
		ctx.Defer(func(app.Context) { focusID("trigger-" + saved.ID) })
	})
}

// patternsSection shows what the log says over the chosen span of days.
func (p *triggersPage) patternsSection() app.UI {
	var body []app.UI
	switch {
	case !p.loaded:
		body = []app.UI{paraClass("muted", "Loading your log…")}
	case len(p.entries) < 2:
		body = []app.UI{para("Once you have logged a few triggers, this shows which ones come up most, what kinds they are, and the times of day and days of the week they tend to come. Knowing that can help you plan for the hard moments.")}
	default:
		body = p.patterns()
	}
	return app.Section().Class("patterns").Aria("labelledby", "patterns-heading").Body(
		append([]app.UI{heading2("patterns-heading", "Patterns")}, body...)...,
	)
}

func (p *triggersPage) patterns() []app.UI {
	to := today()
	var from civil.Date
	switch p.span {
	case rangeMonth:
		from = to.AddDays(-27)
	case rangeQuarter:
		from = to.AddDays(-90)
	}
	pt := triggers.PatternsOf(p.entries, from, to)
	ranges := []triggerRange{rangeMonth, rangeQuarter, rangeAll}
	ui := []app.UI{
		choiceGroup("Show patterns for", "trigger-span", ranges, triggerRangeLabels, p.span, func(ctx app.Context, r triggerRange) { p.span = r }),
		app.Ul().Class("pattern-lines").Body(
			app.Range(pt.Lines()).Slice(func(i int) app.UI { return app.Li().Text(pt.Lines()[i]) }),
		),
	}
	if pt.Total == 0 {
		return ui
	}
	common := pt.Common[:min(len(pt.Common), 5)]
	ui = append(ui,
		app.H3().Text("What came up most"),
		triggerBars(len(common), func(i int) (string, int) { return common[i].Label, common[i].N }),
	)
	if len(pt.Categories) > 0 {
		cats := pt.Categories
		ui = append(ui,
			app.H3().Text("Kinds of trigger"),
			triggerBars(len(cats), func(i int) (string, int) { return cats[i].Label, cats[i].N }),
		)
	}
	ui = append(ui,
		app.H3().Text("Time of day"),
		triggerBars(len(triggers.TimesOfDay), func(i int) (string, int) {
			part := triggers.TimesOfDay[i]
			from, to := part.Hours()
			return fmt.Sprintf("%s (%d:00 to %d:00)", part, from, to), pt.TimesOfDay[part]
		}),
		app.H3().Text("Day of the week"),
		triggerBars(len(triggers.Weekdays), func(i int) (string, int) {
			d := triggers.Weekdays[i]
			return d.String(), pt.Weekdays[d]
		}),
	)
	return ui
}

// triggerBars is a list of labels and counts, each with a bar as long as
// its share of the largest count. The text says it all; the bars only help
// the eye.
func triggerBars(n int, row func(i int) (label string, count int)) app.UI {
	most := 0
	for i := range n {
		_, c := row(i)
		most = max(most, c)
	}
	items := make([]app.UI, n)
	for i := range n {
		label, c := row(i)
		// In tenths, as classes: the content security policy allows no
		// style attributes.
		tenths := 0
		if most > 0 && c > 0 {
			tenths = max(1, (c*10+most/2)/most)
		}
		items[i] = app.Li().Body(
			app.Span().Class("bar-label").Text(label+": "+countText(c, "time", "times")),
			app.Span().Class("bar").Aria("hidden", "true").Body(
				app.Span().Class("bar-fill w"+strconv.Itoa(tenths)),
			),
		)
	}
	return app.Ul().Class("bars").Body(items...)
}

// listSection is every logged trigger, newest first.
func (p *triggersPage) listSection() app.UI {
	var body app.UI
	switch {
	case p.problem != "":
		body = app.Div().Class("notice warning").Role("alert").Body(para(p.problem))
	case !p.loaded:
		body = paraClass("muted", "Loading your log…")
	case len(p.entries) == 0:
		body = app.Div().Class("empty").Body(
			para("Nothing logged yet. Each trigger you save appears here, newest first, with what helped, so that you can look back on it, change it or delete it."),
		)
	default:
		shown := p.entries[:min(p.limit, len(p.entries))]
		body = app.Div().Body(
			paraClass("muted", countText(len(p.entries), "trigger", "triggers")+" logged, newest first."),
			app.Ol().Class("trigger-list").Body(
				app.Range(shown).Slice(func(i int) app.UI { return p.item(shown[i]) }),
			),
			app.If(len(p.entries) > len(shown), func() app.UI {
				return button("Show " + countText(min(len(p.entries)-len(shown), triggerBatch), "more", "more")).
					OnClick(func(ctx app.Context, e app.Event) { p.limit += triggerBatch })
			}),
		)
	}
	return app.Section().Aria("labelledby", "log-heading").Body(
		heading2("log-heading", "Your log"),
		p.undoNotice(),
		body,
		app.If(p.damaged, func() app.UI {
			return paraClass("muted", "Some saved entries could not be read and are not shown.")
		}),
	)
}

func (p *triggersPage) undoNotice() app.UI {
	text := ""
	if gone := p.undo.kept; gone != nil {
		text = "“" + gone.What + "” is deleted from your log."
	}
	return undoNotice("trigger-undo", text, p.undoDelete)
}

// triggerWhen writes when a trigger happened: "Wed 25 Mar 2026, 21:40".
func triggerWhen(t time.Time) string {
	return shortDay(civil.Of(t)) + ", " + t.Format("15:04")
}

// item is one logged trigger.
func (p *triggersPage) item(e triggers.Entry) app.UI {
	var details []app.UI
	add := func(label, text string) {
		if text != "" {
			details = append(details, app.Dt().Text(label), app.Dd().Text(text))
		}
	}
	add("Kind", e.Category.Label())
	add("Where", e.Where)
	if e.HasIntensity {
		add("How strong", fmt.Sprintf("%d out of %d", e.Intensity, triggers.MaxIntensity))
	}
	add("How you reacted", e.Reaction)
	add("What helped", e.Helped)
	when := triggerWhen(e.When)
	return app.Li().Class("trigger").Body(
		app.H3().ID("trigger-"+e.ID).TabIndex(-1).Body(
			app.Span().Class("trigger-when").Text(when),
			app.Span().Class("trigger-what").Text(e.What),
		),
		app.If(len(details) > 0, func() app.UI { return app.Dl().Body(details...) }),
		app.Div().Class("actions").Body(
			button("Edit").Aria("label", "Edit “"+e.What+"”, "+when).
				OnClick(func(ctx app.Context, _ app.Event) { p.startEdit(ctx, e) }),
			button("Delete").Aria("label", "Delete “"+e.What+"”, "+when).
				OnClick(func(ctx app.Context, _ app.Event) { p.delete(e) }),
		),
	)
}
