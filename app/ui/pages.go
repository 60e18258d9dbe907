package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/tools"
)

type toolsPage struct {
	app.Compo
	deps    Deps
	flagged bool // the safety check points to risk: couple tools are hidden
	stop    func()
}

func (p *toolsPage) OnMount(ctx app.Context) {
	p.stop = followSafetyFlag(ctx, p.deps.Store, func(flagged bool) { p.flagged = flagged })
}

func (p *toolsPage) OnDismount() { stopWatch(p.stop) }

func (p *toolsPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Tools", "Exercises and trackers that put the guide into practice, saved only on this device.")
}

func (p *toolsPage) Render() app.UI {
	return frame(p.deps, sectionTools, "Tools",
		para("Exercises and trackers that put the guide into practice. What you enter is saved only on this device."),
		app.If(p.flagged, coupleCaution),
		app.Range(tools.Groups).Slice(func(i int) app.UI {
			group := tools.Groups[i]
			var items []app.UI
			for _, t := range tools.All {
				if t.Group == group && !(p.flagged && t.ForCouples()) {
					items = append(items, app.Li().Body(
						app.A().Href(t.Path()).Text(t.Name),
						paraClass("muted", t.Summary),
					))
				}
			}
			return app.Section().Body(
				app.H2().Text(group),
				app.Ul().Class("tool-list").Body(items...),
			)
		}),
	)
}

// toolPage is a tool's own page. Tools that are not built yet say what they
// will do, so that every link in the guide leads somewhere useful.
type toolPage struct {
	app.Compo
	Slug    string // exported: moving between tools updates this component
	deps    Deps
	flagged bool
	stop    func()
}

func (p *toolPage) OnMount(ctx app.Context) {
	p.stop = followSafetyFlag(ctx, p.deps.Store, func(flagged bool) { p.flagged = flagged })
}

func (p *toolPage) OnDismount() { stopWatch(p.stop) }

func (p *toolPage) OnNav(ctx app.Context) {
	t, _ := tools.Find(p.Slug)
	setTitle(ctx, t.Name, t.Summary)
}

func (p *toolPage) Render() app.UI {
	t, _ := tools.Find(p.Slug)
	if p.flagged && t.ForCouples() {
		return frame(p.deps, sectionTools, t.Name, coupleCaution(), link("/tools", "Back to all tools"))
	}
	return frame(p.deps, sectionTools, t.Name,
		paraClass("lead", t.Summary),
		app.Div().Class("notice").Body(
			para("This tool is on its way. When it arrives, what you enter here will be saved only on this device."),
		),
		link("/tools", "Back to all tools"),
	)
}

type notFoundPage struct {
	app.Compo
	deps Deps
}

func (p *notFoundPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Page not found", "")
}

func (p *notFoundPage) Render() app.UI {
	return readingFrame(p.deps, sectionNone, "This page does not exist",
		para("The link may be mistyped, or the page may have moved. Nothing you saved has been affected."),
		app.Ul().Body(
			app.Li().Body(link("/", "Go to the home page")),
			app.Li().Body(link("/guide", "Open the guide")),
			app.Li().Body(link("/tools", "See the tools")),
		),
	)
}
