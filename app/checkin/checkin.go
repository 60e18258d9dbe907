// Package checkin is the quick daily check-in: how safe, how trusting and
// how connected someone feels today, each from 0 to 10, with an optional
// note and feelings. It takes a minute. Any number of check-ins may share a
// day, and days without one are normal: nothing here counts streaks.
//
// A [CheckIn] is stored as a [userdata.KindCheckin] record whose ID is
// random ([userdata.NewID]) and whose Date is the check-in's day at
// midnight UTC, so that lists order by day whatever the device's time
// zone. The ratings, note and feelings are the record's data:
//
//	{"safety":6,"trust":4,"connection":5,"note":"…","feelings":["hurt","hopeful"]}
//
// [CheckIn.Validate] returns an [*userdata.InvalidError] whose Field is the
// JSON name above (or "day" or "id") and whose Problem is a short phrase in
// plain words, such as "choose a number from 0 to 10", that the UI can show
// beside the matching control.
package checkin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/entry"
	"kintsugi/app/feelings"
	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

// The bounds of a check-in.
const (
	// MinRating and MaxRating bound Safety, Trust and Connection.
	MinRating = 0
	MaxRating = 10
	// MaxNote is the longest note, in characters (Unicode code points).
	// An HTML maxlength of MaxNote never lets through more, because it
	// counts UTF-16 units, of which a character has one or two.
	MaxNote = 1000
)

// CheckIn is one check-in.
type CheckIn struct {
	// ID identifies the check-in; see [New].
	ID string
	// Day is the day the check-in is about; it is required.
	Day civil.Date
	// Safety, Trust and Connection are ratings from MinRating to
	// MaxRating; all three are required.
	Safety     int
	Trust      int
	Connection int
	// Note is optional free text of at most MaxNote characters.
	Note string
	// Feelings are optional, at most feelings.Max, from the fixed list.
	Feelings []feelings.Feeling
	// Created and Updated are when the check-in was first and last saved.
	// FromRecord sets them; ToRecord keeps Created and sets Updated.
	Created time.Time
	Updated time.Time
}

// New returns an empty check-in about day with a new random ID. Its
// ratings start at 0; the form sets them.
func New(day civil.Date) CheckIn {
	return CheckIn{ID: userdata.NewID(), Day: day}
}

// data is the stored form of a check-in's fields. The ratings are
// pointers so that a missing one is noticed rather than read as 0.
type data struct {
	Safety     *int               `json:"safety"`
	Trust      *int               `json:"trust"`
	Connection *int               `json:"connection"`
	Note       string             `json:"note,omitempty"`
	Feelings   []feelings.Feeling `json:"feelings,omitempty"`
}

// Validate reports whether c may be saved. It returns nil or an
// [*userdata.InvalidError] for the first problem found; see the package
// documentation.
func (c CheckIn) Validate() error {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: userdata.KindCheckin, ID: c.ID, Field: field, Problem: problem}
	}
	if !userdata.ValidID(c.ID) {
		return bad("id", "is missing or malformed")
	}
	if p := entry.DayProblem(c.Day); p != "" {
		return bad("day", p)
	}
	for _, r := range []struct {
		field string
		v     int
	}{{"safety", c.Safety}, {"trust", c.Trust}, {"connection", c.Connection}} {
		if r.v < MinRating || r.v > MaxRating {
			return bad(r.field, fmt.Sprintf("choose a number from %d to %d", MinRating, MaxRating))
		}
	}
	if p := entry.TextProblem(c.Note, MaxNote, false); p != "" {
		return bad("note", p)
	}
	if p := feelings.Check(c.Feelings); p != "" {
		return bad("feelings", p)
	}
	return nil
}

// ToRecord returns c as a record, validated, last updated at now. It keeps
// c.Created if set and uses now otherwise.
func (c CheckIn) ToRecord(now time.Time) (userdata.Record, error) {
	if err := c.Validate(); err != nil {
		return userdata.Record{}, err
	}
	d := data{Safety: &c.Safety, Trust: &c.Trust, Connection: &c.Connection, Note: c.Note, Feelings: c.Feelings}
	r, err := userdata.New(userdata.KindCheckin, c.ID, c.Day.In(time.UTC), d, now)
	if err != nil {
		return userdata.Record{}, err
	}
	if !c.Created.IsZero() && !c.Created.After(now) {
		r.Created = c.Created
	}
	return r, nil
}

// FromRecord returns the check-in r holds. It returns an error wrapping
// [userdata.ErrInvalid] if r is not a check-in record, its data cannot be
// read, or the check-in it holds is invalid.
func FromRecord(r userdata.Record) (CheckIn, error) {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: field, Problem: problem}
	}
	if r.Kind != userdata.KindCheckin {
		return CheckIn{}, bad("kind", "not a check-in")
	}
	var d data
	if err := json.Unmarshal(r.Data, &d); err != nil {
		return CheckIn{}, bad("data", err.Error())
	}
	c := CheckIn{
		ID:       r.ID,
		Day:      civil.Of(r.Date),
		Note:     d.Note,
		Feelings: d.Feelings,
		Created:  r.Created,
		Updated:  r.Updated,
	}
	for _, f := range []struct {
		name string
		src  *int
		dst  *int
	}{{"safety", d.Safety, &c.Safety}, {"trust", d.Trust, &c.Trust}, {"connection", d.Connection, &c.Connection}} {
		if f.src == nil {
			return CheckIn{}, bad(f.name, "missing from the saved check-in")
		}
		*f.dst = *f.src
	}
	if err := c.Validate(); err != nil {
		return CheckIn{}, err
	}
	return c, nil
}

// Compare orders check-ins by day, then by when they were first saved,
// then by ID, for use with slices.SortFunc. Reverse it for newest first.
func Compare(a, b CheckIn) int {
	if c := a.Day.Compare(b.Day); c != 0 {
		return c
	}
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Save validates c and writes it to s, last updated at now, and returns it
// as saved, with Created and Updated set.
func Save(ctx context.Context, s userdata.Store, c CheckIn, now time.Time) (CheckIn, error) {
	r, err := c.ToRecord(now)
	if err != nil {
		return CheckIn{}, err
	}
	if err := s.Put(ctx, r); err != nil {
		return CheckIn{}, fmt.Errorf("save check-in: %w", err)
	}
	c.Created, c.Updated = r.Created, r.Updated
	return c, nil
}

// List returns every saved check-in, ordered by [Compare]. A record that
// cannot be read is left out, and List then also returns an error wrapping
// [userdata.ErrInvalid] that says how many, alongside the check-ins that
// could be read, so that one damaged record never hides the rest.
func List(ctx context.Context, s userdata.Store) ([]CheckIn, error) {
	recs, err := s.List(ctx, userdata.KindCheckin, userdata.Query{})
	if err != nil {
		return nil, fmt.Errorf("list check-ins: %w", err)
	}
	out, err := entry.ReadAll(recs, FromRecord, "check-ins")
	order.Sort(out, Compare)
	return out, err
}
