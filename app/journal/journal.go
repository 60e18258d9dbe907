// Package journal keeps private journal entries: a day, an optional title,
// optional feelings from the fixed list, and free text. [Index] searches
// them, ignoring case and accents.
//
// An [Entry] is stored as a [userdata.KindJournal] record with a random ID
// and, as Date, its day at midnight UTC; its data is
//
//	{"title":"…","text":"…","feelings":["hurt","hopeful"]}
//
// [Entry.Validate] returns an [*userdata.InvalidError] whose Field is
// "day", "title", "text" or "feelings" and whose Problem is a short plain
// phrase to show beside the control.
package journal

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/entry"
	"kintsugi/app/feelings"
	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

// Limits on an entry, in characters (Unicode code points).
const (
	// MaxTitle is the longest title.
	MaxTitle = 200
	// MaxText is the longest text: about 8,000 words.
	MaxText = 50000
)

// Entry is one journal entry.
type Entry struct {
	// ID identifies the entry; see [New].
	ID string
	// Day is the day the entry is about; it is required.
	Day civil.Date
	// Title is optional.
	Title string
	// Text is the entry itself; it is required.
	Text string
	// Feelings are optional, at most feelings.Max, from the fixed list.
	Feelings []feelings.Feeling
	// Created and Updated are when the entry was first and last saved.
	// FromRecord sets them; ToRecord keeps Created and sets Updated.
	Created time.Time
	Updated time.Time
}

// New returns an empty entry about day with a new random ID.
func New(day civil.Date) Entry {
	return Entry{ID: userdata.NewID(), Day: day}
}

// Validate reports whether e may be saved. It returns nil or an
// [*userdata.InvalidError] for the first problem found.
func (e Entry) Validate() error {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: userdata.KindJournal, ID: e.ID, Field: field, Problem: problem}
	}
	if !userdata.ValidID(e.ID) {
		return bad("id", "is missing or malformed")
	}
	if p := entry.DayProblem(e.Day); p != "" {
		return bad("day", p)
	}
	if p := entry.TextProblem(e.Title, MaxTitle, false); p != "" {
		return bad("title", p)
	}
	if p := entry.TextProblem(e.Text, MaxText, true); p != "" {
		return bad("text", p)
	}
	if p := feelings.Check(e.Feelings); p != "" {
		return bad("feelings", p)
	}
	return nil
}

// data is the stored form of an entry's fields.
type data struct {
	Title    string             `json:"title,omitempty"`
	Text     string             `json:"text"`
	Feelings []feelings.Feeling `json:"feelings,omitempty"`
}

// ToRecord returns e as a record, validated, last updated at now. It keeps
// e.Created if set and uses now otherwise.
func (e Entry) ToRecord(now time.Time) (userdata.Record, error) {
	if err := e.Validate(); err != nil {
		return userdata.Record{}, err
	}
	r, err := userdata.New(userdata.KindJournal, e.ID, e.Day.In(time.UTC), data{e.Title, e.Text, e.Feelings}, now)
	if ie, ok := errors.AsType[*userdata.InvalidError](err); ok && ie.Field == "data" {
		// Within MaxText, but so full of characters that take many bytes
		// that the record would pass userdata.MaxDataSize.
		return userdata.Record{}, &userdata.InvalidError{Kind: userdata.KindJournal, ID: e.ID, Field: "text",
			Problem: "this entry is too long to save in one piece; please split it into two"}
	}
	if err != nil {
		return userdata.Record{}, err
	}
	if !e.Created.IsZero() && !e.Created.After(now) {
		r.Created = e.Created
	}
	return r, nil
}

// FromRecord returns the entry r holds. It returns an error wrapping
// [userdata.ErrInvalid] if r is not a journal record, its data cannot be
// read, or the entry it holds is invalid.
func FromRecord(r userdata.Record) (Entry, error) {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: field, Problem: problem}
	}
	if r.Kind != userdata.KindJournal {
		return Entry{}, bad("kind", "not a journal entry")
	}
	var d data
	if err := json.Unmarshal(r.Data, &d); err != nil {
		return Entry{}, bad("data", err.Error())
	}
	e := Entry{ID: r.ID, Day: civil.Of(r.Date), Title: d.Title, Text: d.Text, Feelings: d.Feelings, Created: r.Created, Updated: r.Updated}
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// Compare orders entries by day, then by when they were first saved, then
// by ID, for use with slices.SortFunc. The journal lists newest first:
//
//	slices.SortFunc(es, func(a, b journal.Entry) int { return journal.Compare(b, a) })
func Compare(a, b Entry) int {
	if c := a.Day.Compare(b.Day); c != 0 {
		return c
	}
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Save validates e and writes it to s, last updated at now, and returns it
// as saved, with Created and Updated set. Saving a deleted entry again
// restores it, which is how undo works.
func Save(ctx context.Context, s userdata.Store, e Entry, now time.Time) (Entry, error) {
	r, err := e.ToRecord(now)
	if err != nil {
		return Entry{}, err
	}
	if err := s.Put(ctx, r); err != nil {
		return Entry{}, fmt.Errorf("save journal entry: %w", err)
	}
	e.Created, e.Updated = r.Created, r.Updated
	return e, nil
}

// DraftID is the ID of the one journal record that holds the new-entry
// form's draft rather than an entry: it is sealed and backed up with the
// journal, and List leaves it out. The page that writes it owns its data.
const DraftID = "draft"

// List returns every journal entry, newest first (the reverse of
// [Compare]). A record that cannot be read is left out, and List then also
// returns an error wrapping [userdata.ErrInvalid] that says how many,
// alongside the entries that could be read.
func List(ctx context.Context, s userdata.Store) ([]Entry, error) {
	recs, err := s.List(ctx, userdata.KindJournal, userdata.Query{Newest: true})
	if err != nil {
		return nil, fmt.Errorf("list journal entries: %w", err)
	}
	recs = slices.DeleteFunc(recs, func(r userdata.Record) bool { return r.ID == DraftID })
	out, err := entry.ReadAll(recs, FromRecord, "journal entries")
	order.Sort(out, func(a, b Entry) int { return Compare(b, a) })
	return out, err
}
