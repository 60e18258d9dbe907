package progress_test

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"kintsugi/app/checkin"
	"kintsugi/app/civil"
	"kintsugi/app/milestones"
	"kintsugi/app/progress"
)

// today is a Wednesday; its week starts on Monday 23 March 2026.
var today = civil.Date{Year: 2026, Month: time.March, Day: 25}

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func ci(d string, safety, trust, connection int) checkin.CheckIn {
	return checkin.CheckIn{Day: day(d), Safety: safety, Trust: trust, Connection: connection}
}

// weekly returns one check-in on the Tuesday of each of the last
// len(trust) weeks, oldest first, with the given trust ratings; a negative
// rating skips the week.
func weekly(trust ...float64) []checkin.CheckIn {
	var cs []checkin.CheckIn
	first := today.Monday().AddDays(-7*(len(trust)-1) + 1)
	for i, t := range trust {
		if t < 0 {
			continue
		}
		// Two check-ins a week whose average is t.
		lo, hi := int(math.Floor(t)), int(math.Ceil(t))
		d := first.AddDays(7 * i)
		if lo == hi {
			cs = append(cs, checkin.CheckIn{Day: d, Trust: lo, Safety: 5, Connection: 5})
			continue
		}
		cs = append(cs,
			checkin.CheckIn{Day: d, Trust: lo, Safety: 5, Connection: 5},
			checkin.CheckIn{Day: d, Trust: hi, Safety: 5, Connection: 5})
	}
	return cs
}

func TestRangeBoundaries(t *testing.T) {
	cs := []checkin.CheckIn{
		ci("2025-12-28", 1, 1, 1), // Sunday before the 3-month range
		ci("2025-12-29", 2, 2, 2), // first day of the 3-month range
		ci("2026-03-01", 3, 3, 3), // Sunday before the 4-week range
		ci("2026-03-02", 4, 4, 4), // first day of the 4-week range
		ci("2026-03-25", 5, 5, 5), // today
		ci("2026-03-26", 6, 6, 6), // tomorrow: never shown
		ci("2024-07-10", 7, 7, 7), // the earliest
	}
	tests := []struct {
		r          progress.Range
		start, end string
		weeks      int
		safety     []int
	}{
		{progress.FourWeeks, "2026-03-02", "2026-03-30", 4, []int{4, 5}},
		{progress.ThreeMonths, "2025-12-29", "2026-03-30", 13, []int{2, 3, 4, 5}},
		{progress.All, "2024-07-08", "2026-03-30", 90, []int{7, 1, 2, 3, 4, 5}},
	}
	for _, tc := range tests {
		t.Run(tc.r.String(), func(t *testing.T) {
			v := progress.Build(cs, tc.r, today)
			if v.Start != day(tc.start) || v.End != day(tc.end) || v.Today != today {
				t.Errorf("Start %v End %v, want %s %s", v.Start, v.End, tc.start, tc.end)
			}
			if len(v.Weeks) != tc.weeks {
				t.Errorf("%d weeks, want %d", len(v.Weeks), tc.weeks)
			}
			var got []int
			for _, p := range v.Points {
				got = append(got, p.Values[progress.Safety])
			}
			if !slices.Equal(got, tc.safety) {
				t.Errorf("points' safety = %v, want %v", got, tc.safety)
			}
		})
	}

	// With no check-ins at all, All is just this week.
	v := progress.Build(nil, progress.All, today)
	if !v.Empty() || len(v.Weeks) != 1 || v.Start != today.Monday() {
		t.Errorf("empty All: %d weeks from %v, empty %v", len(v.Weeks), v.Start, v.Empty())
	}
}

func TestWeeklyAveragesWithGaps(t *testing.T) {
	cs := []checkin.CheckIn{
		ci("2026-03-03", 4, 2, 6),
		ci("2026-03-03", 6, 3, 6), // two on one day
		ci("2026-03-08", 8, 4, 6), // Sunday: still week 1
		// no check-ins in the week of 9 March
		ci("2026-03-16", 5, 5, 5),
		ci("2026-03-24", 0, 10, 1), // this week, so far
	}
	v := progress.Build(cs, progress.FourWeeks, today)
	want := []progress.Week{
		{Start: day("2026-03-02"), Count: 3, Mean: [3]float64{6, 3, 6}},
		{Start: day("2026-03-09")},
		{Start: day("2026-03-16"), Count: 1, Mean: [3]float64{5, 5, 5}},
		{Start: day("2026-03-23"), Count: 1, Mean: [3]float64{0, 10, 1}},
	}
	if !slices.Equal(v.Weeks, want) {
		t.Errorf("weeks:\n got %+v\nwant %+v", v.Weeks, want)
	}
}

func TestSummaries(t *testing.T) {
	tests := []struct {
		name  string
		trust []float64 // weekly averages, oldest first; -1 is a gap
		r     progress.Range
		trend progress.Trend
		text  string
	}{
		{"rising", []float64{3, 4, 5, 6}, progress.FourWeeks, progress.Rising,
			"Trust has risen over the last 4 weeks, from about 3 to about 6."},
		{"falling", []float64{8, 7, 6, 5}, progress.FourWeeks, progress.Falling,
			"Trust has fallen over the last 4 weeks, from about 8 to about 5."},
		{"flat with swings", []float64{5, 5.5, 5, 5.5}, progress.FourWeeks, progress.Steady,
			"Trust has stayed about the same over the last 4 weeks, at about 5."},
		{"not enough: two weeks", []float64{-1, -1, 2, 9}, progress.FourWeeks, progress.NotEnough,
			"Not enough check-ins yet to see a direction for trust."},
		{"not enough: nothing", []float64{-1, -1, -1, -1}, progress.FourWeeks, progress.NotEnough,
			"Not enough check-ins yet to see a direction for trust."},
		{"exactly MinChange", []float64{-1, 5, 5.5, 6}, progress.FourWeeks, progress.Rising,
			"Trust has risen over the last 4 weeks, from about 5 to about 6."},
		{"just under MinChange", []float64{-1, 5, 5.5, 5.5}, progress.FourWeeks, progress.Steady,
			"Trust has stayed about the same over the last 4 weeks, at about 5."},
		{"a gap keeps its width", []float64{2, 3, -1, 5}, progress.FourWeeks, progress.Rising,
			"Trust has risen over the last 4 weeks, from about 2 to about 5."},
		{"three months", []float64{2, -1, -1, -1, -1, -1, 3, -1, -1, -1, -1, -1, 7}, progress.ThreeMonths, progress.Rising,
			"Trust has risen over the last 3 months, from about 2 to about 7."},
		{"all", []float64{6, 6, 6}, progress.All, progress.Steady,
			"Trust has stayed about the same since your first check-in, at about 6."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := progress.Build(weekly(tc.trust...), tc.r, today)
			s := v.Summaries[progress.Trust]
			if s.Metric != progress.Trust || s.Trend != tc.trend || s.Text != tc.text {
				t.Errorf("summary = %v %q, want %v %q", s.Trend, s.Text, tc.trend, tc.text)
			}
			if s.From < 0 || s.From > 10 || s.To < 0 || s.To > 10 {
				t.Errorf("From %v To %v outside 0 to 10", s.From, s.To)
			}
		})
	}
}

func TestSummaryClampsFit(t *testing.T) {
	v := progress.Build(weekly(0, 0, 0, 10), progress.FourWeeks, today)
	s := v.Summaries[progress.Trust]
	if s.Trend != progress.Rising || s.From != 0 || s.To > 10 {
		t.Errorf("summary = %+v, want Rising from 0 and To at most 10", s)
	}
}

func TestChartGeometry(t *testing.T) {
	cs := append(weekly(3, -1, 0, 10), ci("2026-03-02", 10, 10, 10), ci("2026-03-25", 0, 0, 0))
	v := progress.Build(cs, progress.FourWeeks, today)
	for _, size := range [][2]float64{{360, 180}, {1024, 320}, {20, 20}} {
		c := v.Chart(size[0], size[1])
		b := c.Box()
		inside := func(p progress.XY) bool {
			return p.X >= b.Left && p.X <= b.Right && p.Y >= b.Top && p.Y <= b.Bottom
		}
		if size[0] > 100 && (b.Left != progress.DefaultPadding.Left || b.Right != size[0]-progress.DefaultPadding.Right) {
			t.Errorf("%v: box %+v does not follow the padding", size, b)
		}
		if got, want := c.Y(0), b.Bottom; got != want {
			t.Errorf("%v: Y(0) = %v, want the bottom %v", size, got, want)
		}
		if got, want := c.Y(10), b.Top; got != want {
			t.Errorf("%v: Y(10) = %v, want the top %v", size, got, want)
		}
		if c.Y(-3) != c.Y(0) || c.Y(12) != c.Y(10) {
			t.Errorf("%v: Y does not keep values within 0 to 10", size)
		}
		for _, m := range progress.Metrics {
			for _, p := range c.Dots(m) {
				if !inside(p) {
					t.Errorf("%v: dot %+v outside the box %+v", size, p, b)
				}
			}
			runs := c.Line(m)
			if len(runs) != 2 || len(runs[0]) != 1 || len(runs[1]) != 2 {
				t.Fatalf("%v: line runs = %v, want [1 point] then [2 points] around the gap", size, runs)
			}
			for _, run := range runs {
				for _, p := range run {
					if !inside(p) {
						t.Errorf("%v: line point %+v outside the box %+v", size, p, b)
					}
				}
			}
		}
		if g := c.Grid(); len(g) != 3 || g[0].Label != "0" || g[2].Label != "10" || g[2].Y != b.Top {
			t.Errorf("%v: grid = %+v", size, g)
		}
	}

	c := v.Chart(360, 180)
	line := c.Line(progress.Trust)
	// Week 0's point (trust 3 and 10) is in the middle of its week, the
	// first of 28 days.
	if got, want := line[0][0], (progress.XY{X: 28 + 3.5/28*320, Y: c.Y(6.5)}); math.Abs(got.X-want.X) > 0.05 || got.Y != want.Y {
		t.Errorf("first weekly point = %+v, want %+v", got, want)
	}
	// The first and last days shown sit half a day in from the edges.
	if x := c.X(v.Start); math.Abs(x-(28+0.5/28*320)) > 0.05 {
		t.Errorf("X(start) = %v", x)
	}
	if c.X(v.Start.AddDays(1)) <= c.X(v.Start) {
		t.Error("X does not grow with the date")
	}
}

func TestTicks(t *testing.T) {
	var daily []checkin.CheckIn
	for d := today.AddDays(-1099); !d.After(today); d = d.AddDays(1) {
		daily = append(daily, checkin.CheckIn{Day: d, Safety: 5, Trust: 5, Connection: 5})
	}
	tests := []struct {
		r     progress.Range
		width float64
		want  []string
	}{
		{progress.FourWeeks, 360, []string{"2 Mar", "9 Mar", "16 Mar", "23 Mar"}},
		{progress.ThreeMonths, 360, []string{"2026", "Feb", "Mar"}},
		{progress.ThreeMonths, 1200, []string{"29 Dec", "5 Jan", "12 Jan", "19 Jan", "26 Jan", "2 Feb", "9 Feb", "16 Feb", "23 Feb", "2 Mar", "9 Mar", "16 Mar", "23 Mar"}},
		{progress.All, 360, []string{"2024", "2025", "2026"}},
		{progress.All, 800, []string{"Apr", "Jul", "Oct", "2024", "Apr", "Jul", "Oct", "2025", "Apr", "Jul", "Oct", "2026"}},
		{progress.All, 500, []string{"Jul", "2024", "Jul", "2025", "Jul", "2026"}},
	}
	for _, tc := range tests {
		c := progress.Build(daily, tc.r, today).Chart(tc.width, 180)
		ticks := c.Ticks()
		var labels []string
		for i, tk := range ticks {
			labels = append(labels, tk.Label)
			if tk.X < c.Pad.Left || tk.X > tc.width {
				t.Errorf("%v at %v: tick %+v outside the chart", tc.r, tc.width, tk)
			}
			if i > 0 && tk.X-ticks[i-1].X < progress.MinTickSpacing*0.85 {
				t.Errorf("%v at %v: ticks %q and %q are crowded", tc.r, tc.width, ticks[i-1].Label, tk.Label)
			}
		}
		if !slices.Equal(labels, tc.want) {
			t.Errorf("%v at %v px: ticks %q, want %q", tc.r, tc.width, labels, tc.want)
		}
	}
}

func TestMarkers(t *testing.T) {
	v := progress.Build(weekly(5, 5, 5, 5), progress.FourWeeks, today)
	ms := []milestones.Milestone{
		{ID: "before", Day: day("2026-03-01"), Title: "Too early"},
		{ID: "first", Day: day("2026-03-02"), Title: "First honest talk"},
		{ID: "today", Day: today, Title: "A calm evening"},
		{ID: "future", Day: today.AddDays(1), Title: "Not yet"},
	}
	c := v.Chart(360, 180)
	got := c.Markers(ms)
	if len(got) != 2 || got[0].Milestone.ID != "first" || got[1].Milestone.ID != "today" {
		t.Fatalf("markers = %+v, want first and today", got)
	}
	if got[0].X != c.X(day("2026-03-02")) || got[1].X != c.X(today) {
		t.Errorf("marker x = %v, %v", got[0].X, got[1].X)
	}
}

func TestText(t *testing.T) {
	cs := []checkin.CheckIn{
		ci("2026-03-03", 6, 4, 5),
		ci("2026-03-04", 7, 4, 5),
		ci("2026-03-24", 5, 5, 5),
	}
	got := progress.Build(cs, progress.FourWeeks, today).Text()
	want := []string{
		"3 check-ins over the last 4 weeks. Weekly averages, out of 10:",
		"Week of 2 March: safety 6.5, trust 4, connection 5, from 2 check-ins.",
		"Weeks of 9 March to 16 March: no check-ins.",
		"Week of 23 March: safety 5, trust 5, connection 5, from 1 check-in.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Text():\n got %q\nwant %q", got, want)
	}
	all := progress.Build(append(cs, ci("2025-12-30", 1, 2, 3)), progress.All, today).Text()
	if !strings.HasPrefix(all[0], "4 check-ins since 30 December 2025.") || !strings.HasPrefix(all[1], "Week of 29 December 2025:") {
		t.Errorf("All text starts %q, %q", all[0], all[1])
	}
	if got := progress.Build(nil, progress.ThreeMonths, today).Text(); !slices.Equal(got, []string{"No check-ins over the last 3 months."}) {
		t.Errorf("empty Text() = %q", got)
	}
	if got := progress.Build(nil, progress.All, today).Text(); !slices.Equal(got, []string{"No check-ins yet."}) {
		t.Errorf("empty All Text() = %q", got)
	}
}

// BenchmarkProgressPage builds everything the Progress page needs for
// three years of daily check-ins: the view for All, and the chart
// geometry and text alternative of all three ratings at 360 px.
func BenchmarkProgressPage(b *testing.B) {
	cs := make([]checkin.CheckIn, 0, 1100)
	for i := range 1100 {
		d := today.AddDays(i - 1099)
		cs = append(cs, checkin.CheckIn{Day: d, Safety: i % 11, Trust: (i / 7) % 11, Connection: (i * 3) % 11})
	}
	ms := make([]milestones.Milestone, 30)
	for i := range ms {
		ms[i] = milestones.Milestone{ID: "m", Day: today.AddDays(-30 * i), Title: "x"}
	}
	b.ReportAllocs()
	for b.Loop() {
		v := progress.Build(cs, progress.All, today)
		c := v.Chart(360, 180)
		for _, m := range progress.Metrics {
			_ = c.Dots(m)
			_ = c.Line(m)
		}
		_ = c.Grid()
		_ = c.Ticks()
		_ = c.Markers(ms)
		_ = v.Text()
	}
}
