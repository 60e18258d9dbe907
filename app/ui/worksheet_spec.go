package ui

import (
	"kintsugi/app/apology"
	"kintsugi/app/exercise"
	"kintsugi/app/istatement"
)

// sheetSpec is what the worksheet page needs to know about one exercise:
// a worksheet definition from package exercise, or one of the two builders
// (packages istatement and apology), which bring their own checks and a
// finished text to copy.
type sheetSpec struct {
	exercise.Definition
	// hints returns gentle notes on what is written, by step name. It is
	// nil for exercises that check nothing.
	hints func(w exercise.Worksheet) []sheetHint
	// result returns the finished text to copy and its heading, or "" if
	// there is none yet. It is nil for exercises that have none.
	result func(w exercise.Worksheet) (heading, text string)
	// feelings lists words to choose from, beside the step of that name.
	feelingsStep string
}

// sheetHint is one gentle note about one step.
type sheetHint struct {
	Step       string
	Missing    bool   // the step is empty
	Quote      string // the words the note is about, as typed
	Message    string
	Suggestion string
}

// specFor returns the spec of the worksheet exercise slug.
func specFor(slug string) (sheetSpec, bool) {
	switch slug {
	case exercise.IStatement:
		return iStatementSpec(), true
	case exercise.Apology:
		return apologySpec(), true
	}
	d, ok := exercise.Find(slug)
	return sheetSpec{Definition: d}, ok
}

func iStatementSpec() sheetSpec {
	d := exercise.Definition{Slug: istatement.Slug, Title: "\"I\" statement builder", Why: istatement.Why, Chapter: istatement.Chapter, Sources: istatement.Sources}
	for _, st := range istatement.Steps {
		d.Steps = append(d.Steps, exercise.Step{Name: string(st.Part), Input: exercise.Text, Title: st.Title, Prompt: st.Prompt, Help: st.Help, Examples: st.Examples})
	}
	return sheetSpec{
		Definition:   d,
		feelingsStep: string(istatement.Feeling),
		hints: func(w exercise.Worksheet) []sheetHint {
			var hs []sheetHint
			for _, f := range istatement.FromWorksheet(w).Check() {
				hs = append(hs, sheetHint{Step: string(f.Part), Missing: f.Rule == istatement.Missing, Quote: f.Quote, Message: f.Message, Suggestion: f.Suggestion})
			}
			return hs
		},
		result: func(w exercise.Worksheet) (string, string) {
			s := istatement.FromWorksheet(w)
			if s.Empty() {
				return "", ""
			}
			return "Your \"I\" statement", s.Sentence()
		},
	}
}

func apologySpec() sheetSpec {
	d := exercise.Definition{Slug: apology.Slug, Title: "Apology builder", Why: apology.Why, Chapter: apology.Chapter, Sources: apology.Sources}
	for _, st := range apology.Steps {
		var examples []string
		if st.Example != "" {
			examples = []string{st.Example}
		}
		d.Steps = append(d.Steps, exercise.Step{Name: string(st.Part), Input: exercise.Text, Title: st.Title, Prompt: st.Prompt, Help: st.Help, Examples: examples})
	}
	return sheetSpec{
		Definition: d,
		hints: func(w exercise.Worksheet) []sheetHint {
			var hs []sheetHint
			for _, f := range apology.FromWorksheet(w).Check() {
				hs = append(hs, sheetHint{Step: string(f.Part), Missing: f.Rule == apology.Missing, Quote: f.Quote, Message: f.Message, Suggestion: f.Suggestion})
			}
			return hs
		},
		result: func(w exercise.Worksheet) (string, string) {
			a := apology.FromWorksheet(w)
			if a.Empty() {
				return "", ""
			}
			return "Your apology, as a letter", a.Letter()
		},
	}
}
