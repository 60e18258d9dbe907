package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/civil"
	"kintsugi/app/exercise"
	"kintsugi/app/istatement"
	"kintsugi/app/tools"
	"kintsugi/app/userdata"
)

// worksheetPage is every guided exercise that is a worksheet: why it
// helps, its steps, a draft saved as it is written, a finished version to
// read back, copy or print, and the list of past ones. The page has three
// views: the list, the worksheet being written, and one read back.
type worksheetPage struct {
	app.Compo
	Slug string // exported: moving between exercises updates this component

	deps    Deps
	mounted app.Context // the page's own context: see lockLayer.mounted
	stop    func()
	flagged bool

	shown   string // the slug the state below belongs to
	loaded  bool
	past    []exercise.Worksheet // newest first
	listErr string

	cur      *exercise.Worksheet // being written
	reading  string              // the ID of the worksheet read back
	deleting string              // the ID whose deletion is being confirmed
	saveGen  atomic.Int64
	saveMu   sync.Mutex
	note     string // what happened to the last save
	failed   bool
	missing  []exercise.Step // empty steps, pointed out on finishing
	status   string
	stFailed bool
}

func (p *worksheetPage) spec() sheetSpec {
	s, _ := specFor(p.Slug)
	return s
}

func (p *worksheetPage) OnNav(ctx app.Context) {
	s := p.spec()
	setTitle(ctx, s.Title, s.Why)
	if p.shown != p.Slug {
		p.shown, p.loaded, p.past, p.listErr = p.Slug, false, nil, ""
		p.cur, p.reading, p.deleting, p.status, p.note = nil, "", "", "", ""
		p.load(ctx)
	}
}

func (p *worksheetPage) OnMount(ctx app.Context) {
	p.mounted = ctx
	stopList := watchStore(ctx, p.deps.Store, p.load, userdata.KindExercise)
	stopFlag := followSafetyFlag(ctx, p.deps.Store, func(flagged bool) { p.flagged = flagged })
	p.stop = func() { stopList(); stopFlag() }
}

func (p *worksheetPage) OnDismount() { stopWatch(p.stop) }

// load reads the past worksheets: on arrival, after an unlock, and after
// another tab changed them.
func (p *worksheetPage) load(ctx app.Context) {
	store, slug := p.deps.Store, p.Slug
	if store == nil {
		return
	}
	ctx.Async(func() {
		past, damaged, err := exercise.Past(ctx, store, slug)
		ctx.Dispatch(func(app.Context) {
			if slug != p.Slug || errors.Is(err, userdata.ErrLocked) {
				return
			}
			switch {
			case err != nil:
				p.listErr = "Your saved worksheets could not be read: " + userdata.Message(err)
				return
			case damaged > 0:
				p.listErr = countText(damaged, "saved worksheet is", "saved worksheets are") + " damaged and cannot be shown."
			default:
				p.listErr = ""
			}
			p.loaded, p.past = true, past
		})
	})
}

func (p *worksheetPage) find(id string) (exercise.Worksheet, bool) {
	for _, w := range p.past {
		if w.ID == id {
			return w, true
		}
	}
	return exercise.Worksheet{}, false
}

func (p *worksheetPage) Render() app.UI {
	s := p.spec()
	if t, _ := tools.Find(p.Slug); p.flagged && t.ForCouples() {
		return frame(p.deps, sectionTools, s.Title, coupleCaution(), link("/tools", "Back to all tools"))
	}
	switch {
	case p.cur != nil:
		return frame(p.deps, sectionTools, s.Title, p.editor(s))
	case p.reading != "":
		if w, ok := p.find(p.reading); ok {
			return frame(p.deps, sectionTools, s.Title, p.readBack(s, w))
		}
	}
	return frame(p.deps, sectionTools, s.Title, p.listView(s))
}

// why is the short reason for the exercise, with its chapter.
func (p *worksheetPage) why(s sheetSpec) app.UI {
	var chapter app.UI
	if g, err := book(); err == nil {
		if c, ok := g.Chapter(s.Chapter); ok {
			chapter = app.P().Body(app.Text("From the chapter "), link("/guide/"+c.Slug, c.Title), app.Text("."))
		}
	}
	var private app.UI
	if s.Private {
		private = paraClass("notice", "This reflection is for you alone. Nothing here is shared, and there is no right answer.")
	}
	return app.Div().Class("why no-print").Body(
		paraClass("lead", s.Why),
		chapter,
		private,
	)
}

func (p *worksheetPage) listView(s sheetSpec) app.UI {
	var draft app.UI
	if w, ok := exercise.LastDraft(p.past); ok {
		draft = button("Continue your draft from "+dayOf(w.Updated)).OnClick(func(ctx app.Context, e app.Event) { p.edit(ctx, w.ID) }, app.EventScope(w.ID))
	}
	var list app.UI
	switch {
	case !p.loaded && p.listErr == "":
		list = para("Loading…")
	case len(p.past) == 0:
		list = para("Nothing saved yet. What you write is kept on this device as you go, and listed here by date.")
	default:
		list = app.Ul().Class("entry-list").Body(
			app.Range(p.past).Slice(func(i int) app.UI {
				w := p.past[i]
				return app.Li().Class("entry").Body(
					app.H3().Text(sheetName(w)),
					paraClass("muted", stateText(w)),
					p.entryActions(w),
				)
			}),
		)
	}
	var timer app.UI
	if p.Slug == exercise.TimeOut {
		length := exercise.TimeOutPause
		if len(p.past) > 0 {
			length = exercise.PauseLength(p.past[0])
		}
		timer = &timeOutTimer{Length: length}
	}
	return app.Div().Body(
		timer,
		p.why(s),
		app.Div().Class("actions").Body(
			button("Start a new worksheet").Class("primary").OnClick(p.start),
			draft,
		),
		statusLine(p.status, p.stFailed),
		app.Section().Class("card").Aria("labelledby", "past-heading").Body(
			heading2("past-heading", "Saved on this device"),
			statusLine(p.listErr, p.listErr != ""),
			list,
		),
		sourcesList(s.Sources),
		app.P().Body(link("/tools", "Back to all tools")),
	)
}

func sourcesList(sources []string) app.UI {
	if len(sources) == 0 {
		return nil
	}
	return app.Details().Class("sources").Body(
		app.Summary().Text("Sources"),
		app.Ul().Body(app.Range(sources).Slice(func(i int) app.UI { return app.Li().Text(sources[i]) })),
	)
}

// sheetName is how a worksheet is named in lists.
func sheetName(w exercise.Worksheet) string {
	if s := w.Summary(80); s != "" {
		return s
	}
	return "Untitled, begun " + dayOf(w.Created)
}

func stateText(w exercise.Worksheet) string {
	if w.State == exercise.Finished {
		return "Finished. Begun " + dayOf(w.Created) + ", last changed " + dayOf(w.Updated) + "."
	}
	return "Draft. Begun " + dayOf(w.Created) + ", last changed " + dayOf(w.Updated) + "."
}

func dayOf(t time.Time) string { return shortDay(civil.Of(t.In(time.Local))) }

func (p *worksheetPage) entryActions(w exercise.Worksheet) app.UI {
	name := sheetName(w)
	if p.deleting == w.ID {
		return app.Div().Class("confirm").Role("group").Aria("label", "Confirm deletion").Body(
			app.P().Text("Delete \""+name+"\"? This cannot be undone."),
			app.Div().Class("actions").Body(
				button("Yes, delete it").Class("danger").OnClick(func(ctx app.Context, e app.Event) { p.delete(w.ID) }, app.EventScope(w.ID)),
				button("Keep it").OnClick(func(ctx app.Context, e app.Event) { p.deleting = "" }),
			),
		)
	}
	return app.Div().Class("actions").Body(
		button("Read").Aria("label", "Read "+name).OnClick(func(ctx app.Context, e app.Event) { p.read(ctx, w.ID) }, app.EventScope(w.ID)),
		button("Edit").Aria("label", "Edit "+name).OnClick(func(ctx app.Context, e app.Event) { p.edit(ctx, w.ID) }, app.EventScope(w.ID)),
		button("Delete").Aria("label", "Delete "+name).OnClick(func(ctx app.Context, e app.Event) { p.deleting, p.status = w.ID, "" }, app.EventScope(w.ID)),
	)
}

func (p *worksheetPage) read(ctx app.Context, id string) {
	p.reading, p.status, p.deleting = id, "", ""
	p.mounted.Defer(func(app.Context) { focusID("sheet-read-heading") })
}

// start opens a new worksheet; it is saved once something is written.
func (p *worksheetPage) start(ctx app.Context, e app.Event) {
	w, err := exercise.New(p.Slug, now())
	if err != nil {
		p.status, p.stFailed = "This exercise cannot be started: "+userdata.Message(err), true
		return
	}
	p.open(ctx, w)
}

// edit opens a saved worksheet. Handlers pass its ID, never a copy: go-app
// keeps a button's first handler, with whatever it captured, while the
// button stays on the page.
func (p *worksheetPage) edit(ctx app.Context, id string) {
	w, ok := p.find(id)
	if !ok {
		return
	}
	w = w.Clone()
	w.State = exercise.Draft
	p.open(ctx, w)
}

func (p *worksheetPage) open(ctx app.Context, w exercise.Worksheet) {
	p.cur = &w
	p.reading, p.deleting, p.status, p.note, p.failed, p.missing = "", "", "", "", false, nil
	p.fill()
	p.mounted.Defer(func(app.Context) { focusID("sheet-heading") })
}

// fill puts the worksheet's texts into their fields once they are on the
// page. Text fields are not bound to a value: the page re-renders as the
// person types, and a bound value would write older text over newer
// keystrokes. It goes through the page's context: the button that asked
// may be gone.
func (p *worksheetPage) fill() {
	p.mounted.Defer(func(app.Context) {
		if p.cur == nil {
			return
		}
		putFieldValue("ws-title", p.cur.Title, false)
		for _, st := range p.spec().Steps {
			switch st.Input {
			case exercise.Text:
				putFieldValue(textID(st.Name), p.cur.Text(st.Name), false)
			case exercise.List, exercise.Checklist:
				for i, it := range p.cur.Items(st.Name) {
					putFieldValue(itemID(st.Name, i, "text"), it.Text, false)
					putFieldValue(itemID(st.Name, i, "note"), it.Note, false)
				}
			}
		}
	})
}

func textID(step string) string                  { return "ws-" + step }
func itemID(step string, i int, f string) string { return fmt.Sprintf("ws-%s-%d-%s", step, i, f) }

// changed follows an edit: the worksheet is saved a moment after the
// typing pauses.
func (p *worksheetPage) changed() {
	gen := p.saveGen.Add(1)
	p.mounted.After(600*time.Millisecond, func(ctx app.Context) {
		if p.saveGen.Load() == gen {
			p.save(nil)
		}
	})
}

// save writes the worksheet being written, unless nothing is written yet,
// then calls done, if any, on the UI goroutine.
func (p *worksheetPage) save(done func(ctx app.Context, saved exercise.Worksheet, err error)) {
	store := p.deps.Store
	if p.cur == nil || store == nil {
		return
	}
	w := p.cur.Clone()
	ctx := p.mounted
	ctx.Async(func() {
		p.saveMu.Lock()
		defer p.saveMu.Unlock()
		var err error
		if !w.Empty() {
			w, err = exercise.Save(ctx, store, w, now())
		}
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case err != nil:
				p.note, p.failed = "Not saved: "+saveProblem(err), true
			case w.Empty():
				p.note, p.failed = "", false
			default:
				if p.cur != nil && p.cur.ID == w.ID {
					p.cur.Created, p.cur.Updated = w.Created, w.Updated
				}
				p.note, p.failed = "Saved on this device.", false
			}
			if done != nil {
				done(ctx, w, err)
			}
		})
	})
}

// finish marks the worksheet finished and shows it read back.
func (p *worksheetPage) finish(ctx app.Context, e app.Event) {
	if p.cur == nil {
		return
	}
	if p.cur.Empty() {
		p.note, p.failed = "Nothing is written yet. Write something first, or go back to the list.", true
		return
	}
	p.missing = p.spec().Missing(*p.cur)
	p.cur.State = exercise.Finished
	p.saveGen.Add(1)
	id := p.cur.ID
	p.save(func(ctx app.Context, saved exercise.Worksheet, err error) {
		if err != nil {
			if p.cur != nil {
				p.cur.State = exercise.Draft
			}
			return
		}
		p.keep(saved)
		p.cur = nil
		p.load(ctx)
		p.read(ctx, id)
		p.status, p.stFailed = "Finished and saved.", false
	})
}

// close saves and goes back to the list.
func (p *worksheetPage) close(ctx app.Context, e app.Event) {
	p.saveGen.Add(1)
	p.save(func(ctx app.Context, saved exercise.Worksheet, err error) {
		if err != nil {
			return
		}
		if !saved.Empty() {
			p.keep(saved)
		}
		p.cur, p.missing = nil, nil
		p.load(ctx)
	})
}

// keep puts a worksheet just saved into the list at once, before the list
// is read again, so that it never shows as it was.
func (p *worksheetPage) keep(w exercise.Worksheet) {
	for i := range p.past {
		if p.past[i].ID == w.ID {
			p.past[i] = w
			return
		}
	}
	p.past = append([]exercise.Worksheet{w}, p.past...)
}

func (p *worksheetPage) delete(id string) {
	store := p.deps.Store
	w, ok := p.find(id)
	if store == nil || !ok {
		return
	}
	ctx := p.mounted
	ctx.Async(func() {
		err := exercise.Delete(ctx, store, w.ID)
		ctx.Dispatch(func(ctx app.Context) {
			p.deleting = ""
			if err != nil {
				p.status, p.stFailed = "Nothing was deleted: "+userdata.Message(err), true
				return
			}
			p.reading = ""
			p.status, p.stFailed = "Deleted \""+sheetName(w)+"\".", false
			p.load(ctx)
		})
	})
}

// editor is the worksheet being written, all its steps on one page.
func (p *worksheetPage) editor(s sheetSpec) app.UI {
	w := p.cur
	hints := map[string][]sheetHint{}
	if s.hints != nil {
		for _, h := range s.hints(*w) {
			if !h.Missing {
				hints[h.Step] = append(hints[h.Step], h)
			}
		}
	}
	var result app.UI
	if s.result != nil {
		if heading, text := s.result(*w); text != "" {
			result = app.Section().Class("card result").Aria("labelledby", "result-heading").Body(
				heading2("result-heading", heading),
				paraClass("finished-text", text),
			)
		}
	}
	return app.Div().Class("stack worksheet").Body(
		heading2("sheet-heading", map[bool]string{true: "A new worksheet", false: "Your worksheet"}[w.Empty()]).TabIndex(-1),
		p.why(s),
		labelFor("ws-title", "A name for this worksheet (optional)"),
		app.Input().Type("text").ID("ws-title").MaxLength(exercise.MaxTitle).Attr("autocomplete", "off").
			OnInput(func(ctx app.Context, e app.Event) { p.cur.Title = ctx.JSSrc().Get("value").String(); p.changed() }),
		app.Range(s.Steps).Slice(func(i int) app.UI { return p.step(s, s.Steps[i], hints[s.Steps[i].Name]) }),
		result,
		app.Div().Class("actions sticky-actions").Body(
			button("Finish and read it back").Class("primary").OnClick(p.finish),
			button("Save and go back to the list").OnClick(p.close),
		),
		statusLine(p.note, p.failed),
	)
}

// step renders one step of the worksheet being written.
func (p *worksheetPage) step(s sheetSpec, st exercise.Step, hints []sheetHint) app.UI {
	var body []app.UI
	promptID := textID(st.Name) + "-hint"
	intro := func(withPrompt bool) {
		if withPrompt && st.Prompt != "" {
			body = append(body, app.P().ID(promptID).Text(st.Prompt))
		}
		if st.Help != "" {
			body = append(body, paraClass("muted", st.Help))
		}
	}
	switch st.Input {
	case exercise.Info:
		body = append(body, app.H3().Text(st.Title))
		intro(true)
		if len(st.Points) > 0 {
			body = append(body, app.Ul().Body(app.Range(st.Points).Slice(func(i int) app.UI { return app.Li().Text(st.Points[i]) })))
		}
	case exercise.Text:
		id := textID(st.Name)
		body = append(body, labelFor(id, st.Title).Class("step-title"))
		intro(true)
		body = append(body,
			app.Textarea().ID(id).Rows(4).MaxLength(exercise.MaxText).Aria("describedby", promptID).
				OnInput(func(ctx app.Context, e app.Event) {
					p.cur.SetText(st.Name, ctx.JSSrc().Get("value").String())
					p.changed()
				}, app.EventScope(st.Name)),
		)
		if st.Name == s.feelingsStep {
			body = append(body, feelingWords())
		}
	case exercise.Date:
		id := textID(st.Name)
		body = append(body, labelFor(id, st.Title).Class("step-title"))
		intro(true)
		body = append(body, app.Input().Type("date").ID(id).Value(p.cur.Text(st.Name)).Aria("describedby", promptID).
			OnChange(func(ctx app.Context, e app.Event) {
				p.cur.SetText(st.Name, ctx.JSSrc().Get("value").String())
				p.changed()
			}, app.EventScope(st.Name)))
	case exercise.Choice:
		body = append(body, p.choiceStep(st))
	case exercise.Checklist:
		body = append(body, p.checklistStep(st))
	case exercise.List:
		body = append(body, app.H3().Text(st.Title))
		intro(true)
		body = append(body, p.itemsEditor(st, st.Suggestions))
	}
	if len(st.Examples) > 0 {
		body = append(body, app.Details().Class("examples").Body(
			app.Summary().Text("Examples"),
			app.Ul().Body(app.Range(st.Examples).Slice(func(i int) app.UI { return app.Li().Text(st.Examples[i]) })),
		))
	}
	for _, h := range hints {
		text := h.Message
		if h.Suggestion != "" {
			text += " " + h.Suggestion
		}
		body = append(body, app.Div().Class("hint").Role("note").Body(
			app.If(h.Quote != "", func() app.UI { return app.P().Body(app.Text("About “"), app.Mark().Text(h.Quote), app.Text("”:")) }),
			app.P().Text(text),
		))
	}
	return app.Section().Class("card step").Body(body...)
}

// feelingWords lists plain feeling words to choose from.
func feelingWords() app.UI {
	return app.Details().Class("examples").Body(
		app.Summary().Text("Feeling words to choose from"),
		app.Range(istatement.Feelings).Slice(func(i int) app.UI {
			g := istatement.Feelings[i]
			return app.P().Body(app.Strong().Text(g.Name+": "), app.Text(strings.Join(g.Words, ", ")))
		}),
	)
}

func (p *worksheetPage) choiceStep(st exercise.Step) app.UI {
	current := p.cur.Text(st.Name)
	return app.FieldSet().Class("choices").Body(
		app.Legend().Class("step-title").Text(st.Title),
		app.If(st.Prompt != "", func() app.UI { return app.P().Text(st.Prompt) }),
		app.If(st.Help != "", func() app.UI { return paraClass("muted", st.Help) }),
		app.Range(st.Options).Slice(func(i int) app.UI {
			o := st.Options[i]
			id := textID(st.Name) + "-" + o.ID
			return app.Div().Class("choice").Body(
				app.Input().Type("radio").Name(textID(st.Name)).ID(id).Value(o.ID).Checked(current == o.ID).
					OnChange(func(ctx app.Context, e app.Event) { p.cur.SetText(st.Name, o.ID); p.changed() }, app.EventScope(id)),
				labelFor(id, o.Label),
				app.If(o.Help != "", func() app.UI { return paraClass("muted", o.Help) }),
			)
		}),
	)
}

// checklistStep is a set of suggestions to tick, and the person's own
// entries if the step takes them.
func (p *worksheetPage) checklistStep(st exercise.Step) app.UI {
	items := p.cur.Items(st.Name)
	ticked := map[string]bool{}
	for _, it := range items {
		if it.Ref != "" {
			ticked[it.Ref] = true
		}
	}
	groups := st.Groups()
	var own app.UI
	if st.Own {
		own = app.Div().Body(
			app.H4().Text("Your own"),
			p.itemsEditor(st, nil),
		)
	}
	return app.FieldSet().Class("checklist").Body(
		app.Legend().Class("step-title").Text(st.Title),
		app.If(st.Prompt != "", func() app.UI { return app.P().Text(st.Prompt) }),
		app.If(st.Help != "", func() app.UI { return paraClass("muted", st.Help) }),
		app.Range(groups).Slice(func(gi int) app.UI {
			g := groups[gi]
			var sugs []exercise.Suggestion
			for _, s := range st.Suggestions {
				if s.Group == g {
					sugs = append(sugs, s)
				}
			}
			return app.Div().Class("check-group").Body(
				app.If(g != "", func() app.UI { return app.H4().Text(g) }),
				app.Range(sugs).Slice(func(i int) app.UI {
					s := sugs[i]
					id := textID(st.Name) + "-" + s.ID
					return app.Div().Class("choice").Body(
						app.Input().Type("checkbox").ID(id).Checked(ticked[s.ID]).
							OnChange(func(ctx app.Context, e app.Event) {
								p.tick(st.Name, s, ctx.JSSrc().Get("checked").Bool())
							}, app.EventScope(id)),
						labelFor(id, s.Text),
						app.If(s.Help != "", func() app.UI { return paraClass("muted", s.Help) }),
					)
				}),
			)
		}),
		own,
	)
}

// tick adds or removes a suggestion's item on a checklist.
func (p *worksheetPage) tick(step string, s exercise.Suggestion, on bool) {
	items := p.cur.Items(step)
	var out []exercise.Item
	for _, it := range items {
		if it.Ref != s.ID {
			out = append(out, it)
		}
	}
	if on {
		out = append(out, exercise.Item{Ref: s.ID, Text: s.Text})
	}
	p.cur.SetItems(step, out)
	p.changed()
}

// itemsEditor edits the person's own entries of a list step; suggestions,
// if any, can be added and then changed. On a checklist it shows only the
// entries that came from no suggestion.
func (p *worksheetPage) itemsEditor(st exercise.Step, suggestions []exercise.Suggestion) app.UI {
	items := p.cur.Items(st.Name)
	own := st.Input == exercise.List
	var shown []int
	for i, it := range items {
		if own || it.Ref == "" {
			shown = append(shown, i)
		}
	}
	var ideas app.UI
	if len(suggestions) > 0 {
		ideas = app.Details().Class("examples").Body(
			app.Summary().Text("Ideas to start from"),
			app.Ul().Class("ideas").Body(app.Range(suggestions).Slice(func(i int) app.UI {
				s := suggestions[i]
				return app.Li().Body(
					app.Span().Text(s.Text+" "),
					button("Add").Class("link").Aria("label", "Add: "+s.Text).
						OnClick(func(ctx app.Context, e app.Event) { p.addItem(ctx, st.Name, exercise.Item{Ref: s.ID, Text: s.Text}) }, app.EventScope(st.Name, s.ID)),
				)
			})),
		)
	}
	return app.Div().Class("items").Body(
		ideas,
		app.If(len(shown) == 0, func() app.UI { return paraClass("muted", "No entries yet.") }),
		app.Ol().Class("item-list").Body(app.Range(shown).Slice(func(k int) app.UI { return p.itemEditor(st, shown[k], k+1) })),
		button("Add an entry").Aria("label", "Add an entry to "+st.Title).
			OnClick(func(ctx app.Context, e app.Event) { p.addItem(ctx, st.Name, exercise.Item{}) }, app.EventScope(st.Name)),
	)
}

// itemEditor edits item i of a step, shown as entry number n.
func (p *worksheetPage) itemEditor(st exercise.Step, i, n int) app.UI {
	it := p.cur.Items(st.Name)[i]
	scope := fmt.Sprint(st.Name, i)
	label := fmt.Sprintf("%s, entry %d", st.Title, n)
	set := func(f func(it exercise.Item) exercise.Item) {
		items := p.cur.Items(st.Name)
		if i < len(items) {
			items[i] = f(items[i])
			p.cur.SetItems(st.Name, items)
			p.changed()
		}
	}
	var parts []app.UI
	textField := itemID(st.Name, i, "text")
	parts = append(parts,
		labelFor(textField, label),
		app.Input().Type("text").ID(textField).MaxLength(exercise.MaxItemText).Attr("autocomplete", "off").
			OnInput(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				set(func(it exercise.Item) exercise.Item { it.Text = v; return it })
			}, app.EventScope(scope)),
	)
	if st.Dated {
		id := itemID(st.Name, i, "date")
		parts = append(parts,
			labelFor(id, "Day"),
			app.Input().Type("date").ID(id).Value(dateValue(it.Date)).
				OnChange(func(ctx app.Context, e app.Event) {
					d, err := civil.Parse(ctx.JSSrc().Get("value").String())
					if err != nil {
						d = civil.Date{}
					}
					set(func(it exercise.Item) exercise.Item { it.Date = d; return it })
				}, app.EventScope(scope)),
		)
	}
	for _, c := range st.Choices {
		id := itemID(st.Name, i, "choice-"+c.Name)
		current := it.Choices[c.Name]
		parts = append(parts,
			labelFor(id, c.Label),
			app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				set(func(it exercise.Item) exercise.Item { return it.WithChoice(c.Name, v) })
			}, app.EventScope(scope, c.Name)).Body(
				app.Option().Value("").Selected(current == "").Text("Not chosen yet"),
				app.Range(c.Options).Slice(func(k int) app.UI {
					o := c.Options[k]
					return app.Option().Value(o.ID).Selected(current == o.ID).Text(o.Label)
				}),
			),
		)
	}
	for _, m := range st.Marks {
		id := itemID(st.Name, i, "mark-"+m.ID)
		parts = append(parts, app.Div().Class("choice").Body(
			app.Input().Type("checkbox").ID(id).Checked(it.Has(m.ID)).
				OnChange(func(ctx app.Context, e app.Event) {
					on := ctx.JSSrc().Get("checked").Bool()
					set(func(it exercise.Item) exercise.Item { return it.WithMark(m.ID, on) })
				}, app.EventScope(scope, m.ID)),
			labelFor(id, m.Label),
		))
	}
	if st.Note != "" {
		id := itemID(st.Name, i, "note")
		parts = append(parts,
			labelFor(id, st.Note),
			app.Textarea().ID(id).Rows(2).MaxLength(exercise.MaxNote).
				OnInput(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					set(func(it exercise.Item) exercise.Item { it.Note = v; return it })
				}, app.EventScope(scope)),
		)
	}
	parts = append(parts, button("Remove").Class("link").Aria("label", "Remove "+label).
		OnClick(func(ctx app.Context, e app.Event) { p.removeItem(ctx, st.Name, i) }, app.EventScope(scope)))
	return app.Li().Class("item stack").Body(parts...)
}

func dateValue(d civil.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func (p *worksheetPage) addItem(ctx app.Context, step string, it exercise.Item) {
	items := append(p.cur.Items(step), it)
	p.cur.SetItems(step, items)
	p.changed()
	p.fill()
	n := len(items) - 1
	p.mounted.Defer(func(app.Context) { focusID(itemID(step, n, "text")) })
}

func (p *worksheetPage) removeItem(ctx app.Context, step string, i int) {
	items := p.cur.Items(step)
	if i >= len(items) {
		return
	}
	items = append(items[:i:i], items[i+1:]...)
	p.cur.SetItems(step, items)
	p.changed()
	p.fill()
}

// readBack shows a worksheet as written, to read, copy or print.
func (p *worksheetPage) readBack(s sheetSpec, w exercise.Worksheet) app.UI {
	var parts []app.UI
	for _, st := range s.Steps {
		if a := answerText(st, w); a != "" {
			parts = append(parts, app.Section().Body(
				app.H3().Text(st.Title),
				app.Range(paragraphs(a)).Slice(func(i int) app.UI { return app.P().Text(paragraphs(a)[i]) }),
			))
		}
	}
	var result app.UI
	if s.result != nil {
		if heading, text := s.result(w); text != "" {
			result = app.Section().Class("card result").Aria("labelledby", "result-heading").Body(
				app.H3().ID("result-heading").Text(heading),
				paraClass("finished-text", text).ID("finished-text"),
				button("Copy the text").Class("no-print").OnClick(func(ctx app.Context, e app.Event) {
					if w, ok := p.find(p.reading); ok {
						_, text := p.spec().result(w)
						copyText(text)
					}
					p.status, p.stFailed = "Copied. It stays on this device until you paste it somewhere.", false
				}),
			)
		}
	}
	var notes app.UI
	if s.hints != nil {
		var hs []app.UI
		for _, h := range s.hints(w) {
			text := h.Message
			if h.Suggestion != "" {
				text += " " + h.Suggestion
			}
			hs = append(hs, app.Li().Text(text))
		}
		if len(hs) > 0 {
			notes = app.Section().Class("card hint no-print").Aria("labelledby", "notes-heading").Body(
				app.H3().ID("notes-heading").Text("Before you share it"),
				para("A few gentle notes. They are suggestions, not rules; the words are yours."),
				app.Ul().Body(hs...),
			)
		}
	}
	var missing app.UI
	if len(p.missing) > 0 && s.hints == nil {
		names := make([]string, len(p.missing))
		for i, st := range p.missing {
			names[i] = st.Title
		}
		missing = paraClass("notice no-print", "Left empty for now: "+strings.Join(names, "; ")+". That is fine; you can come back to them.")
	}
	if len(parts) == 0 {
		parts = append(parts, para("Nothing is written in this worksheet yet."))
	}
	return app.Article().Class("stack read-back").Body(
		heading2("sheet-read-heading", sheetName(w)).TabIndex(-1),
		paraClass("muted", stateText(w)),
		statusLine(p.status, p.stFailed),
		missing,
		result,
		notes,
		app.Div().Body(parts...),
		app.Div().Class("actions no-print").Body(
			button("Print").OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
			button("Edit").OnClick(func(ctx app.Context, e app.Event) { p.edit(ctx, p.reading) }),
			button("Back to the list").OnClick(func(ctx app.Context, e app.Event) { p.reading, p.status = "", "" }),
		),
	)
}

// answerText writes one step's answer as plain text, or "" if empty.
func answerText(st exercise.Step, w exercise.Worksheet) string {
	switch st.Input {
	case exercise.Text:
		return strings.TrimSpace(w.Text(st.Name))
	case exercise.Date:
		if d, err := civil.Parse(w.Text(st.Name)); err == nil {
			return longDay(d)
		}
	case exercise.Choice:
		if o, ok := st.Option(w.Text(st.Name)); ok {
			return o.Label
		}
	case exercise.List, exercise.Checklist:
		var lines []string
		for _, it := range w.Items(st.Name) {
			if strings.TrimSpace(it.Text) == "" {
				continue
			}
			line := "• " + strings.TrimSpace(it.Text)
			var extra []string
			if !it.Date.IsZero() {
				extra = append(extra, shortDay(it.Date))
			}
			for _, c := range st.Choices {
				for _, o := range c.Options {
					if it.Choices[c.Name] == o.ID {
						extra = append(extra, c.Label+": "+o.Label)
					}
				}
			}
			for _, m := range st.Marks {
				if it.Has(m.ID) {
					extra = append(extra, m.Label)
				}
			}
			if len(extra) > 0 {
				line += " (" + strings.Join(extra, "; ") + ")"
			}
			if n := strings.TrimSpace(it.Note); n != "" {
				line += " — " + n
			}
			lines = append(lines, line)
		}
		return strings.Join(lines, "\n")
	}
	return ""
}

// copyText puts text on the clipboard.
func copyText(text string) {
	if !app.IsClient {
		return
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if clip.Truthy() {
		clip.Call("writeText", text)
	}
}
