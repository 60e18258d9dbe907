package istatement

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kintsugi/app/phrase"
)

// Sentence returns the parts put together as one statement to copy:
//
//	When <observation>, I feel <feeling>, because I need <need>. Would you <request>?
//
// It meets people where they typed. A part that already starts with its
// opening words ("When…", "I feel…", "because I need…", "Would you…?",
// "Could we…?") keeps them instead of doubling them; a part that starts
// with "I" ("I'm scared") stands as written; a request that is already a
// question or starts with "I" or "Let's" keeps its shape; "Please…"
// becomes "Would you please…?". Spaces are tidied, end punctuation is
// replaced by the sentence's own, and a capital left over from typing a
// part on its own is lowered after an opening ("Would you Put…" becomes
// "Would you put…"). In the observation only common words are lowered, so
// that "When Sam's mum…" keeps its name; "I" and acronyms such as "TV"
// always keep their capitals. Blank parts are left out, and the joins
// adjust: with no feeling, "because" is dropped. A blank statement gives
// "".
func (s Statement) Sentence() string {
	var clauses []string
	if c := observationClause(s.Observation); c != "" {
		clauses = append(clauses, c)
	}
	feel := feelingClause(s.Feeling)
	if feel != "" {
		clauses = append(clauses, feel)
	}
	if c := needClause(s.Need, feel != ""); c != "" {
		clauses = append(clauses, c)
	}
	var out []string
	if len(clauses) > 0 {
		out = append(out, upperFirst(strings.Join(clauses, ", "))+".")
	}
	if r := requestSentence(s.Request); r != "" {
		out = append(out, r)
	}
	return strings.Join(out, " ")
}

// tidy collapses white space and drops end punctuation.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune(".,;:!?…", r) || unicode.IsSpace(r)
	})
}

// cut reports whether s starts with one of the phrases (compared word by
// word, as package phrase does) and returns the rest of s after it.
func cut(s string, phrases ...string) (rest string, ok bool) {
	ws := phrase.Split(s)
	for _, p := range phrases {
		m, ok := phrase.MatchAt(ws, phrase.Compile(p), 0)
		if !ok || ws[0].Start != 0 {
			continue
		}
		return strings.TrimLeft(s[ws[m.End-1].End:], " ,"), true
	}
	return s, false
}

// firstKey returns the folded first word of s, or "".
func firstKey(s string) string {
	ws := phrase.Split(s)
	if len(ws) == 0 || ws[0].Start != 0 {
		return ""
	}
	return ws[0].Key
}

// selfWords are first words that make a part stand on its own: "I",
// "I'm", "I've", "I'd".
var selfWords = []string{"i", "im", "ive", "id"}

// startsWithSelf reports whether s starts with "I" or a contraction of it.
// "ill" is left out on purpose: it is also a feeling.
func startsWithSelf(s string) bool {
	return slices.Contains(selfWords, firstKey(s))
}

func observationClause(o string) string {
	o = tidy(o)
	if rest, ok := cut(o, "whenever"); ok {
		return joinNonEmpty("whenever", lowerFirst(rest))
	}
	if rest, ok := cut(o, "when"); ok {
		o = rest
	}
	return joinNonEmpty("when", lowerFirst(o))
}

func feelingClause(f string) string {
	f = tidy(f)
	if rest, ok := cut(f, "i feel", "i am feeling", "i'm feeling", "feeling", "feel"); ok {
		return joinNonEmpty("I feel", lowerStart(rest))
	}
	if startsWithSelf(f) {
		return upperFirst(f)
	}
	return joinNonEmpty("I feel", lowerStart(f))
}

func needClause(n string, afterFeeling bool) string {
	n = tidy(n)
	n, _ = cut(n, "because")
	var c string
	switch rest, ok := cut(n, "need"); {
	case ok:
		c = joinNonEmpty("I need", rest)
	case startsWithSelf(n):
		c = upperFirst(n)
	default:
		c = joinNonEmpty("I need", lowerStart(n))
	}
	if c == "" {
		return ""
	}
	if afterFeeling {
		return "because " + c
	}
	return c
}

// questionWords are first words that make a request a question already.
var questionWords = []string{
	"would", "could", "will", "can", "may", "might", "shall", "are", "is", "do", "does",
	"wouldnt", "couldnt", "wont", "cant", "how", "what", "where", "when",
}

// modals are the words "you could…" can be turned round into "Could
// you…?" with.
var modals = []string{"could", "would", "can", "will", "might"}

func requestSentence(r string) string {
	r = tidy(r)
	if r == "" {
		return ""
	}
	first := firstKey(r)
	switch {
	case slices.Contains(questionWords, first):
		return upperFirst(r) + "?"
	case startsWithSelf(r) || first == "lets" || first == "let":
		return upperFirst(r) + "."
	}
	if rest, ok := cut(r, "please"); ok {
		return joinNonEmpty("Would you please", lowerStart(rest)) + "?"
	}
	if rest, ok := cut(r, "to"); ok {
		r = rest
	}
	if rest, ok := cut(r, "you"); ok {
		if m := firstKey(rest); slices.Contains(modals, m) {
			after, _ := cut(rest, m)
			return joinNonEmpty(upperFirst(m)+" you", after) + "?"
		}
		r = rest
	}
	if r == "" {
		return ""
	}
	return "Would you " + lowerStart(r) + "?"
}

// joinNonEmpty returns "head rest", or "" if rest is empty.
func joinNonEmpty(head, rest string) string {
	if rest == "" {
		return ""
	}
	return head + " " + rest
}

// commonStarts are words that may begin an observation with a capital
// only because they began the person's sentence; after "When" they are put
// in lower case. Anything else (a name, "TV", "I") keeps its capital.
var commonStarts = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the this that these those there it its
		you your we our my me us they them their he his him she her
		last yesterday today tonight on at in after before during while as since
		every each some someone somebody something nothing all both one two three
		earlier lately recently once even just like to for being hearing seeing reading
		finding not no so very really quite too`) {
		commonStarts[w] = true
	}
}

// lowerFirst lower-cases the first letter of s if its first word is a
// common word written with one leading capital. The observation uses it,
// because it may well start with a name.
func lowerFirst(s string) string {
	ws := phrase.Split(s)
	if len(ws) == 0 || ws[0].Start != 0 || !commonStarts[ws[0].Key] {
		return s
	}
	return lowerWord(s, ws[0])
}

// lowerStart lower-cases the first letter of s if its first word is
// written with one leading capital and is not "I" or a contraction of it.
// The feeling, need and request use it: they start with a feeling word, a
// need or a verb far more often than with a name.
func lowerStart(s string) string {
	ws := phrase.Split(s)
	if len(ws) == 0 || ws[0].Start != 0 || slices.Contains(selfWords, ws[0].Key) {
		return s
	}
	return lowerWord(s, ws[0])
}

// lowerWord lower-cases the first letter of s, whose first word is w,
// unless w is all capitals ("TV") or not capitalised at all.
func lowerWord(s string, w phrase.Word) string {
	word := s[:w.End]
	r, n := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) || strings.ToLower(word[n:]) != word[n:] {
		return s // "I", "TV", or already lower case
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// upperFirst upper-cases the first letter of s, looking past any opening
// quotation marks.
func upperFirst(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		if !strings.ContainsRune("\"'“‘(", r) {
			return s
		}
	}
	return s
}
