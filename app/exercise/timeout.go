package exercise

import (
	"strconv"
	"time"
)

// TimeOut is the time-out card's slug; its page also runs the break.
const TimeOut = "time-out"

// TimeOutLength is the name of the time-out card's step that holds the
// length of a break, in minutes.
const TimeOutLength = "length"

// TimeOutPause is the length of a break when the card sets none: about
// twenty minutes, the least time the body tends to need to settle after
// flooding.
const TimeOutPause = 20 * time.Minute

// Breath is one phase of the breathing guide.
type Breath struct {
	// Label is what to show during the phase, such as "Breathe in".
	Label string
	// Seconds is how long the phase lasts.
	Seconds int
}

// Breathing is the time-out card's breathing pattern: in for four, out for
// six, about six breaths a minute, the out-breath longer than the in-breath.
var Breathing = []Breath{
	{Label: "Breathe in", Seconds: 4},
	{Label: "Breathe out", Seconds: 6},
}

// BreathAt returns which phase of [Breathing] a guide that started
// elapsed ago is in, and how long that phase has left. A negative elapsed
// counts as zero.
func BreathAt(elapsed time.Duration) (phase int, left time.Duration) {
	var cycle time.Duration
	for _, b := range Breathing {
		cycle += time.Duration(b.Seconds) * time.Second
	}
	if elapsed < 0 {
		elapsed = 0
	}
	at := elapsed % cycle
	for i, b := range Breathing {
		d := time.Duration(b.Seconds) * time.Second
		if at < d {
			return i, d - at
		}
		at -= d
	}
	return 0, 0 // not reached
}

// PauseLength returns the length of a break the time-out card w sets, or
// [TimeOutPause] if it sets none or an unknown one. It is never shorter
// than TimeOutPause.
func PauseLength(w Worksheet) time.Duration {
	m, err := strconv.Atoi(w.Text(TimeOutLength))
	if err != nil || w.Slug != TimeOut {
		return TimeOutPause
	}
	d := time.Duration(m) * time.Minute
	if d < TimeOutPause || d > 2*time.Hour {
		return TimeOutPause
	}
	return d
}
