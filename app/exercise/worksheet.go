package exercise

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"kintsugi/app/civil"
	"kintsugi/app/userdata"
)

// State says whether a worksheet is still being written.
type State string

// The states. A new worksheet is a Draft; the person marks it Finished when
// it is ready to read back or print, and may reopen it as a Draft.
const (
	Draft    State = "draft"
	Finished State = "finished"
)

// Limits on a worksheet, enforced by [Worksheet.Validate]. Lengths are in
// characters (runes), so that a form's maxlength can use the same numbers.
const (
	// MaxTitle is the longest Title.
	MaxTitle = 200
	// MaxText is the longest Field.Text: room for a long reflection.
	MaxText = 10000
	// MaxItemText is the longest Item.Text.
	MaxItemText = 1000
	// MaxNote is the longest Item.Note.
	MaxNote = 4000
	// MaxFields is the most fields a worksheet may hold.
	MaxFields = 60
	// MaxItems is the most items one field may hold.
	MaxItems = 400
	// MaxMarks is the most marks or choices one item may carry.
	MaxMarks = 8
	// MaxName is the longest field name, suggestion ref, mark or choice.
	MaxName = 40
	// MaxBytes is the most bytes of text a worksheet may hold in all,
	// which keeps its record well under userdata.MaxDataSize.
	MaxBytes = 192 << 10
)

// Worksheet is one saved exercise: what a person wrote in it, in order.
// Its ID, Created and Updated are those of the record it is stored in.
type Worksheet struct {
	// Slug names the exercise; see [Known].
	Slug string `json:"slug"`
	// ID identifies the worksheet among all exercise records.
	ID string `json:"-"`
	// Created is when the worksheet was begun; lists are ordered by it.
	Created time.Time `json:"-"`
	// Updated is when it was last saved.
	Updated time.Time `json:"-"`
	// State is Draft or Finished.
	State State `json:"state"`
	// Title is an optional name the person gave it, for the list.
	Title string `json:"title,omitempty"`
	// Fields are the answers, one per step that saves something, in the
	// order they were first written.
	Fields []Field `json:"fields"`
}

// Field is the answer to one step: a text, a list of items, or both.
type Field struct {
	// Name is the step's name in the exercise's [Definition].
	Name string `json:"name"`
	// Text is a written answer; for a Choice step the option's ID, for a
	// Date step a date written as 2006-01-02.
	Text string `json:"text,omitempty"`
	// Items are the entries of a List or Checklist step.
	Items []Item `json:"items,omitempty"`
}

// Item is one entry in a list: a question, an agreement item, a small
// daily choice, a person on the walls-and-windows map.
type Item struct {
	// Ref is the ID of the suggestion the item came from, or "" for one
	// the person wrote. A ticked checklist suggestion is an item with its
	// Ref.
	Ref string `json:"ref,omitempty"`
	// Text is the item itself.
	Text string `json:"text"`
	// Note is an optional note on it: an answer, how it went.
	Note string `json:"note,omitempty"`
	// Date is the day the item is about, if any.
	Date civil.Date `json:"date,omitzero"`
	// Marks are the IDs of the step's marks that are set, such as "asked".
	Marks []string `json:"marks,omitempty"`
	// Choices maps a choice's name, such as "who", to the ID of the
	// option picked, such as "both".
	Choices map[string]string `json:"choices,omitempty"`
}

// Has reports whether the mark is set on it.
func (it Item) Has(mark string) bool { return slices.Contains(it.Marks, mark) }

// WithMark returns a copy of it with the mark set or cleared.
func (it Item) WithMark(mark string, on bool) Item {
	marks := slices.DeleteFunc(slices.Clone(it.Marks), func(m string) bool { return m == mark })
	if on {
		marks = append(marks, mark)
	}
	if len(marks) == 0 {
		marks = nil
	}
	it.Marks = marks
	return it
}

// WithChoice returns a copy of it with the named choice set to option, or
// cleared if option is "".
func (it Item) WithChoice(name, option string) Item {
	choices := make(map[string]string, len(it.Choices)+1)
	for k, v := range it.Choices {
		choices[k] = v
	}
	if option == "" {
		delete(choices, name)
	} else {
		choices[name] = option
	}
	if len(choices) == 0 {
		choices = nil
	}
	it.Choices = choices
	return it
}

// New returns an empty draft of the exercise slug, with a new ID and
// Created and Updated set to now. It returns an error wrapping
// userdata.ErrInvalid if the slug is not a worksheet exercise.
func New(slug string, now time.Time) (Worksheet, error) {
	if !Known(slug) {
		return Worksheet{}, invalid("", "slug", fmt.Sprintf("unknown exercise %q", slug))
	}
	return Worksheet{Slug: slug, ID: userdata.NewID(), Created: now, Updated: now, State: Draft}, nil
}

// Clone returns a deep copy of w, so that an edit to one leaves the other
// alone.
func (w Worksheet) Clone() Worksheet {
	w.Fields = slices.Clone(w.Fields)
	for i, f := range w.Fields {
		w.Fields[i].Items = cloneItems(f.Items)
	}
	return w
}

func cloneItems(items []Item) []Item {
	items = slices.Clone(items)
	for i, it := range items {
		items[i].Marks = slices.Clone(it.Marks)
		if it.Choices != nil {
			m := make(map[string]string, len(it.Choices))
			for k, v := range it.Choices {
				m[k] = v
			}
			items[i].Choices = m
		}
	}
	return items
}

// Field returns the field with the given name, if there is one.
func (w Worksheet) Field(name string) (Field, bool) {
	for _, f := range w.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Text returns the text of the named field, or "".
func (w Worksheet) Text(name string) string {
	f, _ := w.Field(name)
	return f.Text
}

// Items returns the items of the named field, or nil.
func (w Worksheet) Items(name string) []Item {
	f, _ := w.Field(name)
	return f.Items
}

// SetText sets the text of the named field, adding the field if needed.
func (w *Worksheet) SetText(name, text string) {
	w.field(name).Text = text
}

// SetItems sets the items of the named field, adding the field if needed.
func (w *Worksheet) SetItems(name string, items []Item) {
	w.field(name).Items = items
}

// field returns a pointer to the named field, appending it if it is new.
// Fields are copied first, so a Worksheet copied by value is never
// changed through this one.
func (w *Worksheet) field(name string) *Field {
	w.Fields = slices.Clone(w.Fields)
	for i := range w.Fields {
		if w.Fields[i].Name == name {
			return &w.Fields[i]
		}
	}
	w.Fields = append(w.Fields, Field{Name: name})
	return &w.Fields[len(w.Fields)-1]
}

// Empty reports whether nothing has been written: no title, no text and no
// items.
func (w Worksheet) Empty() bool {
	if strings.TrimSpace(w.Title) != "" {
		return false
	}
	for _, f := range w.Fields {
		if strings.TrimSpace(f.Text) != "" || len(f.Items) > 0 {
			return false
		}
	}
	return true
}

// Summary returns a short line to show in a list of past worksheets: the
// title if there is one, or else the start of the first text written,
// cut at a word to at most max characters with "…" added.
func (w Worksheet) Summary(max int) string {
	s := strings.TrimSpace(w.Title)
	if s == "" {
		d, _ := Find(w.Slug)
		for _, f := range w.Fields {
			if st, ok := d.Step(f.Name); ok && (st.Input == Choice || st.Input == Date) {
				continue // an option ID or a date says little on its own
			}
			if t := strings.TrimSpace(f.Text); t != "" {
				s = t
				break
			}
			if len(f.Items) > 0 {
				s = strings.TrimSpace(f.Items[0].Text)
				break
			}
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	if max <= 0 || utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

// Again returns a new draft that starts from w: same exercise and title,
// the same texts and items, but with a new ID, Created and Updated set to
// now, every mark cleared and every dated item (a past day's log entry, a
// past review) left out. It suits a self-care plan for a new month, or an
// agreement written afresh after a review.
func (w Worksheet) Again(now time.Time) Worksheet {
	w = w.Clone()
	w.ID = userdata.NewID()
	w.Created, w.Updated = now, now
	w.State = Draft
	for i, f := range w.Fields {
		items := f.Items[:0]
		for _, it := range f.Items {
			if !it.Date.IsZero() {
				continue
			}
			it.Marks = nil
			items = append(items, it)
		}
		if len(items) == 0 {
			items = nil
		}
		w.Fields[i].Items = items
	}
	return w
}

// Validate reports whether w may be saved. It returns nil or an error
// wrapping userdata.ErrInvalid. A valid worksheet has a known slug, a
// valid record ID, a known state, at most [MaxFields] fields with
// distinct well-formed names, and texts, items, marks, choices and dates
// within the limits above. Field names need not be steps of the current
// definition: a field written by an older or newer version of the app is
// kept, not rejected.
func (w Worksheet) Validate() error {
	bad := func(field, problem string) error { return invalid(w.ID, field, problem) }
	if !Known(w.Slug) {
		return bad("slug", fmt.Sprintf("unknown exercise %q", w.Slug))
	}
	if !userdata.ValidID(w.ID) {
		return bad("id", fmt.Sprintf("%q is not a valid record ID", w.ID))
	}
	if w.State != Draft && w.State != Finished {
		return bad("state", fmt.Sprintf("unknown state %q", w.State))
	}
	if p := checkText(w.Title, MaxTitle); p != "" {
		return bad("title", p)
	}
	if len(w.Fields) > MaxFields {
		return bad("fields", fmt.Sprintf("%d fields, more than %d", len(w.Fields), MaxFields))
	}
	total := len(w.Title)
	seen := make(map[string]bool, len(w.Fields))
	for i, f := range w.Fields {
		where := fmt.Sprintf("fields[%d]", i)
		if !isName(f.Name) {
			return bad(where+".name", fmt.Sprintf("%q is not a lower-case name", f.Name))
		}
		if seen[f.Name] {
			return bad(where+".name", fmt.Sprintf("%q appears twice", f.Name))
		}
		seen[f.Name] = true
		if p := checkText(f.Text, MaxText); p != "" {
			return bad(where+".text", p)
		}
		if len(f.Items) > MaxItems {
			return bad(where+".items", fmt.Sprintf("%d items, more than %d", len(f.Items), MaxItems))
		}
		total += len(f.Text)
		for j, it := range f.Items {
			if p := checkItem(it); p != "" {
				return bad(fmt.Sprintf("%s.items[%d]", where, j), p)
			}
			total += len(it.Text) + len(it.Note)
		}
	}
	if total > MaxBytes {
		return bad("fields", fmt.Sprintf("%d bytes of text, more than %d", total, MaxBytes))
	}
	return nil
}

func checkItem(it Item) string {
	if it.Ref != "" && !isName(it.Ref) {
		return fmt.Sprintf("ref %q is not a lower-case name", it.Ref)
	}
	if p := checkText(it.Text, MaxItemText); p != "" {
		return "text: " + p
	}
	if p := checkText(it.Note, MaxNote); p != "" {
		return "note: " + p
	}
	if !it.Date.IsZero() {
		if !it.Date.Valid() || it.Date.Year < 1900 || it.Date.Year >= 2200 {
			return fmt.Sprintf("date %v is not a real day between 1900 and 2199", it.Date)
		}
	}
	if len(it.Marks) > MaxMarks || len(it.Choices) > MaxMarks {
		return fmt.Sprintf("more than %d marks or choices", MaxMarks)
	}
	for i, m := range it.Marks {
		if !isName(m) {
			return fmt.Sprintf("mark %q is not a lower-case name", m)
		}
		if slices.Contains(it.Marks[:i], m) {
			return fmt.Sprintf("mark %q appears twice", m)
		}
	}
	for k, v := range it.Choices {
		if !isName(k) || !isName(v) {
			return fmt.Sprintf("choice %q=%q is not two lower-case names", k, v)
		}
	}
	return ""
}

// checkText reports what is wrong with s as a text of at most max
// characters, or "".
func checkText(s string, max int) string {
	switch {
	case !utf8.ValidString(s):
		return "not valid UTF-8"
	case utf8.RuneCountInString(s) > max:
		return fmt.Sprintf("%d characters, more than %d", utf8.RuneCountInString(s), max)
	}
	return ""
}

// isName reports whether s is a name: 1 to MaxName bytes of lower-case
// ASCII letters, digits and single hyphens inside, such as "review-date".
func isName(s string) bool {
	if s == "" || len(s) > MaxName || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func invalid(id, field, problem string) error {
	return &userdata.InvalidError{Kind: userdata.KindExercise, ID: id, Field: field, Problem: problem}
}
