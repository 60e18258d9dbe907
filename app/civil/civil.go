// Package civil provides [Date], a day on the calendar with no time of day
// and no time zone: the day a check-in, journal entry or milestone is about.
//
// A person's day is what they see on their own calendar, so a Date is taken
// from a [time.Time] in the location it carries ([Of]), and turned back into
// a time only where storage needs one ([Date.In]). Weeks start on Monday
// ([Date.Monday]).
//
// Dates compare and subtract with plain integer arithmetic, so charts over
// years of daily entries stay cheap.
package civil

import (
	"fmt"
	"time"
)

// Date is a day on the proleptic Gregorian calendar. The zero Date means
// "no date"; see [Date.IsZero]. A Date's fields are as written: a Date may
// be invalid, such as 31 February, which [Date.Valid] reports.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Of returns the day t falls on in t's own location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Parse parses a date written as "2006-01-02", the form of an HTML date
// input's value. It returns an error for anything else, including a day
// that does not exist.
func Parse(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("parse date %q: not a date written as YYYY-MM-DD", s)
	}
	return Of(t), nil
}

// String returns d as "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// IsZero reports whether d is the zero Date, meaning no date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a real day: a month from 1 to 12 and a
// day that exists in that month.
func (d Date) Valid() bool {
	return d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month)
}

// In returns the first instant of d in loc: midnight, or the first moment
// after it where a clock change skips midnight.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the date n days after d (before it if n is negative).
// d must be valid.
func (d Date) AddDays(n int) Date { return fromDays(d.days() + n) }

// DaysSince returns the number of days from e to d: positive when d is
// later, 0 on the same day.
func (d Date) DaysSince(e Date) int { return d.days() - e.days() }

// Weekday returns the day of the week d falls on.
func (d Date) Weekday() time.Weekday {
	// Day 0 of the count, 1970-01-01, was a Thursday.
	return time.Weekday(mod(d.days()+4, 7))
}

// Monday returns the Monday that starts d's week; d itself if it is a
// Monday.
func (d Date) Monday() Date {
	return d.AddDays(-mod(int(d.Weekday())+6, 7))
}

// Compare returns -1 if d is before e, 0 if they are the same day and +1
// if d is after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp(int(d.Month), int(e.Month))
	default:
		return cmp(d.Day, e.Day)
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// MarshalText returns d as "2006-01-02", so that a Date reads well in JSON.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses a date written as "2006-01-02"; empty text gives
// the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func mod(a, n int) int {
	r := a % n
	if r < 0 {
		r += n
	}
	return r
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// days returns the number of days from 1970-01-01 to d, by Howard
// Hinnant's days_from_civil algorithm.
func (d Date) days() int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// fromDays is the inverse of days (Hinnant's civil_from_days).
func fromDays(z int) Date {
	z += 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), d}
}
