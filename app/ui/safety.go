package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/safety"
	"kintsugi/app/userdata"
)

// followSafetyFlag loads the flag now and again whenever the safety check
// may have changed (another tab, an unlock). It returns the function that
// stops following, for OnDismount.
func followSafetyFlag(ctx app.Context, store userdata.Store, done func(flagged bool)) (stop func()) {
	load := func(ctx app.Context) { loadSafetyFlag(ctx, store, done) }
	load(ctx)
	return watchStore(ctx, store, load, userdata.KindSafety)
}

// loadSafetyFlag reports, on the UI goroutine, whether the saved safety
// check points to risk. With no store, or no check taken, it reports false.
func loadSafetyFlag(ctx app.Context, store userdata.Store, done func(flagged bool)) {
	if store == nil {
		return
	}
	ctx.Async(func() {
		r, ok, err := safety.Load(ctx, store)
		flagged := ok && err == nil && r.Flagged()
		ctx.Dispatch(func(app.Context) { done(flagged) })
	})
}

// coupleCaution replaces a couple tool, and the list of them, when the
// safety check points to risk.
func coupleCaution() app.UI {
	return app.Div().Class("notice warning").Role("note").Body(
		para("Because of your answers in the safety check, the tools for doing this together are hidden. Where there is fear, violence, threats or control, working on the relationship together is not the safe path, and your safety comes first."),
		app.Ul().Body(
			app.Li().Body(link("/help", "Help lines and emergency numbers")),
			app.Li().Body(link("/tools/safety-check", "Your safety check: review, retake or clear it")),
		),
	)
}

var answerLabels = []struct {
	answer safety.Answer
	label  string
}{
	{safety.Yes, "Yes"},
	{safety.No, "No"},
	{safety.Unsure, "Not sure"},
}

// safetyCheckPage is the private safety check.
type safetyCheckPage struct {
	app.Compo
	deps    Deps
	answers map[string]safety.Answer
	result  *safety.Result // the saved check, shown instead of the form
	editing bool
	status  string
	failed  bool
	stop    func()
}

func (p *safetyCheckPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Private safety check", "A few private questions about fear, threats and control, kept only on this device.")
}

func (p *safetyCheckPage) OnMount(ctx app.Context) {
	p.answers = map[string]safety.Answer{}
	p.load(ctx)
	p.stop = watchStore(ctx, p.deps.Store, p.load, userdata.KindSafety)
}

func (p *safetyCheckPage) OnDismount() { stopWatch(p.stop) }

// load reads the saved check: at first, after an unlock, and after another
// tab changed it.
func (p *safetyCheckPage) load(ctx app.Context) {
	store := p.deps.Store
	if store == nil {
		return
	}
	ctx.Async(func() {
		r, ok, err := safety.Load(ctx, store)
		ctx.Dispatch(func(app.Context) {
			switch {
			case ok && err == nil:
				p.result = &r
			case err == nil:
				p.result = nil
			}
		})
	})
}

func (p *safetyCheckPage) Render() app.UI {
	var body app.UI
	if p.result != nil && !p.editing {
		body = p.resultView()
	} else {
		body = p.form()
	}
	return frame(p.deps, sectionTools, "Private safety check",
		para("These questions are for you alone. Your answers stay on this device, are left out of backup files, and are never shared. You can clear them at any time."),
		para("If you are in danger right now, call your local emergency number."),
		body,
		statusLine(p.status, p.failed),
	)
}

func (p *safetyCheckPage) form() app.UI {
	return app.Form().Class("safety-form").OnSubmit(p.submit).Body(
		app.Range(safety.Questions).Slice(func(i int) app.UI {
			q := safety.Questions[i]
			return app.FieldSet().Class("choices question").Body(
				app.Legend().Text(q.Text),
				app.Range(answerLabels).Slice(func(j int) app.UI {
					a := answerLabels[j]
					id := "q-" + q.ID + "-" + string(a.answer)
					return app.Div().Class("choice").Body(
						app.Input().Type("radio").Name("q-"+q.ID).ID(id).Value(string(a.answer)).
							Checked(p.answers[q.ID] == a.answer).
							OnChange(func(ctx app.Context, e app.Event) { p.answers[q.ID] = a.answer }),
						labelFor(id, a.label),
					)
				}),
			)
		}),
		app.Button().Type("submit").Class("primary").Text("See what my answers mean"),
	)
}

func (p *safetyCheckPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	r := safety.Result{Answers: map[string]safety.Answer{}, Taken: now()}
	for k, v := range p.answers {
		r.Answers[k] = v
	}
	if err := r.Validate(); err != nil {
		p.status, p.failed = "Please answer every question. Choose Not sure if you cannot say.", true
		return
	}
	store := p.deps.Store
	ctx.Async(func() {
		err := safety.Save(ctx, store, r, now())
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.status, p.failed = userdata.Message(err), true
				return
			}
			p.result, p.editing, p.status, p.failed = &r, false, "", false
		})
	})
}

func (p *safetyCheckPage) resultView() app.UI {
	var view app.UI
	if p.result.Flagged() {
		view = app.Section().Class("card danger").Aria("labelledby", "result-heading").Body(
			heading2("result-heading", "Your safety comes first"),
			para("What you answered can be a sign that you are not safe with your partner, or that they control parts of your life. That is not your fault, and you do not have to handle it alone."),
			para("Couple exercises and openness agreements are not the path while this is true, so Kintsugi now hides them. Trained people on the help lines can talk it through with you, in confidence."),
			app.A().Class("button primary").Href("/help").Text("Help lines and emergency numbers"),
			app.H3().Text("A short safety plan"),
			app.Ul().Body(
				app.Li().Text("Know where you could go at short notice: a friend, family, or a shelter a help line can find."),
				app.Li().Text("Keep your phone charged, and memorise one or two numbers in case you cannot use it."),
				app.Li().Text("Agree a code word with someone you trust that means: call for help."),
				app.Li().Text("Keep documents, keys, medicine and some money where you can take them quickly."),
				app.Li().Text("If your partner may see this phone, use Quick exit, discreet mode, and a device they cannot reach."),
			),
		)
	} else {
		view = app.Section().Class("card").Aria("labelledby", "result-heading").Body(
			heading2("result-heading", "Nothing you answered points to danger now"),
			para("If that changes, or you are not sure, take the check again at any time. The help lines are always one tap away at the top of every screen."),
		)
	}
	return app.Div().Body(
		view,
		app.Div().Class("actions").Body(
			button("Take the check again").OnClick(func(ctx app.Context, e app.Event) {
				p.editing, p.answers, p.status = true, map[string]safety.Answer{}, ""
			}),
			button("Clear my answers").OnClick(p.clear),
		),
	)
}

func (p *safetyCheckPage) clear(ctx app.Context, e app.Event) {
	store := p.deps.Store
	ctx.Async(func() {
		err := safety.Clear(ctx, store)
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.status, p.failed = userdata.Message(err), true
				return
			}
			p.result, p.editing, p.answers = nil, false, map[string]safety.Answer{}
			p.status, p.failed = "Your answers have been cleared from this device.", false
		})
	})
}
