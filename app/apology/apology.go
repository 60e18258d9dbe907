// Package apology is the apology builder for the partner who strayed. It
// walks through the six parts of an apology that research on how apologies
// are received has found to matter (Lewicki, Polin & Lount, 2016): regret,
// an explanation that is not an excuse, taking responsibility, repentance
// (what will change), an offer of repair (what I will do), and asking for
// forgiveness, asking and not demanding. In that study responsibility
// counted most, repair second and the request for forgiveness least; the
// steps' help says so.
//
// [Apology.Check] gives gentle, specific hints where a part is missing or
// where the words slide into excuse, blame-shifting, minimising or
// pressure. Every rule, with the parts it looks at, is listed on [Rule];
// the one that needs most care is [But]. Hints never block anything. They
// explain, suggest, and leave the words to the writer. [Apology.Letter]
// puts the parts together to read back or copy.
//
// An apology is saved as an exercise.Worksheet with slug "apology", one
// text field per part; see [FromWorksheet] and [Apology.Fill].
//
// The package is pure Go, and all its words are our own.
package apology

import (
	"strings"

	"kintsugi/app/exercise"
)

// Slug is the exercise's slug, in package tools and on its worksheets.
const Slug = exercise.Apology

// Why says in a few sentences what the builder is for; the UI shows it
// with a link to [Chapter].
const Why = "An apology cannot end the pain, but it can show that you see what you did, own it, and mean to act differently. " +
	"This builder walks through the six parts that tend to make an apology land, one at a time, " +
	"and points out gently where the words slide into excuse or pressure."

// Chapter is the slug of the guide chapter behind the builder.
const Chapter = "a-real-apology"

// Part names one of the six parts; it is also the name of the part's field
// on a worksheet.
type Part string

// The parts, in the order they are usually spoken.
const (
	Regret         Part = "regret"
	Explanation    Part = "explanation"
	Responsibility Part = "responsibility"
	Repentance     Part = "repentance"
	Repair         Part = "repair"
	Forgiveness    Part = "forgiveness"
)

// Step is the builder's guidance for one part.
type Step struct {
	// Part is the part the step fills in.
	Part Part
	// Title is the step's heading and the label of its text box.
	Title string
	// Prompt says what to write, in a sentence or two.
	Prompt string
	// Help says more: why the part matters and what to avoid.
	Help string
	// Example is an example of the part, to show as an example only:
	// every apology has to be in the writer's own words.
	Example string
}

// Steps are the six parts' guidance, in order.
var Steps = []Step{
	{
		Part:   Regret,
		Title:  "I am sorry",
		Prompt: "Say that you are sorry, plainly, for what you did and for what it has done to your partner.",
		Help: "Be specific about the hurt. \"I'm sorry for the nights you lay awake wondering\" shows your partner that you have looked at it, " +
			"where a general \"sorry for everything\" does not.",
		Example: "I'm sorry. I'm sorry for the affair, and for every evening you sat at home believing I was working late.",
	},
	{
		Part:   Explanation,
		Title:  "How it happened",
		Prompt: "Briefly, how it came about, without defending it.",
		Help: "An explanation says how something happened; an excuse says that it was therefore all right. Keep this part short. " +
			"If you do not know why yet, say so: the deeper why is later work, and a long explanation now tends to sound like a defence.",
		Example: "I let a friendship at work turn into something secret, one step at a time, and at each step I told myself it did not count. I knew it did.",
	},
	{
		Part:   Responsibility,
		Title:  "It was my choice",
		Prompt: "Say plainly that it was your choice and your doing, and that your partner did not cause it.",
		Help: "Of the six parts, this is the one that counted most in research on apologies. " +
			"Use \"I\" and active words: \"I lied to you\", not \"things were kept from you\".",
		Example: "It was my choice, every time. You did not cause it, and nothing about our relationship made it all right.",
	},
	{
		Part:   Repentance,
		Title:  "What will change",
		Prompt: "Say what you will not do again, and what you are doing to make sure of it.",
		Help:   "A promise is easier to believe when it comes with something your partner can see you doing.",
		Example: "I will not contact them again, and I have blocked them everywhere. " +
			"I am seeing a counsellor to understand how I let this happen, so that I never let it happen again.",
	},
	{
		Part:   Repair,
		Title:  "What I will do",
		Prompt: "Offer something concrete you will do, starting now, to make things as right as they can be.",
		Help: "This part counted second most. It points to the future, where your partner can watch it happen, " +
			"which is why it can outweigh the most beautiful words.",
		Example: "I will answer your questions as often as you need to ask them, without sighing. " +
			"If they ever try to reach me, you will hear about it from me that day.",
	},
	{
		Part:   Forgiveness,
		Title:  "Asking, not expecting",
		Prompt: "If you want to, ask for forgiveness in a way that leaves your partner completely free to say no, or not yet.",
		Help: "This part counted least, and reaching for it too soon can make the whole apology sound like a way to end the discomfort. " +
			"You can leave it out.",
		Example: "I hope that one day you may be able to forgive me. That is yours to decide, in your own time, and I will keep doing the work either way.",
	},
}

// Sources are the works this package's facts rest on.
var Sources = []string{
	"Lewicki, R. J., Polin, B. & Lount, R. B. An exploration of the structure of effective apologies. Negotiation and Conflict Management Research 9(2). 2016.",
}

// Apology is an apology in its six parts, as the writer wrote them.
type Apology struct {
	Regret         string // I am sorry
	Explanation    string // how it happened, without excuse
	Responsibility string // it was my choice
	Repentance     string // what will change
	Repair         string // what I will do
	Forgiveness    string // asking, not expecting
}

// Text returns the text of part p.
func (a Apology) Text(p Part) string {
	switch p {
	case Regret:
		return a.Regret
	case Explanation:
		return a.Explanation
	case Responsibility:
		return a.Responsibility
	case Repentance:
		return a.Repentance
	case Repair:
		return a.Repair
	case Forgiveness:
		return a.Forgiveness
	}
	return ""
}

// Empty reports whether every part is blank.
func (a Apology) Empty() bool {
	for _, st := range Steps {
		if strings.TrimSpace(a.Text(st.Part)) != "" {
			return false
		}
	}
	return true
}

// Letter returns the parts written so far as one text to read back or
// copy: each part a paragraph, in order, trimmed, blank parts left out.
// Line breaks within a part are kept.
func (a Apology) Letter() string {
	var paras []string
	for _, st := range Steps {
		if t := strings.TrimSpace(a.Text(st.Part)); t != "" {
			paras = append(paras, t)
		}
	}
	return strings.Join(paras, "\n\n")
}

// FromWorksheet returns the apology saved on w.
func FromWorksheet(w exercise.Worksheet) Apology {
	var a Apology
	for _, st := range Steps {
		*a.field(st.Part) = w.Text(string(st.Part))
	}
	return a
}

// Fill writes a onto w, one field per part, leaving w's other fields
// alone.
func (a Apology) Fill(w *exercise.Worksheet) {
	for _, st := range Steps {
		w.SetText(string(st.Part), a.Text(st.Part))
	}
}

func (a *Apology) field(p Part) *string {
	switch p {
	case Regret:
		return &a.Regret
	case Explanation:
		return &a.Explanation
	case Responsibility:
		return &a.Responsibility
	case Repentance:
		return &a.Repentance
	case Repair:
		return &a.Repair
	default:
		return &a.Forgiveness
	}
}
