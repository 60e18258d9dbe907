// Package feelings is the fixed list of feelings a check-in or journal entry
// can name: plain words for hurt, anger, fear, numbness, regret, steadiness
// and closeness, fit for either partner, any gender and any committed
// relationship.
//
// The list is fixed so that entries stay comparable over time and the UI
// can offer them as choices rather than a blank box. A [Feeling] is stored
// as its word, so the words must never be renamed; new ones may be added.
package feelings

import (
	"fmt"
	"slices"
)

// Feeling is one feeling from the list, stored and shown as its word or
// short phrase, such as "hurt" or "on edge".
type Feeling string

// Group is a set of related feelings, shown together under a plain
// heading.
type Group struct {
	// Name is the group's heading, such as "Hurting".
	Name string
	// Feelings are the group's feelings, in display order.
	Feelings []Feeling
}

// groups is the list. Keep every word unique across groups.
var groups = []Group{
	{"Hurting", []Feeling{"hurt", "sad", "heartbroken", "betrayed", "lonely", "grieving", "rejected"}},
	{"Angry", []Feeling{"angry", "resentful", "frustrated", "irritable", "jealous"}},
	{"Afraid", []Feeling{"afraid", "anxious", "on edge", "insecure", "doubtful", "overwhelmed"}},
	{"Shut down", []Feeling{"numb", "empty", "exhausted", "confused", "distant", "stuck"}},
	{"Regret", []Feeling{"guilty", "ashamed", "regretful"}},
	{"Steadier", []Feeling{"calm", "relieved", "hopeful", "steady", "grateful"}},
	{"Closer", []Feeling{"close", "loved", "cared for", "understood", "safe", "tender", "playful"}},
}

// order maps each feeling to its position in [All].
var order = func() map[Feeling]int {
	m := map[Feeling]int{}
	for _, g := range groups {
		for _, f := range g.Feelings {
			if _, dup := m[f]; dup {
				panic("feelings: duplicate " + string(f))
			}
			m[f] = len(m)
		}
	}
	return m
}()

// Max is the most feelings one entry may name.
const Max = 12

// Groups returns the feelings in their groups, in display order. The
// caller may modify the result.
func Groups() []Group {
	out := make([]Group, len(groups))
	for i, g := range groups {
		out[i] = Group{g.Name, slices.Clone(g.Feelings)}
	}
	return out
}

// All returns every feeling, group by group, in display order.
func All() []Feeling {
	out := make([]Feeling, 0, len(order))
	for _, g := range groups {
		out = append(out, g.Feelings...)
	}
	return out
}

// Known reports whether f is on the list.
func (f Feeling) Known() bool {
	_, ok := order[f]
	return ok
}

// Check reports what is wrong with fs as an entry's feelings, in plain
// words for the person who chose them, or "" if nothing is: every feeling
// is on the list, none is named twice, and there are at most [Max].
// Packages that store feelings turn a problem into a
// [kintsugi/app/userdata.InvalidError].
func Check(fs []Feeling) string {
	if len(fs) > Max {
		return fmt.Sprintf("%d feelings are chosen; please choose at most %d", len(fs), Max)
	}
	for i, f := range fs {
		if !f.Known() {
			return fmt.Sprintf("%q is not on the list of feelings", string(f))
		}
		if slices.Contains(fs[:i], f) {
			return fmt.Sprintf("%q is chosen twice", string(f))
		}
	}
	return ""
}

// Sort puts fs in display order, so that feelings read the same way in
// every entry. Unknown feelings go last, in their original order.
func Sort(fs []Feeling) {
	slices.SortStableFunc(fs, func(a, b Feeling) int {
		ia, oka := order[a]
		ib, okb := order[b]
		switch {
		case !oka && !okb:
			return 0
		case !oka:
			return 1
		case !okb:
			return -1
		}
		return ia - ib
	})
}
