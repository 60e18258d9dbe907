// Package entry holds what the kinds of entries a person writes share:
// check-ins, couple check-ins, milestones, journal entries and logged
// triggers. It checks their days and texts with the same words everywhere,
// and reads a kind's records so that one damaged record never hides the
// rest.
package entry

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kintsugi/app/civil"
	"kintsugi/app/userdata"
)

// DayProblem returns what is wrong with a required day, or "": it must be
// set, exist on the calendar and lie within the years a record can hold.
func DayProblem(d civil.Date) string {
	switch {
	case d.IsZero():
		return "choose a day"
	case !d.Valid():
		return "choose a day that exists on the calendar"
	case d.Year < userdata.MinTime.Year() || d.Year >= userdata.MaxTime.Year():
		return fmt.Sprintf("choose a day between %d and %d", userdata.MinTime.Year(), userdata.MaxTime.Year()-1)
	}
	return ""
}

// TextProblem returns what is wrong with a text of at most limit
// characters, or "". A required text must have more than spaces.
func TextProblem(s string, limit int, required bool) string {
	switch {
	case !utf8.ValidString(s):
		return "this has characters that can't be saved"
	case required && strings.TrimSpace(s) == "":
		return "please write something here"
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Sprintf("please keep this to %s characters (it has %s)", Thousands(limit), Thousands(n))
	}
	return ""
}

// Thousands writes n with commas between groups of three digits, such as
// "20,000".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	start := 0
	if n < 0 {
		start = 1
	}
	for i := len(s) - 3; i > start; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ReadAll turns records into values with from. A record from cannot read
// is left out, and ReadAll then also returns an error wrapping the first
// such error (from returns ones wrapping [userdata.ErrInvalid]) that says
// how many of the records were left out, alongside the values it could
// read. what names the values for that error, such as "check-ins".
func ReadAll[T any](recs []userdata.Record, from func(userdata.Record) (T, error), what string) ([]T, error) {
	out := make([]T, 0, len(recs))
	var first error
	for _, r := range recs {
		v, err := from(r)
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		out = append(out, v)
	}
	if first != nil {
		return out, fmt.Errorf("list %s: %d of %d could not be read: %w", what, len(recs)-len(out), len(recs), first)
	}
	return out, nil
}
