// Package order sorts slices by a comparison function, as slices.SortFunc
// and slices.SortStableFunc do, through one sort of indexes that every
// element type shares.
//
// Each element type given to slices.SortFunc gets its own copy of the
// sorting code: about 20 KB of app.wasm per record type (a wasm size
// profile counted 400 KB of them). These functions cost one small function
// per type and an index slice per call, which is nothing at the sizes the
// app sorts.
package order

import "slices"

// Sort sorts s in place by cmp, which returns a negative number when a
// comes first, a positive one when b does, and zero when either may. The
// order of equal elements is not kept; see Stable.
func Sort[T any](s []T, cmp func(a, b T) int) {
	idx := indexes(len(s))
	slices.SortFunc(idx, func(i, j int) int { return cmp(s[i], s[j]) })
	permute(s, idx)
}

// Stable is Sort keeping equal elements in their original order.
func Stable[T any](s []T, cmp func(a, b T) int) {
	idx := indexes(len(s))
	slices.SortStableFunc(idx, func(i, j int) int { return cmp(s[i], s[j]) })
	permute(s, idx)
}

func indexes(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// permute rearranges s so that s[k] is the element that was at idx[k].
func permute[T any](s []T, idx []int) {
	sorted := make([]T, len(s))
	for k, i := range idx {
		sorted[k] = s[i]
	}
	copy(s, sorted)
}
