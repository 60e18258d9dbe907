// Package safety is the private safety check: a few plain questions about
// fear, violence, threats and control, answered by one person and kept only
// on their device. Where the answers point to risk, couple exercises are not
// the path, and the app says so and hides them.
package safety

import (
	"context"
	"errors"
	"fmt"
	"time"

	"kintsugi/app/userdata"
)

// Answer is one answer to a question.
type Answer string

// The answers. Unsure counts as a sign of risk: when someone cannot say
// they are safe, the app errs on the side of caution.
const (
	No     Answer = "no"
	Yes    Answer = "yes"
	Unsure Answer = "unsure"
)

// Question is one question of the check.
type Question struct {
	ID   string
	Text string
}

// Questions are asked in this order.
var Questions = []Question{
	{"afraid", "Are you afraid of your partner, or of what they might do?"},
	{"hurt", "Has your partner hit, pushed, choked or otherwise hurt you, or threatened to?"},
	{"threats", "Has your partner threatened to harm you, themselves, your children or pets if you leave or speak up?"},
	{"monitoring", "Does your partner check your phone, messages or location without your agreement, or demand your passwords?"},
	{"control", "Does your partner control your money, or keep you from working or from seeing friends and family?"},
	{"sex", "Has your partner pressured or forced you into sex or sexual acts you did not want?"},
}

// Result is a completed check.
type Result struct {
	Answers map[string]Answer `json:"answers"`
	Taken   time.Time         `json:"taken"`
}

// Validate reports whether every question has a known answer and nothing else
// is answered.
func (r Result) Validate() error {
	if len(r.Answers) != len(Questions) {
		return fmt.Errorf("%w: answer every question", userdata.ErrInvalid)
	}
	for _, q := range Questions {
		switch r.Answers[q.ID] {
		case No, Yes, Unsure:
		default:
			return fmt.Errorf("%w: no answer to %q", userdata.ErrInvalid, q.ID)
		}
	}
	return nil
}

// Flagged reports whether any answer points to risk: a yes, or not sure.
func (r Result) Flagged() bool {
	for _, a := range r.Answers {
		if a == Yes || a == Unsure {
			return true
		}
	}
	return false
}

// recordID is the ID of the one KindSafety record that holds the check.
const recordID = "check"

// Save keeps r on the device, replacing any earlier check.
func Save(ctx context.Context, s userdata.Store, r Result, now time.Time) error {
	if err := r.Validate(); err != nil {
		return err
	}
	rec, err := userdata.New(userdata.KindSafety, recordID, r.Taken, r, now)
	if err != nil {
		return err
	}
	return s.Put(ctx, rec)
}

// Load returns the saved check; ok is false if none was taken.
func Load(ctx context.Context, s userdata.Store) (r Result, ok bool, err error) {
	rec, err := s.Get(ctx, userdata.KindSafety, recordID)
	if errors.Is(err, userdata.ErrNotFound) {
		return Result{}, false, nil
	}
	if err != nil {
		return Result{}, false, err
	}
	if err := rec.Decode(&r); err != nil {
		return Result{}, false, err
	}
	return r, true, r.Validate()
}

// Clear removes the saved check.
func Clear(ctx context.Context, s userdata.Store) error {
	return s.Delete(ctx, userdata.KindSafety, recordID)
}
