package backup

import (
	"time"

	"kintsugi/app/userdata"
)

// Summary describes a backup for the "this backup contains…" screen shown
// before a restore.
type Summary struct {
	// Created is when the backup was made.
	Created time.Time
	// Total is the number of records.
	Total int
	// Kinds counts the records of each kind present, in the order of
	// userdata.Kinds.
	Kinds []KindCount
	// First and Last are the earliest and latest record Date; both are
	// zero if there are no records.
	First, Last time.Time
}

// KindCount is the number of records of one kind.
type KindCount struct {
	Kind  userdata.Kind
	Count int
}

// Summary summarizes b.
func (b Backup) Summary() Summary {
	s := Summary{Created: b.Created, Total: len(b.Records)}
	counts := make(map[userdata.Kind]int)
	for i, r := range b.Records {
		counts[r.Kind]++
		if i == 0 || r.Date.Before(s.First) {
			s.First = r.Date
		}
		if i == 0 || r.Date.After(s.Last) {
			s.Last = r.Date
		}
	}
	for _, k := range userdata.Kinds() {
		if n := counts[k]; n > 0 {
			s.Kinds = append(s.Kinds, KindCount{Kind: k, Count: n})
		}
	}
	return s
}
