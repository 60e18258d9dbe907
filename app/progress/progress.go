// Package progress is the arithmetic behind the Progress page: which
// check-ins fall in a range, their weekly averages, a plain-words summary
// of each rating's direction, a text alternative for screen readers, and
// the geometry of a chart ([Chart]) that the UI draws as SVG elements.
// It produces numbers and words only, never markup.
//
// # Ranges and weeks
//
// Weeks start on Monday. A [Range] is counted in whole weeks ending with
// the week that holds "today": [FourWeeks] is this week and the three
// before it, [ThreeMonths] this week and the twelve before it, and [All]
// reaches back to the week of the earliest check-in. So the first day
// shown is always a Monday, and the last is today; check-ins dated after
// today are left out. Every week in the range has a [Week] in
// [View.Weeks]; a week without check-ins has Count 0 and is a gap in the
// line, never a zero.
//
// # Summaries
//
// A rating's direction ([Trend]) is read from its weekly averages in the
// range, each week counting once however many check-ins it has, so that a
// busy week does not outweigh a quiet one. With fewer than [MinWeeks]
// weeks that have check-ins, the trend is [NotEnough]. Otherwise a
// least-squares line is fitted through the weekly averages (x is the
// week's position in the range, so gaps keep their width), and the change
// is the line's rise from the first week with check-ins to the last. A
// change of at least [MinChange] points (on the 0 to 10 scale) is
// [Rising]; at most -MinChange is [Falling]; anything between is
// [Steady]. The summary's From and To are the line's values at those two
// weeks, kept within 0 to 10.
//
// # Charts
//
// [View.Chart] maps a view onto a canvas of a given size in SVG user
// units, inside a [Padding] that leaves room for labels. It gives the raw
// check-ins as dots ([Chart.Dots]), the weekly averages as runs of a
// polyline that break at gaps ([Chart.Line]), gridlines at 0, 5 and 10
// ([Chart.Grid]), date labels that do not crowd a 360 px screen
// ([Chart.Ticks]) and milestone positions ([Chart.Markers]). One chart per
// rating reads best on a phone. [View.Text] is the chart's text
// alternative.
package progress

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"kintsugi/app/checkin"
	"kintsugi/app/civil"
	"kintsugi/app/order"
)

// Metric is one of the three ratings of a check-in.
type Metric int

// The metrics, in the order the UI shows them.
const (
	Safety Metric = iota
	Trust
	Connection
)

// Metrics lists every metric, in display order.
var Metrics = [3]Metric{Safety, Trust, Connection}

// String returns the metric's name: "Safety", "Trust" or "Connection".
func (m Metric) String() string {
	switch m {
	case Safety:
		return "Safety"
	case Trust:
		return "Trust"
	case Connection:
		return "Connection"
	}
	return fmt.Sprintf("Metric(%d)", int(m))
}

// Of returns the metric's rating in c.
func (m Metric) Of(c checkin.CheckIn) int {
	switch m {
	case Safety:
		return c.Safety
	case Trust:
		return c.Trust
	}
	return c.Connection
}

// Range is how far back the Progress page looks.
type Range int

// The ranges; see the package documentation.
const (
	FourWeeks Range = iota
	ThreeMonths
	All
)

// Ranges lists every range, shortest first, for the range buttons.
func Ranges() []Range { return []Range{FourWeeks, ThreeMonths, All} }

// String returns the range's button label: "4 weeks", "3 months" or "All".
func (r Range) String() string {
	switch r {
	case FourWeeks:
		return "4 weeks"
	case ThreeMonths:
		return "3 months"
	}
	return "All"
}

// weeks returns how many weeks the range covers, or 0 for All.
func (r Range) weeks() int {
	switch r {
	case FourWeeks:
		return 4
	case ThreeMonths:
		return 13
	}
	return 0
}

// phrase ends a sentence about the range: "over the last 4 weeks".
func (r Range) phrase() string {
	switch r {
	case FourWeeks:
		return "over the last 4 weeks"
	case ThreeMonths:
		return "over the last 3 months"
	}
	return "since your first check-in"
}

// Point is one check-in's ratings, for the chart's raw points.
type Point struct {
	// Day is the check-in's day.
	Day civil.Date
	// Values holds the ratings, indexed by Metric.
	Values [3]int
}

// Week is one week's check-ins, averaged.
type Week struct {
	// Start is the week's Monday.
	Start civil.Date
	// Count is how many check-ins the week has; 0 means a gap.
	Count int
	// Mean holds the average of each rating, indexed by Metric; it is
	// meaningful only when Count > 0.
	Mean [3]float64
}

// Trend is the direction a rating has taken over a range.
type Trend int

// The trends; see the package documentation for the rule.
const (
	NotEnough Trend = iota
	Rising
	Steady
	Falling
)

// The rule for trends; see the package documentation.
const (
	// MinWeeks is the fewest weeks with check-ins that show a direction.
	MinWeeks = 3
	// MinChange is the smallest rise or fall, in rating points across the
	// range, that counts as a direction.
	MinChange = 1.0
)

// Summary is one rating's direction over the range, in numbers and words.
type Summary struct {
	// Metric is the rating summarised, and Trend its direction.
	Metric Metric
	Trend  Trend
	// From and To are the fitted line's values at the first and last
	// weeks with check-ins, from 0 to 10; both are 0 when Trend is
	// NotEnough.
	From, To float64
	// Text says it plainly, such as "Trust has risen over the last 4
	// weeks, from about 4 to about 6."
	Text string
}

// View is what the Progress page shows for one range.
type View struct {
	// Range is the range shown.
	Range Range
	// Today is the last day shown.
	Today civil.Date
	// Start is the first day shown, a Monday.
	Start civil.Date
	// End is the Monday after Today's week: the chart's time axis runs
	// from Start up to End, in whole weeks, so that the weekly averages
	// sit in the middle of their weeks.
	End civil.Date
	// Points are the check-ins in the range, ordered by day.
	Points []Point
	// Weeks are all the weeks from Start to End, oldest first, including
	// weeks without check-ins.
	Weeks []Week
	// Summaries holds each rating's summary, indexed by Metric.
	Summaries [3]Summary
}

// Build returns the view of cs for range r ending on today, which must be
// a valid date. cs may be in any order; check-ins after today, before the
// range, or with an invalid day are left out.
func Build(cs []checkin.CheckIn, r Range, today civil.Date) View {
	end := today.Monday().AddDays(7)
	var start civil.Date
	if n := r.weeks(); n > 0 {
		start = end.AddDays(-7 * n)
	} else {
		start = today.Monday()
		for _, c := range cs {
			if c.Day.Valid() && c.Day.Before(start) {
				start = c.Day.Monday()
			}
		}
	}
	v := View{Range: r, Today: today, Start: start, End: end}
	v.Weeks = make([]Week, end.DaysSince(start)/7)
	for i := range v.Weeks {
		v.Weeks[i].Start = start.AddDays(7 * i)
	}
	sums := make([][3]int, len(v.Weeks))
	for _, c := range cs {
		if !c.Day.Valid() || c.Day.Before(start) || c.Day.After(today) {
			continue
		}
		p := Point{Day: c.Day, Values: [3]int{c.Safety, c.Trust, c.Connection}}
		v.Points = append(v.Points, p)
		w := c.Day.DaysSince(start) / 7
		v.Weeks[w].Count++
		for m, x := range p.Values {
			sums[w][m] += x
		}
	}
	order.Stable(v.Points, func(a, b Point) int { return a.Day.Compare(b.Day) })
	for i := range v.Weeks {
		if n := v.Weeks[i].Count; n > 0 {
			for m := range Metrics {
				v.Weeks[i].Mean[m] = float64(sums[i][m]) / float64(n)
			}
		}
	}
	for _, m := range Metrics {
		v.Summaries[m] = summarize(v.Weeks, m, r)
	}
	return v
}

// Empty reports whether the range holds no check-ins, for the empty state.
func (v View) Empty() bool { return len(v.Points) == 0 }

// summarize applies the rule in the package documentation to m's weekly
// averages.
func summarize(weeks []Week, m Metric, r Range) Summary {
	s := Summary{Metric: m}
	var n, sx, sy float64
	first, last := -1, -1
	for i, w := range weeks {
		if w.Count == 0 {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		n++
		sx += float64(i)
		sy += w.Mean[m]
	}
	name := m.String()
	if n < MinWeeks {
		s.Text = "Not enough check-ins yet to see a direction for " + strings.ToLower(name) + "."
		return s
	}
	mx, my := sx/n, sy/n
	var sxy, sxx float64
	for i, w := range weeks {
		if w.Count == 0 {
			continue
		}
		dx := float64(i) - mx
		sxy += dx * (w.Mean[m] - my)
		sxx += dx * dx
	}
	slope := sxy / sxx // sxx > 0: at least MinWeeks distinct weeks
	fit := func(i int) float64 { return math.Min(10, math.Max(0, my+slope*(float64(i)-mx))) }
	s.From, s.To = fit(first), fit(last)
	switch change := slope * float64(last-first); {
	case change >= MinChange:
		s.Trend = Rising
		s.Text = fmt.Sprintf("%s has risen %s, from about %d to about %d.", name, r.phrase(), round(s.From), round(s.To))
	case change <= -MinChange:
		s.Trend = Falling
		s.Text = fmt.Sprintf("%s has fallen %s, from about %d to about %d.", name, r.phrase(), round(s.From), round(s.To))
	default:
		s.Trend = Steady
		s.Text = fmt.Sprintf("%s has stayed about the same %s, at about %d.", name, r.phrase(), round(my))
	}
	return s
}

func round(x float64) int { return int(math.Round(x)) }

// Text returns a text alternative to the chart, for screen readers: a
// first line saying how many check-ins the range holds, then one line per
// week, oldest first, with each rating's average, such as "Week of 2
// March: safety 6.5, trust 4, connection 5, from 3 check-ins." Runs of
// weeks without check-ins share one line. The summaries are not repeated;
// the page shows them as text already.
func (v View) Text() []string {
	switch {
	case v.Empty() && v.Range == All:
		return []string{"No check-ins yet."}
	case v.Empty():
		return []string{"No check-ins " + v.Range.phrase() + "."}
	}
	if v.Range == All {
		// "since your first check-in" reads oddly here.
		return v.text(fmt.Sprintf("%s since %s. Weekly averages, out of 10:", checkins(len(v.Points)), v.dayText(v.Points[0].Day)))
	}
	return v.text(fmt.Sprintf("%s %s. Weekly averages, out of 10:", checkins(len(v.Points)), v.Range.phrase()))
}

func (v View) text(first string) []string {
	out := []string{first}
	for i := 0; i < len(v.Weeks); i++ {
		w := v.Weeks[i]
		if w.Count > 0 {
			out = append(out, fmt.Sprintf("Week of %s: safety %s, trust %s, connection %s, from %s.",
				v.dayText(w.Start), number(w.Mean[Safety]), number(w.Mean[Trust]), number(w.Mean[Connection]), checkins(w.Count)))
			continue
		}
		j := i
		for j+1 < len(v.Weeks) && v.Weeks[j+1].Count == 0 {
			j++
		}
		if j == i {
			out = append(out, fmt.Sprintf("Week of %s: no check-ins.", v.dayText(w.Start)))
		} else {
			out = append(out, fmt.Sprintf("Weeks of %s to %s: no check-ins.", v.dayText(w.Start), v.dayText(v.Weeks[j].Start)))
		}
		i = j
	}
	return out
}

// dayText writes d as "2 March", with the year if it is not Today's.
func (v View) dayText(d civil.Date) string {
	if d.Year != v.Today.Year {
		return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
	}
	return fmt.Sprintf("%d %s", d.Day, d.Month)
}

// checkins writes "1 check-in" or "n check-ins".
func checkins(n int) string {
	if n == 1 {
		return "1 check-in"
	}
	return strconv.Itoa(n) + " check-ins"
}

// number writes x with one decimal, dropping ".0".
func number(x float64) string {
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}
