package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

func init() {
	toolPages["progress"] = func(d Deps) app.Composer { return &progressPage{deps: d} }
}

// progressPage shows how check-ins move over weeks and months.
type progressPage struct {
	app.Compo
	deps Deps
}

func (p *progressPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Progress", "How your check-ins move over weeks and months.")
}

func (p *progressPage) Render() app.UI {
	return frame(p.deps, sectionProgress, "Progress",
		para("Feelings swing from day to day; the direction over weeks is what matters. Once you record check-ins, this page will show safety, trust and connection over time, in a chart and in plain words."),
		para("Nothing to show yet. Skipping days is normal and never counts against you."),
		app.A().Class("button primary").Href("/tools/check-in").Text("Go to the quick check-in"),
	)
}
