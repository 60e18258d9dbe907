// Package reminder reminds a couple of their weekly check-in without a
// server: [File] writes a calendar file (RFC 5545, .ics) for a weekly slot
// the user picks, which their own calendar app imports and then reminds
// them of; and [Due] tells the app, when it opens, whether to show a quiet
// note that the weekly check-in is due.
//
// # Time zones
//
// A [Slot] is either in floating local time (Zone ""), which a calendar
// shows at the same clock time wherever the device is, or in a named IANA
// zone such as "Europe/Paris". Floating time needs no time zone data and
// suits a personal weekly habit; it is the default.
//
// A named zone needs Go's time zone database: [File] and [Due] load it
// with time.LoadLocation. Browsers have none that Go can read, and app.wasm
// does not carry one (time/tzdata is about 450 KB), so in the browser a
// named zone never loads and the loader is left out of app.wasm. File then
// returns an error for a named zone (the app offers floating time only),
// and Due falls back to the device's local time.
//
// # Storage
//
// The slot is stored as the [userdata.KindSetting] record with ID
// [RecordID]; see [Save] and [Load].
package reminder

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kintsugi/app/civil"
	"kintsugi/app/userdata"
)

// RecordID is the ID of the [userdata.KindSetting] record holding the
// slot.
const RecordID = "weekly-reminder"

// Limits on a slot.
const (
	// MinDuration and MaxDuration bound a slot's length.
	MinDuration = 5 * time.Minute
	MaxDuration = 4 * time.Hour
	// DefaultDuration is a slot's length unless the user picks another.
	DefaultDuration = 30 * time.Minute
	// MaxNote is the longest note, in characters.
	MaxNote = 200
	// maxZone is the longest time zone name.
	maxZone = 64
)

// Slot is the weekly time the user picks for the couple check-in.
type Slot struct {
	// ID is random and stays the same when the slot changes; it is the
	// calendar event's UID, so that importing a changed slot replaces
	// the old event instead of adding a second one. See [NewSlot].
	ID string
	// Weekday, Hour and Minute are when the slot starts.
	Weekday time.Weekday
	Hour    int
	Minute  int
	// Duration is how long the slot lasts, from MinDuration to
	// MaxDuration, in whole minutes.
	Duration time.Duration
	// Zone is an IANA time zone name, or "" for floating local time.
	Zone string
	// Note is optional text of the user's own for the calendar event,
	// such as "Kitchen table, phones away". It is included even in
	// discreet mode, since the user wrote it.
	Note string
}

// data is the stored form of a slot.
type data struct {
	ID      string       `json:"id"`
	Weekday time.Weekday `json:"weekday"`
	Hour    int          `json:"hour"`
	Minute  int          `json:"minute"`
	Minutes int          `json:"minutes"` // the duration
	Zone    string       `json:"zone,omitempty"`
	Note    string       `json:"note,omitempty"`
}

// NewSlot returns the slot offered before the user picks one: Sunday at
// 19:00 for DefaultDuration, in floating local time, with a new random
// ID.
func NewSlot() Slot {
	return Slot{ID: userdata.NewID(), Weekday: time.Sunday, Hour: 19, Duration: DefaultDuration}
}

// Validate reports whether s may be saved. It returns nil or an
// [*userdata.InvalidError] whose Field is the JSON name of the field at
// fault and whose Problem is a short plain phrase. It checks a zone name's
// form, not that the device knows the zone.
func (s Slot) Validate() error {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: userdata.KindSetting, ID: RecordID, Field: field, Problem: problem}
	}
	switch {
	case !userdata.ValidID(s.ID):
		return bad("id", "is missing or malformed")
	case s.Weekday < time.Sunday || s.Weekday > time.Saturday:
		return bad("weekday", "choose a day of the week")
	case s.Hour < 0 || s.Hour > 23 || s.Minute < 0 || s.Minute > 59:
		return bad("hour", "choose a time of day")
	case s.Duration < MinDuration || s.Duration > MaxDuration || s.Duration%time.Minute != 0:
		return bad("duration", fmt.Sprintf("choose a length from %d minutes to %d hours", int(MinDuration.Minutes()), int(MaxDuration.Hours())))
	case !validZone(s.Zone):
		return bad("zone", "choose a time zone from the list, or local time")
	case !utf8.ValidString(s.Note):
		return bad("note", "this has characters that can't be saved")
	case utf8.RuneCountInString(s.Note) > MaxNote:
		return bad("note", fmt.Sprintf("please keep this to %d characters", MaxNote))
	}
	return nil
}

// validZone reports whether z is "" or has the form of an IANA zone name,
// such as "America/Argentina/Buenos_Aires", "UTC" or "Etc/GMT+5".
func validZone(z string) bool {
	if z == "" {
		return true
	}
	if len(z) > maxZone || z == "Local" || strings.HasPrefix(z, "/") || strings.HasSuffix(z, "/") || strings.Contains(z, "..") {
		return false
	}
	for i := 0; i < len(z); i++ {
		switch c := z[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '/', c == '_', c == '-', c == '+':
		default:
			return false
		}
	}
	return true
}

// location returns the slot's time zone, or fallback for floating time.
func (s Slot) location(fallback *time.Location) (*time.Location, error) {
	if s.Zone == "" {
		return fallback, nil
	}
	loc, err := loadLocation(s.Zone)
	if err != nil {
		return nil, fmt.Errorf("time zone %q is not known on this device: %w", s.Zone, err)
	}
	return loc, nil
}

// ToRecord returns s as the reminder record, saved at now.
func (s Slot) ToRecord(now time.Time) (userdata.Record, error) {
	if err := s.Validate(); err != nil {
		return userdata.Record{}, err
	}
	d := data{s.ID, s.Weekday, s.Hour, s.Minute, int(s.Duration / time.Minute), s.Zone, s.Note}
	return userdata.New(userdata.KindSetting, RecordID, now, d, now)
}

// FromRecord returns the slot r holds. It returns an error wrapping
// [userdata.ErrInvalid] if r is not the reminder record or holds an
// invalid slot.
func FromRecord(r userdata.Record) (Slot, error) {
	if r.Kind != userdata.KindSetting || r.ID != RecordID {
		return Slot{}, &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: "kind", Problem: "not the reminder record"}
	}
	var d data
	if err := json.Unmarshal(r.Data, &d); err != nil {
		return Slot{}, &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: "data", Problem: err.Error()}
	}
	s := Slot{d.ID, d.Weekday, d.Hour, d.Minute, time.Duration(d.Minutes) * time.Minute, d.Zone, d.Note}
	if err := s.Validate(); err != nil {
		return Slot{}, err
	}
	return s, nil
}

// Save validates s and writes it to st, keeping the creation time of any
// slot saved before.
func Save(ctx context.Context, st userdata.Store, s Slot, now time.Time) error {
	r, err := s.ToRecord(now)
	if err != nil {
		return err
	}
	prev, err := st.Get(ctx, userdata.KindSetting, RecordID)
	switch {
	case err == nil && prev.Created.Before(now):
		r.Created = prev.Created
	case err != nil && !errors.Is(err, userdata.ErrNotFound):
		return fmt.Errorf("save reminder: %w", err)
	}
	if err := st.Put(ctx, r); err != nil {
		return fmt.Errorf("save reminder: %w", err)
	}
	return nil
}

// Load returns the saved slot; ok is false if none was saved.
func Load(ctx context.Context, st userdata.Store) (s Slot, ok bool, err error) {
	r, err := st.Get(ctx, userdata.KindSetting, RecordID)
	if errors.Is(err, userdata.ErrNotFound) {
		return Slot{}, false, nil
	}
	if err != nil {
		return Slot{}, false, fmt.Errorf("load reminder: %w", err)
	}
	s, err = FromRecord(r)
	if err != nil {
		return Slot{}, false, fmt.Errorf("load reminder: %w", err)
	}
	return s, true, nil
}

// Status says whether the weekly check-in is due.
type Status struct {
	// Due reports whether to show the note.
	Due bool
	// Last is the latest start of the slot at or before now, and Next
	// the one after it.
	Last, Next time.Time
	// Message is a quiet sentence to show when Due, or "".
	Message string
}

// Due reports whether the weekly check-in is due at now, given when the
// last couple check-in took place (the zero time if never; a check-in's
// day converts with day.In(now.Location())).
//
// Let Last be the latest start of the slot at or before now. The check-in
// is due unless the last one was on Last's day or in the three days
// before it (days read in the slot's zone), so that checking in a little
// early counts. It stays due, with the same quiet message and no count of
// missed weeks, until a check-in is saved. An invalid slot is never due.
func Due(last time.Time, s Slot, now time.Time) Status {
	if s.Validate() != nil {
		return Status{}
	}
	loc, err := s.location(now.Location())
	if err != nil {
		loc = now.Location()
	}
	n := now.In(loc)
	today := civil.Of(n)
	var st Status
	for k := 0; k < 8; k++ {
		d := today.AddDays(-k)
		if d.Weekday() != s.Weekday {
			continue
		}
		if t := time.Date(d.Year, d.Month, d.Day, s.Hour, s.Minute, 0, 0, loc); !t.After(n) {
			st.Last = t
			st.Next = time.Date(d.Year, d.Month, d.Day+7, s.Hour, s.Minute, 0, 0, loc)
			break
		}
	}
	if !last.IsZero() && !civil.Of(last.In(loc)).Before(civil.Of(st.Last).AddDays(-3)) {
		return st
	}
	st.Due = true
	if n.Before(st.Last.Add(s.Duration)) {
		st.Message = "It is time for your weekly check-in. There is no rush; start whenever you are both ready."
	} else {
		st.Message = fmt.Sprintf("Your weekly check-in was planned for %s %s. It is here whenever you are ready.", s.Weekday, partOfDay(s.Hour))
	}
	return st
}

// partOfDay names the part of the day an hour is in.
func partOfDay(h int) string {
	switch {
	case h >= 5 && h < 12:
		return "morning"
	case h >= 12 && h < 17:
		return "afternoon"
	case h >= 17 && h < 22:
		return "evening"
	}
	return "night"
}
