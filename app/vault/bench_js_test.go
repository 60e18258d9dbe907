//go:build js && wasm

package vault

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kintsugi/app/indexeddb"
	"kintsugi/app/userdata"
)

// journalRecords returns n journal records about n consecutive hours.
func journalRecords(n int) []userdata.Record {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	recs := make([]userdata.Record, n)
	for i := range recs {
		date := start.Add(time.Duration(i) * time.Hour)
		recs[i] = userdata.Record{
			Kind: userdata.KindJournal, ID: fmt.Sprintf("j-%06d", i),
			Date: date, Created: date, Updated: date,
			Data: []byte(fmt.Sprintf(`{"title":"Entry %d","text":"Today we talked for an hour. It was hard, and I noticed I could stay in the room when it got hard. %d"}`, i, i)),
		}
	}
	return recs
}

// openDB opens a fresh IndexedDB database for b, deleted afterwards.
func openDB(b *testing.B) *indexeddb.Store {
	ctx := context.Background()
	name := fmt.Sprintf("vault-bench-%s-%d", b.Name(), time.Now().UnixNano())
	s, err := indexeddb.Open(ctx, name, indexeddb.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Destroy(context.Background()) })
	return s
}

// BenchmarkEnable10000 turns the lock on (with the real Argon2id
// parameters) over 10,000 records in IndexedDB, and off again untimed.
func BenchmarkEnable10000(b *testing.B) {
	ctx := context.Background()
	db := openDB(b)
	if err := db.Put(ctx, journalRecords(10000)...); err != nil {
		b.Fatal(err)
	}
	v := New(db, Options{})
	for b.Loop() {
		if err := v.Enable(ctx, pass, NewRecoveryKey()); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := v.Disable(ctx, pass); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkListMonthSealed lists one month (744 records) of 10,000 sealed
// records, to compare with indexeddb's BenchmarkListByDate.
func BenchmarkListMonthSealed(b *testing.B) {
	ctx := context.Background()
	db := openDB(b)
	if err := db.Put(ctx, journalRecords(10000)...); err != nil {
		b.Fatal(err)
	}
	v := New(db, Options{Params: fast})
	if err := v.Enable(ctx, pass, NewRecoveryKey()); err != nil {
		b.Fatal(err)
	}
	q := userdata.Query{From: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)}
	for b.Loop() {
		recs, err := v.List(ctx, userdata.KindJournal, q)
		if err != nil || len(recs) != 744 {
			b.Fatalf("listed %d records: %v", len(recs), err)
		}
	}
}
