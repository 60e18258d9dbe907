package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/guide"
	"kintsugi/app/reading"
	"kintsugi/app/tools"
	"kintsugi/app/userdata"
)

// readingState is what a guide page knows about the reader's progress,
// loaded from the store once the page is in the browser.
type readingState struct {
	progress  map[string]reading.Progress
	bookmarks []string
}

// loadReading loads progress and bookmarks, then calls done on the UI
// goroutine. Errors leave the page without marks; they are not worth an
// alarm on a reading page.
func loadReading(ctx app.Context, store userdata.Store, done func(readingState)) {
	if store == nil {
		return
	}
	ctx.Async(func() {
		progress, _ := reading.All(ctx, store)
		bookmarks, _ := reading.Bookmarks(ctx, store)
		ctx.Dispatch(func(app.Context) { done(readingState{progress, bookmarks}) })
	})
}

// readMark is the small "read" label beside a chapter in a list.
func readMark(p reading.Progress) app.UI {
	if !p.Read {
		return nil
	}
	return app.Span().Class("read-mark").Text("Read")
}

// searchForm is the guide's search box; it navigates to the results page.
func searchForm(query string) app.UI {
	return app.Form().Class("search").Action("/guide/search").Method("get").Role("search").Body(
		labelFor("guide-search", "Search the guide"),
		app.Div().Class("search-row").Body(
			app.Input().Type("search").ID("guide-search").Name("q").Value(query).AutoComplete(false),
			app.Button().Type("submit").Text("Search"),
		),
	)
}

// pathOrder is the order the reading paths are offered in.
var pathOrder = []string{"hurt", "involved", "alone"}

// guidePage is the table of contents.
type guidePage struct {
	app.Compo
	deps  Deps
	state readingState
	stop  func()
}

func (p *guidePage) OnNav(ctx app.Context) {
	setTitle(ctx, "Guide", "The guide: chapters for the hurt partner, the partner who strayed, and anyone doing this alone.")
}

func (p *guidePage) OnMount(ctx app.Context) {
	p.load(ctx)
	p.stop = watchStore(ctx, p.deps.Store, p.load, userdata.KindReading, userdata.KindBookmark)
}

func (p *guidePage) load(ctx app.Context) {
	loadReading(ctx, p.deps.Store, func(s readingState) { p.state = s })
}

func (p *guidePage) OnDismount() { stopWatch(p.stop) }

func (p *guidePage) Render() app.UI {
	g, err := book()
	if err != nil {
		return frame(p.deps, sectionGuide, "The guide", guideUnavailable())
	}
	read := 0
	for _, pr := range p.state.progress {
		if pr.Read {
			read++
		}
	}
	return readingFrame(p.deps, sectionGuide, "The guide",
		para("Short chapters to read at your own pace, in any order. Each ends with something to try."),
		searchForm(""),
		app.Section().Aria("labelledby", "paths-heading").Body(
			heading2("paths-heading", "Choose a way through"),
			app.Ul().Class("path-list").Body(
				app.Range(pathOrder).Slice(func(i int) app.UI {
					path, ok := g.Path(pathOrder[i])
					if !ok {
						return nil
					}
					return app.Li().Body(
						app.A().Href("/guide/path/"+path.Name).Text(path.Title),
						paraClass("muted", path.Summary),
					)
				}),
			),
		),
		app.If(len(p.state.bookmarks) > 0, func() app.UI {
			return app.Section().Aria("labelledby", "bookmarks-heading").Body(
				heading2("bookmarks-heading", "Your bookmarks"),
				app.Ul().Class("toc").Body(
					app.Range(p.state.bookmarks).Slice(func(i int) app.UI {
						c, ok := g.Chapter(p.state.bookmarks[i])
						if !ok {
							return nil
						}
						return app.Li().Body(app.A().Href("/guide/" + c.Slug).Text(c.Title))
					}),
				),
			)
		}),
		app.If(read > 0, func() app.UI {
			return paraClass("muted", strconv.Itoa(read)+" of "+strconv.Itoa(len(g.Chapters))+" chapters marked read.")
		}),
		app.Range(g.Parts).Slice(func(i int) app.UI {
			part := g.Parts[i]
			chapters := g.PartChapters(part.Number)
			return app.Section().Class("toc-part").Aria("labelledby", "part-"+strconv.Itoa(part.Number)).Body(
				heading2("part-"+strconv.Itoa(part.Number), part.Title),
				paraClass("muted", part.Summary),
				app.Ul().Class("toc").Body(
					app.Range(chapters).Slice(func(j int) app.UI {
						c := chapters[j]
						return app.Li().Body(
							app.A().Href("/guide/"+c.Slug).Text(c.Title),
							app.Span().Class("minutes").Text(" · "+minutes(c.Minutes)),
							readMark(p.state.progress[c.Slug]),
						)
					}),
				),
			)
		}),
	)
}

// chapterPage shows one chapter. Its text is rendered on the server too, so
// it is on screen before the app starts.
//
// Going from one chapter to the next keeps this component and updates it:
// go-app copies only exported fields, so the chapter is the exported Slug,
// and the reader's marks are loaded again in OnNav.
type chapterPage struct {
	app.Compo
	Slug   string
	deps   Deps
	read   bool
	marked bool
	loaded bool
	status string
	failed bool
	stop   func()
}

func (p *chapterPage) chapter() (*guide.Chapter, *guide.Guide) {
	g, err := book()
	if err != nil {
		return nil, nil
	}
	c, _ := g.Chapter(p.Slug)
	return c, g
}

func (p *chapterPage) OnNav(ctx app.Context) {
	if c, _ := p.chapter(); c != nil {
		setTitle(ctx, c.Title, c.Summary)
	}
	p.read, p.marked, p.loaded, p.status, p.failed = false, false, false, "", false
	if p.deps.Store == nil {
		return // pre-rendering on the server: nothing to load
	}
	store, slug := p.deps.Store, p.Slug
	ctx.Async(func() {
		_ = reading.Opened(ctx, store, slug, now())
		ctx.Dispatch(p.loadMarks)
	})
}

// OnMount starts following other tabs' marks for as long as the page shows.
func (p *chapterPage) OnMount(ctx app.Context) {
	p.stop = watchStore(ctx, p.deps.Store, p.loadMarks, userdata.KindReading, userdata.KindBookmark)
}

func (p *chapterPage) OnDismount() { stopWatch(p.stop) }

// loadMarks loads whether this chapter is read and bookmarked.
func (p *chapterPage) loadMarks(ctx app.Context) {
	store, slug := p.deps.Store, p.Slug
	ctx.Async(func() {
		progress, _ := reading.All(ctx, store)
		bookmarks, _ := reading.Bookmarks(ctx, store)
		ctx.Dispatch(func(app.Context) {
			if p.Slug != slug {
				return // the reader has moved on
			}
			p.loaded = true
			p.read = progress[slug].Read
			p.marked = slices.Contains(bookmarks, slug)
		})
	})
}

func (p *chapterPage) Render() app.UI {
	c, g := p.chapter()
	if c == nil {
		return frame(p.deps, sectionGuide, "The guide", guideUnavailable())
	}
	part, _ := g.Part(c.Part)
	prev, hasPrev := g.Prev(c.Slug)
	next, hasNext := g.Next(c.Slug)
	var forLabels []string
	for _, r := range c.For {
		forLabels = append(forLabels, readerLabels[r])
	}
	return readingFrame(p.deps, sectionGuide, c.Title,
		app.P().Class("chapter-meta").Body(
			app.Span().Text(part.Title),
			app.Span().Text(" · "+minutes(c.Minutes)+" to read"),
			app.Span().Text(" · For: "+strings.Join(forLabels, ", ")),
		),
		paraClass("lead", c.Summary),
		app.Article().Class("prose").Body(renderBlocks(c.Body)...),
		p.tryThis(c),
		app.Div().Class("actions").Body(
			button(ifText(p.read, "Marked as read", "Mark as read")).Aria("pressed", p.read).
				Disabled(!p.loaded).OnClick(p.toggleRead),
			button(ifText(p.marked, "Bookmarked", "Bookmark this chapter")).Aria("pressed", p.marked).
				Disabled(!p.loaded).OnClick(p.toggleBookmark),
		),
		statusLine(p.status, p.failed),
		app.If(len(c.Sources) > 0, func() app.UI {
			return app.Section().Class("sources").Aria("labelledby", "sources-heading").Body(
				heading2("sources-heading", "Sources"),
				app.Ul().Body(app.Range(c.Sources).Slice(func(i int) app.UI { return app.Li().Text(c.Sources[i]) })),
			)
		}),
		app.Nav().Class("prev-next").Aria("label", "Chapters").Body(
			app.If(hasPrev, func() app.UI {
				return app.A().Class("prev").Href("/guide/"+prev.Slug).Body(app.Span().Class("muted").Text("Previous: "), app.Text(prev.Title))
			}),
			app.If(hasNext, func() app.UI {
				return app.A().Class("next").Href("/guide/"+next.Slug).Body(app.Span().Class("muted").Text("Next: "), app.Text(next.Title))
			}),
		),
		app.P().Body(link("/guide", "All chapters")),
	)
}

// tryThis is the box that opens the chapter's exercise.
func (p *chapterPage) tryThis(c *guide.Chapter) app.UI {
	first, ok := tools.Find(c.Exercises[0])
	if !ok {
		return nil
	}
	var more []app.UI
	for _, slug := range c.Exercises[1:] {
		if t, ok := tools.Find(slug); ok {
			more = append(more, app.Li().Body(link(t.Path(), t.Name)))
		}
	}
	return app.Section().Class("card try").Aria("labelledby", "try-heading").Body(
		heading2("try-heading", "Try this"),
		para(c.Try),
		app.A().Class("button primary").Href(first.Path()).Text("Open: "+first.Name),
		app.If(len(more) > 0, func() app.UI {
			return app.Div().Body(paraClass("muted", "Also useful:"), app.Ul().Body(more...))
		}),
	)
}

func (p *chapterPage) toggleRead(ctx app.Context, e app.Event) {
	read, store, slug := !p.read, p.deps.Store, p.Slug
	p.read = read
	ctx.Async(func() {
		err := reading.SetRead(ctx, store, slug, read, now())
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.read = !read
				p.status, p.failed = userdata.Message(err), true
				return
			}
			p.status, p.failed = ifText(read, "Marked as read.", "No longer marked as read."), false
		})
	})
}

func (p *chapterPage) toggleBookmark(ctx app.Context, e app.Event) {
	on, store, slug := !p.marked, p.deps.Store, p.Slug
	p.marked = on
	ctx.Async(func() {
		err := reading.Bookmark(ctx, store, slug, on, now())
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.marked = !on
				p.status, p.failed = userdata.Message(err), true
				return
			}
			p.status, p.failed = ifText(on, "Bookmarked. Find it at the top of the guide's contents.", "Bookmark removed."), false
		})
	})
}

// pathPage shows one reading path. Like chapterPage, its route input is
// exported so that moving between paths updates it.
type pathPage struct {
	app.Compo
	Name  string
	deps  Deps
	state readingState
	stop  func()
}

func (p *pathPage) OnNav(ctx app.Context) {
	if g, err := book(); err == nil {
		if path, ok := g.Path(p.Name); ok {
			setTitle(ctx, path.Title, path.Summary)
		}
	}
	p.load(ctx)
}

func (p *pathPage) OnMount(ctx app.Context) {
	p.stop = watchStore(ctx, p.deps.Store, p.load, userdata.KindReading)
}

func (p *pathPage) OnDismount() { stopWatch(p.stop) }

func (p *pathPage) load(ctx app.Context) {
	loadReading(ctx, p.deps.Store, func(s readingState) { p.state = s })
}

func (p *pathPage) Render() app.UI {
	g, err := book()
	if err != nil {
		return frame(p.deps, sectionGuide, "The guide", guideUnavailable())
	}
	path, _ := g.Path(p.Name)
	return readingFrame(p.deps, sectionGuide, path.Title,
		paraClass("lead", path.Summary),
		app.Div().Class("prose").Body(renderBlocks(path.Intro)...),
		app.Ol().Class("path-steps").Body(
			app.Range(path.Steps).Slice(func(i int) app.UI {
				step := path.Steps[i]
				c, ok := g.Chapter(step.Slug)
				if !ok {
					return nil
				}
				return app.Li().Body(
					app.A().Href("/guide/"+c.Slug).Text(c.Title),
					readMark(p.state.progress[c.Slug]),
					paraClass("muted", step.Why),
				)
			}),
		),
		app.P().Body(link("/guide", "All chapters")),
	)
}

// searchPage shows search results for the query in ?q=.
type searchPage struct {
	app.Compo
	deps  Deps
	query string
}

func (p *searchPage) OnNav(ctx app.Context) {
	p.query = strings.TrimSpace(ctx.Page().URL().Query().Get("q"))
	setTitle(ctx, "Search the guide", "Search every chapter of the guide, offline.")
}

func (p *searchPage) Render() app.UI {
	g, err := book()
	if err != nil {
		return frame(p.deps, sectionGuide, "Search the guide", guideUnavailable())
	}
	var results []guide.Result
	if p.query != "" {
		results = g.Search(p.query, 20)
	}
	var summary string
	switch {
	case p.query == "":
		summary = "Type a word or two, such as \"triggers\" or \"apology\"."
	case len(results) == 0:
		summary = "No chapter matches \"" + p.query + "\". Try another word, or browse the contents."
	case len(results) == 1:
		summary = "1 chapter matches \"" + p.query + "\"."
	default:
		summary = strconv.Itoa(len(results)) + " chapters match \"" + p.query + "\"."
	}
	return frame(p.deps, sectionGuide, "Search",
		searchForm(p.query),
		paraClass("search-summary", summary).Role("status"),
		app.Ol().Class("results").Body(
			app.Range(results).Slice(func(i int) app.UI {
				r := results[i]
				return app.Li().Body(
					app.A().Href("/guide/"+r.Chapter.Slug).Text(r.Chapter.Title),
					app.P().Class("snippet").Body(
						app.Range(r.Snippet).Slice(func(j int) app.UI {
							s := r.Snippet[j]
							if s.Match {
								return app.Mark().Text(s.Text)
							}
							return app.Text(s.Text)
						}),
					),
				)
			}),
		),
		app.P().Body(link("/guide", "All chapters")),
	)
}

// ifText picks a or b.
func ifText(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
