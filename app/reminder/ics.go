package reminder

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kintsugi/app/civil"
)

// MediaType is the calendar file's media type, for a download link's
// Blob.
const MediaType = "text/calendar;charset=utf-8"

// The event's titles: the plain one, and the neutral one for discreet mode,
// which says nothing about what the app is for.
const (
	Title         = "Kintsugi weekly check-in"
	DiscreetTitle = "Notes"
)

// description is the event's text outside discreet mode.
const description = "Time for your weekly check-in: how each of you is doing, one appreciation, " +
	"one thing that was hard, one request, and the next step. Open Kintsugi whenever you are both ready."

// Filename returns the name to save the calendar file under.
func Filename(discreet bool) string {
	if discreet {
		return "notes.ics"
	}
	return "kintsugi-weekly-check-in.ics"
}

// File returns a calendar file (RFC 5545) holding one event that repeats
// every week in slot s, starting on the first slot day on or after now's
// date, with an alarm when it starts. It is stamped with now (DTSTAMP) and
// uses s.ID as its UID.
//
// In discreet mode the title is [DiscreetTitle] and nothing in the file
// names the app or what it is for, except the user's own note. Otherwise
// the title is [Title] and a description lists the check-in's steps.
//
// A slot in a named zone gets a VTIMEZONE built from Go's time zone data
// for the year of its first event (its daylight-saving rule as a yearly
// rule, by month and nth or last weekday); File returns an error if the
// zone cannot be loaded (see the package documentation). A floating slot
// needs no zone data.
//
// Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
// character; text is escaped as RFC 5545 requires.
func File(s Slot, now time.Time, discreet bool) ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	loc, err := s.location(now.Location())
	if err != nil {
		return nil, err
	}
	day := civil.Of(now.In(loc))
	for day.Weekday() != s.Weekday {
		day = day.AddDays(1)
	}
	start := time.Date(day.Year, day.Month, day.Day, s.Hour, s.Minute, 0, 0, loc)

	var w writer
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	if discreet {
		w.line("PRODID:-//Notes//EN")
	} else {
		w.line("PRODID:-//Kintsugi//Weekly check-in//EN")
	}
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	dtstart := "DTSTART:" + start.Format(localFormat)
	if s.Zone != "" {
		w.timezone(s.Zone, loc, day.Year)
		dtstart = "DTSTART;TZID=" + s.Zone + ":" + start.Format(localFormat)
	}
	title, desc := Title, description
	if discreet {
		title, desc = DiscreetTitle, ""
	}
	if s.Note != "" {
		if desc != "" {
			desc += "\n\n"
		}
		desc += s.Note
	}
	w.line("BEGIN:VEVENT")
	w.line("UID:" + s.ID)
	w.line("DTSTAMP:" + now.UTC().Format("20060102T150405Z"))
	w.line(dtstart)
	w.line("DURATION:" + duration(s.Duration))
	w.line("RRULE:FREQ=WEEKLY;BYDAY=" + byday[s.Weekday])
	w.line("SUMMARY:" + escape(title))
	if desc != "" {
		w.line("DESCRIPTION:" + escape(desc))
	}
	w.line("BEGIN:VALARM")
	w.line("ACTION:DISPLAY")
	w.line("DESCRIPTION:" + escape(title))
	w.line("TRIGGER:PT0S")
	w.line("END:VALARM")
	w.line("END:VEVENT")
	w.line("END:VCALENDAR")
	return []byte(w.String()), nil
}

// localFormat writes a local date-time, as DTSTART with a TZID or floating.
const localFormat = "20060102T150405"

// byday names the weekdays as RRULE's BYDAY does, indexed by time.Weekday.
var byday = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// duration writes d, whole minutes, as an RFC 5545 duration: PT1H30M.
func duration(d time.Duration) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	s := "PT"
	if h > 0 {
		s += fmt.Sprintf("%dH", h)
	}
	if m > 0 || h == 0 {
		s += fmt.Sprintf("%dM", m)
	}
	return s
}

// escape escapes s as an RFC 5545 TEXT value: backslash, semicolon and
// comma get a backslash, a line break becomes \n, and other control
// characters are dropped.
func escape(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < ' ' && r != '\t' || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writer builds a calendar file line by line.
type writer struct {
	strings.Builder
}

// maxLine is the most octets in a line, not counting its CRLF.
const maxLine = 75

// line writes one content line, folded: a line longer than maxLine octets
// continues on the next after CRLF and one space, and the space counts
// towards that line's length. A fold never splits a UTF-8 character.
func (w *writer) line(s string) {
	limit := maxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLine - 1
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}

// timezone writes a VTIMEZONE for loc, named name, for events from year
// on. If the zone changed its clocks twice in the year before and twice in
// year, on the same rule, each change becomes a yearly rule by month and
// weekday (the nth weekday of the month, or the last if the change falls
// in the month's last seven days), starting the year before so that it
// covers the first event. A zone without changes gets a single STANDARD.
// Any other pattern gets each change from the year before to two years
// after, as it happens.
func (w *writer) timezone(name string, loc *time.Location, year int) {
	w.line("BEGIN:VTIMEZONE")
	w.line("TZID:" + name)
	defer w.line("END:VTIMEZONE")

	prev, this := zoneChanges(loc, year-1, year), zoneChanges(loc, year, year+1)
	if len(prev) == 2 && len(this) == 2 && rule(prev[0]) == rule(this[0]) && rule(prev[1]) == rule(this[1]) {
		for _, c := range prev {
			w.change(c, rule(c))
		}
		return
	}
	first := time.Date(year-1, time.January, 1, 0, 0, 0, 0, loc)
	abbr, off := first.Zone()
	w.observance("STANDARD", "19700101T000000", off, off, abbr, "")
	for _, c := range zoneChanges(loc, year-1, year+3) {
		w.change(c, "")
	}
}

// zoneChanges returns the moments loc's offset or name changes from the
// start of year from up to the start of year to.
func zoneChanges(loc *time.Location, from, to int) []time.Time {
	start := time.Date(from, time.January, 1, 0, 0, 0, 0, loc)
	end := time.Date(to, time.January, 1, 0, 0, 0, 0, loc)
	var out []time.Time
	for t := start; ; {
		_, next := t.ZoneBounds()
		if next.IsZero() || !next.Before(end) {
			return out
		}
		out = append(out, next)
		t = next
	}
}

// local returns the wall clock just before the change at c.
func local(c time.Time) time.Time {
	_, before := c.Add(-time.Second).Zone()
	return c.In(time.FixedZone("", before))
}

// rule returns the yearly RRULE that gives the change at c.
func rule(c time.Time) string {
	d := civil.Of(local(c))
	n := fmt.Sprint((d.Day-1)/7 + 1)
	if d.AddDays(7).Month != d.Month {
		n = "-1"
	}
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s%s", int(d.Month), n, byday[d.Weekday()])
}

// change writes the change of offset at c as an observance, repeating by
// rule if it is not "".
func (w *writer) change(c time.Time, rule string) {
	_, before := c.Add(-time.Second).Zone()
	abbr, after := c.Zone()
	kind := "STANDARD"
	if c.IsDST() {
		kind = "DAYLIGHT"
	}
	w.observance(kind, local(c).Format(localFormat), before, after, abbr, rule)
}

// observance writes one STANDARD or DAYLIGHT part of a VTIMEZONE.
func (w *writer) observance(kind, start string, from, to int, abbr, rule string) {
	w.line("BEGIN:" + kind)
	w.line("DTSTART:" + start)
	w.line("TZOFFSETFROM:" + offset(from))
	w.line("TZOFFSETTO:" + offset(to))
	if abbr != "" {
		w.line("TZNAME:" + escape(abbr))
	}
	if rule != "" {
		w.line("RRULE:" + rule)
	}
	w.line("END:" + kind)
}

// offset writes a UTC offset in seconds as RFC 5545 does: +0100, -0430,
// or +005328 with seconds.
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	s := fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
