// Package reading keeps the reader's place in the guide on the device: which
// chapters were opened and when, which are marked read, and which are
// bookmarked. It stores them as userdata records, so they are backed up,
// restored and deleted with everything else.
package reading

import (
	"context"
	"errors"
	"fmt"
	"time"

	"kintsugi/app/userdata"
)

// Progress is what is known about one chapter.
type Progress struct {
	// Opened is when the chapter was last opened.
	Opened time.Time
	// Read reports whether the reader marked the chapter as read.
	Read bool
}

// progressData is the stored form of a KindReading record's data. The
// record's Date is when the chapter was last opened, so that listing by
// date gives the chapter to continue with.
type progressData struct {
	Read bool `json:"read"`
}

// Opened records that the chapter slug was opened at now, keeping its read
// mark.
func Opened(ctx context.Context, s userdata.Store, slug string, now time.Time) error {
	return update(ctx, s, slug, now, func(d *progressData) {})
}

// SetRead marks the chapter slug as read or not read.
func SetRead(ctx context.Context, s userdata.Store, slug string, read bool, now time.Time) error {
	return update(ctx, s, slug, now, func(d *progressData) { d.Read = read })
}

func update(ctx context.Context, s userdata.Store, slug string, now time.Time, change func(*progressData)) error {
	var d progressData
	rec, err := s.Get(ctx, userdata.KindReading, slug)
	switch {
	case errors.Is(err, userdata.ErrNotFound):
		rec, err = userdata.New(userdata.KindReading, slug, now, d, now)
		if err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		if err := rec.Decode(&d); err != nil {
			return fmt.Errorf("reading %s: %w", slug, err)
		}
	}
	change(&d)
	rec, err = rec.Update(d, now)
	if err != nil {
		return err
	}
	rec.Date = now
	return s.Put(ctx, rec)
}

// All returns the progress of every chapter the reader has opened.
func All(ctx context.Context, s userdata.Store) (map[string]Progress, error) {
	recs, err := s.List(ctx, userdata.KindReading, userdata.Query{})
	if err != nil {
		return nil, err
	}
	out := make(map[string]Progress, len(recs))
	for _, r := range recs {
		var d progressData
		if err := r.Decode(&d); err != nil {
			continue // one damaged mark must not hide the others
		}
		out[r.ID] = Progress{Opened: r.Date, Read: d.Read}
	}
	return out, nil
}

// Last returns the slug of the chapter opened most recently, or "" if none.
func Last(ctx context.Context, s userdata.Store) (string, error) {
	recs, err := s.List(ctx, userdata.KindReading, userdata.Query{Newest: true, Limit: 1})
	if err != nil || len(recs) == 0 {
		return "", err
	}
	return recs[0].ID, nil
}

// Bookmark adds or removes a bookmark on the chapter slug.
func Bookmark(ctx context.Context, s userdata.Store, slug string, on bool, now time.Time) error {
	if !on {
		return s.Delete(ctx, userdata.KindBookmark, slug)
	}
	rec, err := userdata.New(userdata.KindBookmark, slug, now, struct{}{}, now)
	if err != nil {
		return err
	}
	return s.Put(ctx, rec)
}

// Bookmarks returns the bookmarked chapters, most recent first.
func Bookmarks(ctx context.Context, s userdata.Store) ([]string, error) {
	recs, err := s.List(ctx, userdata.KindBookmark, userdata.Query{Newest: true})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.ID
	}
	return out, nil
}
