package progress

import (
	"math"
	"strconv"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/milestones"
)

// Padding is the space around a chart's plot area, in pixels, for the
// axis labels.
type Padding struct {
	Top, Right, Bottom, Left float64
}

// DefaultPadding leaves room for the 0/5/10 labels on the left and the
// date labels below, at a font size of about 12 px.
var DefaultPadding = Padding{Top: 10, Right: 12, Bottom: 26, Left: 28}

// MinTickSpacing is the least average space, in pixels, between two date
// labels on the x axis. At 360 px wide that allows about five.
const MinTickSpacing = 56

// XY is a point in SVG user units (pixels), with y growing downwards.
// Coordinates are rounded to one decimal, which keeps attributes short.
type XY struct {
	X, Y float64
}

// Gridline is a horizontal line across the plot at a rating value.
type Gridline struct {
	// Value is the rating, 0, 5 or 10.
	Value int
	// Y is the line's height.
	Y float64
	// Label is the text to write at the left end, such as "10".
	Label string
}

// Tick is a date label on the x axis.
type Tick struct {
	// X is where the labelled day begins; centre the label on it
	// (text-anchor="middle").
	X float64
	// Day is the day labelled: a Monday or the first of a month.
	Day civil.Date
	// Label is short: "2 Mar" for a week, "Mar" for a month, or the year
	// ("2026") for a January.
	Label string
}

// Marker is a milestone's place on the x axis.
type Marker struct {
	// X is the middle of the milestone's day.
	X float64
	// Milestone is the milestone marked.
	Milestone milestones.Milestone
}

// Box is the plot area, inside the padding.
type Box struct {
	Left, Top, Right, Bottom float64
}

// Chart maps a [View] onto an SVG canvas of a given size. Days run left to
// right from View.Start to View.End; ratings run from 0 at the bottom of
// the plot to 10 at the top. Its fields may be changed before its methods
// are called.
type Chart struct {
	View
	// Width and Height are the canvas size, the SVG viewBox.
	Width, Height float64
	// Pad is the space around the plot area.
	Pad Padding
}

// Chart returns a chart of v on a canvas of width by height pixels with
// [DefaultPadding]. For a phone, a width of 360 and a height of about 180
// work well.
func (v View) Chart(width, height float64) Chart {
	return Chart{View: v, Width: width, Height: height, Pad: DefaultPadding}
}

// Box returns the plot area. It is never less than one pixel wide or
// high, even on a canvas smaller than the padding.
func (c Chart) Box() Box {
	b := Box{Left: c.Pad.Left, Top: c.Pad.Top, Right: c.Width - c.Pad.Right, Bottom: c.Height - c.Pad.Bottom}
	b.Right = math.Max(b.Right, b.Left+1)
	b.Bottom = math.Max(b.Bottom, b.Top+1)
	return b
}

// days returns how many days the x axis covers; at least 1.
func (c Chart) days() float64 {
	return math.Max(1, float64(c.End.DaysSince(c.Start)))
}

// xAt maps a number of days after Start to x.
func (c Chart) xAt(days float64) float64 {
	b := c.Box()
	return round1(b.Left + days/c.days()*(b.Right-b.Left))
}

// X returns the x of the middle of day d.
func (c Chart) X(d civil.Date) float64 { return c.xAt(float64(d.DaysSince(c.Start)) + 0.5) }

// Y returns the y of a rating value, kept within 0 to 10.
func (c Chart) Y(value float64) float64 {
	b := c.Box()
	v := math.Min(10, math.Max(0, value))
	return round1(b.Bottom - v/10*(b.Bottom-b.Top))
}

// Dots returns the raw check-ins' points for metric m, ordered by day.
// Several check-ins on one day share an x.
func (c Chart) Dots(m Metric) []XY {
	out := make([]XY, len(c.Points))
	for i, p := range c.Points {
		out[i] = XY{c.X(p.Day), c.Y(float64(p.Values[m]))}
	}
	return out
}

// Line returns the weekly average line for metric m as separate runs: a
// week without check-ins ends a run, so the line breaks at gaps instead of
// dropping to zero. Each point sits in the middle of its week. A run of a
// single point, a week with gaps on both sides, should be drawn as a dot.
func (c Chart) Line(m Metric) [][]XY {
	var out [][]XY
	var run []XY
	for i, w := range c.Weeks {
		if w.Count == 0 {
			if run != nil {
				out = append(out, run)
				run = nil
			}
			continue
		}
		run = append(run, XY{c.xAt(float64(7*i) + 3.5), c.Y(w.Mean[m])})
	}
	if run != nil {
		out = append(out, run)
	}
	return out
}

// Grid returns the horizontal gridlines at 0, 5 and 10.
func (c Chart) Grid() []Gridline {
	out := make([]Gridline, 0, 3)
	for _, v := range []int{0, 5, 10} {
		out = append(out, Gridline{Value: v, Y: c.Y(float64(v)), Label: strconv.Itoa(v)})
	}
	return out
}

// Ticks returns the date labels for the x axis: as many as fit at
// [MinTickSpacing], choosing the finest of these that fits: every week,
// every other week, every month, every 2, 3 or 6 months, every year, or
// every few years. Labels that would stick out of the canvas are left
// out.
func (c Chart) Ticks() []Tick {
	b := c.Box()
	most := max(1, int((b.Right-b.Left)/MinTickSpacing))
	var ticks []Tick
	for _, weeks := range []int{1, 2} {
		if n := len(c.Weeks); (n+weeks-1)/weeks <= most {
			for i := 0; i < n; i += weeks {
				d := c.Weeks[i].Start
				ticks = append(ticks, Tick{Day: d, Label: strconv.Itoa(d.Day) + " " + d.Month.String()[:3]})
			}
			return c.place(ticks)
		}
	}
	for _, months := range []int{1, 2, 3, 6, 12} {
		if ticks = c.months(months); len(ticks) <= most {
			return c.place(ticks)
		}
	}
	// Several years apart: the fewest whole years that fit. It ends,
	// because a step longer than the axis gives at most one tick.
	for years := 2; ; years++ {
		if ticks = c.months(12 * years); len(ticks) <= most {
			return c.place(ticks)
		}
	}
}

// months returns a tick on the first of every month in the axis whose
// number of months since January of year 0 divides by step.
func (c Chart) months(step int) []Tick {
	var ticks []Tick
	d := civil.Date{Year: c.Start.Year, Month: c.Start.Month, Day: 1}
	if d.Before(c.Start) {
		d = nextMonth(d)
	}
	for ; d.Before(c.End); d = nextMonth(d) {
		if (d.Year*12+int(d.Month)-1)%step != 0 {
			continue
		}
		label := d.Month.String()[:3]
		if d.Month == time.January {
			label = strconv.Itoa(d.Year)
		}
		ticks = append(ticks, Tick{Day: d, Label: label})
	}
	return ticks
}

func nextMonth(d civil.Date) civil.Date {
	if d.Month == time.December {
		return civil.Date{Year: d.Year + 1, Month: time.January, Day: 1}
	}
	return civil.Date{Year: d.Year, Month: d.Month + 1, Day: 1}
}

// place sets the ticks' x and drops those whose label, centred at about
// 7 px a character, would stick out of the canvas.
func (c Chart) place(ticks []Tick) []Tick {
	out := ticks[:0]
	for _, t := range ticks {
		t.X = c.xAt(float64(t.Day.DaysSince(c.Start)))
		half := 3.5 * float64(len(t.Label))
		if t.X-half < 0 || t.X+half > c.Width {
			continue
		}
		out = append(out, t)
	}
	return out
}

// Markers returns where ms fall on the x axis, leaving out those outside
// the range (before Start or after Today), in the order given.
func (c Chart) Markers(ms []milestones.Milestone) []Marker {
	var out []Marker
	for _, m := range ms {
		if m.Day.Before(c.Start) || m.Day.After(c.Today) {
			continue
		}
		out = append(out, Marker{X: c.X(m.Day), Milestone: m})
	}
	return out
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
