package ui

import (
	"context"
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/couplecheckin"
	"kintsugi/app/exercise"
	"kintsugi/app/reading"
	"kintsugi/app/reminder"
	"kintsugi/app/safety"
	"kintsugi/app/userdata"
)

type homePage struct {
	app.Compo
	deps Deps
	last string // the chapter opened most recently
	due  string // the quiet note that the weekly check-in is due, or ""
	// reviews are the agreements whose review date has come.
	reviews []exercise.Worksheet
	stop    func()
}

func (p *homePage) OnMount(ctx app.Context) {
	p.load(ctx)
	// Again after an unlock, or reading in another tab.
	p.stop = watchStore(ctx, p.deps.Store, p.load, userdata.KindReading, userdata.KindCoupleCheckin, userdata.KindSetting, userdata.KindSafety, userdata.KindExercise)
}

func (p *homePage) OnDismount() { stopWatch(p.stop) }

func (p *homePage) load(ctx app.Context) {
	store := p.deps.Store
	if store == nil {
		return
	}
	ctx.Async(func() {
		last, err := reading.Last(ctx, store)
		due := weeklyDue(ctx, store)
		reviews := dueReviews(ctx, store)
		ctx.Dispatch(func(app.Context) {
			if err == nil {
				p.last = last
			}
			p.due, p.reviews = due, reviews
		})
	})
}

// weeklyDue returns the quiet note that the weekly couple check-in is
// due, or "": also when no weekly time was chosen, when the safety check
// points to risk, or when anything cannot be read.
func weeklyDue(ctx context.Context, store userdata.Store) string {
	slot, ok, err := reminder.Load(ctx, store)
	if err != nil || !ok {
		return ""
	}
	if r, ok, err := safety.Load(ctx, store); err != nil || ok && r.Flagged() {
		return ""
	}
	list, err := couplecheckin.List(ctx, store)
	if err != nil && !errors.Is(err, userdata.ErrInvalid) {
		return ""
	}
	t := now()
	var last time.Time
	if len(list) > 0 {
		last = list[len(list)-1].Day.In(t.Location())
	}
	return reminder.Due(last, slot, t).Message
}

// dueReviews returns the agreements whose review date has come, unless the
// safety check points to risk.
func dueReviews(ctx context.Context, store userdata.Store) []exercise.Worksheet {
	if r, ok, err := safety.Load(ctx, store); err != nil || ok && r.Flagged() {
		return nil
	}
	ws, _, err := exercise.Past(ctx, store, exercise.Agreement)
	if err != nil {
		return nil
	}
	return exercise.DueReviews(ws, now())
}

// reviewNotes remind of agreements due for review.
func (p *homePage) reviewNotes() app.UI {
	if len(p.reviews) == 0 {
		return nil
	}
	return app.Div().Class("notice").Role("status").Body(
		app.Range(p.reviews).Slice(func(i int) app.UI {
			w := p.reviews[i]
			d, _ := exercise.ReviewDate(w)
			return app.P().Text("Your agreement \"" + sheetName(w) + "\" was due for review on " + longDay(d) + ". Look at it together: what has helped, what can ease, what to change.")
		}),
		link("/tools/agreement", "Open the agreement"),
	)
}

// dueNote is the quiet note on Home when the weekly check-in is due.
func (p *homePage) dueNote() app.UI {
	if p.due == "" {
		return nil
	}
	return app.Div().Class("notice").Role("status").Body(
		app.P().Text(p.due),
		link("/tools/couple-check-in", "Open the weekly couple check-in"),
	)
}

// continueCard offers the chapter the reader was last reading.
func (p *homePage) continueCard() app.UI {
	if p.last == "" {
		return nil
	}
	g, err := book()
	if err != nil {
		return nil
	}
	c, ok := g.Chapter(p.last)
	if !ok {
		return nil
	}
	return app.Section().Class("card continue").Aria("labelledby", "continue-heading").Body(
		heading2("continue-heading", "Continue where you left off"),
		app.A().Class("button primary").Href("/guide/"+c.Slug).Text(c.Title),
	)
}

func (p *homePage) OnNav(ctx app.Context) {
	setTitle(ctx, "", "A private guide for rebuilding trust after a betrayal. Works offline; nothing you write leaves your device.")
}

func (p *homePage) Render() app.UI {
	return readingFrame(p.deps, sectionHome, "Rebuilding trust, one step at a time",
		para("Kintsugi is a private guide with exercises for people rebuilding trust after infidelity or another betrayal: for the partner who was hurt, the partner who strayed, a couple working together, or one person doing this alone."),
		app.Div().Class("actions").Body(
			app.A().Class("button primary").Href("/guide").Text("Start reading the guide"),
			app.A().Class("button").Href("/tools").Text("Open the tools"),
		),
		// The notes come from what is saved, so they appear once the app
		// runs: below the first links, they do not push them from under
		// a finger.
		p.dueNote(),
		p.reviewNotes(),
		p.continueCard(),
		app.Section().Class("card").Aria("labelledby", "private-heading").Body(
			heading2("private-heading", "Private by design"),
			para("Everything you write stays on this device, in this browser. There is no account, nothing is sent to a server, and Kintsugi works with no connection once it is installed."),
			link("/privacy", "What is stored, and who can see it"),
		),
		app.Section().Class("card").Aria("labelledby", "nottherapy-heading").Body(
			heading2("nottherapy-heading", "Not therapy, not a crisis service"),
			para("Kintsugi can help you understand what is happening and practise new ways of talking, but it is not a therapist and cannot respond in an emergency."),
			para("If you are afraid of your partner, or there are threats, violence or control of your money, phone or movements, the couple exercises here are not the right path. Your safety comes first."),
			link("/help", "Help lines and emergency numbers"),
		),
		&installPanel{},
	)
}
