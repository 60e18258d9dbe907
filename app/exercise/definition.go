package exercise

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"kintsugi/content"
)

// Input says what a step asks for, and so how the UI shows it and where
// the answer goes in its [Field].
type Input string

// The inputs.
const (
	// Info is guidance to read: a title, help and points. Nothing is saved.
	Info Input = "info"
	// Text is one written answer, in Field.Text.
	Text Input = "text"
	// List is the person's own entries, in Field.Items; Suggestions offer
	// ready-made ones to add and then edit.
	List Input = "list"
	// Checklist is a set of Suggestions to tick, in Field.Items (a ticked
	// suggestion is an item with its Ref); if Own is set the person may
	// add entries of their own.
	Checklist Input = "checklist"
	// Choice is one of Options, its ID in Field.Text.
	Choice Input = "choice"
	// Date is a day, written as 2006-01-02 in Field.Text (the value of an
	// HTML date input).
	Date Input = "date"
)

// Definition describes one worksheet exercise: why it helps and the steps
// it walks through.
type Definition struct {
	// Slug is the tool's slug in package tools, and the worksheet's Slug.
	Slug string `json:"slug,omitempty"`
	// Title is the exercise's title.
	Title string `json:"title,omitempty"`
	// Why says in two or three sentences what the exercise is for.
	Why string `json:"why,omitempty"`
	// Chapter is the slug of the guide chapter the Why links to.
	Chapter string `json:"chapter,omitempty"`
	// Private marks a reflection meant for one person alone; the UI says
	// so and never suggests sharing it.
	Private bool `json:"private,omitempty"`
	// Steps are the steps, in order.
	Steps []Step `json:"steps,omitempty"`
	// Sources are the works behind any fact the steps state: author(s),
	// work, year.
	Sources []string `json:"sources,omitempty"`
}

// Step is one step of an exercise.
type Step struct {
	// Name is the stable name its answer is saved under; never rename a
	// step that has shipped, or saved answers lose their place.
	Name string `json:"name,omitempty"`
	// Input is what the step asks for.
	Input Input `json:"input,omitempty"`
	// Title is a short heading, also the label of its form control.
	Title string `json:"title,omitempty"`
	// Prompt is the question or instruction, one or two sentences.
	Prompt string `json:"prompt,omitempty"`
	// Help is more guidance, shown beside or below the prompt.
	Help string `json:"help,omitempty"`
	// Points are short guidance points to show as a list, in Info steps
	// chiefly.
	Points []string `json:"points,omitempty"`
	// Examples are example answers, to show as examples, never as
	// defaults.
	Examples []string `json:"examples,omitempty"`
	// Optional steps may be left empty when the worksheet is finished.
	Optional bool `json:"optional,omitempty"`
	// Options are the choices of a Choice step.
	Options []Option `json:"options,omitempty"`
	// Suggestions are ready-made entries for a List or Checklist step.
	Suggestions []Suggestion `json:"suggestions,omitempty"`
	// Own lets a Checklist step take entries of the person's own.
	Own bool `json:"own,omitempty"`
	// Marks are the marks each item may carry, such as "asked".
	Marks []Option `json:"marks,omitempty"`
	// Choices are the choices each item may carry, such as "who".
	Choices []ItemChoice `json:"choices,omitempty"`
	// Note is the label of each item's note, or "" if items have none.
	Note string `json:"note,omitempty"`
	// Dated steps give each item a date, such as a log entry's day.
	Dated bool `json:"dated,omitempty"`
}

// Option is one option of a choice, or one mark an item may carry.
type Option struct {
	// ID is the stable name saved when the option is picked.
	ID string `json:"id,omitempty"`
	// Label is what the person reads.
	Label string `json:"label,omitempty"`
	// Help optionally says more about it.
	Help string `json:"help,omitempty"`
}

// Suggestion is a ready-made entry for a list or checklist.
type Suggestion struct {
	// ID is saved as the Ref of an item made from it.
	ID string `json:"id,omitempty"`
	// Text is the entry.
	Text string `json:"text,omitempty"`
	// Group is an optional heading to gather suggestions under.
	Group string `json:"group,omitempty"`
	// Help optionally says more about it.
	Help string `json:"help,omitempty"`
}

// ItemChoice is a choice each item of a list may carry.
type ItemChoice struct {
	// Name is the stable key in Item.Choices.
	Name string `json:"name,omitempty"`
	// Label labels the choice's form control.
	Label string `json:"label,omitempty"`
	// Options are what may be picked.
	Options []Option `json:"options,omitempty"`
}

// Definitions are the worksheet exercises, in the order of the Tools page.
// The "I" statement and apology builders are not here: packages
// istatement and apology hold their steps and checks.
//
// They are read from content/exercises.json (File) on first use and kept.
// If it cannot be read (in the browser: the content was not fetched),
// there are none, and the worksheet pages say the exercise is not
// available; it is read again on the next call.
func Definitions() []Definition {
	defs.Lock()
	defer defs.Unlock()
	if defs.list == nil {
		if list, err := Parse([]byte(content.Files()[File])); err == nil {
			defs.list = list
		}
	}
	return defs.list
}

// File is the content file that holds the definitions.
const File = "exercises.json"

var defs struct {
	sync.Mutex
	list []Definition
}

// Parse reads definitions written as a JSON array, as in File. A field it
// does not know, or anything after the array, is an error.
func Parse(data []byte) ([]Definition, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var list []Definition
	if err := dec.Decode(&list); err != nil {
		return nil, fmt.Errorf("%s: %w", File, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s: something follows the list", File)
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("%s: no exercises", File)
	}
	return list, nil
}

// Find returns the definition of the exercise slug.
func Find(slug string) (Definition, bool) {
	for _, d := range Definitions() {
		if d.Slug == slug {
			return d, true
		}
	}
	return Definition{}, false
}

// Step returns the step with the given name.
func (d Definition) Step(name string) (Step, bool) {
	for _, s := range d.Steps {
		if s.Name == name {
			return s, true
		}
	}
	return Step{}, false
}

// Missing returns the steps of d that w leaves empty but should not:
// steps that are neither Info nor Optional, with no text and no items.
// The UI can point to them when someone marks the worksheet finished; it
// should not refuse to finish, because a person may have good reasons to
// leave a step blank.
func (d Definition) Missing(w Worksheet) []Step {
	var out []Step
	for _, s := range d.Steps {
		if s.Input == Info || s.Optional {
			continue
		}
		f, _ := w.Field(s.Name)
		if strings.TrimSpace(f.Text) == "" && len(f.Items) == 0 {
			out = append(out, s)
		}
	}
	return out
}

// Option returns the option of a Choice step with the given ID.
func (s Step) Option(id string) (Option, bool) {
	for _, o := range s.Options {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

// Suggestion returns the suggestion with the given ID.
func (s Step) Suggestion(id string) (Suggestion, bool) {
	for _, g := range s.Suggestions {
		if g.ID == id {
			return g, true
		}
	}
	return Suggestion{}, false
}

// Groups returns the distinct groups of the step's suggestions, in the
// order they first appear; "" stands for suggestions with no group.
func (s Step) Groups() []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range s.Suggestions {
		if !seen[g.Group] {
			seen[g.Group] = true
			out = append(out, g.Group)
		}
	}
	return out
}
