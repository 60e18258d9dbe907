package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/civil"
	"kintsugi/app/couplecheckin"
	"kintsugi/app/userdata"
)

func init() {
	toolPages["couple-check-in"] = func(d Deps) app.Composer { return &coupleCheckinPage{deps: d} }
}

// coupleCheckinPage is the weekly couple check-in: a guided sequence of
// five steps, one screen each, with each partner's answers side by side;
// its history; and the weekly reminder. A check-in is saved as it is
// written, a moment after the typing pauses, so that closing the tab
// loses nothing; there is no separate draft.
type coupleCheckinPage struct {
	app.Compo
	deps    Deps
	mounted app.Context // the page's own context: see lockLayer.mounted
	stop    func()
	flagged bool

	loaded  bool
	list    []couplecheckin.CheckIn // newest first
	listErr string

	// The check-in being written: nil while the history shows. step 0 is
	// the day and the names; 1 to 5 are the steps.
	cur     *couplecheckin.CheckIn
	isNew   bool // not saved yet
	step    int
	dayText string
	saveGen atomic.Int64
	saveMu  sync.Mutex
	note    string // what happened to the last save
	failed  bool

	reading  string // the ID of the check-in read back
	deleting string // the ID of the check-in whose deletion is being confirmed
	status   string
	stFailed bool
}

func (p *coupleCheckinPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Weekly couple check-in", "A short guided weekly conversation, kept only on this device.")
}

func (p *coupleCheckinPage) OnMount(ctx app.Context) {
	p.mounted = ctx
	p.load(ctx)
	stopList := watchStore(ctx, p.deps.Store, p.load, userdata.KindCoupleCheckin)
	stopFlag := followSafetyFlag(ctx, p.deps.Store, func(flagged bool) { p.flagged = flagged })
	p.stop = func() { stopList(); stopFlag() }
}

func (p *coupleCheckinPage) OnDismount() { stopWatch(p.stop) }

// load reads the history: at first, after an unlock, and after another
// tab changed it.
func (p *coupleCheckinPage) load(ctx app.Context) {
	store := p.deps.Store
	if store == nil {
		return
	}
	ctx.Async(func() {
		list, err := couplecheckin.List(ctx, store)
		slices.Reverse(list)
		ctx.Dispatch(func(app.Context) {
			switch {
			case errors.Is(err, userdata.ErrLocked):
				return // the lock screen covers the page
			case err != nil && !errors.Is(err, userdata.ErrInvalid):
				p.listErr = "Your check-ins could not be read: " + userdata.Message(err)
				return
			case err != nil:
				p.listErr = "Some check-ins are damaged and cannot be shown. The others are below."
			default:
				p.listErr = ""
			}
			p.loaded, p.list = true, list
		})
	})
}

func (p *coupleCheckinPage) find(id string) (couplecheckin.CheckIn, bool) {
	for _, c := range p.list {
		if c.ID == id {
			return c, true
		}
	}
	return couplecheckin.CheckIn{}, false
}

func (p *coupleCheckinPage) Render() app.UI {
	if p.flagged {
		return frame(p.deps, sectionTools, "Weekly couple check-in", coupleCaution(), link("/tools", "Back to all tools"))
	}
	if p.cur != nil {
		return frame(p.deps, sectionTools, "Weekly couple check-in", p.wizard())
	}
	if c, ok := p.find(p.reading); ok {
		return frame(p.deps, sectionTools, "Weekly couple check-in", p.readBack(c))
	}
	return frame(p.deps, sectionTools, "Weekly couple check-in",
		paraClass("lead", "Once a week, take twenty minutes to say how each of you is doing, one thing you appreciated, one thing that was hard, one request, and the next step. It keeps small hurts from piling up."),
		app.Div().Class("actions").Body(
			button("Start a check-in").Class("primary").OnClick(p.start),
		),
		statusLine(p.status, p.stFailed),
		p.history(),
		&reminderPanel{Store: p.deps.Store},
		app.P().Body(link("/tools", "Back to all tools")),
	)
}

// history lists past check-ins, newest first.
func (p *coupleCheckinPage) history() app.UI {
	var body app.UI
	switch {
	case !p.loaded && p.listErr == "":
		body = para("Loading your check-ins…")
	case len(p.list) == 0 && p.listErr == "":
		body = para("No check-ins yet. When you save one, it will be listed here by date, so you can look back at what you said and what you asked for. Skipped weeks are normal and are never counted.")
	default:
		body = app.Ul().Class("entry-list").Body(
			app.Range(p.list).Slice(func(i int) app.UI {
				c := p.list[i]
				return app.Li().Class("entry").Body(
					app.H3().Text(longDay(c.Day)),
					paraClass("muted", answeredBy(c)),
					p.entryActions(c),
				)
			}),
		)
	}
	return app.Section().Class("card").Aria("labelledby", "cc-history-heading").Body(
		heading2("cc-history-heading", "Past check-ins"),
		statusLine(p.listErr, p.listErr != ""),
		body,
	)
}

// answeredBy says who answered a check-in.
func answeredBy(c couplecheckin.CheckIn) string {
	var who []string
	for _, s := range []couplecheckin.Side{couplecheckin.A, couplecheckin.B} {
		if c.Partners[s].Answered() {
			who = append(who, c.Name(s))
		}
	}
	if len(who) == 0 {
		return "No answers yet."
	}
	return "Answers from " + strings.Join(who, " and ") + "."
}

func (p *coupleCheckinPage) entryActions(c couplecheckin.CheckIn) app.UI {
	day := longDay(c.Day)
	if p.deleting == c.ID {
		return app.Div().Class("confirm").Role("group").Aria("label", "Confirm deletion").Body(
			app.P().Text("Delete the check-in of "+day+"? This cannot be undone."),
			app.Div().Class("actions").Body(
				button("Yes, delete it").Class("danger").OnClick(func(ctx app.Context, e app.Event) { p.delete(c.ID) }, app.EventScope(c.ID)),
				button("Keep it").OnClick(func(ctx app.Context, e app.Event) { p.deleting = "" }),
			),
		)
	}
	return app.Div().Class("actions").Body(
		button("Read").Aria("label", "Read the check-in of "+day).OnClick(func(ctx app.Context, e app.Event) {
			p.reading, p.status = c.ID, ""
			p.mounted.Defer(func(app.Context) { focusID("cc-read-heading") })
		}, app.EventScope(c.ID)),
		button("Edit").Aria("label", "Edit the check-in of "+day).OnClick(func(ctx app.Context, e app.Event) { p.edit(ctx, c.ID) }, app.EventScope(c.ID)),
		button("Delete").Aria("label", "Delete the check-in of "+day).OnClick(func(ctx app.Context, e app.Event) { p.deleting, p.status = c.ID, "" }, app.EventScope(c.ID)),
	)
}

// readBack shows one check-in, step by step, both sides together.
func (p *coupleCheckinPage) readBack(c couplecheckin.CheckIn) app.UI {
	steps := couplecheckin.Steps()
	return app.Article().Class("card stack read-back").Body(
		heading2("cc-read-heading", "Check-in of "+longDay(c.Day)).TabIndex(-1),
		app.Range(steps).Slice(func(i int) app.UI {
			st := steps[i]
			return app.Section().Body(
				app.H3().Text(st.Title),
				app.Range(sides).Slice(func(j int) app.UI {
					s := sides[j]
					a := c.Answer(s, st.ID)
					if strings.TrimSpace(a) == "" {
						a = "(no answer)"
					}
					return app.Div().Class("answer").Body(
						paraClass("who", c.Name(s)),
						app.Range(paragraphs(a)).Slice(func(k int) app.UI { return app.P().Text(paragraphs(a)[k]) }),
					)
				}),
			)
		}),
		app.Div().Class("actions no-print").Body(
			button("Edit this check-in").OnClick(func(ctx app.Context, e app.Event) { p.edit(ctx, p.reading) }),
			button("Back to the check-ins").OnClick(func(ctx app.Context, e app.Event) { p.reading = "" }),
		),
	)
}

var sides = []couplecheckin.Side{couplecheckin.A, couplecheckin.B}

// start opens a new check-in on today.
func (p *coupleCheckinPage) start(ctx app.Context, e app.Event) {
	c := couplecheckin.New(today())
	// The names carry over from the last check-in.
	if len(p.list) > 0 {
		for _, s := range sides {
			c.Partners[s].Name = p.list[0].Partners[s].Name
		}
	}
	p.open(ctx, c, true)
}

// edit opens a saved check-in. Handlers pass its ID, never a copy: go-app
// keeps a button's first handler, with whatever it captured, while the
// button stays on the page.
func (p *coupleCheckinPage) edit(ctx app.Context, id string) {
	c, ok := p.find(id)
	if !ok {
		return
	}
	c.Partners[0].Answers = copyAnswers(c.Partners[0].Answers)
	c.Partners[1].Answers = copyAnswers(c.Partners[1].Answers)
	p.open(ctx, c, false)
}

func copyAnswers(m map[couplecheckin.StepID]string) map[couplecheckin.StepID]string {
	out := make(map[couplecheckin.StepID]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func (p *coupleCheckinPage) open(ctx app.Context, c couplecheckin.CheckIn, isNew bool) {
	p.cur, p.isNew, p.step, p.dayText = &c, isNew, 0, c.Day.String()
	p.reading, p.deleting, p.status, p.note, p.failed = "", "", "", "", false
	p.showStep(ctx)
}

// fieldID is the ID of a side's field on a step.
func fieldID(id couplecheckin.StepID, s couplecheckin.Side) string {
	return fmt.Sprintf("cc-%s-%c", id, 'a'+rune(s))
}

// showStep puts the step's saved text into its fields once they are on
// the page: go-app keeps the text areas between steps, with what was typed
// in them.
func (p *coupleCheckinPage) showStep(ctx app.Context) {
	c, step := p.cur, p.step
	// Through the page's context: the button that asked may be gone.
	p.mounted.Defer(func(app.Context) {
		if c == nil {
			return
		}
		if step == 0 {
			putFieldValue("cc-day", p.dayText, false)
			putFieldValue("cc-name-a", c.Partners[0].Name, false)
			putFieldValue("cc-name-b", c.Partners[1].Name, false)
			focusID("cc-step-heading")
			return
		}
		st := couplecheckin.Steps()[step-1]
		for _, s := range sides {
			putFieldValue(fieldID(st.ID, s), c.Answer(s, st.ID), false)
		}
		focusID("cc-step-heading")
	})
}

func (p *coupleCheckinPage) wizard() app.UI {
	steps := couplecheckin.Steps()
	total := len(steps) + 1
	var heading string
	var body []app.UI
	if p.step == 0 {
		heading = stepTitle(0)
		body = []app.UI{
			para(couplecheckin.Intro),
			labelFor("cc-day", "Day of the check-in"),
			app.Input().Type("date").ID("cc-day").Required(true).OnChange(func(ctx app.Context, e app.Event) {
				p.dayText = ctx.JSSrc().Get("value").String()
				p.typed(ctx)
			}),
			labelFor("cc-name-a", "First partner's name (optional)"),
			app.Input().Type("text").ID("cc-name-a").MaxLength(couplecheckin.MaxName).Attr("autocomplete", "off").
				OnInput(func(ctx app.Context, e app.Event) {
					p.cur.Partners[0].Name = ctx.JSSrc().Get("value").String()
					p.typed(ctx)
				}),
			labelFor("cc-name-b", "Second partner's name (optional; leave empty if you are doing this alone)"),
			app.Input().Type("text").ID("cc-name-b").MaxLength(couplecheckin.MaxName).Attr("autocomplete", "off").
				OnInput(func(ctx app.Context, e app.Event) {
					p.cur.Partners[1].Name = ctx.JSSrc().Get("value").String()
					p.typed(ctx)
				}),
		}
	} else {
		st := steps[p.step-1]
		heading = st.Title
		body = []app.UI{para(st.Prompt)}
		for _, s := range sides {
			id := fieldID(st.ID, s)
			body = append(body,
				labelFor(id, p.cur.Name(s)),
				app.Textarea().ID(id).Rows(4).MaxLength(couplecheckin.MaxAnswer).
					OnInput(func(ctx app.Context, e app.Event) {
						p.cur.SetAnswer(s, st.ID, ctx.JSSrc().Get("value").String())
						p.typed(ctx)
					}, app.EventScope(id)),
			)
		}
	}
	var next app.UI
	if p.step < len(steps) {
		next = button("Next: " + steps[p.step].Title).Class("primary").OnClick(p.next)
	} else {
		next = button("Finish the check-in").Class("primary").OnClick(p.finish)
	}
	var back app.UI
	if p.step > 0 {
		back = button("Back: " + stepTitle(p.step-1)).OnClick(p.back)
	}
	return app.Section().Class("card stack wizard").Aria("labelledby", "cc-step-heading").Body(
		paraClass("muted", fmt.Sprintf("Step %d of %d", p.step+1, total)),
		heading2("cc-step-heading", heading).TabIndex(-1),
		app.Div().Class("stack").Body(body...),
		app.Div().Class("actions").Body(back, next),
		statusLine(p.note, p.failed),
		button("Close and go back to the list").Class("link").OnClick(p.finish),
	)
}

// stepTitle is the title of step n of the wizard.
func stepTitle(n int) string {
	if n == 0 {
		return "Before you start"
	}
	return couplecheckin.Steps()[n-1].Title
}

func (p *coupleCheckinPage) next(ctx app.Context, e app.Event) {
	p.step++
	p.showStep(ctx)
}

func (p *coupleCheckinPage) back(ctx app.Context, e app.Event) {
	p.step--
	p.showStep(ctx)
}

// typed follows a change: the check-in is saved a moment after the typing
// pauses.
func (p *coupleCheckinPage) typed(ctx app.Context) {
	gen := p.saveGen.Add(1)
	p.mounted.After(600*time.Millisecond, func(ctx app.Context) {
		if p.saveGen.Load() == gen {
			p.save(ctx, nil)
		}
	})
	ctx.PreventUpdate()
}

// save writes the check-in being written, if it holds an answer, then
// calls done, if any, on the UI goroutine with whether it was kept.
func (p *coupleCheckinPage) save(ctx app.Context, done func(ctx app.Context, ok bool)) {
	store := p.deps.Store
	if p.cur == nil || store == nil {
		return
	}
	c := *p.cur
	day, dayErr := civil.Parse(p.dayText)
	c.Day = day
	ctx = p.mounted
	ctx.Async(func() {
		p.saveMu.Lock()
		defer p.saveMu.Unlock()
		var saved couplecheckin.CheckIn
		err := dayErr
		if err == nil {
			err = c.Validate()
		}
		empty := false
		if err != nil {
			ie, ok := errors.AsType[*userdata.InvalidError](err)
			empty = ok && ie.Field == "answers"
		} else {
			saved, err = couplecheckin.Save(ctx, store, c, now())
		}
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case empty:
				p.note, p.failed = "", false
			case dayErr != nil:
				p.note, p.failed = "Please choose the day of the check-in.", true
			case err != nil:
				p.note, p.failed = "Not saved: "+saveProblem(err), true
			default:
				if p.cur != nil && p.cur.ID == saved.ID {
					p.cur.Created = saved.Created
					p.isNew = false
				}
				p.note, p.failed = "Saved on this device.", false
			}
			if done != nil {
				done(ctx, err == nil && !empty)
			}
		})
	})
}

// saveProblem says why a save failed.
func saveProblem(err error) string {
	if _, problem, ok := problemOf(err); ok {
		return problem
	}
	return userdata.Message(err)
}

// finish saves what is written and goes back to the list.
func (p *coupleCheckinPage) finish(ctx app.Context, e app.Event) {
	p.saveGen.Add(1) // a pending save is this one
	p.save(ctx, func(ctx app.Context, ok bool) {
		if p.failed {
			return // the note says why; the answers stay on screen
		}
		switch {
		case ok:
			p.status, p.stFailed = "Check-in saved. Thank you both for taking the time.", false
		case p.isNew:
			p.status, p.stFailed = "Nothing was written, so nothing was saved.", false
		}
		p.cur = nil
		p.load(ctx)
	})
}

func (p *coupleCheckinPage) delete(id string) {
	store := p.deps.Store
	c, ok := p.find(id)
	if store == nil || !ok {
		return
	}
	ctx := p.mounted
	ctx.Async(func() {
		err := store.Delete(ctx, userdata.KindCoupleCheckin, c.ID)
		ctx.Dispatch(func(ctx app.Context) {
			p.deleting = ""
			if err != nil {
				p.status, p.stFailed = "The check-in was not deleted: "+userdata.Message(err), true
				return
			}
			p.status, p.stFailed = "The check-in of "+longDay(c.Day)+" was deleted.", false
			p.load(ctx)
		})
	})
}
