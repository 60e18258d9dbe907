package ui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/checkin"
	"kintsugi/app/milestones"
	"kintsugi/app/progress"
	"kintsugi/app/userdata"
)

func init() {
	toolPages["progress"] = func(d Deps) app.Composer { return &progressPage{deps: d} }
}

// The size of each chart's canvas, in SVG user units. The chart scales to
// the width of the page; at 360 its labels are about 12 px on a phone.
const (
	chartWidth  = 360
	chartHeight = 180
)

// progressPage shows how check-ins move over weeks and months: one chart
// per rating, drawn as SVG elements, with a summary in plain words, a
// text alternative, and milestones marked along the time axis.
type progressPage struct {
	app.Compo
	deps Deps
	stop func()

	loadGen  int
	loaded   bool
	problem  string
	damaged  bool
	checkins []checkin.CheckIn
	miles    []milestones.Milestone // oldest first
	rng      progress.Range
	view     progress.View
}

func (p *progressPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Progress", "How your check-ins move over weeks and months.")
}

func (p *progressPage) OnMount(ctx app.Context) {
	p.load(ctx)
	p.stop = watchStore(ctx, p.deps.Store, p.load, userdata.KindCheckin, userdata.KindMilestone)
}

func (p *progressPage) OnDismount() { stopWatch(p.stop) }

// load reads the check-ins and milestones: on mount, after another tab
// changed them, and when the lock opens or closes.
func (p *progressPage) load(ctx app.Context) {
	store := p.deps.Store
	if store == nil {
		return
	}
	p.loadGen++
	gen := p.loadGen
	ctx.Async(func() {
		cs, err := checkin.List(ctx, store)
		var ms []milestones.Milestone
		var msErr error
		if err == nil || errors.Is(err, userdata.ErrInvalid) {
			ms, msErr = milestones.List(ctx, store)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if gen != p.loadGen {
				return
			}
			for _, e := range []error{err, msErr} {
				switch {
				case errors.Is(e, userdata.ErrLocked):
					p.loaded, p.checkins, p.miles, p.problem = false, nil, nil, ""
					p.view = progress.View{}
					return
				case e != nil && !errors.Is(e, userdata.ErrInvalid):
					p.loaded, p.problem = true, "Your check-ins could not be read: "+userdata.Message(e)
					return
				}
			}
			p.loaded, p.problem, p.damaged = true, "", err != nil || msErr != nil
			p.checkins, p.miles = cs, ms
			p.rebuild()
		})
	})
}

// rebuild works out the view of the chosen range, up to today.
func (p *progressPage) rebuild() {
	p.view = progress.Build(p.checkins, p.rng, today())
}

func (p *progressPage) Render() app.UI {
	var body []app.UI
	switch {
	case p.problem != "":
		body = []app.UI{app.Div().Class("notice warning").Role("alert").Body(para(p.problem))}
	case !p.loaded:
		body = []app.UI{paraClass("muted", "Loading your check-ins…")}
	case len(p.checkins) == 0:
		body = p.emptyState()
	default:
		body = p.charts()
	}
	return frame(p.deps, sectionProgress, "Progress",
		app.Div().Class("progress-page").Body(
			append([]app.UI{
				para("Feelings swing from day to day; the direction over weeks is what matters. Each chart shows one of your check-in ratings over time, with your milestones marked along the way."),
			}, body...)...,
		),
	)
}

func (p *progressPage) emptyState() []app.UI {
	return []app.UI{
		app.Div().Class("card empty progress-empty").Body(
			app.H2().Text("Nothing to show yet"),
			para("Once you record check-ins, this page shows safety, trust and connection over time: a dot for each check-in, a line for each week's average, your milestones marked along the way, and a few words on which way each one is going."),
			para("Skipping days is normal and never counts against you. A few check-ins a week are plenty."),
			app.Div().Class("actions").Body(
				app.A().Class("button primary").Href("/tools/check-in").Text("Go to the quick check-in"),
				app.A().Class("button").Href("/tools/milestones").Text("Mark a milestone"),
			),
		),
	}
}

// charts are the range choice, a chart per rating, their text and the
// milestones in the range.
func (p *progressPage) charts() []app.UI {
	v := p.view
	c := v.Chart(chartWidth, chartHeight)
	markers := c.Markers(p.miles)
	out := []app.UI{p.rangeChoice()}
	if p.damaged {
		out = append(out, paraClass("muted", "Some saved entries are damaged and are left out here."))
	}
	if v.Empty() {
		msg := "No check-ins " + rangePhrase(p.rng) + ". Choose All to see the ones before, or record how you are today."
		if p.rng == progress.All {
			msg = "No check-ins up to today yet. Record how you are today, and it will show here."
		}
		return append(out, app.Div().Class("notice").Role("status").Body(
			para(msg),
			app.P().Body(link("/tools/check-in", "Go to the quick check-in")),
		))
	}
	out = append(out, chartKey())
	for _, m := range progress.Metrics {
		out = append(out, p.metricChart(c, m, markers))
	}
	text := v.Text()
	for i, mk := range markers {
		text = append(text, "Milestone "+strconv.Itoa(i+1)+", "+longDay(mk.Milestone.Day)+": "+mk.Milestone.Title+".")
	}
	out = append(out,
		app.Details().Class("chart-text").Body(
			app.Summary().Text("The charts in words"),
			app.Ul().ID("progress-text").Body(
				app.Range(text).Slice(func(i int) app.UI { return app.Li().Text(text[i]) }),
			),
		),
		p.milestonesInRange(markers),
		app.P().Body(
			link("/tools/check-in", "Record a check-in"),
			app.Text(" · "),
			link("/tools/milestones", "Mark a milestone"),
		),
	)
	return out
}

// rangePhrase says a range in a sentence: "in the last 4 weeks".
func rangePhrase(r progress.Range) string {
	switch r {
	case progress.FourWeeks:
		return "in the last 4 weeks"
	case progress.ThreeMonths:
		return "in the last 3 months"
	}
	return "yet"
}

func (p *progressPage) rangeChoice() app.UI {
	ranges := progress.Ranges()
	return app.FieldSet().Class("choices range-choice").Body(
		app.Legend().Text("Show"),
		app.Div().Class("segments").Body(
			app.Range(ranges).Slice(func(i int) app.UI {
				r := ranges[i]
				id := "range-" + strconv.Itoa(int(r))
				return app.Div().Class("choice segment").Body(
					app.Input().Type("radio").Name("progress-range").ID(id).Value(strconv.Itoa(int(r))).Checked(p.rng == r).
						OnChange(func(ctx app.Context, e app.Event) {
							p.rng = r
							p.rebuild()
						}),
					labelFor(id, r.String()),
				)
			}),
		),
	)
}

// chartKey explains the marks on the charts.
func chartKey() app.UI {
	swatch := func(shape app.UI) app.UI {
		return svgElem("svg").Class("swatch").Attr("viewBox", "0 0 24 12").Attr("width", "24").Attr("height", "12").
			Aria("hidden", true).Attr("focusable", "false").Body(shape)
	}
	return app.Ul().Class("chart-key").Body(
		app.Li().Body(swatch(svgElem("circle").Class("dot").Attr("cx", 12).Attr("cy", 6).Attr("r", 3.5)), app.Text("a check-in")),
		app.Li().Body(swatch(svgElem("line").Class("avg").Attr("x1", 1).Attr("y1", 6).Attr("x2", 23).Attr("y2", 6)), app.Text("weekly average")),
		app.Li().Body(swatch(svgElem("line").Class("marker").Attr("x1", 12).Attr("y1", 0).Attr("x2", 12).Attr("y2", 12)), app.Text("a milestone")),
	)
}

// metricChart is one rating's summary and chart.
func (p *progressPage) metricChart(c progress.Chart, m progress.Metric, markers []progress.Marker) app.UI {
	name := strings.ToLower(m.String())
	headID, sumID := "chart-"+name+"-heading", "chart-"+name+"-summary"
	s := p.view.Summaries[m]
	return app.Section().Class("card chart-card").Aria("labelledby", headID).Body(
		heading2(headID, m.String()),
		paraClass("summary", s.Text).ID(sumID),
		app.If(s.Trend == progress.Falling, func() app.UI {
			return paraClass("muted", "Harder stretches are part of recovery for most people. They do not undo what came before.")
		}),
		chartSVG(c, m, markers).Attr("role", "img").Aria("labelledby", headID+" "+sumID).Aria("describedby", "progress-text"),
	)
}

// svgNS is the namespace SVG elements must be created in.
const svgNS = "http://www.w3.org/2000/svg"

// svgElem is an SVG element. go-app creates an element in the namespace it
// is given, and children do not inherit it, so every SVG element needs it.
func svgElem(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// num writes a coordinate briefly.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// chartSVG draws metric m of chart c: gridlines and their labels, date
// labels, milestone markers, a dot per check-in and the weekly averages.
func chartSVG(c progress.Chart, m progress.Metric, markers []progress.Marker) app.HTMLElem {
	box := c.Box()
	var grid, ticks, marks, dots, line, labels []app.UI
	for _, g := range c.Grid() {
		grid = append(grid,
			svgElem("line").Class("grid").Attr("x1", num(box.Left)).Attr("x2", num(box.Right)).Attr("y1", num(g.Y)).Attr("y2", num(g.Y)),
			svgElem("text").Class("axis").Attr("x", num(box.Left-6)).Attr("y", num(g.Y+4)).Attr("text-anchor", "end").Text(g.Label),
		)
	}
	for _, t := range c.Ticks() {
		ticks = append(ticks,
			svgElem("line").Class("tick").Attr("x1", num(t.X)).Attr("x2", num(t.X)).Attr("y1", num(box.Bottom)).Attr("y2", num(box.Bottom+4)),
			svgElem("text").Class("axis").Attr("x", num(t.X)).Attr("y", num(c.Height-6)).Attr("text-anchor", "middle").Text(t.Label),
		)
	}
	for i, mk := range markers {
		n := strconv.Itoa(i + 1)
		marks = append(marks,
			svgElem("line").Class("marker").Attr("x1", num(mk.X)).Attr("x2", num(mk.X)).Attr("y1", num(box.Top)).Attr("y2", num(box.Bottom)),
		)
		labels = append(labels, svgElem("g").Class("marker-label").Body(
			svgElem("title").Text("Milestone "+n+": "+mk.Milestone.Title),
			svgElem("circle").Attr("cx", num(mk.X)).Attr("cy", num(box.Top+8)).Attr("r", 8),
			svgElem("text").Attr("x", num(mk.X)).Attr("y", num(box.Top+12)).Attr("text-anchor", "middle").Text(n),
		))
	}
	for _, d := range c.Dots(m) {
		dots = append(dots, svgElem("circle").Class("dot").Attr("cx", num(d.X)).Attr("cy", num(d.Y)).Attr("r", 3.5))
	}
	for _, run := range c.Line(m) {
		if len(run) == 1 {
			line = append(line, svgElem("circle").Class("avg-dot").Attr("cx", num(run[0].X)).Attr("cy", num(run[0].Y)).Attr("r", 4.5))
			continue
		}
		pts := make([]string, len(run))
		for i, pt := range run {
			pts[i] = num(pt.X) + "," + num(pt.Y)
		}
		line = append(line, svgElem("polyline").Class("avg").Attr("points", strings.Join(pts, " ")))
	}
	return svgElem("svg").Class("chart").
		Attr("viewBox", "0 0 "+num(c.Width)+" "+num(c.Height)).
		Attr("width", "100%").Attr("focusable", "false").
		Body(
			svgElem("g").Class("grid-lines").Body(grid...),
			svgElem("g").Class("ticks").Body(ticks...),
			svgElem("g").Class("markers").Body(marks...),
			svgElem("g").Class("dots").Body(dots...),
			svgElem("g").Class("averages").Body(line...),
			svgElem("g").Class("marker-labels").Body(labels...),
		)
}

// milestonesInRange lists the milestones marked on the charts, numbered as
// the markers are.
func (p *progressPage) milestonesInRange(markers []progress.Marker) app.UI {
	var body app.UI
	if len(markers) == 0 {
		body = app.P().Body(
			app.Text("No milestones "+rangePhrase(p.rng)+". Small steps count too: "),
			link("/tools/milestones", "mark a milestone"),
			app.Text("."),
		)
	} else {
		body = app.Ol().Class("marker-list").Body(
			app.Range(markers).Slice(func(i int) app.UI {
				ms := markers[i].Milestone
				return app.Li().Body(
					app.Span().Class("marker-num").Aria("hidden", true).Text(strconv.Itoa(i+1)),
					app.Span().Body(
						app.Strong().Text(ms.Title),
						app.Text(" "),
						app.Span().Class("muted").Body(app.Time().DateTime("%s", ms.Day.String()).Text(shortDay(ms.Day))),
					),
				)
			}),
		)
	}
	return app.Section().Class("progress-milestones").Aria("labelledby", "progress-ms-heading").Body(
		heading2("progress-ms-heading", "Milestones"),
		body,
	)
}
