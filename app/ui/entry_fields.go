package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/civil"
	"kintsugi/app/userdata"
)

// Helpers for the forms of the journal and the trigger log.
//
// Text fields are never bound to a value that changes as the user types:
// go-app would write an older value back over newer keystrokes. The pages
// keep what is typed (read in OnInput) and put values into the fields
// themselves, with putFieldValue, when a form is first shown, loaded or
// emptied.

// putFieldValue sets the value of the form control with id. With gently,
// it fills the control only if it is empty, which is how a field left
// empty by a re-render (after an unlock) gets its text back without
// disturbing one the user is typing in.
func putFieldValue(id, v string, gently bool) {
	if !app.IsClient {
		return
	}
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	cur := el.Get("value").String()
	if cur == v || gently && cur != "" {
		return
	}
	el.Set("value", v)
}

// fieldValue returns the value of the form control with id, and false if
// there is no such control (on the server, or before it is rendered).
func fieldValue(id string) (string, bool) {
	if !app.IsClient {
		return "", false
	}
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return "", false
	}
	return el.Get("value").String(), true
}

// fieldProblems are the problems of a form's fields, by the stored field
// name a validation error gives (see userdata.InvalidError).
type fieldProblems map[string]string

// problemOf returns the field and problem of a validation error, or false
// if err is not one.
func problemOf(err error) (field, problem string, ok bool) {
	ie, ok := errors.AsType[*userdata.InvalidError](err)
	if !ok || ie.Problem == "" {
		return "", "", false
	}
	return ie.Field, sentence(ie.Problem), true
}

// sentence makes a phrase such as "please write something here" a
// sentence: a capital first letter and a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

// problemNote is the problem shown beside a form control, if it has one.
// The control names it with aria-describedby (see describedBy).
func problemNote(id, problem string) app.UI {
	if problem == "" {
		return nil
	}
	return paraClass("field-problem", problem).ID(id + "-problem")
}

// problemSlot holds the problem shown beside a form control, if it has
// one (see problemNote). The slot is always there, so that a problem
// coming or going never shifts the controls after it: go-app matches
// children by position, and would put new, empty controls in place of the
// ones being typed in.
func problemSlot(id, problem string) app.UI {
	return app.Div().Class("problem-slot").Body(problemNote(id, problem))
}

// describedBy returns the aria-describedby value of a control with
// optional hint and problem texts.
func describedBy(id string, hint bool, problem string) string {
	var ids []string
	if problem != "" {
		ids = append(ids, id+"-problem")
	}
	if hint {
		ids = append(ids, id+"-hint")
	}
	return strings.Join(ids, " ")
}

// longDay writes a day for people: "Wednesday 25 March 2026".
func longDay(d civil.Date) string {
	if d.IsZero() || !d.Valid() {
		return ""
	}
	return d.In(time.UTC).Format("Monday 2 January 2006")
}

// shortDay writes a day briefly: "Wed 25 Mar 2026".
func shortDay(d civil.Date) string {
	if d.IsZero() || !d.Valid() {
		return ""
	}
	return d.In(time.UTC).Format("Mon 2 Jan 2006")
}

// today is the day it is on this device's clock.
func today() civil.Date { return civil.Of(now()) }

// countText writes a count with its noun: "1 entry", "2,000 entries".
func countText(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupDigits(n) + " " + many
}

// groupDigits writes n with commas between groups of three digits.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// excerpt returns the start of text on one line: white space runs become
// single spaces, and text longer than max characters is cut at the last
// word boundary before it, with "…".
func excerpt(text string, max int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	cut, n := len(text), 0
	for i := range text {
		if n == max {
			cut = i
			break
		}
		n++
	}
	short := text[:cut]
	if sp := strings.LastIndexByte(short, ' '); sp > 0 && sp >= len(short)/2 {
		short = short[:sp]
	}
	return strings.TrimRightFunc(short, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '?' && r != '!' }) + "…"
}

// paragraphs splits text at blank lines into paragraphs, without the
// white space around them. Single line breaks stay inside a paragraph.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimRightFunc(line, unicode.IsSpace))
	}
	flush()
	return out
}
