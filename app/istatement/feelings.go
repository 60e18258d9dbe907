package istatement

import "kintsugi/app/phrase"

// FeelingGroup is a handful of feeling words that belong together.
type FeelingGroup struct {
	// Name is the group's heading.
	Name string
	// Words are plain feeling words, each one something a person can
	// notice in themselves.
	Words []string
}

// Feelings is the builder's list of feeling words, grouped so that a
// person can find the nearest one quickly. None of them describes what
// someone else did; a test keeps it so.
var Feelings = []FeelingGroup{
	{"Hurt and sad", []string{"hurt", "sad", "heartbroken", "grieving", "lonely", "alone", "disappointed", "empty", "low", "tearful"}},
	{"Scared", []string{"scared", "afraid", "frightened", "anxious", "worried", "nervous", "uneasy", "panicky", "on edge", "insecure", "unsure", "shaky"}},
	{"Angry", []string{"angry", "furious", "frustrated", "irritated", "annoyed", "resentful", "bitter", "fed up"}},
	{"Ashamed", []string{"ashamed", "embarrassed", "humiliated", "guilty", "foolish", "small", "exposed", "self-conscious"}},
	{"Shaken", []string{"shocked", "stunned", "numb", "confused", "torn", "lost", "overwhelmed", "unsteady"}},
	{"Tired", []string{"exhausted", "drained", "worn out", "weary", "flat", "heavy"}},
	{"Tender and hopeful", []string{"hopeful", "relieved", "grateful", "touched", "moved", "calm", "safe", "close", "warm", "tender", "encouraged", "loved"}},
}

// judgement is a word that sounds like a feeling but says what someone
// else did, with the feelings that may lie underneath it.
type judgement struct {
	words      string // a phrase pattern
	pattern    phrase.Pattern
	underneath []string
	betrayal   bool // plainly true after a betrayal: keep it, add the feeling
	safety     bool // may point to control: mention the safety note
	notBefore  string
}

// judgements are the words [Statement.Check] flags in the feeling part.
var judgements = []judgement{
	{words: "abandoned", underneath: []string{"alone", "scared", "lonely"}},
	{words: "attacked", underneath: []string{"scared", "tense", "ashamed"}},
	{words: "belittled", underneath: []string{"small", "ashamed", "hurt"}},
	{words: "blamed", underneath: []string{"hurt", "ashamed", "frustrated"}},
	{words: "criticised|criticized", underneath: []string{"hurt", "discouraged", "ashamed"}},
	{words: "dismissed", underneath: []string{"hurt", "frustrated", "lonely"}},
	{words: "disrespected", underneath: []string{"hurt", "angry", "small"}},
	{words: "ignored", underneath: []string{"lonely", "hurt", "sad"}},
	{words: "judged", underneath: []string{"ashamed", "anxious", "hurt"}},
	{words: "let down", underneath: []string{"disappointed", "sad", "hurt"}},
	{words: "manipulated", underneath: []string{"confused", "uneasy", "angry"}},
	{words: "misunderstood", underneath: []string{"frustrated", "lonely", "sad"}},
	{words: "neglected", underneath: []string{"lonely", "sad", "worn out"}},
	{words: "pressured|pressurised|pressurized", underneath: []string{"tense", "anxious", "torn"}},
	{words: "put down", underneath: []string{"small", "hurt", "ashamed"}},
	{words: "rejected", underneath: []string{"hurt", "sad", "lonely"}},
	{words: "taken for granted", underneath: []string{"tired", "resentful", "sad"}},
	{words: "unappreciated", underneath: []string{"tired", "sad", "resentful"}},
	{words: "unheard", underneath: []string{"frustrated", "lonely", "discouraged"}},
	{words: "used", underneath: []string{"hurt", "foolish", "angry"}, notBefore: "to"},
	{words: "gaslit|gaslighted", underneath: []string{"confused", "shaken", "unsure of yourself"}},
	{words: "controlled", underneath: []string{"tense", "anxious", "angry"}, safety: true},
	{words: "betrayed", underneath: []string{"hurt", "heartbroken", "shocked"}, betrayal: true},
	{words: "lied to", underneath: []string{"hurt", "foolish", "frightened"}, betrayal: true},
	{words: "deceived", underneath: []string{"hurt", "humiliated", "shaken"}, betrayal: true},
	{words: "cheated", underneath: []string{"hurt", "humiliated", "heartbroken"}, betrayal: true},
}

func init() {
	for i := range judgements {
		judgements[i].pattern = phrase.Compile(judgements[i].words)
	}
}

// Underneath returns feelings that may lie beneath a word that sounds
// like a feeling but says what someone else did, such as "abandoned"; ok
// is false if the word is not one of those.
func Underneath(word string) (feelings []string, ok bool) {
	ws := phrase.Split(word)
	for _, j := range judgements {
		if m, ok := phrase.MatchAt(ws, j.pattern, 0); ok && m.End == len(ws) {
			return append([]string(nil), j.underneath...), true
		}
	}
	return nil, false
}
