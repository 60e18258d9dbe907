package istatement

import (
	"fmt"
	"slices"
	"strings"

	"kintsugi/app/order"
	"kintsugi/app/phrase"
)

// Rule names a kind of hint [Statement.Check] gives. Each is gentle: it
// explains and suggests, and the person is free to keep their words.
type Rule string

// The rules, with the part each looks at. Matching is word by word,
// ignoring case, accents and apostrophes ("dont" is "don't").
const (
	// Missing: a part is blank. The request's hint says it is optional.
	Missing Rule = "missing"
	// Thought: a judgement dressed as a feeling, in the feeling part:
	// "I feel like…", "I feel that…", "I feel as if…", "I feel you…" (or
	// he, she, they), or, since the builder supplies "I feel", a feeling
	// that starts with "like", "that", "as if", "he", "she" or "they".
	Thought Rule = "thought"
	// Judgement: a word in the feeling part that sounds like a feeling
	// but says what someone else did: abandoned, betrayed, manipulated,
	// ignored, used (not "used to"), disrespected, rejected, and the other
	// words [Underneath] knows. The hint names feelings that may lie
	// underneath. For betrayed, lied to, deceived and cheated it says
	// plainly that the word may be true, and invites adding the feeling,
	// not replacing the word; for controlled it mentions the safety note.
	Judgement Rule = "judgement"
	// Evaluation: a word in the observation that judges ("selfish",
	// "rude", "ignored me", "as usual") or guesses at the other's mind
	// ("didn't care", "on purpose") instead of describing what happened.
	Evaluation Rule = "evaluation"
	// YouBlame: a feeling that starts with "you" or "your", or "you make
	// me feel" (made, makes) in the feeling or the observation.
	YouBlame Rule = "you-blame"
	// General: "always", "never", "every time", "every single time", "all
	// the time", "constantly", "not once", "whenever", "each and every" in
	// the observation, or in the feeling where the clause is about the
	// other person ("you never…"), not about oneself ("I always cry").
	General Rule = "general"
	// NeedAsRequest: a need that is really a request, "I need you to…",
	// "for you to…", or a need that starts with "you".
	NeedAsRequest Rule = "need-as-request"
	// Demand: a request that leaves no room for no: "you have to", "you
	// must", "you should", "you'd better", "I demand", "I insist", "or
	// else", "or I'll" (also "otherwise I'll", "or I will", "or I leave"),
	// "if you don't", "I expect you to", "don't you dare". "You have to" and
	// the like are skipped after "if", "when", "unless", "because" or "so",
	// so "…if you have to work late" is left alone.
	Demand Rule = "demand"
	// Vague: a request hard to act on: "be more…", "be better", "do
	// better", "try harder", "make an effort", "respect me", "care more",
	// "show me you care", "be there for me", "be honest", "understand me",
	// "treat me better", "pay more attention", "open up", "prove it", or
	// "change" as the last word.
	Vague Rule = "vague"
	// Negative: a request whose main verb asks for a stop ("stop", "quit",
	// "don't", "never", "not", "no longer"), found after the request's
	// opening words such as "would you" or "please".
	Negative Rule = "negative"
)

// Flag is one hint about one part.
type Flag struct {
	// Part is the part the hint is about.
	Part Part
	// Rule is the kind of hint.
	Rule Rule
	// Quote is the words the hint is about, as typed; "" for Missing.
	Quote string
	// Start and End are Quote's byte offsets in the part's text, for
	// highlighting; both 0 for Missing.
	Start, End int
	// Message explains the hint in plain words.
	Message string
	// Suggestion says what to try instead.
	Suggestion string
}

// Check returns hints about s, ordered by part and then by position. An
// empty result means nothing to point out, not a grade.
func (s Statement) Check() []Flag {
	var flags []Flag
	for _, st := range Steps {
		text := s.Text(st.Part)
		if strings.TrimSpace(text) == "" {
			f := missing[st.Part]
			f.Part, f.Rule = st.Part, Missing
			flags = append(flags, f)
			continue
		}
		flags = append(flags, checkPart(st.Part, text)...)
	}
	return flags
}

var missing = map[Part]Flag{
	Observation: {
		Message:    "There is no \"what happened\" yet. One specific moment, described plainly, lets your partner know exactly what you mean.",
		Suggestion: "Try when and what: \"last night, when you…\".",
	},
	Feeling: {
		Message:    "There is no feeling yet. It is the heart of the statement, and the part your partner most needs to hear.",
		Suggestion: "Pick one or two words from the list of feelings.",
	},
	Need: {
		Message:    "There is no need yet. Saying what matters to you helps your partner understand why this moment hurt.",
		Suggestion: "Try \"because I need…\" with a word like safety, honesty, reassurance or closeness.",
	},
	Request: {
		Message:    "There is no request yet. You do not always need one, but a clear request gives your partner a way to help.",
		Suggestion: "Ask for one specific thing they could do this week.",
	},
}

// hint is a way of finding one kind of hint in one part's words.
type hint struct {
	rule Rule
	// once keeps only the first match of the hint in a part.
	once bool
	// patterns are what to look for.
	patterns []phrase.Pattern
	// notAfter and notBefore skip a match preceded or followed by one
	// of these words.
	notAfter, notBefore []string
	// clauseHas, if set, keeps only matches whose clause has one of these
	// words.
	clauseHas []string
	// atEnd keeps only a match that ends the text.
	atEnd bool
	// message explains, with one %s for the quoted words; suggestion
	// says what to try.
	message, suggestion string
}

func patterns(srcs ...string) []phrase.Pattern {
	out := make([]phrase.Pattern, len(srcs))
	for i, s := range srcs {
		out[i] = phrase.Compile(s)
	}
	return out
}

const cameraSuggestion = "Describe what a camera would have recorded: what was said or done, and when."

var otherPerson = []string{"you", "your", "youre", "youve", "he", "she", "they", "him", "her", "them", "hes", "shes", "theyre"}

var (
	thoughtHint = hint{
		rule: Thought, once: true,
		patterns: patterns(
			"i? feel|felt|feeling like|that",
			"i? feel|felt|feeling as if|though",
			"i? feel|felt|feeling you|youre|he|she|they|hes|shes|theyre",
		),
		message: "\"%s\" usually brings in a thought rather than a feeling. If you can swap \"feel\" for \"think\" and it still makes sense, " +
			"it is a thought, and a thought invites an argument about whether it is true.",
		suggestion: "Ask yourself what you feel when you think it, perhaps scared, hurt or lonely, and say that.",
	}
	makeMeFeelHint = hint{
		rule: YouBlame, once: true,
		patterns: patterns("make|makes|made|making me feel"),
		message: "\"%s\" hands your feelings to your partner, as if they were in charge of them. " +
			"It tends to sound like blame, even when you do not mean it that way.",
		suggestion: "Try \"I feel … when …\" instead.",
	}
	generalHint = hint{
		rule: General, once: true,
		patterns:   patterns("always", "never", "every single? time", "all the time", "constantly", "not once", "whenever", "each and every"),
		message:    "\"%s\" invites a debate about the exceptions, and the one time it did not happen can become the topic instead of what you feel.",
		suggestion: "Pick one recent, specific time and describe just that.",
	}
	judgingHint = hint{
		rule: Evaluation,
		patterns: patterns(
			"selfish", "lazy", "rude", "inconsiderate", "thoughtless", "careless", "cruel", "heartless",
			"pathetic", "useless", "disgusting", "ridiculous", "liar", "cheater", "typical", "as usual",
			"ignored|dismissed|disrespected|abandoned|rejected|neglected|belittled|manipulated|humiliated me|us",
		),
		message:    "\"%s\" is a judgement of what happened rather than a description of it. Your partner may argue with the judgement and miss the rest.",
		suggestion: cameraSuggestion,
	}
	mindReadingHint = hint{
		rule: Evaluation,
		patterns: patterns(
			"didnt|dont|doesnt care", "did|do|does not care",
			"couldnt care less", "on purpose", "deliberately", "wanted to hurt", "obviously",
		),
		message:    "\"%s\" guesses at what was going on inside your partner. They may argue with the guess, and the moment itself gets lost.",
		suggestion: cameraSuggestion,
	}
	needHint = hint{
		rule: NeedAsRequest, once: true,
		patterns: patterns("need you|him|her|them to", "for you|him|her|them to"),
		message: "\"%s\" asks your partner to do something, which makes it a request. " +
			"A need is what matters to you underneath: safety, honesty, reassurance, rest, closeness.",
		suggestion: "Move the action to \"What I am asking\", and name the need here.",
	}
	demandHint = hint{
		rule: Demand, once: true,
		patterns: patterns(
			"you have|need|got to", "you must", "you should", "you better", "you had better", "youd better",
			"i demand", "i insist", "or else", "or|otherwise i will|am|leave|walk|go|quit", "or|otherwise ill|im",
			"if you dont|wont|cant", "if you do not",
			"i expect you", "dont you dare",
		),
		notAfter: []string{"if", "when", "whenever", "unless", "because", "so"},
		message: "\"%s\" sounds like a demand: it leaves no room for no. " +
			"A request your partner can say no to is, oddly, easier to say yes to.",
		suggestion: "If no truly is not an option, that is a boundary rather than a request, and you can say so plainly. Otherwise, try \"Would you…?\"",
	}
	vagueHint = hint{
		rule: Vague, once: true,
		patterns: patterns(
			"be more|less *", "be a? better", "do better", "try harder", "try to be", "make an|more effort",
			"put in more? effort", "respect me", "care about me", "care more", "show me that? you care|love",
			"be there for me", "be honest|open|nicer|kinder|present|supportive|considerate",
			"understand me", "treat me better|right|well", "pay more? attention", "open up", "prove it|yourself",
		),
		message:    "\"%s\" is hard to act on: your partner may not know what it would look like, or when they have done it.",
		suggestion: "Ask for one thing you could see happen this week: who does what, and when.",
	}
	changeHint = hint{
		rule: Vague, once: true, atEnd: true,
		patterns:   patterns("change", "grow up"),
		message:    vagueHint.message,
		suggestion: vagueHint.suggestion,
	}
)

// hints are the hints for each part, in priority order: where two
// overlap, the earlier wins.
var hints = map[Part][]hint{
	Observation: {makeMeFeelHint, mindReadingHint, judgingHint, generalHint},
	Feeling:     {thoughtHint, makeMeFeelHint, withClause(generalHint, otherPerson)},
	Need:        {needHint},
	Request:     {demandHint, vagueHint, changeHint},
}

func withClause(h hint, words []string) hint {
	h.clauseHas = words
	return h
}

// checkPart returns the hints for one non-blank part.
func checkPart(p Part, text string) []Flag {
	ws := phrase.Split(text)
	var flags []Flag
	add := func(rule Rule, first, end int, message, suggestion string) bool {
		start, stop := ws[first].Start, ws[end-1].End
		for _, f := range flags {
			if start < f.End && f.Start < stop {
				return false // overlaps a hint already given
			}
		}
		quote := text[start:stop]
		flags = append(flags, Flag{
			Part: p, Rule: rule, Quote: quote, Start: start, End: stop,
			Message: fmt.Sprintf(message, quote), Suggestion: suggestion,
		})
		return true
	}
	if p == Feeling {
		feelingStart(ws, add)
	}
	if p == Request {
		negativeRequest(ws, add)
	}
	for _, h := range hints[p] {
		find(ws, h, add)
	}
	if p == Feeling {
		for _, j := range judgements {
			judgementWords(ws, j, add)
		}
	}
	order.Stable(flags, func(a, b Flag) int { return a.Start - b.Start })
	return flags
}

type adder func(rule Rule, first, end int, message, suggestion string) bool

// find adds the matches of h in words, in the order they appear.
func find(ws []phrase.Word, h hint, add adder) {
	var ms []phrase.Match
	for _, pat := range h.patterns {
		ms = append(ms, phrase.Find(ws, pat)...)
	}
	order.Stable(ms, func(a, b phrase.Match) int { return a.First - b.First })
	for _, m := range ms {
		if m.First > 0 && slices.Contains(h.notAfter, ws[m.First-1].Key) {
			continue
		}
		if m.End < len(ws) && slices.Contains(h.notBefore, ws[m.End].Key) {
			continue
		}
		if h.atEnd && m.End != len(ws) {
			continue
		}
		if h.clauseHas != nil && !clauseHas(ws, ws[m.First].Clause, h.clauseHas) {
			continue
		}
		if add(h.rule, m.First, m.End, h.message, h.suggestion) && h.once {
			return
		}
	}
}

func clauseHas(ws []phrase.Word, clause int, keys []string) bool {
	for _, w := range ws {
		if w.Clause == clause && slices.Contains(keys, w.Key) {
			return true
		}
	}
	return false
}

// feelingStart flags a feeling that, after the "I feel" the builder puts
// in front of it, starts with a thought or with "you".
func feelingStart(ws []phrase.Word, add adder) {
	if len(ws) == 0 {
		return
	}
	switch k := ws[0].Key; {
	case k == "i" || k == "feel" || k == "feeling" || k == "felt":
		return // thoughtHint's patterns see "I feel like…" whole
	case k == "you" || k == "your" || k == "youre" || k == "youve":
		add(YouBlame, 0, 1, "Starting with \"%s\" puts the spotlight on your partner, and they are likely to defend rather than listen.",
			"Start from yourself: what do you feel, inside, when this happens?")
	case k == "like" || k == "that" || k == "he" || k == "she" || k == "they" || k == "hes" || k == "shes" || k == "theyre":
		add(Thought, 0, 1, thoughtHint.message, thoughtHint.suggestion)
	case k == "as" && len(ws) > 1 && (ws[1].Key == "if" || ws[1].Key == "though"):
		add(Thought, 0, 2, thoughtHint.message, thoughtHint.suggestion)
	}
}

// judgementWords flags each use of one judgement word.
func judgementWords(ws []phrase.Word, j judgement, add adder) {
	for _, m := range phrase.Find(ws, j.pattern) {
		if j.notBefore != "" && m.End < len(ws) && ws[m.End].Key == j.notBefore {
			continue
		}
		under := orList(j.underneath)
		var message, suggestion string
		switch {
		case j.betrayal:
			message = "After what happened, \"%s\" may simply be true, and you can keep it. " +
				"It names what was done to you. Adding what it is like inside you tells your partner the part they most need to hear."
			suggestion = "You could add the feeling too, for example " + under + "."
		default:
			message = "\"%s\" says what someone did to you more than what is happening inside you. " +
				"Your partner may hear it as a charge and defend, and the feeling gets lost."
			suggestion = "The feeling underneath might be " + under + "."
			if j.safety {
				suggestion += " If you often feel controlled, or afraid of your partner, please read the safety note: that is more than an \"I\" statement can mend."
			}
		}
		add(Judgement, m.First, m.End, message, suggestion)
	}
}

// requestOpenings are the words a request may start with before its main
// verb.
var requestOpenings = patterns(
	"would|could|will|can|might you please?", "would|could|will|can you be willing to",
	"are you willing to", "i would like you to", "id like you to", "i want you to",
	"i am asking you to", "im asking you to",
	"please", "to", "you",
)

// negativeRequest flags a request whose main verb asks for a stop.
func negativeRequest(ws []phrase.Word, add adder) {
	i := 0
	for moved := true; moved && i < len(ws); {
		moved = false
		for _, p := range requestOpenings {
			if m, ok := phrase.MatchAt(ws, p, i); ok {
				i, moved = m.End, true
				break
			}
		}
	}
	if i >= len(ws) {
		return
	}
	end := i + 1
	switch k := ws[i].Key; {
	case k == "no" && i+1 < len(ws) && (ws[i+1].Key == "longer" || ws[i+1].Key == "more"):
		end = i + 2
	case k == "do" && i+1 < len(ws) && ws[i+1].Key == "not":
		end = i + 2
	case k == "stop" || k == "quit" || k == "dont" || k == "never" || k == "not":
	default:
		return
	}
	add(Negative, i, end, "\"%s\" asks for something to stop. That tells your partner what not to do, but not what would help.",
		"Ask for what you would like instead, for example \"Would you tell me the same day if…?\"")
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
