package ui

import (
	"regexp"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/tools"
)

// Routes registers every page of the app with go-app. The wasm main and the
// server must both call it, so that the server pre-renders exactly the pages
// the browser can show. It returns the concrete paths of every page, for the
// service worker's precache list and the static-site export.
func Routes() []string {
	app.NotFound = &notFoundPage{}
	var paths []string
	add := func(path string, newPage func() app.Composer) {
		route(path, newPage)
		paths = append(paths, path)
	}
	add("/", func() app.Composer { return &homePage{} })
	add("/guide", func() app.Composer { return &guidePage{} })
	add("/tools", func() app.Composer { return &toolsPage{} })
	for _, t := range tools.All {
		add(t.Path(), func() app.Composer { return &toolPage{slug: t.Slug} })
	}
	add("/progress", func() app.Composer { return &progressPage{} })
	add("/settings", func() app.Composer { return &settingsPage{} })
	add("/privacy", func() app.Composer { return &privacyPage{} })
	add("/help", func() app.Composer { return &helpPage{} })
	// NotFoundPath is a real route only so that the server can pre-render the
	// not-found page (with a 404 status) for any path it does not know.
	route(NotFoundPath, func() app.Composer { return &notFoundPage{} })
	return paths
}

// NotFoundPath is the route the server renders, with status 404, for any path
// that is not a page of the app.
const NotFoundPath = "/not-found"

// route registers path so that it also matches with a trailing slash, which
// is how plain static file servers address a directory's index.html.
func route(path string, newPage func() app.Composer) {
	if path == "/" {
		app.Route(path, newPage)
		return
	}
	app.RouteWithRegexp("^"+regexp.QuoteMeta(path)+"/?$", newPage)
}
