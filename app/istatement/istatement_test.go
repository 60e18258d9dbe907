package istatement_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"kintsugi/app/exercise"
	"kintsugi/app/guide"
	"kintsugi/app/istatement"
	"kintsugi/content"
)

func TestSentence(t *testing.T) {
	tests := []struct {
		name string
		s    istatement.Statement
		want string
	}{
		{"blank", istatement.Statement{}, ""},
		{"all four, bare", istatement.Statement{
			Observation: "you came home at eleven without texting",
			Feeling:     "scared and then angry",
			Need:        "to know where you are so I can feel safe",
			Request:     "text me if you'll be later than nine",
		}, "When you came home at eleven without texting, I feel scared and then angry, because I need to know where you are so I can feel safe. Would you text me if you'll be later than nine?"},
		{"openings typed already", istatement.Statement{
			Observation: "When you came home at eleven.",
			Feeling:     "I feel scared.",
			Need:        "Because I need to know you're safe.",
			Request:     "Would you text me next time.",
		}, "When you came home at eleven, I feel scared, because I need to know you're safe. Would you text me next time?"},
		{"capitals on common words come down", istatement.Statement{
			Observation: "You looked at your phone while I talked",
			Feeling:     "Lonely",
			Need:        "Closeness",
			Request:     "Put the phone away at dinner",
		}, "When you looked at your phone while I talked, I feel lonely, because I need closeness. Would you put the phone away at dinner?"},
		{"names and I keep capitals", istatement.Statement{
			Observation: "Sam's mum mentioned the trip",
			Feeling:     "I'm shaken",
			Need:        "I need honesty from you first",
			Request:     "I'd like us to talk about it tonight",
		}, "When Sam's mum mentioned the trip, I'm shaken, because I need honesty from you first. I'd like us to talk about it tonight."},
		{"messy spacing and punctuation", istatement.Statement{
			Observation: "  we sat   through dinner\nwithout talking...  ",
			Feeling:     "sad!!",
			Need:        "need connection;",
			Request:     "please   sit with me after?",
		}, "When we sat through dinner without talking, I feel sad, because I need connection. Would you please sit with me after?"},
		{"whenever kept", istatement.Statement{Observation: "Whenever you're late", Feeling: "anxious"},
			"Whenever you're late, I feel anxious."},
		{"no feeling drops because", istatement.Statement{Observation: "you left the room", Need: "to finish talking"},
			"When you left the room, I need to finish talking."},
		{"request only, as a question", istatement.Statement{Request: "could we walk tonight?"}, "Could we walk tonight?"},
		{"request turned round", istatement.Statement{Request: "you could call at lunch"}, "Could you call at lunch?"},
		{"request with to", istatement.Statement{Request: "to tell me the same day"}, "Would you tell me the same day?"},
		{"let's", istatement.Statement{Request: "let's take a walk"}, "Let's take a walk."},
		{"just when", istatement.Statement{Observation: "When", Feeling: "hurt"}, "I feel hurt."},
		{"feeling with curly apostrophe", istatement.Statement{Feeling: "I’m feeling raw"}, "I feel raw."},
		{"quoted start", istatement.Statement{Request: "\"pause\" when it gets loud"}, "Would you \"pause\" when it gets loud?"},
		{"acronym kept", istatement.Statement{Observation: "TV was on all evening", Feeling: "alone"},
			"When TV was on all evening, I feel alone."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.s.Sentence(); got != tc.want {
				t.Errorf("Sentence() =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// flag is what a test expects of one hint.
type flag struct {
	part  istatement.Part
	rule  istatement.Rule
	quote string
}

func (f flag) String() string { return fmt.Sprintf("%s/%s %q", f.part, f.rule, f.quote) }

// full fills every part a test leaves blank with words that raise no hint.
func full(s istatement.Statement) istatement.Statement {
	if s.Observation == "" {
		s.Observation = "you came home at eleven"
	}
	if s.Feeling == "" {
		s.Feeling = "scared"
	}
	if s.Need == "" {
		s.Need = "to know you are safe"
	}
	if s.Request == "" {
		s.Request = "text me when you leave work"
	}
	return s
}

func TestCheck(t *testing.T) {
	o, f, n, r := istatement.Observation, istatement.Feeling, istatement.Need, istatement.Request
	tests := []struct {
		name string
		s    istatement.Statement
		want []flag
	}{
		{"clean", full(istatement.Statement{}), nil},
		{"clean, hard and honest", full(istatement.Statement{
			Observation: "I found the messages on your laptop on Sunday",
			Feeling:     "humiliated, and frightened I can't trust my own judgement",
			Need:        "honesty, even when it is hard",
			Request:     "would you answer my questions tonight after dinner",
		}), nil},
		{"all missing", istatement.Statement{}, []flag{{o, istatement.Missing, ""}, {f, istatement.Missing, ""}, {n, istatement.Missing, ""}, {r, istatement.Missing, ""}}},
		{"request missing only", istatement.Statement{Observation: "you left", Feeling: "sad", Need: "closeness"},
			[]flag{{r, istatement.Missing, ""}}},

		// Judgements dressed as feelings.
		{"I feel like you", full(istatement.Statement{Feeling: "I feel like you don't care"}), []flag{{f, istatement.Thought, "I feel like"}}},
		{"I feel that", full(istatement.Statement{Feeling: "I feel that this is pointless"}), []flag{{f, istatement.Thought, "I feel that"}}},
		{"I feel you", full(istatement.Statement{Feeling: "I feel you are hiding something"}), []flag{{f, istatement.Thought, "I feel you"}}},
		{"I feel as if", full(istatement.Statement{Feeling: "I feel as if I'm nothing"}), []flag{{f, istatement.Thought, "I feel as if"}}},
		{"like after the builder's I feel", full(istatement.Statement{Feeling: "like a fool"}), []flag{{f, istatement.Thought, "like"}}},
		{"they after the builder's I feel", full(istatement.Statement{Feeling: "they matter more than me"}), []flag{{f, istatement.Thought, "they"}}},
		{"abandoned", full(istatement.Statement{Feeling: "abandoned"}), []flag{{f, istatement.Judgement, "abandoned"}}},
		{"several words", full(istatement.Statement{Feeling: "ignored and disrespected, and rejected"}),
			[]flag{{f, istatement.Judgement, "ignored"}, {f, istatement.Judgement, "disrespected"}, {f, istatement.Judgement, "rejected"}}},
		{"manipulated and used", full(istatement.Statement{Feeling: "Manipulated. Used."}),
			[]flag{{f, istatement.Judgement, "Manipulated"}, {f, istatement.Judgement, "Used"}}},
		{"used to is not used", full(istatement.Statement{Feeling: "tired; I used to feel calm"}), nil},
		{"taken for granted", full(istatement.Statement{Feeling: "taken for granted"}), []flag{{f, istatement.Judgement, "taken for granted"}}},
		{"betrayed", full(istatement.Statement{Feeling: "betrayed"}), []flag{{f, istatement.Judgement, "betrayed"}}},
		{"thought and judgement together", full(istatement.Statement{Feeling: "I feel like you abandoned me"}),
			[]flag{{f, istatement.Thought, "I feel like"}, {f, istatement.Judgement, "abandoned"}}},

		// "You" blame.
		{"feeling starts with you", full(istatement.Statement{Feeling: "You hurt me"}), []flag{{f, istatement.YouBlame, "You"}}},
		{"you make me feel", full(istatement.Statement{Feeling: "small, you make me feel small"}), []flag{{f, istatement.YouBlame, "make me feel"}}},
		{"made me feel in the observation", full(istatement.Statement{Observation: "you made me feel stupid at dinner"}),
			[]flag{{o, istatement.YouBlame, "made me feel"}}},

		// Generalisations.
		{"always in the observation", full(istatement.Statement{Observation: "you always come home late"}), []flag{{o, istatement.General, "always"}}},
		{"every single time", full(istatement.Statement{Observation: "every single time we talk about money"}), []flag{{o, istatement.General, "every single time"}}},
		{"whenever", full(istatement.Statement{Observation: "whenever your phone buzzes"}), []flag{{o, istatement.General, "whenever"}}},
		{"never about the other in the feeling", full(istatement.Statement{Feeling: "sad that you never ask"}), []flag{{f, istatement.General, "never"}}},
		{"always about oneself is fine", full(istatement.Statement{Feeling: "scared, I always cry at night now"}), nil},
		{"once per part", full(istatement.Statement{Observation: "you never listen and always leave"}), []flag{{o, istatement.General, "never"}}},

		// Observations that judge.
		{"judging word", full(istatement.Statement{Observation: "you were so selfish on Saturday"}), []flag{{o, istatement.Evaluation, "selfish"}}},
		{"ignored me", full(istatement.Statement{Observation: "you ignored me at the party"}), []flag{{o, istatement.Evaluation, "ignored me"}}},
		{"mind reading", full(istatement.Statement{Observation: "you didn't care that I was upset"}), []flag{{o, istatement.Evaluation, "didn't care"}}},
		{"as usual", full(istatement.Statement{Observation: "you were late, as usual"}), []flag{{o, istatement.Evaluation, "as usual"}}},
		{"facts after a betrayal are not judgements", full(istatement.Statement{Observation: "you lied to me about Friday"}), nil},

		// Needs that are requests.
		{"need you to", full(istatement.Statement{Need: "I need you to stop lying"}), []flag{{n, istatement.NeedAsRequest, "need you to"}}},
		{"for you to", full(istatement.Statement{Need: "for you to be home by six"}), []flag{{n, istatement.NeedAsRequest, "for you to"}}},
		{"I need you, plainly", full(istatement.Statement{Need: "to know that I need you and you're here"}), nil},

		// Requests.
		{"demand", full(istatement.Statement{Request: "you have to delete their number"}), []flag{{r, istatement.Demand, "you have to"}}},
		{"or else", full(istatement.Statement{Request: "delete their number or else"}), []flag{{r, istatement.Demand, "or else"}}},
		{"or I'll", full(istatement.Statement{Request: "come home by six or I’ll leave"}), []flag{{r, istatement.Demand, "or I’ll"}}},
		{"if you have to is not a demand", full(istatement.Statement{Request: "tell me if you have to work late"}), nil},
		{"vague", full(istatement.Statement{Request: "be more considerate"}), []flag{{r, istatement.Vague, "be more considerate"}}},
		{"show me you care", full(istatement.Statement{Request: "would you show me you care"}), []flag{{r, istatement.Vague, "show me you care"}}},
		{"change at the end", full(istatement.Statement{Request: "Would you please just change?"}), []flag{{r, istatement.Vague, "change"}}},
		{"change with an object is fine", full(istatement.Statement{Request: "change the passcode with me tonight"}), nil},
		{"stop", full(istatement.Statement{Request: "would you please stop texting them"}), []flag{{r, istatement.Negative, "stop"}}},
		{"don't", full(istatement.Statement{Request: "Don’t go out on Friday"}), []flag{{r, istatement.Negative, "Don’t"}}},
		{"no longer", full(istatement.Statement{Request: "could you no longer follow them"}), []flag{{r, istatement.Negative, "no longer"}}},
		{"not after the verb is fine", full(istatement.Statement{Request: "tell me so I don't have to wonder"}), nil},
		{"negative and demand", full(istatement.Statement{Request: "stop seeing them or I'm leaving"}),
			[]flag{{r, istatement.Negative, "stop"}, {r, istatement.Demand, "or I'm"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []flag
			for _, fl := range tc.s.Check() {
				got = append(got, flag{fl.Part, fl.Rule, fl.Quote})
				if fl.Message == "" || fl.Suggestion == "" {
					t.Errorf("%v has no message or suggestion", fl)
				}
				if fl.Quote != "" && tc.s.Text(fl.Part)[fl.Start:fl.End] != fl.Quote {
					t.Errorf("%v: offsets %d:%d do not give the quote", fl, fl.Start, fl.End)
				}
				if strings.Contains(fl.Message, "%!") {
					t.Errorf("%v: bad message %q", fl, fl.Message)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("Check() =\n%v\nwant\n%v", got, tc.want)
			}
		})
	}
}

func TestCheckWords(t *testing.T) {
	find := func(s istatement.Statement, rule istatement.Rule) istatement.Flag {
		for _, f := range s.Check() {
			if f.Rule == rule {
				return f
			}
		}
		t.Fatalf("no %s flag for %+v", rule, s)
		return istatement.Flag{}
	}
	ab := find(full(istatement.Statement{Feeling: "abandoned"}), istatement.Judgement)
	if !strings.Contains(ab.Suggestion, "alone, scared or lonely") || !strings.Contains(ab.Message, "\"abandoned\"") {
		t.Errorf("abandoned: %q / %q", ab.Message, ab.Suggestion)
	}
	// After a betrayal, the word may be true: keep it, add the feeling.
	be := find(full(istatement.Statement{Feeling: "betrayed"}), istatement.Judgement)
	if !strings.Contains(be.Message, "may simply be true") || !strings.Contains(be.Suggestion, "add") {
		t.Errorf("betrayed: %q / %q", be.Message, be.Suggestion)
	}
	co := find(full(istatement.Statement{Feeling: "controlled"}), istatement.Judgement)
	if !strings.Contains(co.Suggestion, "safety note") {
		t.Errorf("controlled: %q does not mention the safety note", co.Suggestion)
	}
	re := find(istatement.Statement{Observation: "x", Feeling: "y", Need: "z"}, istatement.Missing)
	if !strings.Contains(re.Message, "do not always need one") {
		t.Errorf("missing request: %q does not say it is optional", re.Message)
	}
}

func TestFeelings(t *testing.T) {
	seen := map[string]bool{}
	for _, g := range istatement.Feelings {
		if g.Name == "" || len(g.Words) < 5 {
			t.Errorf("group %q has %d words", g.Name, len(g.Words))
		}
		for _, w := range g.Words {
			if seen[w] {
				t.Errorf("%q is listed twice", w)
			}
			seen[w] = true
			if w != strings.ToLower(strings.TrimSpace(w)) {
				t.Errorf("%q is not plain lower case", w)
			}
			// No word on the list may itself earn a hint.
			s := full(istatement.Statement{Feeling: w})
			if flags := s.Check(); len(flags) != 0 {
				t.Errorf("feeling %q gets a hint: %+v", w, flags[0])
			}
			if _, ok := istatement.Underneath(w); ok {
				t.Errorf("feeling %q is a judgement word", w)
			}
		}
	}
}

func TestUnderneath(t *testing.T) {
	tests := []struct {
		word string
		ok   bool
	}{
		{"abandoned", true},
		{"Betrayed", true},
		{"taken for granted", true},
		{"taken", false},
		{"hurt", false},
		{"", false},
	}
	for _, tc := range tests {
		got, ok := istatement.Underneath(tc.word)
		if ok != tc.ok || ok && len(got) == 0 {
			t.Errorf("Underneath(%q) = %v, %v; want ok %v", tc.word, got, ok, tc.ok)
		}
	}
	got, _ := istatement.Underneath("ignored")
	got[0] = "changed"
	if again, _ := istatement.Underneath("ignored"); again[0] == "changed" {
		t.Errorf("Underneath returns shared memory")
	}
}

func TestWorksheet(t *testing.T) {
	w, err := exercise.New(istatement.Slug, time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	w.SetText("private-note", "kept")
	s := istatement.Statement{Observation: "o", Feeling: "f", Need: "n", Request: "r"}
	s.Fill(&w)
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := istatement.FromWorksheet(w); got != s {
		t.Errorf("FromWorksheet(Fill(s)) = %+v, want %+v", got, s)
	}
	if w.Text("private-note") != "kept" || w.Text("observation") != "o" {
		t.Errorf("Fill changed other fields or used other names: %+v", w.Fields)
	}
	if !(istatement.Statement{Feeling: "  "}).Empty() || s.Empty() {
		t.Errorf("Empty is wrong")
	}
}

func TestSteps(t *testing.T) {
	want := []istatement.Part{istatement.Observation, istatement.Feeling, istatement.Need, istatement.Request}
	if len(istatement.Steps) != len(want) {
		t.Fatalf("%d steps, want 4", len(istatement.Steps))
	}
	for i, st := range istatement.Steps {
		if st.Part != want[i] || st.Title == "" || st.Prompt == "" || st.Help == "" || len(st.Examples) < 2 {
			t.Errorf("step %d (%s) is incomplete", i, st.Part)
		}
		// The examples are good answers: they raise no hint of their own.
		for _, ex := range st.Examples {
			s := full(istatement.Statement{})
			switch st.Part {
			case istatement.Observation:
				s.Observation = ex
			case istatement.Feeling:
				s.Feeling = ex
			case istatement.Need:
				s.Need = ex
			case istatement.Request:
				s.Request = ex
			}
			if flags := s.Check(); len(flags) != 0 {
				t.Errorf("example %q gets a hint: %s", ex, flags[0].Message)
			}
		}
	}
	if len(istatement.Sources) == 0 {
		t.Errorf("no sources")
	}
}

func TestChapter(t *testing.T) {
	g, err := guide.Load(content.Files())
	if err != nil {
		t.Fatal(err)
	}
	c, ok := g.Chapter(istatement.Chapter)
	if !ok || !slices.Contains(c.Exercises, istatement.Slug) {
		t.Errorf("chapter %q is missing or does not open the builder", istatement.Chapter)
	}
	if istatement.Why == "" {
		t.Errorf("no Why")
	}
}
