// Package milestones keeps the small victories someone wants to remember:
// the first calm evening, a hard question answered honestly, a day the
// affair did not come to mind. Each has a day, a short title and an
// optional note, and is marked on the Progress chart.
//
// There are no badges, points or scores. A milestone only comes with a
// gentle suggestion to mark it ([Milestone.Suggestion]).
//
// A [Milestone] is stored as a [userdata.KindMilestone] record with a
// random ID and, as Date, its day at midnight UTC; its data is
// {"title":"…","note":"…"}. [Milestone.Validate] returns an
// [*userdata.InvalidError] whose Field is "day", "title" or "note" and
// whose Problem is a short plain phrase to show beside the control.
package milestones

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/entry"
	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

// Limits on a milestone, in characters (Unicode code points).
const (
	// MaxTitle is the longest title.
	MaxTitle = 120
	// MaxNote is the longest note.
	MaxNote = 2000
)

// Milestone is one small victory.
type Milestone struct {
	// ID identifies the milestone; see [New].
	ID string
	// Day is the day it happened; it is required.
	Day civil.Date
	// Title names it in a few words; it is required.
	Title string
	// Note is optional.
	Note string
	// Created and Updated are when the milestone was first and last
	// saved. FromRecord sets them; ToRecord keeps Created and sets
	// Updated.
	Created time.Time
	Updated time.Time
}

// New returns an empty milestone on day with a new random ID.
func New(day civil.Date) Milestone {
	return Milestone{ID: userdata.NewID(), Day: day}
}

// suggestions are ways to mark a milestone: small, optional, for one
// person or two.
var suggestions = []string{
	"Take a quiet moment to notice this. It may have taken more than anyone can see.",
	"If it feels right, tell your partner or a friend what this step means to you.",
	"Share a meal you both enjoy, or have one you enjoy on your own.",
	"Write down what helped you get here, so you can come back to it on a harder day.",
	"Go for a walk somewhere you like, and let this sink in.",
	"Rest a little tonight. Steps like this take energy.",
	"Thank yourself, and your partner if it fits, for the part each of you played.",
	"Put on a song that suits how this feels.",
	"Keep something small from today, a photo or a note, to remember it by.",
	"Do something kind for your body: a bath, a stretch, an early night.",
}

// Suggestion returns a gentle suggestion for marking m. It depends only on
// m's ID, so the same milestone always shows the same one.
func (m Milestone) Suggestion() string {
	h := fnv.New32a()
	h.Write([]byte(m.ID))
	return suggestions[h.Sum32()%uint32(len(suggestions))]
}

// Validate reports whether m may be saved: it has an ID, a day and a
// title, and its texts are within [MaxTitle] and [MaxNote]. It returns nil
// or an [*userdata.InvalidError] for the first problem found.
func (m Milestone) Validate() error {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: userdata.KindMilestone, ID: m.ID, Field: field, Problem: problem}
	}
	if !userdata.ValidID(m.ID) {
		return bad("id", "is missing or malformed")
	}
	if p := entry.DayProblem(m.Day); p != "" {
		return bad("day", p)
	}
	if p := entry.TextProblem(m.Title, MaxTitle, true); p != "" {
		return bad("title", p)
	}
	if p := entry.TextProblem(m.Note, MaxNote, false); p != "" {
		return bad("note", p)
	}
	return nil
}

// data is the stored form of a milestone's fields.
type data struct {
	Title string `json:"title"`
	Note  string `json:"note,omitempty"`
}

// ToRecord returns m as a record, validated, last updated at now. It keeps
// m.Created if set and uses now otherwise.
func (m Milestone) ToRecord(now time.Time) (userdata.Record, error) {
	if err := m.Validate(); err != nil {
		return userdata.Record{}, err
	}
	r, err := userdata.New(userdata.KindMilestone, m.ID, m.Day.In(time.UTC), data{m.Title, m.Note}, now)
	if err != nil {
		return userdata.Record{}, err
	}
	if !m.Created.IsZero() && !m.Created.After(now) {
		r.Created = m.Created
	}
	return r, nil
}

// FromRecord returns the milestone r holds. It returns an error wrapping
// [userdata.ErrInvalid] if r is not a milestone record, its data cannot be
// read, or the milestone it holds is invalid.
func FromRecord(r userdata.Record) (Milestone, error) {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: field, Problem: problem}
	}
	if r.Kind != userdata.KindMilestone {
		return Milestone{}, bad("kind", "not a milestone")
	}
	var d data
	if err := json.Unmarshal(r.Data, &d); err != nil {
		return Milestone{}, bad("data", err.Error())
	}
	m := Milestone{ID: r.ID, Day: civil.Of(r.Date), Title: d.Title, Note: d.Note, Created: r.Created, Updated: r.Updated}
	if err := m.Validate(); err != nil {
		return Milestone{}, err
	}
	return m, nil
}

// Compare orders milestones by day, then by when they were first saved,
// then by ID, for use with slices.SortFunc. Reverse it for newest first.
func Compare(a, b Milestone) int {
	if c := a.Day.Compare(b.Day); c != 0 {
		return c
	}
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Save validates m and writes it to s, last updated at now, and returns it
// as saved, with Created and Updated set.
func Save(ctx context.Context, s userdata.Store, m Milestone, now time.Time) (Milestone, error) {
	r, err := m.ToRecord(now)
	if err != nil {
		return Milestone{}, err
	}
	if err := s.Put(ctx, r); err != nil {
		return Milestone{}, fmt.Errorf("save milestone: %w", err)
	}
	m.Created, m.Updated = r.Created, r.Updated
	return m, nil
}

// List returns every saved milestone, ordered by [Compare]. A record that
// cannot be read is left out, and List then also returns an error wrapping
// [userdata.ErrInvalid] that says how many, alongside the milestones that
// could be read.
func List(ctx context.Context, s userdata.Store) ([]Milestone, error) {
	recs, err := s.List(ctx, userdata.KindMilestone, userdata.Query{})
	if err != nil {
		return nil, fmt.Errorf("list milestones: %w", err)
	}
	out, err := entry.ReadAll(recs, FromRecord, "milestones")
	order.Sort(out, Compare)
	return out, err
}
