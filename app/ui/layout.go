package ui

import (
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// appName is the name shown in titles and the header.
const appName = "Kintsugi"

// section names the main navigation entry a page belongs to.
type section int

const (
	sectionNone section = iota
	sectionHome
	sectionGuide
	sectionTools
	sectionProgress
	sectionSettings
)

var navItems = []struct {
	section section
	label   string
	path    string
}{
	{sectionHome, "Home", "/"},
	{sectionGuide, "Guide", "/guide"},
	{sectionTools, "Tools", "/tools"},
	{sectionProgress, "Progress", "/progress"},
	{sectionSettings, "Settings", "/settings"},
}

// setTitle sets the document title and description for a page. It runs in
// OnNav, so on the server too, and the pre-rendered HTML carries both.
//
// In discreet mode the browser shows a neutral title instead; the real one
// is remembered so that turning discreet mode off restores it.
func setTitle(ctx app.Context, title, description string) {
	full := appName
	if title != "" {
		full = title + " · " + appName
	}
	if app.IsClient {
		pageTitle = full
	}
	if discreet.Load() || markedDiscreet() {
		ctx.Page().SetTitle("%s", discreetTitle)
		return
	}
	ctx.Page().SetTitle("%s", full)
	if description != "" {
		ctx.Page().SetDescription("%s", description)
	}
}

// discreetTitle is every page's title in discreet mode (web/boot.js uses
// the same word before the app starts).
const discreetTitle = "Notes"

// markedDiscreet reports whether web/boot.js found discreet mode on before
// the app loaded its settings, so that the first page's title is neutral too.
func markedDiscreet() bool {
	if !app.IsClient {
		return false
	}
	root := app.Window().Get("document").Get("documentElement")
	return root.Call("getAttribute", "data-discreet").String() == "true"
}

var (
	// discreet is whether discreet mode is on, as last applied.
	discreet atomic.Bool
	// pageTitle is the current page's real title, in the browser only.
	pageTitle string
)

// frame is the layout every page shares: a skip link, the header with the
// way to help, the update notice, the page's own content under its heading,
// and the main navigation, which sits at the bottom on a phone. While the
// passphrase lock is locked, the lock screen covers it and the content is
// left out, so that no entry stays on the page.
func frame(d Deps, active section, heading string, content ...app.UI) app.UI {
	return layout(d, active, heading, 0, content)
}

// readingFrame is frame for pages whose pre-rendered HTML is all a reader
// needs: the app starts when they first use something on the page, or
// after a moment of quiet (web/boot.js), rather than while they begin
// to read.
func readingFrame(d Deps, active section, heading string, content ...app.UI) app.UI {
	return layout(d, active, heading, frameReading, content)
}

// publicFrame is readingFrame for the pages that hold no entries and must
// stay reachable while the app is locked: the help lines and privacy.
func publicFrame(d Deps, active section, heading string, content ...app.UI) app.UI {
	return layout(d, active, heading, framePublic|frameReading, content)
}

// frameKind says what kind of page a layout holds.
type frameKind uint8

const (
	framePublic  frameKind = 1 << iota // reachable while locked
	frameReading                       // the app may start on demand
)

func layout(d Deps, active section, heading string, kind frameKind, content []app.UI) app.UI {
	public := kind&framePublic != 0
	if !public && locked() {
		content = nil
	}
	start := "now"
	if kind&frameReading != 0 {
		start = "on-demand"
	}
	return app.Div().Class("shell").Body(
		&lockLayer{Public: public},
		app.A().Class("skip").Href("#main").Text("Skip to content"),
		app.Header().Class("top").Body(
			app.A().Class("brand").Href("/").Text(appName),
			app.Div().Class("top-actions").Body(
				app.A().Class("help-link").Href("/help").Text("Get help"),
				&quickExitButton{},
			),
		),
		&updateNotice{},
		&storeNotice{},
		&appearanceKeeper{Store: d.Store},
		app.Main().ID("main").Class("page").DataSet("start", start).Body(
			app.H1().Text(heading),
			app.Div().Class("page-body").Body(content...),
		),
		app.Nav().Class("tabs").Aria("label", "Main").Body(
			app.Ul().Body(
				app.Range(navItems).Slice(func(i int) app.UI {
					item := navItems[i]
					a := app.A().Href(item.path).Text(item.label)
					if item.section == active {
						a = a.Aria("current", "page").Class("active")
					}
					return app.Li().Body(a)
				}),
			),
		),
	)
}

// para is a paragraph of plain text.
func para(text string) app.UI { return app.P().Text(text) }

// link is an in-app link with plain text.
func link(href, text string) app.UI { return app.A().Href(href).Text(text) }

// The helpers below name the element shapes every page repeats. Besides
// reading more plainly, each saves app.wasm a few builder calls per use.

// button returns a button that says text and is not a form's submit
// button.
func button(text string) app.HTMLButton { return app.Button().Type("button").Text(text) }

// labelFor returns the visible label of the form control with the given
// id.
func labelFor(id, text string) app.HTMLLabel { return app.Label().For(id).Text(text) }

// heading2 returns a section heading with an id, for the section's
// aria-labelledby.
func heading2(id, text string) app.HTMLH2 { return app.H2().ID(id).Text(text) }

// paraClass returns a paragraph of text with a class, such as "muted".
func paraClass(class, text string) app.HTMLP { return app.P().Class(class).Text(text) }
