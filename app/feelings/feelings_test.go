package feelings_test

import (
	"slices"
	"strings"
	"testing"

	"kintsugi/app/feelings"
)

func TestList(t *testing.T) {
	all := feelings.All()
	if n := len(all); n < 30 || n > 40 {
		t.Errorf("%d feelings, want 30 to 40", n)
	}
	n := 0
	for _, g := range feelings.Groups() {
		if g.Name == "" || len(g.Feelings) == 0 {
			t.Errorf("group %q is empty or unnamed", g.Name)
		}
		for _, f := range g.Feelings {
			if f != feelings.Feeling(strings.ToLower(strings.TrimSpace(string(f)))) {
				t.Errorf("%q: want lower case with no outer spaces", f)
			}
			if !f.Known() || all[n] != f {
				t.Errorf("All()[%d] = %q, want %q", n, all[n], f)
			}
			n++
		}
	}
	if feelings.Feeling("Hurt").Known() || feelings.Feeling("").Known() {
		t.Error("Known accepts a word that is not on the list")
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		fs   []feelings.Feeling
		ok   bool
	}{
		{"none", nil, true},
		{"two", []feelings.Feeling{"hurt", "hopeful"}, true},
		{"phrase", []feelings.Feeling{"on edge", "cared for"}, true},
		{"unknown", []feelings.Feeling{"hurt", "hangry"}, false},
		{"twice", []feelings.Feeling{"hurt", "sad", "hurt"}, false},
		{"at most Max", feelings.All()[:feelings.Max], true},
		{"too many", feelings.All()[:feelings.Max+1], false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := feelings.Check(tc.fs); (got == "") != tc.ok {
				t.Errorf("Check(%q) = %q, want ok %v", tc.fs, got, tc.ok)
			}
		})
	}
}

func TestSort(t *testing.T) {
	fs := []feelings.Feeling{"hopeful", "zzz", "hurt", "angry"}
	feelings.Sort(fs)
	if want := []feelings.Feeling{"hurt", "angry", "hopeful", "zzz"}; !slices.Equal(fs, want) {
		t.Errorf("Sort = %q, want %q", fs, want)
	}
}
