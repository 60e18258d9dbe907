package ui

import (
	"regexp"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/tools"
)

// Routes registers every page of the app with go-app. The wasm main and the
// server must both call it, so that the server pre-renders exactly the pages
// the browser can show. It returns the concrete paths of every page, for the
// service worker's precache list and the static-site export.
//
// The first call registers the routes with d, which the pages receive
// through their route's closure; later calls return the same paths.
func Routes(d Deps) []string {
	registerOnce.Do(func() { register(d) })
	return paths
}

var (
	registerOnce sync.Once
	paths        []string
)

func register(d Deps) {
	add := func(path string, newPage func() app.Composer) {
		route(path, newPage)
		paths = append(paths, path)
	}
	add("/", func() app.Composer { return &homePage{deps: d} })
	add("/guide", func() app.Composer { return &guidePage{deps: d} })
	add("/tools", func() app.Composer { return &toolsPage{deps: d} })
	for _, t := range tools.All {
		add(t.Path(), func() app.Composer { return &toolPage{deps: d, slug: t.Slug} })
	}
	add("/progress", func() app.Composer { return &progressPage{deps: d} })
	add("/settings", func() app.Composer { return &settingsPage{deps: d} })
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
