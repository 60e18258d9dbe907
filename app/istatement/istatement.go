// Package istatement is the "I" statement builder: it helps a person turn a
// hard feeling into words the other person can hear, in four parts taken
// from Marshall Rosenberg's Nonviolent Communication (2003): what happened
// (an observation), what I feel, what I need, and what I am asking for.
//
// [Statement.Sentence] puts the parts together as one finished sentence
// to copy. [Statement.Check] offers gentle, specific hints, each with a
// plain explanation and a suggestion; it never blocks anything, and its
// words never tell a hurt person that their pain is the wrong shape. The
// rules it applies are listed on [Rule]. [Feelings] is a list of plain
// feeling words for the builder, grouped; [Underneath] suggests feelings
// that may lie beneath a word that judges.
//
// A statement is saved as an exercise.Worksheet with slug "i-statement",
// one text field per part; see [FromWorksheet] and [Statement.Fill].
//
// The package is pure Go, and all its words are our own.
package istatement

import (
	"strings"

	"kintsugi/app/exercise"
)

// Slug is the exercise's slug, in package tools and on its worksheets.
const Slug = exercise.IStatement

// Why says in a few sentences what the builder is for; the UI shows it
// with a link to [Chapter].
const Why = "After a betrayal, the sentences that come first often start with \"you\", and a person busy defending cannot listen. " +
	"An \"I\" statement says what happened, what you feel, what you need and what you are asking for, so that your words can land. " +
	"It does not make your anger smaller; it helps it be heard."

// Chapter is the slug of the guide chapter behind the builder.
const Chapter = "i-statements"

// Part names one of the four parts; it is also the name of the part's
// field on a worksheet.
type Part string

// The parts, in the order they are spoken.
const (
	Observation Part = "observation"
	Feeling     Part = "feeling"
	Need        Part = "need"
	Request     Part = "request"
)

// Step is the builder's guidance for one part.
type Step struct {
	// Part is the part the step fills in.
	Part Part
	// Title is the step's heading and the label of its text box.
	Title string
	// Prompt says what to write, in a sentence.
	Prompt string
	// Help says more, with an example of what to avoid.
	Help string
	// Examples are example answers for this part alone.
	Examples []string
}

// Steps are the four parts' guidance, in order.
var Steps = []Step{
	{
		Part:   Observation,
		Title:  "What happened",
		Prompt: "Describe one moment the way a camera would have recorded it: what was said or done, and when.",
		Help: "Leave out words that judge or explain it. " +
			"\"You looked at your phone while I was talking\" is easier to hear than \"you ignored me\".",
		Examples: []string{
			"you came home at eleven without texting",
			"I saw a message from them on your phone last night",
			"we ate dinner without saying a word to each other",
		},
	},
	{
		Part:   Feeling,
		Title:  "What I feel",
		Prompt: "Name one or two feelings, the kind you notice in your body.",
		Help: "If you can swap \"I feel\" for \"I think\" and the sentence still makes sense, it is a thought. " +
			"Look for the feeling underneath it. The list of feelings can help.",
		Examples: []string{
			"scared, and then angry",
			"lonely",
			"hurt, and tired of pretending I'm fine",
		},
	},
	{
		Part:   Need,
		Title:  "What I need",
		Prompt: "What matters to you underneath the feeling?",
		Help: "A need is about you, not a task for the other person: " +
			"safety, honesty, reassurance, rest, closeness, to be taken seriously.",
		Examples: []string{
			"to know where you are, so I can feel safe",
			"honesty, even when it is hard to hear",
			"some closeness at the end of the day",
		},
	},
	{
		Part:   Request,
		Title:  "What I am asking",
		Prompt: "One specific thing your partner could do, that they can say yes or no to.",
		Help: "Ask for what you would like rather than what you want stopped, " +
			"and make it something that could happen this week.",
		Examples: []string{
			"text me if you will be later than nine",
			"sit with me for ten minutes once the children are asleep",
			"tell me the same day if they contact you",
		},
	},
}

// Sources are the works this package's facts and method rest on.
var Sources = []string{
	"Rosenberg, M. B. Nonviolent Communication: A Language of Life. 2nd ed. 2003.",
}

// Statement is an "I" statement in its four parts, as the person wrote
// them.
type Statement struct {
	Observation string // what happened, as a camera would have seen it
	Feeling     string // what I feel
	Need        string // what I need
	Request     string // what I am asking for
}

// Text returns the text of part p.
func (s Statement) Text(p Part) string {
	switch p {
	case Observation:
		return s.Observation
	case Feeling:
		return s.Feeling
	case Need:
		return s.Need
	case Request:
		return s.Request
	}
	return ""
}

// Empty reports whether every part is blank.
func (s Statement) Empty() bool {
	return strings.TrimSpace(s.Observation+s.Feeling+s.Need+s.Request) == ""
}

// FromWorksheet returns the statement saved on w.
func FromWorksheet(w exercise.Worksheet) Statement {
	return Statement{
		Observation: w.Text(string(Observation)),
		Feeling:     w.Text(string(Feeling)),
		Need:        w.Text(string(Need)),
		Request:     w.Text(string(Request)),
	}
}

// Fill writes s onto w, one field per part, leaving w's other fields
// alone.
func (s Statement) Fill(w *exercise.Worksheet) {
	for _, st := range Steps {
		w.SetText(string(st.Part), s.Text(st.Part))
	}
}
