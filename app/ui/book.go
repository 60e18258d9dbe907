package ui

import (
	"html"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/guide"
	"kintsugi/content"
)

// book returns the guide, parsed from the embedded content on first use
// (a few milliseconds), so that starting the app does not wait for it.
// The content is checked by content's tests, so an error here means a
// broken build; pages then say so instead of showing nothing.
var book = sync.OnceValues(func() (*guide.Guide, error) {
	return guide.Load(content.Files())
})

// guideUnavailable is what a guide page shows if the guide cannot be read.
func guideUnavailable() app.UI {
	return app.Div().Class("notice warning").Role("alert").Body(
		para("The guide could not be opened in this copy of Kintsugi. Your saved entries are not affected. Please reload, or reinstall the app if this keeps happening."),
	)
}

// renderBlocks turns a chapter's parsed body into elements.
//
// In the browser every block is built from typed elements and text nodes.
// On the server, which pre-renders the page, a block with inline markup is
// written as one string of HTML instead, because go-app's encoder puts a
// line break between inline children, and the browser shows each as a
// space ("the safety note ." before a link's full stop), which then shifts
// when the app takes over. That string is made only from the guide's own
// validated content: every text escaped, every link an internal route that
// guide.Load checked. User text never reaches it.
func renderBlocks(blocks []guide.Block) []app.UI {
	out := make([]app.UI, 0, len(blocks))
	for _, b := range blocks {
		if app.IsServer && hasMarkup(b) {
			out = append(out, app.Raw(blockHTML(b)))
			continue
		}
		switch b.Kind {
		case guide.Heading2:
			out = append(out, app.H2().ID(b.ID).Body(renderInlines(b.Text)...))
		case guide.Heading3:
			h := app.H3().ID(b.ID).Body(renderInlines(b.Text)...)
			if b.Aside != "" {
				h = h.Class("aside-heading")
			}
			out = append(out, h)
		case guide.List:
			out = append(out, app.Ul().Body(listItems(b.Items)...))
		case guide.OrderedList:
			out = append(out, app.Ol().Body(listItems(b.Items)...))
		case guide.Quote:
			out = append(out, app.Blockquote().Body(app.P().Body(renderInlines(b.Text)...)))
		default:
			out = append(out, app.P().Body(renderInlines(b.Text)...))
		}
	}
	return out
}

func listItems(items [][]guide.Inline) []app.UI {
	out := make([]app.UI, len(items))
	for i, item := range items {
		out[i] = app.Li().Body(renderInlines(item)...)
	}
	return out
}

func renderInlines(inlines []guide.Inline) []app.UI {
	out := make([]app.UI, len(inlines))
	for i, in := range inlines {
		switch in.Kind {
		case guide.Bold:
			out[i] = app.Strong().Text(in.Text)
		case guide.Italic:
			out[i] = app.Em().Text(in.Text)
		case guide.Link:
			out[i] = app.A().Href(in.Href).Text(in.Text)
		default:
			out[i] = app.Text(in.Text)
		}
	}
	return out
}

// hasMarkup reports whether a block holds more than one inline, the case
// go-app's encoder would space out.
func hasMarkup(b guide.Block) bool {
	if len(b.Text) > 1 {
		return true
	}
	for _, item := range b.Items {
		if len(item) > 1 {
			return true
		}
	}
	return false
}

// blockHTML writes a block of the guide's validated content as HTML, with
// every text escaped.
func blockHTML(b guide.Block) string {
	var sb strings.Builder
	inlines := func(in []guide.Inline) {
		for _, x := range in {
			text := html.EscapeString(x.Text)
			switch x.Kind {
			case guide.Bold:
				sb.WriteString("<strong>" + text + "</strong>")
			case guide.Italic:
				sb.WriteString("<em>" + text + "</em>")
			case guide.Link:
				sb.WriteString(`<a href="` + html.EscapeString(x.Href) + `">` + text + "</a>")
			default:
				sb.WriteString(text)
			}
		}
	}
	wrap := func(tag, attrs string, body func()) {
		sb.WriteString("<" + tag + attrs + ">")
		body()
		sb.WriteString("</" + tag + ">")
	}
	id := ""
	if b.ID != "" {
		id = ` id="` + html.EscapeString(b.ID) + `"`
	}
	switch b.Kind {
	case guide.Heading2:
		wrap("h2", id, func() { inlines(b.Text) })
	case guide.Heading3:
		if b.Aside != "" {
			id += ` class="aside-heading"`
		}
		wrap("h3", id, func() { inlines(b.Text) })
	case guide.List, guide.OrderedList:
		tag := "ul"
		if b.Kind == guide.OrderedList {
			tag = "ol"
		}
		wrap(tag, "", func() {
			for _, item := range b.Items {
				wrap("li", "", func() { inlines(item) })
			}
		})
	case guide.Quote:
		wrap("blockquote", "", func() { wrap("p", "", func() { inlines(b.Text) }) })
	default:
		wrap("p", "", func() { inlines(b.Text) })
	}
	return sb.String()
}

// readerLabels names the readers a chapter speaks to.
var readerLabels = map[guide.Reader]string{
	guide.Everyone: "Everyone",
	guide.Hurt:     "The hurt partner",
	guide.Involved: "The partner who strayed",
	guide.Alone:    "Doing this alone",
}

// minutes writes a reading time.
func minutes(n int) string {
	if n == 1 {
		return "1 minute"
	}
	return strconv.Itoa(n) + " minutes"
}
