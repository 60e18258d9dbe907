package triggers

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"kintsugi/app/civil"
	"kintsugi/app/fold"
)

// TimeOfDay is a part of the day, by the hour on the clock where a trigger
// happened.
type TimeOfDay int

// The parts of the day, in display order, and their hours: morning from
// 5:00 to 11:59, afternoon from 12:00 to 16:59, evening from 17:00 to
// 21:59, night from 22:00 to 4:59.
const (
	Morning TimeOfDay = iota
	Afternoon
	Evening
	Night
)

// TimesOfDay lists the parts of the day in display order.
var TimesOfDay = [4]TimeOfDay{Morning, Afternoon, Evening, Night}

// Weekdays lists the days of the week in display order, Monday first.
var Weekdays = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// PartOf returns the part of the day t falls in, by t's clock.
func PartOf(t time.Time) TimeOfDay {
	switch h := t.Hour(); {
	case h >= 5 && h < 12:
		return Morning
	case h >= 12 && h < 17:
		return Afternoon
	case h >= 17 && h < 22:
		return Evening
	}
	return Night
}

// String returns "Morning", "Afternoon", "Evening" or "Night".
func (p TimeOfDay) String() string {
	switch p {
	case Morning:
		return "Morning"
	case Afternoon:
		return "Afternoon"
	case Evening:
		return "Evening"
	}
	return "Night"
}

// Hours returns the first hour of the part of the day and the hour it ends
// at, such as 5 and 12 for the morning, or 22 and 5 for the night.
func (p TimeOfDay) Hours() (from, to int) {
	switch p {
	case Morning:
		return 5, 12
	case Afternoon:
		return 12, 17
	case Evening:
		return 17, 22
	}
	return 22, 5
}

// phrase says when, in a sentence: "in the morning", "at night".
func (p TimeOfDay) phrase() string {
	if p == Night {
		return "at night"
	}
	return "in the " + strings.ToLower(p.String())
}

// Count is one group of entries and how many it holds.
type Count struct {
	// Key identifies the group: a Category, or a normalised What.
	Key string
	// Label is what to show: the category's label, or the spelling of
	// What used most often (the most recent one if tied).
	Label string
	// N is how many entries the group holds.
	N int
	// Last is when the group's latest trigger happened.
	Last time.Time
}

// Patterns are what the trigger log shows over a range of days.
type Patterns struct {
	// Total is how many entries fall in the range.
	Total int
	// Categories counts the entries with a category, by category, most
	// first (ties in display order). Categories with none are left out.
	Categories []Count
	// Common groups the entries by their normalised What, most first;
	// ties put the most recent first.
	Common []Count
	// TimesOfDay counts the entries by part of the day, indexed by
	// TimeOfDay.
	TimesOfDay [4]int
	// Weekdays counts the entries by day of the week, indexed by
	// time.Weekday (Sunday is 0); show them in the order of [Weekdays].
	Weekdays [7]int
	// Rated is how many entries have an intensity, and MeanIntensity
	// their average.
	Rated         int
	MeanIntensity float64
}

// PatternsOf returns the patterns in the entries es that happened from
// day from to day to, both included, each day read on the clock where the
// trigger happened. A zero from or to leaves that end open.
func PatternsOf(es []Entry, from, to civil.Date) Patterns {
	var p Patterns
	cats := map[Category]*Count{}
	type group struct {
		Count
		spellings map[string]int
		best      int
	}
	groups := map[string]*group{}
	var order []string
	intensity := 0
	for _, e := range es {
		d := civil.Of(e.When)
		if !from.IsZero() && d.Before(from) || !to.IsZero() && d.After(to) {
			continue
		}
		p.Total++
		p.TimesOfDay[PartOf(e.When)]++
		p.Weekdays[e.When.Weekday()]++
		if e.HasIntensity {
			p.Rated++
			intensity += e.Intensity
		}
		if e.Category.Known() {
			c := cats[e.Category]
			if c == nil {
				c = &Count{Key: string(e.Category), Label: e.Category.Label()}
				cats[e.Category] = c
			}
			c.N++
			if e.When.After(c.Last) {
				c.Last = e.When
			}
		}
		key := Normalize(e.What)
		if key == "" {
			continue
		}
		g := groups[key]
		if g == nil {
			g = &group{Count: Count{Key: key}, spellings: map[string]int{}}
			groups[key] = g
			order = append(order, key)
		}
		g.N++
		spelling := strings.Join(strings.Fields(e.What), " ")
		g.spellings[spelling]++
		if n := g.spellings[spelling]; n > g.best || n == g.best && !e.When.Before(g.Last) {
			g.best, g.Label = n, spelling
		}
		if e.When.After(g.Last) {
			g.Last = e.When
		}
	}
	if p.Rated > 0 {
		p.MeanIntensity = float64(intensity) / float64(p.Rated)
	}
	for _, c := range Categories() {
		if n := cats[c]; n != nil {
			p.Categories = append(p.Categories, *n)
		}
	}
	slices.SortStableFunc(p.Categories, func(a, b Count) int { return b.N - a.N })
	for _, k := range order {
		p.Common = append(p.Common, groups[k].Count)
	}
	slices.SortStableFunc(p.Common, func(a, b Count) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return b.Last.Compare(a.Last)
	})
	return p
}

// Lines returns the patterns in a few plain sentences, for the top of the
// patterns view and for screen readers. A pattern is only put into words
// when it stands out: a trigger or kind that came up at least twice, a
// part of the day or weekday with more entries than any other (among at
// least three).
func (p Patterns) Lines() []string {
	if p.Total == 0 {
		return []string{"No triggers logged in this time."}
	}
	lines := []string{fmt.Sprintf("%s logged in this time.", plural(p.Total, "trigger"))}
	if top := tied(p.Common); len(top) > 0 && top[0].N >= 2 {
		if len(top) == 1 {
			lines = append(lines, fmt.Sprintf("Came up most often: “%s”, %s.", top[0].Label, times(top[0].N)))
		} else {
			var labels []string
			for _, c := range top[:min(3, len(top))] {
				labels = append(labels, "“"+c.Label+"”")
			}
			lines = append(lines, fmt.Sprintf("Came up most often, %s each: %s.", times(top[0].N), strings.Join(labels, ", ")))
		}
	}
	if top := tied(p.Categories); len(top) == 1 && top[0].N >= 2 {
		lines = append(lines, fmt.Sprintf("The most common kind: %s (%d of %d).", lowerFirst(top[0].Label), top[0].N, p.Total))
	}
	if p.Total >= 3 {
		if i, ok := standout(p.TimesOfDay[:]); ok {
			lines = append(lines, fmt.Sprintf("Most came %s (%d of %d).", TimeOfDay(i).phrase(), p.TimesOfDay[i], p.Total))
		}
		if i, ok := standout(p.Weekdays[:]); ok && p.Weekdays[i] >= 2 {
			lines = append(lines, fmt.Sprintf("More came on %ss than on other days (%d of %d).", time.Weekday(i), p.Weekdays[i], p.Total))
		}
	}
	if p.Rated > 0 {
		lines = append(lines, fmt.Sprintf("Where you rated it, the intensity averaged %s out of 10.", number(p.MeanIntensity)))
	}
	return lines
}

// tied returns the leading counts that share the highest N.
func tied(cs []Count) []Count {
	n := 0
	for n < len(cs) && cs[n].N == cs[0].N {
		n++
	}
	return cs[:n]
}

// standout returns the index of the largest count if it is larger than
// every other.
func standout(ns []int) (int, bool) {
	best, second := 0, -1
	for i := 1; i < len(ns); i++ {
		switch {
		case ns[i] > ns[best]:
			best, second = i, best
		case second < 0 || ns[i] > ns[second]:
			second = i
		}
	}
	return best, ns[best] > 0 && (second < 0 || ns[best] > ns[second])
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

func number(x float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64), ".0")
}

// Normalize returns the form of a trigger's What that [PatternsOf] groups
// by: lower case without accents, apostrophes dropped inside words, any
// other punctuation and spacing reduced to single spaces, the words "a",
// "an" and "the" left out (unless nothing else is left), and simple
// English plurals made singular ("phones" → "phone", "messages" →
// "message", "parties" → "party", "watches" → "watch"). It returns "" for
// text with no letters or digits.
func Normalize(s string) string {
	var words []string
	var w []byte
	flush := func() {
		if len(w) > 0 {
			words = append(words, singular(string(w)))
			w = w[:0]
		}
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = fold.AppendRune(w, r)
		case fold.IsMark(r):
		case isApostrophe(r) && len(w) > 0 && letterAt(s, i+utf8.RuneLen(r)):
		default:
			flush()
		}
	}
	flush()
	kept := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "a" || w == "an" || w == "the" })
	if len(kept) == 0 {
		kept = words
	}
	return strings.Join(kept, " ")
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// singular undoes simple English plurals in a folded word.
func singular(w string) string {
	if len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}
