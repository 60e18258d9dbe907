package order

import (
	"math/rand/v2"
	"slices"
	"testing"
)

type rec struct {
	key  int
	name string
}

func byKey(a, b rec) int { return a.key - b.key }

// TestSortMatchesSlices sorts random records both ways.
func TestSortMatchesSlices(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		s := make([]rec, n)
		for i := range s {
			s[i] = rec{key: r.IntN(10), name: string(rune('a' + i%26))}
		}
		want := slices.Clone(s)
		slices.SortStableFunc(want, byKey)
		got := slices.Clone(s)
		Stable(got, byKey)
		if !slices.Equal(got, want) {
			t.Fatalf("Stable(%v) = %v, want %v", s, got, want)
		}
		got = slices.Clone(s)
		Sort(got, byKey)
		if !slices.IsSortedFunc(got, byKey) || len(got) != len(s) {
			t.Fatalf("Sort(%v) = %v, not sorted", s, got)
		}
		for _, e := range s {
			if !slices.Contains(got, e) {
				t.Fatalf("Sort lost %v", e)
			}
		}
	}
}
