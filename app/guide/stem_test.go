package guide

import "testing"

func TestStem(t *testing.T) {
	tests := []struct {
		words []string
		stem  string
	}{
		{[]string{"trigger", "triggers", "triggered", "triggering"}, "trigger"},
		{[]string{"forgive", "forgiveness", "forgiving", "forgives"}, "forgiv"},
		{[]string{"apology", "apologies", "apologize", "apologise", "apologized", "apologising"}, "apologi"},
		{[]string{"study", "studies", "studied"}, "studi"},
		{[]string{"stop", "stopped", "stopping", "stops"}, "stop"},
		{[]string{"tell", "telling", "tells"}, "tell"},
		{[]string{"touch", "touches"}, "touch"},
		{[]string{"quickly"}, "quick"},
		{[]string{"how"}, "how"},
		{[]string{"this"}, "this"},
		{[]string{"kindness"}, "kind"},
	}
	for _, tc := range tests {
		for _, w := range tc.words {
			if got := string(stem([]byte(w))); got != tc.stem {
				t.Errorf("stem(%q) = %q, want %q", w, got, tc.stem)
			}
		}
	}
}

func TestTokenize(t *testing.T) {
	const s = "The partner’s “first” night—don't WAIT, Ève; self-care."
	want := []string{"the", "partners", "first", "night", "dont", "wait", "ève", "self", "care"}
	var got []string
	tokenize(s, func(start, end int, w []byte) bool {
		got = append(got, string(w))
		return true
	})
	if len(got) != len(want) {
		t.Fatalf("tokenize(%q) = %q, want %q", s, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d = %q, want %q", i, got[i], want[i])
		}
	}
}
