// Package triggers is the trigger log: moments when something brought the
// pain back, what happened, where, how the person reacted, what helped and
// how strong it was, and the patterns ([PatternsOf]) that show over time:
// the most common triggers, and when in the day and week they come.
//
// # Making counts meaningful
//
// Free text rarely repeats word for word, so an entry has two ways to be
// counted. An optional [Category] from a short fixed list groups entries by
// kind ("a place", "a phone, message or social media"). And What, a few
// words about what happened, is grouped after [Normalize] folds away case,
// accents, punctuation, spacing, "a"/"an"/"the" and simple plurals, so
// "The phone buzzing", "phone buzzing." and "Phones buzzing" count as one.
// The UI can help people reuse their own words by offering earlier Whats
// (Patterns.Common, over all entries) as suggestions.
//
// # Storage
//
// An [Entry] is stored as a [userdata.KindTrigger] record with a random ID
// whose Date is When, with its zone offset, so that the hour and weekday
// read back are the ones on the clock where it happened. Its data is
//
//	{"category":"phone","what":"…","where":"…","reaction":"…","helped":"…","intensity":7}
//
// [Entry.Validate] returns an [*userdata.InvalidError] whose Field is
// "when" or one of those JSON names and whose Problem is a short plain
// phrase to show beside the control.
package triggers

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"kintsugi/app/entry"
	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

// Category is a kind of trigger, chosen from a short list. The empty
// Category means none was chosen. It is stored, so never rename one.
type Category string

// The categories, in display order.
const (
	Place    Category = "place"
	Date     Category = "date"
	Media    Category = "media"
	Phone    Category = "phone"
	Person   Category = "person"
	Words    Category = "words"
	Apart    Category = "apart"
	Intimacy Category = "intimacy"
	Memory   Category = "memory"
	Other    Category = "other"
)

var categories = []struct {
	c     Category
	label string
}{
	{Place, "A place"},
	{Date, "A date or time of year"},
	{Media, "A song, film, show or story"},
	{Phone, "A phone, message or social media"},
	{Person, "A person, or someone like them"},
	{Words, "Something said, or how it was said"},
	{Apart, "Time apart, or not hearing back"},
	{Intimacy, "Closeness or intimacy"},
	{Memory, "A memory or image that came back"},
	{Other, "Something else"},
}

// Categories returns every category, in display order.
func Categories() []Category {
	out := make([]Category, len(categories))
	for i, c := range categories {
		out[i] = c.c
	}
	return out
}

// Known reports whether c is one of [Categories].
func (c Category) Known() bool { return c.Label() != "" }

// Label returns the category's text for a picker, such as "A place", or ""
// for an unknown category.
func (c Category) Label() string {
	for _, k := range categories {
		if k.c == c {
			return k.label
		}
	}
	return ""
}

// Limits on an entry, in characters (Unicode code points).
const (
	// MaxWhat is the longest What: a few words, a short sentence.
	MaxWhat = 200
	// MaxWhere is the longest Where.
	MaxWhere = 200
	// MaxText is the longest Reaction or Helped.
	MaxText = 2000
	// MaxIntensity is the strongest intensity; the weakest is 0.
	MaxIntensity = 10
)

// Entry is one logged trigger.
type Entry struct {
	// ID identifies the entry; see [New].
	ID string
	// When is when it happened, on the clock where it happened; it is
	// required.
	When time.Time
	// Category is optional.
	Category Category
	// What says in a few words what happened; it is required.
	What string
	// Where is optional.
	Where string
	// Reaction is how the person reacted, in body, feelings or actions;
	// optional.
	Reaction string
	// Helped is what helped, if anything; optional.
	Helped string
	// Intensity is how strong it was, from 0 to MaxIntensity; it counts
	// only if HasIntensity is true, which lets a slider stay untouched.
	Intensity    int
	HasIntensity bool
	// Created and Updated are when the entry was first and last saved.
	// FromRecord sets them; ToRecord keeps Created and sets Updated.
	Created time.Time
	Updated time.Time
}

// New returns an empty entry for a trigger at when, with a new random ID.
func New(when time.Time) Entry {
	return Entry{ID: userdata.NewID(), When: when}
}

// Validate reports whether e may be saved. It returns nil or an
// [*userdata.InvalidError] for the first problem found.
func (e Entry) Validate() error {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: userdata.KindTrigger, ID: e.ID, Field: field, Problem: problem}
	}
	if !userdata.ValidID(e.ID) {
		return bad("id", "is missing or malformed")
	}
	switch {
	case e.When.IsZero():
		return bad("when", "choose when it happened")
	case e.When.Before(userdata.MinTime) || !e.When.Before(userdata.MaxTime):
		return bad("when", fmt.Sprintf("choose a time between %d and %d", userdata.MinTime.Year(), userdata.MaxTime.Year()-1))
	}
	if e.Category != "" && !e.Category.Known() {
		return bad("category", "choose one of the kinds on the list, or none")
	}
	for _, f := range []struct {
		field, s string
		limit    int
		required bool
	}{
		{"what", e.What, MaxWhat, true},
		{"where", e.Where, MaxWhere, false},
		{"reaction", e.Reaction, MaxText, false},
		{"helped", e.Helped, MaxText, false},
	} {
		if p := entry.TextProblem(f.s, f.limit, f.required); p != "" {
			return bad(f.field, p)
		}
	}
	if e.HasIntensity && (e.Intensity < 0 || e.Intensity > MaxIntensity) {
		return bad("intensity", fmt.Sprintf("choose a number from 0 to %d", MaxIntensity))
	}
	return nil
}

// data is the stored form of an entry's fields.
type data struct {
	Category  Category `json:"category,omitempty"`
	What      string   `json:"what"`
	Where     string   `json:"where,omitempty"`
	Reaction  string   `json:"reaction,omitempty"`
	Helped    string   `json:"helped,omitempty"`
	Intensity *int     `json:"intensity,omitempty"`
}

// ToRecord returns e as a record, validated, last updated at now. It keeps
// e.Created if set and uses now otherwise.
func (e Entry) ToRecord(now time.Time) (userdata.Record, error) {
	if err := e.Validate(); err != nil {
		return userdata.Record{}, err
	}
	d := data{Category: e.Category, What: e.What, Where: e.Where, Reaction: e.Reaction, Helped: e.Helped}
	if e.HasIntensity {
		d.Intensity = &e.Intensity
	}
	r, err := userdata.New(userdata.KindTrigger, e.ID, e.When, d, now)
	if err != nil {
		return userdata.Record{}, err
	}
	if !e.Created.IsZero() && !e.Created.After(now) {
		r.Created = e.Created
	}
	return r, nil
}

// FromRecord returns the entry r holds. It returns an error wrapping
// [userdata.ErrInvalid] if r is not a trigger record, its data cannot be
// read, or the entry it holds is invalid.
func FromRecord(r userdata.Record) (Entry, error) {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: field, Problem: problem}
	}
	if r.Kind != userdata.KindTrigger {
		return Entry{}, bad("kind", "not a trigger")
	}
	var d data
	if err := json.Unmarshal(r.Data, &d); err != nil {
		return Entry{}, bad("data", err.Error())
	}
	e := Entry{
		ID: r.ID, When: r.Date, Category: d.Category, What: d.What, Where: d.Where,
		Reaction: d.Reaction, Helped: d.Helped, Created: r.Created, Updated: r.Updated,
	}
	if d.Intensity != nil {
		e.Intensity, e.HasIntensity = *d.Intensity, true
	}
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// Compare orders entries by when they happened, then by ID, for use with
// slices.SortFunc. Reverse it for newest first.
func Compare(a, b Entry) int {
	if c := a.When.Compare(b.When); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Save validates e and writes it to s, last updated at now, and returns it
// as saved, with Created and Updated set.
func Save(ctx context.Context, s userdata.Store, e Entry, now time.Time) (Entry, error) {
	r, err := e.ToRecord(now)
	if err != nil {
		return Entry{}, err
	}
	if err := s.Put(ctx, r); err != nil {
		return Entry{}, fmt.Errorf("save trigger: %w", err)
	}
	e.Created, e.Updated = r.Created, r.Updated
	return e, nil
}

// List returns every logged trigger, ordered by [Compare]. A record that
// cannot be read is left out, and List then also returns an error wrapping
// [userdata.ErrInvalid] that says how many, alongside the entries that
// could be read.
func List(ctx context.Context, s userdata.Store) ([]Entry, error) {
	recs, err := s.List(ctx, userdata.KindTrigger, userdata.Query{})
	if err != nil {
		return nil, fmt.Errorf("list triggers: %w", err)
	}
	out, err := entry.ReadAll(recs, FromRecord, "triggers")
	order.Sort(out, Compare)
	return out, err
}
