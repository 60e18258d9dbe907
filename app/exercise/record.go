package exercise

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

// The exercises that have a builder package of their own, with its own
// steps and checks, and save their answers as worksheets too.
const (
	// IStatement is the "I" statement builder; see package istatement.
	IStatement = "i-statement"
	// Apology is the apology builder; see package apology.
	Apology = "apology"
)

// Known reports whether slug names an exercise saved as a worksheet: one
// of [Definitions], or [IStatement] or [Apology].
func Known(slug string) bool {
	if slug == IStatement || slug == Apology {
		return true
	}
	_, ok := Find(slug)
	return ok
}

// Slugs returns every slug [Known] accepts: the two builders first, then
// the definitions in order.
func Slugs() []string {
	out := []string{IStatement, Apology}
	for _, d := range Definitions() {
		out = append(out, d.Slug)
	}
	return out
}

// ToRecord returns w as a userdata.KindExercise record: ID, Created and
// Updated are the record's, Date is Created (so stores list worksheets in
// the order they were begun), and Data holds the slug, state, title and
// fields. It returns an error wrapping userdata.ErrInvalid if w is invalid.
func (w Worksheet) ToRecord() (userdata.Record, error) {
	if err := w.Validate(); err != nil {
		return userdata.Record{}, err
	}
	data, err := json.Marshal(w)
	if err != nil {
		return userdata.Record{}, invalid(w.ID, "data", err.Error())
	}
	r := userdata.Record{
		Kind:    userdata.KindExercise,
		ID:      w.ID,
		Date:    w.Created,
		Created: w.Created,
		Updated: w.Updated,
		Data:    data,
	}
	if err := r.Validate(); err != nil {
		return userdata.Record{}, err
	}
	return r, nil
}

// FromRecord returns the worksheet r holds. It returns an error wrapping
// userdata.ErrInvalid if r is not a KindExercise record holding a valid
// worksheet; see [SlugOf] to tell worksheets from other exercise records,
// such as the conversation cards' favourites.
func FromRecord(r userdata.Record) (Worksheet, error) {
	if r.Kind != userdata.KindExercise {
		return Worksheet{}, invalid(r.ID, "kind", fmt.Sprintf("a %s record is not a worksheet", r.Kind))
	}
	var w Worksheet
	if err := json.Unmarshal(r.Data, &w); err != nil {
		return Worksheet{}, invalid(r.ID, "data", err.Error())
	}
	w.ID, w.Created, w.Updated = r.ID, r.Created, r.Updated
	if err := w.Validate(); err != nil {
		return Worksheet{}, err
	}
	return w, nil
}

// SlugOf returns the exercise slug an exercise record's data names, or ""
// if it names none. Every KindExercise record carries one: a worksheet's
// slug, or "conversation-cards" for the cards' saved state.
func SlugOf(r userdata.Record) string {
	var head struct {
		Slug string `json:"slug"`
	}
	if r.Kind != userdata.KindExercise || json.Unmarshal(r.Data, &head) != nil {
		return ""
	}
	return head.Slug
}

// Save stores w, with Updated set to now (or to Created, if now is
// earlier), and returns the worksheet as saved. A worksheet with no
// Created time gets now.
func Save(ctx context.Context, s userdata.Store, w Worksheet, now time.Time) (Worksheet, error) {
	if w.Created.IsZero() {
		w.Created = now
	}
	w.Updated = now
	if w.Updated.Before(w.Created) {
		w.Updated = w.Created
	}
	r, err := w.ToRecord()
	if err != nil {
		return Worksheet{}, err
	}
	if err := s.Put(ctx, r); err != nil {
		return Worksheet{}, fmt.Errorf("save %s worksheet: %w", w.Slug, err)
	}
	return w, nil
}

// Load returns the worksheet with the given ID. It returns an error
// wrapping userdata.ErrNotFound if there is none.
func Load(ctx context.Context, s userdata.Store, id string) (Worksheet, error) {
	r, err := s.Get(ctx, userdata.KindExercise, id)
	if err != nil {
		return Worksheet{}, err
	}
	return FromRecord(r)
}

// Delete removes the worksheet with the given ID. Deleting one that does
// not exist is not an error.
func Delete(ctx context.Context, s userdata.Store, id string) error {
	return s.Delete(ctx, userdata.KindExercise, id)
}

// Past returns the saved worksheets of the exercise slug, or of every
// exercise if slug is "", newest first (see [Newest]). Exercise records
// that are not worksheets are left out, and so is any record too damaged
// to read, so that one bad record never hides the rest; damaged counts
// them, so the UI can say that something could not be read.
func Past(ctx context.Context, s userdata.Store, slug string) (ws []Worksheet, damaged int, err error) {
	recs, err := s.List(ctx, userdata.KindExercise, userdata.Query{})
	if err != nil {
		return nil, 0, err
	}
	for _, r := range recs {
		got := SlugOf(r)
		if slug != "" && got != slug {
			continue
		}
		if slug == "" && !Known(got) {
			if got == "" {
				damaged++
			}
			continue
		}
		w, err := FromRecord(r)
		if err != nil {
			damaged++
			continue
		}
		ws = append(ws, w)
	}
	Newest(ws)
	return ws, damaged, nil
}

// Newest sorts ws in place, newest first: by Created, then by ID so that
// the order is the same every time.
func Newest(ws []Worksheet) {
	order.Stable(ws, func(a, b Worksheet) int {
		if c := b.Created.Compare(a.Created); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
}

// LastDraft returns the draft in ws that was saved most recently: the one
// to offer to continue.
func LastDraft(ws []Worksheet) (Worksheet, bool) {
	var (
		last  Worksheet
		found bool
	)
	for _, w := range ws {
		if w.State == Draft && (!found || w.Updated.After(last.Updated)) {
			last, found = w, true
		}
	}
	return last, found
}
