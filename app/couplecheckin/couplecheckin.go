// Package couplecheckin is the weekly couple check-in: a short guided
// conversation in five steps ([Steps]) — how each partner is doing, one
// appreciation, one thing that was hard, one request, and the next step.
//
// Each partner's answers are kept apart, as partner A and partner B, each
// with an optional name. One person can use it alone: the other side
// simply stays empty. Any number of check-ins may be saved; [CheckIn.Week]
// is the week (starting Monday) a check-in belongs to.
//
// A [CheckIn] is stored as a [userdata.KindCoupleCheckin] record with a
// random ID and, as Date, its day at midnight UTC. Its data holds the two
// sides; an answer is keyed by its step's [StepID]:
//
//	{"a":{"name":"Sam","answers":{"doing":"…","appreciation":"…"}},"b":{"answers":{}}}
//
// [CheckIn.Validate] returns an [*userdata.InvalidError] whose Field is
// "day", "answers", or a side and a field joined by a dot ("a.name",
// "b.request"), and whose Problem is a short plain phrase to show beside
// the matching control.
package couplecheckin

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/entry"
	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

// StepID names a step of the check-in. It is stored, so never rename one.
type StepID string

// The steps, in the order they are taken.
const (
	Doing        StepID = "doing"
	Appreciation StepID = "appreciation"
	Hard         StepID = "hard"
	Request      StepID = "request"
	Next         StepID = "next"
)

// Step is one step of the guided sequence.
type Step struct {
	// ID is the step's stored name.
	ID StepID
	// Title is a short heading for the step.
	Title string
	// Prompt says, warmly and plainly, what to answer.
	Prompt string
}

var steps = []Step{
	{Doing, "How you are doing",
		"How are you, really, this week? A few honest words are enough. The other listens without fixing or arguing."},
	{Appreciation, "One appreciation",
		"Name one thing your partner did this week that you valued, however small."},
	{Hard, "One thing that was hard",
		"Name one moment this week that was hard for you, and what you felt. Speak about your own experience rather than about who your partner is."},
	{Request, "One request",
		"Ask for one thing for the week ahead: small, clear, and something your partner can say yes to."},
	{Next, "The next step",
		"Say one thing you will do before your next check-in, to look after yourself or the two of you."},
}

// Steps returns the steps in order. The caller may modify the result.
func Steps() []Step { return slices.Clone(steps) }

// Intro is shown before the first step.
const Intro = "Find about twenty minutes somewhere you won't be interrupted. " +
	"Take turns: one of you answers while the other listens, then swap. " +
	"Keep each answer short; there are no right answers, and you can stop at any time. " +
	"If you are doing this on your own, answer for yourself and leave the other side empty."

// Limits on a check-in, in characters (Unicode code points).
const (
	// MaxName is the longest partner name.
	MaxName = 50
	// MaxAnswer is the longest answer to one step.
	MaxAnswer = 2000
)

// Side says whose answers: partner A or partner B.
type Side int

// The two sides.
const (
	A Side = iota
	B
)

// String returns "Partner A" or "Partner B".
func (s Side) String() string {
	if s == B {
		return "Partner B"
	}
	return "Partner A"
}

// key returns the side's stored name, "a" or "b".
func (s Side) key() string {
	if s == B {
		return "b"
	}
	return "a"
}

// Partner is one side's part of a check-in.
type Partner struct {
	// Name is optional; see [CheckIn.Name].
	Name string `json:"name,omitempty"`
	// Answers holds the answer to each step, by step. A step with no
	// answer is missing or "".
	Answers map[StepID]string `json:"answers,omitempty"`
}

// Answered reports whether p answered any step with more than spaces.
func (p Partner) Answered() bool {
	for _, a := range p.Answers {
		if strings.TrimSpace(a) != "" {
			return true
		}
	}
	return false
}

// CheckIn is one weekly couple check-in.
type CheckIn struct {
	// ID identifies the check-in; see [New].
	ID string
	// Day is the day the check-in took place; it is required.
	Day civil.Date
	// Partners holds each side's name and answers, indexed by [Side].
	Partners [2]Partner
	// Created and Updated are when the check-in was first and last saved.
	// FromRecord sets them; ToRecord keeps Created and sets Updated.
	Created time.Time
	Updated time.Time
}

// New returns an empty check-in on day with a new random ID.
func New(day civil.Date) CheckIn {
	return CheckIn{ID: userdata.NewID(), Day: day}
}

// Week returns the Monday of the week the check-in belongs to.
func (c CheckIn) Week() civil.Date { return c.Day.Monday() }

// Name returns the name given for side s, or "Partner A" or "Partner B"
// if none was.
func (c CheckIn) Name(s Side) string {
	if n := strings.TrimSpace(c.Partners[s].Name); n != "" {
		return n
	}
	return s.String()
}

// Answer returns side s's answer to step id, or "".
func (c CheckIn) Answer(s Side, id StepID) string { return c.Partners[s].Answers[id] }

// SetAnswer sets side s's answer to step id.
func (c *CheckIn) SetAnswer(s Side, id StepID, text string) {
	p := &c.Partners[s]
	if p.Answers == nil {
		p.Answers = map[StepID]string{}
	}
	p.Answers[id] = text
}

// Validate reports whether c may be saved: it has an ID and a day, at
// least one answer, answers only to known steps, and names and answers
// within [MaxName] and [MaxAnswer]. It returns nil or an
// [*userdata.InvalidError] for the first problem found.
func (c CheckIn) Validate() error {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: userdata.KindCoupleCheckin, ID: c.ID, Field: field, Problem: problem}
	}
	if !userdata.ValidID(c.ID) {
		return bad("id", "is missing or malformed")
	}
	if p := entry.DayProblem(c.Day); p != "" {
		return bad("day", p)
	}
	for _, s := range []Side{A, B} {
		p := c.Partners[s]
		if pr := entry.TextProblem(p.Name, MaxName, false); pr != "" {
			return bad(s.key()+".name", pr)
		}
		for _, id := range slices.Sorted(maps.Keys(p.Answers)) {
			if !slices.ContainsFunc(steps, func(st Step) bool { return st.ID == id }) {
				return bad(s.key()+".answers", fmt.Sprintf("%q is not a step of the check-in", string(id)))
			}
			if pr := entry.TextProblem(p.Answers[id], MaxAnswer, false); pr != "" {
				return bad(s.key()+"."+string(id), pr)
			}
		}
	}
	if !c.Partners[A].Answered() && !c.Partners[B].Answered() {
		return bad("answers", "write at least one answer before saving")
	}
	return nil
}

// data is the stored form of a check-in's fields.
type data struct {
	A Partner `json:"a"`
	B Partner `json:"b"`
}

// ToRecord returns c as a record, validated, last updated at now. It keeps
// c.Created if set and uses now otherwise. Empty answers are left out.
func (c CheckIn) ToRecord(now time.Time) (userdata.Record, error) {
	if err := c.Validate(); err != nil {
		return userdata.Record{}, err
	}
	trim := func(p Partner) Partner {
		q := Partner{Name: p.Name}
		for id, a := range p.Answers {
			if a != "" {
				if q.Answers == nil {
					q.Answers = map[StepID]string{}
				}
				q.Answers[id] = a
			}
		}
		return q
	}
	d := data{A: trim(c.Partners[A]), B: trim(c.Partners[B])}
	r, err := userdata.New(userdata.KindCoupleCheckin, c.ID, c.Day.In(time.UTC), d, now)
	if err != nil {
		return userdata.Record{}, err
	}
	if !c.Created.IsZero() && !c.Created.After(now) {
		r.Created = c.Created
	}
	return r, nil
}

// FromRecord returns the check-in r holds. It returns an error wrapping
// [userdata.ErrInvalid] if r is not a couple check-in record, its data
// cannot be read, or the check-in it holds is invalid.
func FromRecord(r userdata.Record) (CheckIn, error) {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: field, Problem: problem}
	}
	if r.Kind != userdata.KindCoupleCheckin {
		return CheckIn{}, bad("kind", "not a couple check-in")
	}
	var d data
	if err := json.Unmarshal(r.Data, &d); err != nil {
		return CheckIn{}, bad("data", err.Error())
	}
	c := CheckIn{
		ID:       r.ID,
		Day:      civil.Of(r.Date),
		Partners: [2]Partner{d.A, d.B},
		Created:  r.Created,
		Updated:  r.Updated,
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
		return CheckIn{}, fmt.Errorf("save couple check-in: %w", err)
	}
	c.Created, c.Updated = r.Created, r.Updated
	return c, nil
}

// List returns every saved couple check-in, ordered by [Compare]. A record
// that cannot be read is left out, and List then also returns an error
// wrapping [userdata.ErrInvalid] that says how many, alongside the
// check-ins that could be read.
func List(ctx context.Context, s userdata.Store) ([]CheckIn, error) {
	recs, err := s.List(ctx, userdata.KindCoupleCheckin, userdata.Query{})
	if err != nil {
		return nil, fmt.Errorf("list couple check-ins: %w", err)
	}
	out, err := entry.ReadAll(recs, FromRecord, "couple check-ins")
	order.Sort(out, Compare)
	return out, err
}
