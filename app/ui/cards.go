package ui

import (
	"errors"
	"fmt"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/cards"
	"kintsugi/app/userdata"
	"kintsugi/content"
)

func init() {
	toolPages[cards.Slug] = func(d Deps) app.Composer { return &cardsPage{deps: d} }
}

var (
	cardSetOnce sync.Once
	cardSet     *cards.Set
	cardSetErr  error
)

// cardDecks returns the parsed cards file, parsed once.
func cardDecks() (*cards.Set, error) {
	cardSetOnce.Do(func() { cardSet, cardSetErr = cards.Parse(content.Cards()) })
	return cardSet, cardSetErr
}

// cardsPage deals the conversation cards one at a time, from one deck or
// all, in a shuffled order that is kept with the favourites, so that the
// same card is there after a reload.
type cardsPage struct {
	app.Compo
	deps    Deps
	mounted app.Context // the page's own context: see lockLayer.mounted
	stop    func()
	flagged bool

	state  cards.State
	loaded bool
	status string
	failed bool
}

func (p *cardsPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Conversation cards", "Prompts for talks that rebuild understanding, appreciation and hope, one card at a time.")
}

func (p *cardsPage) OnMount(ctx app.Context) {
	p.mounted = ctx
	p.load(ctx)
	stopState := watchStore(ctx, p.deps.Store, p.load, userdata.KindExercise)
	stopFlag := followSafetyFlag(ctx, p.deps.Store, func(flagged bool) { p.flagged = flagged })
	p.stop = func() { stopState(); stopFlag() }
}

func (p *cardsPage) OnDismount() { stopWatch(p.stop) }

func (p *cardsPage) load(ctx app.Context) {
	store := p.deps.Store
	if store == nil {
		p.loaded, p.state = true, cards.State{Seed: cards.NewSeed()}
		return
	}
	ctx.Async(func() {
		st, err := cards.Load(ctx, store)
		ctx.Dispatch(func(app.Context) {
			switch {
			case errors.Is(err, userdata.ErrLocked):
				return
			case err != nil:
				p.status, p.failed = "Your place and favourites could not be read, so the cards start afresh: "+userdata.Message(err), true
				st = cards.State{}
			}
			if st.Seed == 0 {
				st.Seed = cards.NewSeed()
			}
			p.loaded, p.state = true, st
		})
	})
}

// change applies a new state and keeps it on the device.
func (p *cardsPage) change(st cards.State, done string) {
	p.state = st
	store := p.deps.Store
	if store == nil {
		return
	}
	ctx := p.mounted
	ctx.Async(func() {
		err := cards.Save(ctx, store, st, now())
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.status, p.failed = "Not saved: "+userdata.Message(err), true
				return
			}
			p.status, p.failed = done, false
		})
	})
}

// move goes by cards forward or back, wrapping round.
func (p *cardsPage) move(set *cards.Set, by int) {
	n := len(p.state.Order(set))
	if n == 0 {
		return
	}
	st := p.state
	st.Position = ((st.Position+by)%n + n) % n
	p.change(st, "")
}

func (p *cardsPage) Render() app.UI {
	const title = "Conversation cards"
	if p.flagged {
		return frame(p.deps, sectionTools, title, coupleCaution(), link("/tools", "Back to all tools"))
	}
	set, err := cardDecks()
	if err != nil {
		return frame(p.deps, sectionTools, title, paraClass("status error", "The cards could not be read. This is a fault in this version of Kintsugi; please update it."))
	}
	if !p.loaded {
		return frame(p.deps, sectionTools, title, para("Shuffling the cards…"))
	}
	order := p.state.Order(set)
	card, ok := p.state.Current(order)
	pos := 0
	if len(order) > 0 {
		pos = p.state.Position%len(order) + 1
	}
	deckName := "All decks"
	if d, ok := set.Deck(p.state.Deck); ok {
		deckName = d.Title
	}
	var shown app.UI = para("This deck has no cards.")
	if ok {
		fav := p.state.Has(card.ID)
		favText := "Add to favourites"
		if fav {
			favText = "Remove from favourites"
		}
		shown = app.Section().Class("card conversation-card").Aria("labelledby", "card-text").Body(
			paraClass("muted", fmt.Sprintf("%s · card %d of %d", deckName, pos, len(order))),
			paraClass("card-prompt", card.Text).ID("card-text"),
			app.Div().Class("actions").Body(
				button("Next card").Class("primary").OnClick(func(ctx app.Context, e app.Event) { p.move(set, 1) }),
				button("Previous card").Disabled(len(order) < 2).OnClick(func(ctx app.Context, e app.Event) { p.move(set, -1) }),
				button(favText).Aria("pressed", fmt.Sprint(fav)).OnClick(func(ctx app.Context, e app.Event) {
					// Read now, not when the button was drawn: go-app keeps
					// the first handler it was given for this button.
					msg := "Added to your favourites."
					if p.state.Has(card.ID) {
						msg = "Removed from your favourites."
					}
					p.change(p.state.Toggle(card.ID), msg)
				}, app.EventScope(card.ID)),
			),
			statusLine(p.status, p.failed),
		)
	}
	favs := p.state.Favourite(set)
	return frame(p.deps, sectionTools, title,
		paraClass("lead", "Take turns: one of you reads a card and answers while the other listens, then swap. Skip any card, for any reason. There is no score and no right answer."),
		labelFor("card-deck", "Deck"),
		app.Select().ID("card-deck").OnChange(func(ctx app.Context, e app.Event) {
			st := p.state
			st.Deck, st.Position, st.Seed = ctx.JSSrc().Get("value").String(), 0, cards.NewSeed()
			p.change(st, "")
		}).Body(
			app.Option().Value("").Selected(p.state.Deck == "").Text("All decks"),
			app.Range(set.Decks).Slice(func(i int) app.UI {
				d := set.Decks[i]
				return app.Option().Value(d.Slug).Selected(p.state.Deck == d.Slug).Text(d.Title)
			}),
		),
		app.If(p.state.Deck != "", func() app.UI {
			d, _ := set.Deck(p.state.Deck)
			return paraClass("muted", d.About)
		}),
		shown,
		button("Shuffle again").OnClick(func(ctx app.Context, e app.Event) {
			st := p.state
			st.Seed, st.Position = cards.NewSeed(), 0
			p.change(st, "Shuffled.")
		}),
		app.Section().Class("card").Aria("labelledby", "fav-heading").Body(
			heading2("fav-heading", "Your favourites"),
			app.If(len(favs) == 0, func() app.UI {
				return para("None yet. Mark a card you want to come back to, and it will be listed here.")
			}),
			app.Ul().Body(app.Range(favs).Slice(func(i int) app.UI { return app.Li().Text(favs[i].Text) })),
		),
		app.P().Body(link("/tools", "Back to all tools")),
	)
}
