package ui

import (
	"regexp"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/exercise"
	"kintsugi/app/guide"
	"kintsugi/app/tools"
	"kintsugi/content"
)

// Routes registers every page of the app with go-app. The wasm main and the
// server must both call it, so that the server pre-renders exactly the pages
// the browser can show. The first call registers the routes with d, which
// the pages receive through their route's closure; later calls do nothing.
func Routes(d Deps) {
	registerOnce.Do(func() { register(d) })
}

// Paths returns the concrete path of every page, for the service worker's
// precache list and the static-site export.
func Paths() []string {
	registerOnce.Do(func() { register(Deps{}) })
	return paths
}

var (
	registerOnce sync.Once
	paths        []string
)

// toolPages are the tools with a page of their own, by slug; of the
// others, the worksheet exercises show worksheetPage and the rest show
// toolPage, which says what they will do. Each tool's file adds its
// page in an init function, so that tools can be built side by side.
var toolPages = map[string]func(d Deps) app.Composer{
	"safety-check": func(d Deps) app.Composer { return &safetyCheckPage{deps: d} },
}

func register(d Deps) {
	lockVault = d.Vault
	add := func(path string, newPage func() app.Composer) {
		route(path, newPage)
		paths = append(paths, path)
	}
	add("/", func() app.Composer { return &homePage{deps: d} })
	add("/guide", func() app.Composer { return &guidePage{deps: d} })
	add("/guide/search", func() app.Composer { return &searchPage{deps: d} })
	// The file names are enough to route; the guide is parsed when a
	// guide page first renders.
	chapters, readingPaths := guide.Names(content.Files())
	if len(chapters) == 0 {
		// The guide's files could not be read (in the browser: not
		// fetched). Its pages still answer, and say so.
		app.RouteWithRegexp("^/guide/.+", func() app.Composer { return &chapterPage{deps: d} })
	}
	for _, slug := range chapters {
		add("/guide/"+slug, func() app.Composer { return &chapterPage{deps: d, Slug: slug} })
	}
	for _, name := range readingPaths {
		add("/guide/path/"+name, func() app.Composer { return &pathPage{deps: d, Name: name} })
	}
	add("/tools", func() app.Composer { return &toolsPage{deps: d} })
	for _, t := range tools.All {
		if page, ok := toolPages[t.Slug]; ok {
			add(t.Path(), func() app.Composer { return page(d) })
			continue
		}
		// Asked here, not at init: in the browser the exercises come with
		// the content, which cmd/pwa loads before it registers the routes.
		if exercise.Known(t.Slug) {
			add(t.Path(), func() app.Composer { return &worksheetPage{deps: d, Slug: t.Slug} })
			continue
		}
		add(t.Path(), func() app.Composer { return &toolPage{deps: d, Slug: t.Slug} })
	}
	// Progress is also a section of its own in the navigation.
	if page, ok := toolPages["progress"]; ok {
		add("/progress", func() app.Composer { return page(d) })
	}
	add("/settings", func() app.Composer { return &settingsPage{deps: d} })
	add("/settings/lock", func() app.Composer { return &lockPage{deps: d} })
	add("/privacy", func() app.Composer { return &privacyPage{deps: d} })
	add("/help", func() app.Composer { return &helpPage{deps: d} })
	// Last, any other path: go-app v10 ignores app.NotFound, so the app's own
	// not-found page is a catch-all route. The server answers such paths
	// with status 404.
	app.RouteWithRegexp("^/", func() app.Composer { return &notFoundPage{deps: d} })
}

// route registers path so that it also matches with a trailing slash, which
// is how plain static file servers address a directory's index.html.
func route(path string, newPage func() app.Composer) {
	if path == "/" {
		app.Route(path, newPage)
		return
	}
	app.RouteWithRegexp("^"+regexp.QuoteMeta(path)+"/?$", newPage)
}
