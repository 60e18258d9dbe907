package progress_test

import (
	"fmt"
	"time"

	"kintsugi/app/checkin"
	"kintsugi/app/civil"
	"kintsugi/app/progress"
)

func Example() {
	today := civil.Date{Year: 2026, Month: time.March, Day: 25}
	var cs []checkin.CheckIn
	for i, trust := range []int{3, 4, 4, 5, 6, 6} {
		if i == 2 {
			continue // a week without check-ins
		}
		day := today.AddDays(-7 * (5 - i))
		cs = append(cs, checkin.CheckIn{Day: day, Safety: 6, Trust: trust, Connection: 5})
	}

	v := progress.Build(cs, progress.ThreeMonths, today)
	fmt.Println(v.Summaries[progress.Trust].Text)

	c := v.Chart(360, 180)
	for _, run := range c.Line(progress.Trust) {
		fmt.Println("run of", len(run), "weekly points starting at", run[0])
	}
	for _, t := range c.Ticks() {
		fmt.Printf("%s at x=%v\n", t.Label, t.X)
	}
	// Output:
	// Trust has risen over the last 3 months, from about 3 to about 6.
	// run of 2 weekly points starting at {212.6 110.8}
	// run of 3 weekly points starting at {286.5 82}
	// 2026 at x=38.5
	// Feb at x=147.6
	// Mar at x=246
}
