package apology

import (
	"fmt"
	"slices"
	"strings"

	"kintsugi/app/order"
	"kintsugi/app/phrase"
)

// Rule names a kind of hint [Apology.Check] gives. Matching is word by
// word, ignoring case, accents and apostrophes ("didnt" is "didn't"), and
// never across a sentence end. Each rule gives at most one hint per part;
// where two would cover the same words, the one listed first here wins.
type Rule string

// The rules, with the parts each looks at.
const (
	// Missing: a part is blank. The hint for Responsibility says it
	// counts most; the one for Forgiveness says it may be left out.
	Missing Rule = "missing"
	// Caught (every part): regret about being found out rather than about
	// what was done: "sorry you found out", "sorry you had to find out",
	// "sorry it came out", "sorry I got caught".
	Caught Rule = "caught"
	// Conditional (every part): "if I hurt you" (and "if anything I did
	// upset you", "if that offended you"…), "if you were hurt", "sorry
	// if", "to the extent that", and "sorry you feel" (felt, were, are),
	// which is sorry about the partner's feelings rather than for one's
	// own acts.
	Conditional Rule = "conditional"
	// Passive (every part): "mistakes were made", "things were said",
	// "lines were crossed", "it got out of hand", "it went too far",
	// "feelings developed": what happened, with no one doing it.
	Passive Rule = "passive"
	// Excuse (every part): "I was drunk" (high, drinking), "the alcohol",
	// "it just happened", "one thing led to another", "in the heat of the
	// moment", "I got carried away", "I couldn't help it", "I had no
	// choice", "I wasn't myself", "out of my control", "anyone would
	// have", "everyone does", "I didn't mean to", and "not an excuse, but"
	// (excuses, excusing, justifying), which tends to announce one.
	Excuse Rule = "excuse"
	// Blame (every part): "if you hadn't" (wouldn't, weren't, didn't,
	// never), "if you had", "if you were", "if only you" (but not "if
	// you'd like", "if you want"…), "you made me" (drove, pushed, forced),
	// "you left me no choice", "because you were" (had, never, always,
	// didn't, stopped…), "your fault", "it's on you".
	Blame Rule = "blame"
	// Shared (regret, explanation, responsibility): "we both", "both of
	// us", "it takes two", "our fault", "both to blame". Both partners
	// may have shaped the relationship, and that belongs to later work; in
	// an apology it spreads out a choice that was one person's.
	Shared Rule = "shared"
	// Pressure (every part): "you have to forgive" (need to, must,
	// should, will), "you owe me", "move on", "get over it", "put it
	// behind us", "let it go", "leave it in the past", "stop bringing it
	// up", "what more do you want", "I've already said sorry", "I already
	// apologised", "forgive and forget", "when will you", "how long will
	// this", "it's been long enough", "I deserve a second chance" (to be
	// forgiven, forgiveness), "I need you to forgive".
	Pressure Rule = "pressure"
	// SelfFocus (every part): "it's hard for me too", "I've suffered",
	// "punished enough", "I'm a terrible person" (monster, failure,
	// worthless), "I hate myself", "you don't know how hard": words that
	// turn the apology toward the writer's pain and can pull the hurt
	// partner into comforting.
	SelfFocus Rule = "self-focus"
	// Minimising (every part): "only" or "just" before an amount or a
	// kind of contact ("only once", "just a kiss", "only texting", "just
	// friends"…), "it meant nothing", "nothing happened", "nothing
	// physical", "not a big deal", "not that serious", "it's not like",
	// and "mistake", which can make a run of choices sound like an
	// accident. "Only" and "just" elsewhere ("the only person") are left
	// alone.
	Minimising Rule = "minimising"
	// But: "but" or "however", judged by part, because in some parts it
	// is the natural word:
	//
	//   - Regret and Responsibility: flagged, since whatever follows tends
	//     to cancel what came before ("I'm sorry, but…"). Not flagged when
	//     the sentence has a negation within the six words before it,
	//     which makes it a contrast ("I can't undo it, but I can…", "not
	//     you but me"), unless "but" turns to "you".
	//   - Explanation: flagged only when the next word turns from the
	//     writer to the partner or to circumstances: you, your, we, our,
	//     things, it, there, they, she, he, life, work, everyone… "but I…"
	//     usually brings it back to the writer's own choice and is left
	//     alone.
	//   - Repentance, Repair, Forgiveness: flagged only before "you"
	//     (your…) or a condition ("but only if", "but if", "but
	//     unless"): "I'll stop, but only if you…".
	//
	// Idioms are never flagged: "not only… but also", "nothing but",
	// "anything but", "all but", "last but not least", "can't help but"
	// (which Excuse may catch), "no choice but" (likewise).
	But Rule = "but"
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

// Check returns hints about a, ordered by part and then by position. An
// empty result means nothing to point out, not a grade.
func (a Apology) Check() []Flag {
	var flags []Flag
	for _, st := range Steps {
		text := a.Text(st.Part)
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
	Regret: {
		Message:    "There is no \"I'm sorry\" yet. Saying it plainly, and saying what for, is where an apology starts.",
		Suggestion: "Try \"I'm sorry for…\" and name one specific way it hurt.",
	},
	Explanation: {
		Message:    "There is no explanation yet. A short, honest account of how it came about helps, as long as it does not turn into a defence.",
		Suggestion: "One or two sentences are enough. If you do not know why yet, it is honest to say so.",
	},
	Responsibility: {
		Message:    "There is nothing yet that takes responsibility. Of all six parts, this one tends to count most.",
		Suggestion: "Try \"It was my choice\", and say that your partner did not cause it.",
	},
	Repentance: {
		Message:    "There is nothing yet about what will change. A promise lands better with something your partner can see you doing.",
		Suggestion: "Say what you will not do again, and one step you are taking to make sure of it.",
	},
	Repair: {
		Message:    "There is no offer of repair yet. It points to the future, and it tends to count second most.",
		Suggestion: "Offer one concrete thing you will do, starting now.",
	},
	Forgiveness: {
		Message:    "You have not asked for forgiveness. That is all right: this part tends to count least, and you can leave it out.",
		Suggestion: "If you do include it, ask in a way that leaves your partner free to say no, or not yet.",
	},
}

// hint is a way of finding one kind of hint.
type hint struct {
	rule     Rule
	parts    []Part // nil means every part
	patterns []phrase.Pattern
	// notBefore skips a match followed by one of these words.
	notBefore []string
	// message explains, with one %s for the quoted words.
	message, suggestion string
}

func patterns(srcs ...string) []phrase.Pattern {
	out := make([]phrase.Pattern, len(srcs))
	for i, s := range srcs {
		out[i] = phrase.Compile(s)
	}
	return out
}

// hints are the rules' patterns in priority order. Two entries may share
// a rule when they need different words.
var hints = []hint{
	{
		rule: Caught,
		patterns: patterns("sorry that? you found|find out", "sorry that? you had to find|found out",
			"sorry that? it|this|that came out", "sorry that? i|we got caught", "sorry that? you caught me"),
		message:    "\"%s\" can sound like regret about being found out, rather than about what you did.",
		suggestion: "Say what you are sorry for doing: \"I'm sorry I…\".",
	},
	{
		rule: Conditional,
		patterns: patterns("if i|ive|my|anything|what|that|this|it *? *? *? hurt*|upset*|offend*|wound*|harm*|pain*|bother*",
			"if you|youre were|are|feel|felt|got|have|had? been? hurt*|upset*|offend*|wound*",
			"sorry|apologise|apologize if", "to the extent|degree that"),
		message:    "\"%s\" puts the hurt in doubt. Your partner was hurt; an apology that says \"if\" asks them to prove it.",
		suggestion: "Name it directly: \"I hurt you when I…\".",
	},
	{
		rule:       Conditional,
		patterns:   patterns("sorry that? you|youre feel|felt|were|are|re|got"),
		message:    "\"%s\" is sorry about how your partner feels, which is not the same as being sorry for what you did.",
		suggestion: "Try \"I'm sorry that I…\".",
	},
	{
		rule: Passive,
		patterns: patterns("mistakes were made", "mistakes have been made", "things were|got said|done|hidden", "lines were crossed",
			"things|it|everything got out of hand", "things|it got|went too far", "feelings developed|grew"),
		message:    "\"%s\" says what happened without saying who did it.",
		suggestion: "Use \"I\" and an active word: \"I made…\", \"I lied…\", \"I crossed…\".",
	},
	{
		rule:       Excuse,
		patterns:   patterns("excuse|excuses|excusing|justify|justifying|justification but|however"),
		message:    "\"%s\": saying it is not an excuse and then \"but\" tends to introduce one.",
		suggestion: "Leave the reason for the explanation, kept short, and end it on your choice.",
	},
	{
		rule: Excuse,
		patterns: patterns(
			"i was|were so? drunk|high|wasted|drinking|using", "i had been drinking|using", "id been drinking|using",
			"the drink|alcohol|drugs|booze",
			"it|things|this|everything just|simply happened", "one thing led to another", "heat of the moment",
			"got|get carried away", "couldnt|cant|cannot help it|myself", "could not help it|myself",
			"had no choice", "no choice but", "wasnt|werent myself", "was not myself", "not myself",
			"out of my control", "anyone|anybody|everyone would|will have?", "any man|woman|person would|will have?",
			"everyone|everybody does", "i didnt mean to", "i did not mean to",
		),
		message: "\"%s\" can sound like an excuse: as if the choice was made by something other than you. " +
			"Even when there is truth in it, it pulls the apology away from responsibility.",
		suggestion: "Keep any reason short, in the explanation, and say it was still your choice.",
	},
	{
		rule: Blame,
		patterns: patterns(
			"if you hadnt|wouldnt|werent|didnt|never|couldnt", "if you ever? had|were|did|would|only|just|cared|paid|listened|spent|gave|showed",
			"if only you", "you made|make|makes|drove|drive|pushed|push|forced|force me", "you left|gave me no",
			"because|since you were|werent|had|hadnt|never|always|didnt|wouldnt|kept|stopped|wanted|ignored|neglected",
			"your fault", "its on you",
		),
		notBefore: []string{"like", "prefer", "want", "wish", "rather", "ask", "asked", "need", "let", "allow", "agree"},
		message: "\"%s\" turns the apology toward your partner's part. Whatever was wrong between you, " +
			"pointing to it here makes the choice sound like theirs.",
		suggestion: "Leave the relationship's problems for later conversations, and keep this about what you did.",
	},
	{
		rule:     Shared,
		parts:    []Part{Regret, Explanation, Responsibility},
		patterns: patterns("we both", "both of us", "it takes two", "our fault", "both to blame", "we were both", "equally to blame"),
		message: "\"%s\" spreads the responsibility. You may both have shaped the relationship, and that has its place later; " +
			"the choice to betray it was yours.",
		suggestion: "Keep this part about your own choice: \"I chose…\".",
	},
	{
		rule: Pressure,
		patterns: patterns(
			"you have|need|got|ought to forgive*", "you must|should|will forgive*", "youll forgive*", "i need you to forgive*",
			"you owe", "move|moving on", "get|getting|got over it|this", "put|putting it|this|that behind",
			"leave it|this in the past", "stop|keep bringing it|this|that up",
			"what more do you want", "i have already? said im? sorry", "ive already? said im? sorry", "i already said im? sorry",
			"i have already apolog*", "ive already apolog*", "i already apolog*",
			"forgive and forget", "when will you", "how long is|will this", "been long enough",
			"i deserve forgiveness", "i deserve a|another second? chance", "i deserve to be forgiven|trusted",
		),
		message: "\"%s\" asks something of your partner on your timetable. Forgiveness and moving on cannot be owed; " +
			"pressing for them tends to make both slower.",
		suggestion: "If you ask at all, ask as a hope: \"I hope that one day…\", and leave the timing to them.",
	},
	{
		rule:      Pressure,
		patterns:  patterns("let it|this|that go"),
		notBefore: []string{"too", "on", "so", "further", "that", "this", "far"},
		message: "\"%s\" asks something of your partner on your timetable. Forgiveness and moving on cannot be owed; " +
			"pressing for them tends to make both slower.",
		suggestion: "If you ask at all, ask as a hope: \"I hope that one day…\", and leave the timing to them.",
	},
	{
		rule: SelfFocus,
		patterns: patterns(
			"hard|tough|difficult for|on me too", "ive suffered", "i have suffered", "punished enough",
			"i? am|im a terrible|horrible|awful|bad|worthless|disgusting|rotten person|human", "i? am|im a monster|failure",
			"i? am|im worthless|disgusting", "i hate myself", "you dont know how hard", "you do not know how hard",
		),
		message:    "\"%s\" turns the apology toward your own pain. However real it is, it can pull your partner into comforting you.",
		suggestion: "Take that pain to a friend, a therapist or your journal, and name what you did rather than what you are.",
	},
	{
		rule: Minimising,
		patterns: patterns(
			"only|just once|twice", "only|just happened once|twice", "only|just one time|night|kiss|weekend|evening",
			"only|just a|an kiss|fling|few|couple|friend|friendship|phase|bit|little|crush|text|chat|game|distraction|night|weekend|hookup|affair",
			"only|just kissed|kissing|talked|talking|texted|texting|messaging|messages|flirting|flirted|friends|sex|physical|emotional|online",
			"meant nothing", "didnt mean anything", "did not mean anything", "nothing really? happened", "nothing physical",
			"not a big deal", "no big deal", "not that serious|bad", "its not like",
		),
		message:    "\"%s\" makes it sound smaller than it was for your partner. What it meant to you is not the measure of what it did to them.",
		suggestion: "Leave the size of it out of the apology. If facts matter, give them honestly when your partner asks.",
	},
	{
		rule:     Minimising,
		patterns: patterns("mistake|mistakes"),
		message:  "\"%s\" can make a run of choices sound like an accident.",
		suggestion: "If it was something you chose, more than once, saying \"choice\" owns it more fully: " +
			"\"I chose to…\".",
	},
}

// checkPart returns the hints for one non-blank part.
func checkPart(p Part, text string) []Flag {
	ws := phrase.Split(text)
	var flags []Flag
	given := map[Rule]bool{}
	add := func(rule Rule, first, end int, message, suggestion string) {
		if given[rule] {
			return
		}
		start, stop := ws[first].Start, ws[end-1].End
		for _, f := range flags {
			if start < f.End && f.Start < stop {
				return // overlaps a hint already given
			}
		}
		given[rule] = true
		quote := text[start:stop]
		flags = append(flags, Flag{
			Part: p, Rule: rule, Quote: quote, Start: start, End: stop,
			Message: fmt.Sprintf(message, quote), Suggestion: suggestion,
		})
	}
	for _, h := range hints {
		if h.parts != nil && !slices.Contains(h.parts, p) {
			continue
		}
		var ms []phrase.Match
		for _, pat := range h.patterns {
			ms = append(ms, phrase.Find(ws, pat)...)
		}
		order.Stable(ms, func(a, b phrase.Match) int { return a.First - b.First })
		for _, m := range ms {
			if m.End < len(ws) && slices.Contains(h.notBefore, ws[m.End].Key) {
				continue
			}
			add(h.rule, m.First, m.End, h.message, h.suggestion)
		}
	}
	buts(p, ws, add)
	order.Stable(flags, func(a, b Flag) int { return a.Start - b.Start })
	return flags
}

var (
	// towardYou are words after "but" that turn toward the partner.
	towardYou = []string{"you", "your", "youre", "youd", "youve", "yours"}
	// towardOthers are words after "but" that turn away from the writer:
	// toward the partner, the couple or circumstances.
	towardOthers = append([]string{"we", "our", "us", "things", "it", "its", "there", "theres", "they", "them",
		"she", "he", "shes", "hes", "life", "work", "everyone", "everybody", "anyone", "nobody", "that", "this"}, towardYou...)
	// conditions are words after "but" that put a condition on a promise.
	conditions = []string{"if", "only", "unless"}
	// negations make a "but" a contrast when they come shortly before it.
	negations = []string{"not", "no", "never", "nothing", "cant", "cannot", "couldnt", "wont", "dont", "didnt",
		"doesnt", "wasnt", "isnt", "werent", "arent", "shouldnt", "wouldnt", "havent", "hasnt", "hadnt", "aint"}
	// idiomBefore and idiomAfter mark "but" in set phrases.
	idiomBefore = []string{"nothing", "anything", "all", "last"}
	idiomAfter  = []string{"also", "for"}
)

// buts applies the [But] rule.
func buts(p Part, ws []phrase.Word, add func(Rule, int, int, string, string)) {
	key := func(i int) string {
		if i < 0 || i >= len(ws) {
			return ""
		}
		return ws[i].Key
	}
	for i, w := range ws {
		if w.Key != "but" && w.Key != "however" {
			continue
		}
		prev, next := key(i-1), key(i+1)
		if slices.Contains(idiomBefore, prev) || slices.Contains(idiomAfter, next) ||
			prev == "choice" && key(i-2) == "no" || // "no choice but"
			prev == "help" && slices.Contains([]string{"cant", "cannot", "couldnt", "not"}, key(i-2)) { // "can't help but"
			continue
		}
		if i+1 < len(ws) && ws[i+1].Sentence != w.Sentence {
			next = "" // "…, but." ends the sentence
		}
		end := min(i+2, len(ws))
		if next == "" {
			end = i + 1
		}
		turnsToYou := slices.Contains(towardYou, next)
		switch p {
		case Explanation:
			if !slices.Contains(towardOthers, next) {
				continue
			}
			add(But, i, end, "Here \"%s\" turns from what you did toward what made it understandable. "+
				"An explanation says how it happened; after \"but\" it starts to sound like why it was all right.",
				"Try ending on your own choice instead: \"…and I chose to…\".")
		case Regret, Responsibility:
			if !turnsToYou && negationBefore(ws, i) {
				continue
			}
			add(But, i, end, "\"%s\": whatever follows \"but\" tends to cancel what came before it, "+
				"and your partner is likely to hear only the second half.",
				"End this part before the \"but\". If what follows is part of how it happened, it belongs, briefly, in the explanation.")
		default:
			switch {
			case turnsToYou:
				add(But, i, end, "\"%s\" turns from your promise to your partner. "+
					"A promise with their part attached can sound like a bargain.",
					"Keep this part about what you will do, whatever they do.")
			case slices.Contains(conditions, next):
				add(But, i, end, "\"%s\" puts a condition on what you are offering.",
					"Offer it without conditions, or leave it out until you can.")
			}
		}
	}
}

// negationBefore reports whether one of the six words before ws[i], in the
// same sentence, is a negation.
func negationBefore(ws []phrase.Word, i int) bool {
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if ws[j].Sentence != ws[i].Sentence {
			return false
		}
		if slices.Contains(negations, ws[j].Key) {
			return true
		}
	}
	return false
}
