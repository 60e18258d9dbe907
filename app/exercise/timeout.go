package exercise

import (
	"strconv"
	"time"
)

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
	if err != nil || w.Slug != timeOut.Slug {
		return TimeOutPause
	}
	d := time.Duration(m) * time.Minute
	if d < TimeOutPause || d > 2*time.Hour {
		return TimeOutPause
	}
	return d
}

var timeOut = Definition{
	Slug:    "time-out",
	Title:   "Time-out card",
	Chapter: "flooding-and-time-outs",
	Why: "When a talk floods you, your body is in alarm and nobody can listen well. " +
		"A time-out card, filled in together at a calm moment, says in advance how either of you can pause, for about twenty minutes, and how you will come back.",
	Steps: []Step{
		{
			Name:   "signs",
			Input:  Checklist,
			Own:    true,
			Title:  "How I know I am flooding",
			Prompt: "Tick the signs you notice in yourself, and add your own. Each of you can fill in a card.",
			Help:   "Flooding is the body's alarm, not a failing of character. Knowing your own early signs lets you pause before the words you would regret.",
			Suggestions: []Suggestion{
				{ID: "heart", Group: "In my body", Text: "My heart races or pounds."},
				{ID: "breath", Group: "In my body", Text: "My breathing goes fast or shallow."},
				{ID: "heat", Group: "In my body", Text: "My face or neck gets hot."},
				{ID: "clench", Group: "In my body", Text: "My jaw, hands or shoulders clench."},
				{ID: "stomach", Group: "In my body", Text: "My stomach churns or drops."},
				{ID: "shake", Group: "In my body", Text: "My hands or voice shake."},
				{ID: "not-hearing", Group: "In my mind", Text: "I stop taking in what is being said."},
				{ID: "attack", Group: "In my mind", Text: "Everything sounds like an attack, even neutral words."},
				{ID: "win-or-leave", Group: "In my mind", Text: "All I want is to win, or to get out."},
				{ID: "blank", Group: "In my mind", Text: "My mind goes blank, or I go silent."},
				{ID: "everything", Group: "In my mind", Text: "Old hurts pour in and the talk spreads to everything."},
				{ID: "urge", Group: "In my mind", Text: "I want to shout, slam a door or walk out."},
			},
		},
		{
			Name:   "signal",
			Input:  Text,
			Title:  "How either of us calls it",
			Prompt: "The words or signal either of you can use to pause. Agree on it together, and call it for yourself, not about the other person.",
			Examples: []string{
				"\"I'm flooded. I need twenty minutes, and I'll come back.\"",
				"A hand flat on the table, then \"back at half past\".",
				"\"Pause, please.\" The other lets the talk stop, even mid-sentence.",
			},
		},
		{
			Name:   TimeOutLength,
			Input:  Choice,
			Title:  "How long a break lasts",
			Prompt: "How long will a break last before you come back?",
			Help: "John Gottman's research suggests the body needs at least twenty minutes to settle after flooding, so a shorter break rarely works. " +
				"You can always come back at the time you said and ask for longer.",
			Options: []Option{
				{ID: "20", Label: "About 20 minutes"},
				{ID: "30", Label: "Half an hour"},
				{ID: "45", Label: "Three quarters of an hour"},
				{ID: "60", Label: "An hour"},
			},
		},
		{
			Name:  "breathing",
			Input: Info,
			Title: "A calm breathing guide",
			Help: "Slow breathing, around six breaths a minute, has been linked in many small studies with a steadier heart and a calmer mind. " +
				"The timer on the card leads you through it: in for four, out for six.",
			Points: []string{
				"Sit or stand with your feet on the floor, and let your shoulders drop.",
				"Breathe in gently through your nose for a count of four.",
				"Breathe out slowly for a count of six, as if through a straw.",
				"Keep going for a few minutes. If counting feels like work, just let each out-breath be a little longer than the in-breath.",
				"If you feel light-headed, breathe normally for a while. There is nothing to get right.",
			},
		},
		{
			Name:   "do",
			Input:  Checklist,
			Own:    true,
			Title:  "What I will do during the break",
			Prompt: "Tick what helps you calm down, and add your own. Something for the body first, then something absorbing and neutral.",
			Suggestions: []Suggestion{
				{ID: "walk", Text: "Go for a walk, or step outside."},
				{ID: "cold", Text: "Splash cold water on my face, or hold something cold."},
				{ID: "breathe", Text: "Breathe slowly with the guide."},
				{ID: "stretch", Text: "Stretch, or shake out my arms and legs."},
				{ID: "music", Text: "Put on music I find calming."},
				{ID: "hands", Text: "Do something simple with my hands: dishes, folding, watering plants."},
				{ID: "light", Text: "Read or watch something light for a while."},
				{ID: "write", Text: "Write the feeling down in my journal, then put it away."},
			},
		},
		{
			Name:   "dont",
			Input:  Checklist,
			Own:    true,
			Title:  "What I will not do",
			Prompt: "Tick what you agree to avoid while the alarm is still ringing, and add your own.",
			Suggestions: []Suggestion{
				{ID: "rehearse", Text: "Replay the argument, or plan what I will say to win."},
				{ID: "drink", Text: "Drink, or take anything to numb it."},
				{ID: "drive", Text: "Drive while I am still furious."},
				{ID: "message", Text: "Send messages I would not want read aloud."},
				{ID: "follow", Text: "Follow my partner from room to room to finish my point."},
				{ID: "vent", Text: "Ring someone to go over the fight again."},
				{ID: "vanish", Text: "Leave without saying when I will be back."},
			},
		},
		{
			Name:   "come-back",
			Input:  Text,
			Title:  "Our agreement to come back",
			Prompt: "How and where will you pick the talk up again, and what will you say when you do?",
			Help: "Coming back is what makes a time-out safe. A break without a return can feel like another door closing, " +
				"especially to a hurt partner. Come back at the time you said, even if only to ask for longer.",
			Examples: []string{
				"We meet back at the kitchen table when the time is up, even if it is only to say we need longer.",
				"The one who called the break comes back first.",
				"We start again with \"Thanks for waiting\", and the other finishes what they were saying.",
				"If one of us floods again, we stop for today and set a time tomorrow.",
			},
		},
		{
			Name:  "not-safety",
			Input: Info,
			Title: "A time-out is not a safety plan",
			Help: "If you are afraid of what your partner might do when angry, or there have been threats or violence, a time-out card is not enough, and couple work is not the path. " +
				"The safety note and the help lines say what can help instead.",
		},
	},
	Sources: []string{
		"Gottman, J. M. & Silver, N. The Seven Principles for Making Marriage Work. 1999.",
		"Gottman, J. M. The Science of Trust. 2011.",
		"Zaccaro, A., Piarulli, A., Laurino, M., Garbella, E., Menicucci, D., Neri, B. & Gemignani, A. How breath-control can change your life: a systematic review on psycho-physiological correlates of slow breathing. Frontiers in Human Neuroscience 12. 2018.",
	},
}
