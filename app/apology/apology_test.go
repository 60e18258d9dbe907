package apology_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"kintsugi/app/apology"
	"kintsugi/app/exercise"
	"kintsugi/app/guide"
	"kintsugi/content"
)

// good is an apology with every part written and nothing to point out.
func good() apology.Apology {
	var a apology.Apology
	for _, st := range apology.Steps {
		set(&a, st.Part, st.Example)
	}
	return a
}

func set(a *apology.Apology, p apology.Part, text string) {
	switch p {
	case apology.Regret:
		a.Regret = text
	case apology.Explanation:
		a.Explanation = text
	case apology.Responsibility:
		a.Responsibility = text
	case apology.Repentance:
		a.Repentance = text
	case apology.Repair:
		a.Repair = text
	case apology.Forgiveness:
		a.Forgiveness = text
	}
}

type flag struct {
	part  apology.Part
	rule  apology.Rule
	quote string
}

func (f flag) String() string { return fmt.Sprintf("%s/%s %q", f.part, f.rule, f.quote) }

func TestCheck(t *testing.T) {
	const (
		reg = apology.Regret
		exp = apology.Explanation
		res = apology.Responsibility
		rep = apology.Repentance
		fix = apology.Repair
		fgv = apology.Forgiveness
	)
	tests := []struct {
		name string
		part apology.Part // the part given text; the others keep good's
		text string
		want []flag
	}{
		{"examples are clean", reg, good().Regret, nil},

		// Missing parts.
		{"regret missing", reg, "", []flag{{reg, apology.Missing, ""}}},
		{"responsibility missing", res, "  ", []flag{{res, apology.Missing, ""}}},
		{"forgiveness missing", fgv, "", []flag{{fgv, apology.Missing, ""}}},

		// "But", judged by part.
		{"sorry, but", reg, "I'm sorry, but I was so unhappy.", []flag{{reg, apology.But, "but I"}}},
		{"but at the end", res, "It was my choice, but.", []flag{{res, apology.But, "but"}}},
		{"however in responsibility", res, "I chose it. However, it was complicated.", []flag{{res, apology.But, "However, it"}}},
		{"contrast after a negation", reg, "I can't undo it, but I can tell you how sorry I am.", nil},
		{"not you but me", res, "It was not about you but about me.", nil},
		{"negation does not excuse but you", reg, "I didn't want this, but you were never home.", []flag{{reg, apology.But, "but you"}}},
		{"explanation but I is fine", exp, "I knew it was wrong, but I kept going.", nil},
		{"explanation but we", exp, "I knew it was wrong, but we had not been close for months.", []flag{{exp, apology.But, "but we"}}},
		{"explanation but things", exp, "I meant to end it but things got complicated.", []flag{{exp, apology.But, "but things"}}},
		{"repair but I can is fine", fix, "I can't make it right, but I can be honest every day.", nil},
		{"repair but you", fix, "I'll show you my phone, but you have to stop checking it.", []flag{{fix, apology.But, "but you"}}},
		{"repentance but only if", rep, "I'll end the friendship, but only if we start going out again.", []flag{{rep, apology.But, "but only"}}},
		{"idiom not only but also", reg, "I'm sorry not only for the affair but also for the lies.", nil},
		{"idiom nothing but", res, "I have nothing but regret for what I chose.", nil},
		{"idiom no choice but is an excuse, not a but", exp, "I had no choice but to lie.", []flag{{exp, apology.Excuse, "had no choice"}}},
		{"butter is not but", rep, "No more secret lunches, not even for butter cake.", nil},

		// Conditional apologies.
		{"if I hurt you", reg, "I'm sorry if I hurt you.", []flag{{reg, apology.Conditional, "sorry if"}}},
		{"if anything I did upset", reg, "Forgive me if anything I did upset you.", []flag{{reg, apology.Conditional, "if anything I did upset"}}},
		{"if you were hurt", reg, "I regret it if you were hurt.", []flag{{reg, apology.Conditional, "if you were hurt"}}},
		{"sorry you feel", reg, "I'm sorry you feel that way.", []flag{{reg, apology.Conditional, "sorry you feel"}}},

		// Caught.
		{"sorry you found out", reg, "I'm sorry you had to find out like that.", []flag{{reg, apology.Caught, "sorry you had to find out"}}},

		// Passive voice.
		{"mistakes were made", res, "Mistakes were made.", []flag{{res, apology.Passive, "Mistakes were made"}}},
		{"things got out of hand", exp, "Things got out of hand at the conference.", []flag{{exp, apology.Passive, "Things got out of hand"}}},

		// Excuses.
		{"I was drunk", exp, "I was drunk the first time.", []flag{{exp, apology.Excuse, "I was drunk"}}},
		{"it just happened", exp, "It just happened.", []flag{{exp, apology.Excuse, "It just happened"}}},
		{"not an excuse but", exp, "This isn't an excuse, but I was lonely.", []flag{{exp, apology.Excuse, "excuse, but"}}},
		{"anyone would have", exp, "Any man would have done the same.", []flag{{exp, apology.Excuse, "Any man would have"}}},
		{"did not mean to", reg, "I did not mean to hurt you.", []flag{{reg, apology.Excuse, "I did not mean to"}}},
		{"can't help but is not an excuse", reg, "I can't help but see your face that night, and I'm sorry.", nil},

		// Blame-shifting.
		{"if you hadn't", exp, "If you hadn't been away so much, none of this would have happened.", []flag{{exp, apology.Blame, "If you hadn't"}}},
		{"you made me", res, "You made me feel invisible.", []flag{{res, apology.Blame, "You made me"}}},
		{"because you were", exp, "It started because you were always at work.", []flag{{exp, apology.Blame, "because you were"}}},
		{"if you'd like is an offer", fix, "I'll show you my messages any time if you'd like to see them.", nil},
		{"we both", res, "We both made mistakes.", []flag{{res, apology.Shared, "We both"}, {res, apology.Minimising, "mistakes"}}},
		{"it takes two", exp, "It takes two.", []flag{{exp, apology.Shared, "It takes two"}}},
		{"both of us is fine in repair", fix, "I'll find a counsellor for both of us this week.", nil},

		// Minimising.
		{"only once", exp, "It only happened once.", []flag{{exp, apology.Minimising, "only happened once"}}},
		{"just once", exp, "It was just once.", []flag{{exp, apology.Minimising, "just once"}}},
		{"just texting", exp, "It was just texting at first.", []flag{{exp, apology.Minimising, "just texting"}}},
		{"meant nothing", reg, "I'm sorry. It meant nothing.", []flag{{reg, apology.Minimising, "meant nothing"}}},
		{"the only person is fine", fix, "You are the only person I want to build this with.", nil},
		{"a mistake", res, "I made a terrible mistake.", []flag{{res, apology.Minimising, "mistake"}}},

		// Pressure.
		{"you have to forgive", fgv, "You have to forgive me eventually.", []flag{{fgv, apology.Pressure, "You have to forgive"}}},
		{"move on", fgv, "Please forgive me so we can move on.", []flag{{fgv, apology.Pressure, "move on"}}},
		{"already apologised", reg, "I've already apologised a hundred times.", []flag{{reg, apology.Pressure, "I've already apologised"}}},
		{"I deserve a second chance", fgv, "I deserve a second chance.", []flag{{fgv, apology.Pressure, "I deserve a second chance"}}},
		{"I deserve your anger is humble", res, "I deserve your anger, and I'm not going anywhere.", nil},
		{"let it go too far is owning", res, "I let it go too far, and that was my doing.", nil},
		{"let it go", fgv, "I hope you can let it go.", []flag{{fgv, apology.Pressure, "let it go"}}},
		{"hope you can forgive is asking", fgv, "I hope you can forgive me one day, if you choose to.", nil},
		{"if you ever are is asking", fgv, "When you are ready, if you ever are, I hope you can forgive me.", nil},
		{"if you ever listened", exp, "If you ever listened to me, I would not have looked elsewhere.", []flag{{exp, apology.Blame, "If you ever listened"}}},

		// Self-focus.
		{"hard for me too", reg, "I'm sorry. This has been hard for me too.", []flag{{reg, apology.SelfFocus, "hard for me too"}}},
		{"terrible person", res, "I'm a terrible person.", []flag{{res, apology.SelfFocus, "I'm a terrible person"}}},

		// Several rules at once, in order of position.
		{"several", exp, "I was drunk, but you were never home, and it only happened once.",
			[]flag{{exp, apology.Excuse, "I was drunk"}, {exp, apology.But, "but you"}, {exp, apology.Minimising, "only happened once"}}},
		{"one hint per rule per part", exp, "It was just once, just a kiss.", []flag{{exp, apology.Minimising, "just once"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := good()
			set(&a, tc.part, tc.text)
			var got []flag
			for _, f := range a.Check() {
				got = append(got, flag{f.Part, f.Rule, f.Quote})
				if f.Message == "" || f.Suggestion == "" || strings.Contains(f.Message, "%!") {
					t.Errorf("%v: message %q, suggestion %q", f, f.Message, f.Suggestion)
				}
				if f.Quote != "" && a.Text(f.Part)[f.Start:f.End] != f.Quote {
					t.Errorf("%v: offsets %d:%d do not give the quote", f, f.Start, f.End)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("Check() =\n%v\nwant\n%v", got, tc.want)
			}
		})
	}
}

func TestCheckAllMissing(t *testing.T) {
	flags := apology.Apology{}.Check()
	if len(flags) != 6 {
		t.Fatalf("Check of a blank apology = %d flags, want 6", len(flags))
	}
	for i, f := range flags {
		if f.Rule != apology.Missing || f.Part != apology.Steps[i].Part {
			t.Errorf("flag %d = %s/%s, want %s/missing", i, f.Part, f.Rule, apology.Steps[i].Part)
		}
	}
	if !strings.Contains(flags[2].Message, "count most") {
		t.Errorf("missing responsibility does not say it counts most: %q", flags[2].Message)
	}
	if !strings.Contains(flags[5].Message, "leave it out") {
		t.Errorf("missing forgiveness does not say it may be left out: %q", flags[5].Message)
	}
}

func TestLetter(t *testing.T) {
	a := apology.Apology{
		Regret:         "  I'm sorry.  ",
		Responsibility: "It was my choice.\nNot yours.",
		Repair:         "I'll answer every question.",
	}
	want := "I'm sorry.\n\nIt was my choice.\nNot yours.\n\nI'll answer every question."
	if got := a.Letter(); got != want {
		t.Errorf("Letter() = %q, want %q", got, want)
	}
	if got := (apology.Apology{}).Letter(); got != "" {
		t.Errorf("blank Letter() = %q", got)
	}
	if !(apology.Apology{Repair: " "}).Empty() || a.Empty() {
		t.Errorf("Empty is wrong")
	}
}

func TestWorksheet(t *testing.T) {
	w, err := exercise.New(apology.Slug, time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	a := good()
	a.Fill(&w)
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := apology.FromWorksheet(w); got != a {
		t.Errorf("FromWorksheet(Fill(a)) = %+v, want %+v", got, a)
	}
	if len(w.Fields) != 6 || w.Fields[0].Name != "regret" || w.Fields[5].Name != "forgiveness" {
		t.Errorf("fields = %+v", w.Fields)
	}
}

func TestSteps(t *testing.T) {
	if len(apology.Steps) != 6 {
		t.Fatalf("%d steps, want 6", len(apology.Steps))
	}
	for _, st := range apology.Steps {
		if st.Title == "" || st.Prompt == "" || st.Help == "" || st.Example == "" {
			t.Errorf("step %s is incomplete", st.Part)
		}
	}
	if flags := good().Check(); len(flags) != 0 {
		t.Errorf("the examples get hints: %+v", flags)
	}
	if len(apology.Sources) == 0 {
		t.Errorf("no sources")
	}
}

func TestChapter(t *testing.T) {
	g, err := guide.Load(content.Files())
	if err != nil {
		t.Fatal(err)
	}
	c, ok := g.Chapter(apology.Chapter)
	if !ok || !slices.Contains(c.Exercises, apology.Slug) {
		t.Errorf("chapter %q is missing or does not open the builder", apology.Chapter)
	}
	if apology.Why == "" {
		t.Errorf("no Why")
	}
}
