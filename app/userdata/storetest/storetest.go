// Package storetest is the conformance suite for [userdata.Store]. Every
// store runs it from its own tests:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) userdata.Store {
//			return inmem.New()
//		})
//	}
//
// The suite is written against the documented behavior of
// [userdata.Store], never against one implementation.
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"kintsugi/app/userdata"
)

// Run runs the suite. open must return a new, empty store for each call;
// Run closes every store it opens (Close is called again by the store's own
// cleanup, if any, which the contract allows).
func Run(t *testing.T, open func(t *testing.T) userdata.Store) {
	t.Helper()
	s := suite{open: func(t *testing.T) userdata.Store {
		t.Helper()
		st := open(t)
		t.Cleanup(func() { st.Close() })
		return st
	}}
	tests := []struct {
		name string
		fn   func(t *testing.T)
	}{
		{"GetNotFound", s.testGetNotFound},
		{"RoundTrip", s.testRoundTrip},
		{"PutReplaces", s.testPutReplaces},
		{"PutEmpty", s.testPutEmpty},
		{"PutBatch", s.testPutBatch},
		{"PutSameKeyTwice", s.testPutSameKeyTwice},
		{"PutInvalid", s.testPutInvalid},
		{"PutBatchWithOneInvalid", s.testPutBatchWithOneInvalid},
		{"BadKeys", s.testBadKeys},
		{"Delete", s.testDelete},
		{"List", s.testList},
		{"ListInvalidQuery", s.testListInvalidQuery},
		{"All", s.testAll},
		{"ReplaceAll", s.testReplaceAll},
		{"ReplaceAllInvalid", s.testReplaceAllInvalid},
		{"BackupRoundTrip", s.testBackupRoundTrip},
		{"Clear", s.testClear},
		{"RewriteSeesAll", s.testRewriteSeesAll},
		{"RewriteClearPut", s.testRewriteClearPut},
		{"RewriteDelete", s.testRewriteDelete},
		{"RewritePut", s.testRewritePut},
		{"RewriteFnError", s.testRewriteFnError},
		{"RewriteInvalid", s.testRewriteInvalid},
		{"RewriteInvalidDelete", s.testRewriteInvalidDelete},
		{"RewriteEmpty", s.testRewriteEmpty},
		{"RewriteCanceled", s.testRewriteCanceled},
		{"RewriteClosed", s.testRewriteClosed},
		{"RewriteLarge", s.testRewriteLarge},
		{"ReturnedDataIsACopy", s.testReturnedDataIsACopy},
		{"CanceledContext", s.testCanceledContext},
		{"Closed", s.testClosed},
		{"Concurrent", s.testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.fn)
	}
}

type suite struct {
	open func(t *testing.T) userdata.Store
}

// base is the moment most test records are about.
var base = time.Date(2025, time.March, 14, 9, 30, 0, 0, time.UTC)

// rec returns a valid record of kind k with the given ID, about base plus
// dayOffset days.
func rec(k userdata.Kind, id string, dayOffset int) userdata.Record {
	date := base.AddDate(0, 0, dayOffset)
	return userdata.Record{
		Kind:    k,
		ID:      id,
		Date:    date,
		Created: base.Add(-time.Hour),
		Updated: base,
		Data:    json.RawMessage(fmt.Sprintf(`{"id":%q,"day":%d}`, id, dayOffset)),
	}
}

func (s suite) testGetNotFound(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	mustPut(t, st, rec(userdata.KindJournal, "present", 0))
	for _, tc := range []struct {
		name string
		kind userdata.Kind
		id   string
	}{
		{"empty store kind", userdata.KindCheckin, "present"},
		{"other id", userdata.KindJournal, "absent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := st.Get(ctx, tc.kind, tc.id)
			if !errors.Is(err, userdata.ErrNotFound) {
				t.Errorf("Get(%s, %q): got error %v, want ErrNotFound", tc.kind, tc.id, err)
			}
		})
	}
}

func (s suite) testRoundTrip(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	zone := time.FixedZone("UTC-7", -7*3600)
	tests := []struct {
		name string
		rec  userdata.Record
	}{
		{"simple", rec(userdata.KindCheckin, "c1", 0)},
		{"every kind shares an id", rec(userdata.KindJournal, "c1", 1)},
		{"nanoseconds and zone", userdata.Record{
			Kind:    userdata.KindTrigger,
			ID:      "t-1",
			Date:    time.Date(2024, 2, 29, 23, 59, 59, 123456789, zone),
			Created: time.Date(2024, 2, 29, 23, 59, 59, 1, time.UTC),
			Updated: time.Date(2024, 3, 1, 0, 0, 0, 999999999, time.UTC),
			Data:    json.RawMessage(`{"text":"felt it again \u2014 breathed","n":1.5,"tags":["a","b"],"x":null}`),
		}},
		{"unicode and nesting", userdata.Record{
			Kind:    userdata.KindSafety,
			ID:      "plan",
			Date:    base,
			Created: base,
			Updated: base,
			Data:    json.RawMessage(`{"contacts":[{"name":"Zoë 😊","phone":"+44 20"}],"note":"line1\nline2 \"quoted\" <b>&"}`),
		}},
		{"empty object", userdata.Record{
			Kind: userdata.KindBookmark, ID: "guide:chapter-1", Date: base, Created: base, Updated: base,
			Data: json.RawMessage(`{}`),
		}},
		{"longest id", rec(userdata.KindMilestone, strings.Repeat("a", userdata.MaxIDLen), 2)},
		{"id charset", rec(userdata.KindExercise, "Az09-_.:", 3)},
		{"earliest and latest times", userdata.Record{
			Kind: userdata.KindReading, ID: "edges", Date: userdata.MinTime,
			Created: userdata.MinTime, Updated: userdata.MaxTime.Add(-time.Nanosecond),
			Data: json.RawMessage(`{}`),
		}},
		{"largest data", bigRecord(userdata.KindJournal, "big", userdata.MaxDataSize)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := st.Put(ctx, tc.rec); err != nil {
				t.Fatalf("Put: %v", err)
			}
			got, err := st.Get(ctx, tc.rec.Kind, tc.rec.ID)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if d := Diff(got, tc.rec); d != "" {
				t.Errorf("Get after Put: %s", d)
			}
		})
	}
}

// bigRecord returns a valid record whose Data is exactly size bytes.
func bigRecord(k userdata.Kind, id string, size int) userdata.Record {
	r := rec(k, id, 0)
	const frame = `{"text":""}`
	r.Data = json.RawMessage(`{"text":"` + strings.Repeat("x", size-len(frame)) + `"}`)
	return r
}

func (s suite) testPutReplaces(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	first := rec(userdata.KindJournal, "j", 0)
	mustPut(t, st, first)
	second := first
	second.Date = base.AddDate(0, 0, -3)
	second.Updated = base.Add(time.Hour)
	second.Data = json.RawMessage(`{"text":"rewritten"}`)
	mustPut(t, st, second)
	got, err := st.Get(ctx, first.Kind, first.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if d := Diff(got, second); d != "" {
		t.Errorf("Get after second Put: %s", d)
	}
	all := mustAll(t, st)
	if len(all) != 1 {
		t.Errorf("All: got %d records, want 1", len(all))
	}
	// The old date must no longer be listed.
	list, err := st.List(ctx, userdata.KindJournal, userdata.Query{From: base})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(list) != 0 {
		t.Errorf("List from the old date: got %d records, want 0 (index not updated)", len(list))
	}
}

func (s suite) testPutEmpty(t *testing.T) {
	st := s.open(t)
	if err := st.Put(t.Context()); err != nil {
		t.Errorf("Put(): got %v, want nil", err)
	}
	if all := mustAll(t, st); len(all) != 0 {
		t.Errorf("All: got %d records, want 0", len(all))
	}
}

func (s suite) testPutBatch(t *testing.T) {
	st := s.open(t)
	var want []userdata.Record
	for i := range 50 {
		want = append(want, rec(userdata.Kinds()[i%len(userdata.Kinds())], fmt.Sprintf("r%03d", i), i))
	}
	if err := st.Put(t.Context(), want...); err != nil {
		t.Fatalf("Put: %v", err)
	}
	SortByKey(want)
	if d := DiffAll(mustAll(t, st), want); d != "" {
		t.Errorf("All after Put of 50: %s", d)
	}
}

func (s suite) testPutSameKeyTwice(t *testing.T) {
	st := s.open(t)
	a := rec(userdata.KindJournal, "same", 0)
	b := rec(userdata.KindJournal, "same", 5)
	if err := st.Put(t.Context(), a, b); err != nil {
		t.Fatalf("Put: %v", err)
	}
	if d := DiffAll(mustAll(t, st), []userdata.Record{b}); d != "" {
		t.Errorf("All: %s (the later record should win)", d)
	}
}

// invalidRecords returns records that every store must reject.
func invalidRecords() []struct {
	name string
	rec  userdata.Record
} {
	mod := func(f func(r *userdata.Record)) userdata.Record {
		r := rec(userdata.KindJournal, "valid", 0)
		f(&r)
		return r
	}
	return []struct {
		name string
		rec  userdata.Record
	}{
		{"zero record", userdata.Record{}},
		{"unknown kind", mod(func(r *userdata.Record) { r.Kind = "diary" })},
		{"empty kind", mod(func(r *userdata.Record) { r.Kind = "" })},
		{"empty id", mod(func(r *userdata.Record) { r.ID = "" })},
		{"id too long", mod(func(r *userdata.Record) { r.ID = strings.Repeat("a", userdata.MaxIDLen+1) })},
		{"id with space", mod(func(r *userdata.Record) { r.ID = "a b" })},
		{"id with slash", mod(func(r *userdata.Record) { r.ID = "a/b" })},
		{"id not ascii", mod(func(r *userdata.Record) { r.ID = "café" })},
		{"zero date", mod(func(r *userdata.Record) { r.Date = time.Time{} })},
		{"date before 1900", mod(func(r *userdata.Record) { r.Date = userdata.MinTime.Add(-time.Nanosecond) })},
		{"date in 2200", mod(func(r *userdata.Record) { r.Date = userdata.MaxTime })},
		{"zero created", mod(func(r *userdata.Record) { r.Created = time.Time{} })},
		{"zero updated", mod(func(r *userdata.Record) { r.Updated = time.Time{} })},
		{"updated before created", mod(func(r *userdata.Record) { r.Updated = r.Created.Add(-time.Second) })},
		{"nil data", mod(func(r *userdata.Record) { r.Data = nil })},
		{"data not json", mod(func(r *userdata.Record) { r.Data = json.RawMessage(`{"a":`) })},
		{"data an array", mod(func(r *userdata.Record) { r.Data = json.RawMessage(`[1,2]`) })},
		{"data a string", mod(func(r *userdata.Record) { r.Data = json.RawMessage(`"text"`) })},
		{"data null", mod(func(r *userdata.Record) { r.Data = json.RawMessage(`null`) })},
		{"data not utf-8", mod(func(r *userdata.Record) { r.Data = json.RawMessage("{\"t\":\"\xff\"}") })},
		{"data two values", mod(func(r *userdata.Record) { r.Data = json.RawMessage(`{} {}`) })},
		{"data too large", bigRecord(userdata.KindJournal, "big", userdata.MaxDataSize+1)},
	}
}

func (s suite) testPutInvalid(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	for _, tc := range invalidRecords() {
		t.Run(tc.name, func(t *testing.T) {
			err := st.Put(ctx, tc.rec)
			if !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("Put: got error %v, want ErrInvalid", err)
			}
			if all := mustAll(t, st); len(all) != 0 {
				t.Errorf("All after rejected Put: got %d records, want 0", len(all))
			}
		})
	}
}

func (s suite) testPutBatchWithOneInvalid(t *testing.T) {
	ctx := t.Context()
	for _, tc := range invalidRecords() {
		t.Run(tc.name, func(t *testing.T) {
			st := s.open(t)
			existing := rec(userdata.KindCheckin, "existing", 0)
			mustPut(t, st, existing)
			changed := existing
			changed.Data = json.RawMessage(`{"changed":true}`)
			batch := []userdata.Record{
				rec(userdata.KindJournal, "a", 1),
				changed,
				tc.rec,
				rec(userdata.KindJournal, "b", 2),
			}
			err := st.Put(ctx, batch...)
			if !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("Put: got error %v, want ErrInvalid", err)
			}
			if d := DiffAll(mustAll(t, st), []userdata.Record{existing}); d != "" {
				t.Errorf("All after rejected batch: %s", d)
			}
		})
	}
}

func (s suite) testBadKeys(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	mustPut(t, st, rec(userdata.KindJournal, "keep", 0))
	for _, tc := range []struct {
		name string
		kind userdata.Kind
		id   string
	}{
		{"unknown kind", "diary", "x"},
		{"empty kind", "", "x"},
		{"empty id", userdata.KindJournal, ""},
		{"bad id", userdata.KindJournal, "a b"},
		{"long id", userdata.KindJournal, strings.Repeat("k", userdata.MaxIDLen+1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := st.Get(ctx, tc.kind, tc.id); !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("Get: got error %v, want ErrInvalid", err)
			}
			if err := st.Delete(ctx, tc.kind, tc.id); !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("Delete: got error %v, want ErrInvalid", err)
			}
			if tc.id == "x" {
				if _, err := st.List(ctx, tc.kind, userdata.Query{}); !errors.Is(err, userdata.ErrInvalid) {
					t.Errorf("List: got error %v, want ErrInvalid", err)
				}
			}
		})
	}
	if all := mustAll(t, st); len(all) != 1 {
		t.Errorf("All: got %d records, want 1", len(all))
	}
}

func (s suite) testDelete(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	a := rec(userdata.KindJournal, "a", 0)
	b := rec(userdata.KindJournal, "b", 1)
	other := rec(userdata.KindCheckin, "a", 0)
	mustPut(t, st, a, b, other)
	if err := st.Delete(ctx, a.Kind, a.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := st.Get(ctx, a.Kind, a.ID); !errors.Is(err, userdata.ErrNotFound) {
		t.Errorf("Get after Delete: got error %v, want ErrNotFound", err)
	}
	if err := st.Delete(ctx, a.Kind, a.ID); err != nil {
		t.Errorf("Delete again: got %v, want nil", err)
	}
	if err := st.Delete(ctx, userdata.KindMilestone, "never-existed"); err != nil {
		t.Errorf("Delete of a missing record: got %v, want nil", err)
	}
	want := []userdata.Record{other, b}
	if d := DiffAll(mustAll(t, st), want); d != "" {
		t.Errorf("All after Delete: %s", d)
	}
	list, err := st.List(ctx, userdata.KindJournal, userdata.Query{})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if d := DiffAll(list, []userdata.Record{b}); d != "" {
		t.Errorf("List after Delete: %s", d)
	}
}

func (s suite) testList(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	day := func(n int) time.Time { return base.AddDate(0, 0, n) }
	// Journal records about days 0..9, written out of order, two of them
	// about the same moment (ordered by ID), plus one in another zone.
	var journal []userdata.Record
	for _, n := range []int{5, 2, 9, 0, 7, 3, 1, 8, 6, 4} {
		journal = append(journal, rec(userdata.KindJournal, fmt.Sprintf("day%d", n), n))
	}
	tie := rec(userdata.KindJournal, "day4-b", 4)
	zoned := rec(userdata.KindJournal, "zoned", 0)
	// 2025-03-16T09:30:00+01:00 is 08:30 UTC: just before day 2 at 09:30 UTC.
	zoned.Date = time.Date(2025, 3, 16, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	journal = append(journal, tie, zoned)
	other := []userdata.Record{rec(userdata.KindCheckin, "day3", 3), rec(userdata.KindMilestone, "m", 4)}
	mustPut(t, st, append(slices.Clone(journal), other...)...)

	ids := func(names ...string) []string { return names }
	asc := ids("day0", "day1", "zoned", "day2", "day3", "day4", "day4-b", "day5", "day6", "day7", "day8", "day9")
	desc := slices.Clone(asc)
	slices.Reverse(desc)
	tests := []struct {
		name string
		kind userdata.Kind
		q    userdata.Query
		want []string
	}{
		{"all oldest first", userdata.KindJournal, userdata.Query{}, asc},
		{"all newest first", userdata.KindJournal, userdata.Query{Newest: true}, desc},
		{"from is inclusive", userdata.KindJournal, userdata.Query{From: day(7)}, ids("day7", "day8", "day9")},
		{"to is exclusive", userdata.KindJournal, userdata.Query{To: day(1)}, ids("day0")},
		{"range", userdata.KindJournal, userdata.Query{From: day(3), To: day(5)}, ids("day3", "day4", "day4-b")},
		{"range between instants", userdata.KindJournal, userdata.Query{From: day(1).Add(time.Nanosecond), To: day(2)}, ids("zoned")},
		{"range in another zone", userdata.KindJournal, userdata.Query{
			From: day(3).In(time.FixedZone("X", -5*3600)), To: day(4).In(time.FixedZone("Y", 9*3600)),
		}, ids("day3")},
		{"empty range", userdata.KindJournal, userdata.Query{From: day(4), To: day(4)}, nil},
		{"range outside data", userdata.KindJournal, userdata.Query{From: day(100)}, nil},
		{"limit", userdata.KindJournal, userdata.Query{Limit: 3}, ids("day0", "day1", "zoned")},
		{"limit newest", userdata.KindJournal, userdata.Query{Limit: 3, Newest: true}, ids("day9", "day8", "day7")},
		{"limit newest with ties", userdata.KindJournal, userdata.Query{To: day(5), Limit: 2, Newest: true}, ids("day4-b", "day4")},
		{"limit newest in range", userdata.KindJournal, userdata.Query{From: day(1), To: day(3), Limit: 2, Newest: true}, ids("day2", "zoned")},
		{"limit larger than result", userdata.KindJournal, userdata.Query{From: day(8), Limit: 10}, ids("day8", "day9")},
		{"limit one", userdata.KindJournal, userdata.Query{Limit: 1, Newest: true}, ids("day9")},
		{"other kind", userdata.KindCheckin, userdata.Query{}, ids("day3")},
		{"kind with no records", userdata.KindSafety, userdata.Query{Newest: true, Limit: 5}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := st.List(ctx, tc.kind, tc.q)
			if err != nil {
				t.Fatalf("List: %v", err)
			}
			var gotIDs []string
			for _, r := range got {
				if r.Kind != tc.kind {
					t.Errorf("List(%s) returned a record of kind %s", tc.kind, r.Kind)
				}
				gotIDs = append(gotIDs, r.ID)
			}
			if !slices.Equal(gotIDs, tc.want) {
				t.Errorf("List(%s, %+v):\ngot  %q\nwant %q", tc.kind, tc.q, gotIDs, tc.want)
			}
		})
	}
	t.Run("full records", func(t *testing.T) {
		got, err := st.List(ctx, userdata.KindJournal, userdata.Query{From: day(4), To: day(5)})
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		want := []userdata.Record{journal[9], tie}
		if d := DiffAll(got, want); d != "" {
			t.Errorf("List: %s", d)
		}
	})
}

func (s suite) testListInvalidQuery(t *testing.T) {
	st := s.open(t)
	for _, tc := range []struct {
		name string
		q    userdata.Query
	}{
		{"negative limit", userdata.Query{Limit: -1}},
		{"to before from", userdata.Query{From: base, To: base.Add(-time.Nanosecond)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := st.List(t.Context(), userdata.KindJournal, tc.q)
			if !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("List: got error %v, want ErrInvalid", err)
			}
		})
	}
}

func (s suite) testAll(t *testing.T) {
	st := s.open(t)
	if all := mustAll(t, st); len(all) != 0 {
		t.Errorf("All on an empty store: got %d records, want 0", len(all))
	}
	var want []userdata.Record
	for i, k := range userdata.Kinds() {
		want = append(want, rec(k, "z", i), rec(k, "a", -i), rec(k, "M", 0))
	}
	mustPut(t, st, want...)
	SortByKey(want)
	if d := DiffAll(mustAll(t, st), want); d != "" {
		t.Errorf("All: %s", d)
	}
}

func (s suite) testReplaceAll(t *testing.T) {
	ctx := t.Context()
	old := []userdata.Record{rec(userdata.KindJournal, "old", 0), rec(userdata.KindCheckin, "kept-id", 1)}
	replaced := rec(userdata.KindCheckin, "kept-id", 7)
	replaced.Data = json.RawMessage(`{"from":"backup"}`)
	tests := []struct {
		name string
		recs []userdata.Record
	}{
		{"some", []userdata.Record{replaced, rec(userdata.KindSafety, "plan", 2), rec(userdata.KindJournal, "new", 3)}},
		{"none", nil},
		{"many", manyRecords(300)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := s.open(t)
			mustPut(t, st, old...)
			if err := st.ReplaceAll(ctx, tc.recs); err != nil {
				t.Fatalf("ReplaceAll: %v", err)
			}
			want := slices.Clone(tc.recs)
			SortByKey(want)
			if d := DiffAll(mustAll(t, st), want); d != "" {
				t.Errorf("All after ReplaceAll: %s", d)
			}
			if _, err := st.Get(ctx, userdata.KindJournal, "old"); !errors.Is(err, userdata.ErrNotFound) {
				t.Errorf("Get of a replaced record: got error %v, want ErrNotFound", err)
			}
		})
	}
}

func manyRecords(n int) []userdata.Record {
	var recs []userdata.Record
	for i := range n {
		recs = append(recs, rec(userdata.Kinds()[i%3], fmt.Sprintf("m%05d", i), i%40))
	}
	return recs
}

func (s suite) testReplaceAllInvalid(t *testing.T) {
	ctx := t.Context()
	for _, tc := range invalidRecords() {
		t.Run(tc.name, func(t *testing.T) {
			st := s.open(t)
			old := []userdata.Record{rec(userdata.KindJournal, "old", 0), rec(userdata.KindCheckin, "c", 1)}
			mustPut(t, st, old...)
			recs := append(manyRecords(20), tc.rec)
			err := st.ReplaceAll(ctx, recs)
			if !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("ReplaceAll: got error %v, want ErrInvalid", err)
			}
			SortByKey(old)
			if d := DiffAll(mustAll(t, st), old); d != "" {
				t.Errorf("All after rejected ReplaceAll: %s", d)
			}
		})
	}
}

func (s suite) testClear(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	mustPut(t, st, manyRecords(30)...)
	if err := st.Clear(ctx); err != nil {
		t.Fatalf("Clear: %v", err)
	}
	if all := mustAll(t, st); len(all) != 0 {
		t.Errorf("All after Clear: got %d records, want 0", len(all))
	}
	list, err := st.List(ctx, userdata.Kinds()[0], userdata.Query{})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(list) != 0 {
		t.Errorf("List after Clear: got %d records, want 0", len(list))
	}
	if err := st.Clear(ctx); err != nil {
		t.Errorf("Clear of an empty store: got %v, want nil", err)
	}
	r := rec(userdata.KindJournal, "after", 0)
	mustPut(t, st, r)
	if d := DiffAll(mustAll(t, st), []userdata.Record{r}); d != "" {
		t.Errorf("All after Clear and Put: %s", d)
	}
}

func (s suite) testReturnedDataIsACopy(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	r := rec(userdata.KindJournal, "j", 0)
	put := r.Clone()
	mustPut(t, st, put)
	scribble := func(recs ...userdata.Record) {
		for _, r := range recs {
			for i := range r.Data {
				r.Data[i] = ' '
			}
		}
	}
	scribble(put)
	got, err := st.Get(ctx, r.Kind, r.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	scribble(got)
	list, err := st.List(ctx, r.Kind, userdata.Query{})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	scribble(list...)
	scribble(mustAll(t, st)...)
	again, err := st.Get(ctx, r.Kind, r.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if d := Diff(again, r); d != "" {
		t.Errorf("Get after changing the bytes of records passed to Put or returned by Get, List and All: %s", d)
	}
}

func (s suite) testCanceledContext(t *testing.T) {
	st := s.open(t)
	keep := rec(userdata.KindJournal, "keep", 0)
	mustPut(t, st, keep)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	r := rec(userdata.KindJournal, "new", 1)
	calls := []struct {
		name string
		call func() error
	}{
		{"Get", func() error { _, err := st.Get(ctx, keep.Kind, keep.ID); return err }},
		{"Put", func() error { return st.Put(ctx, r) }},
		{"Delete", func() error { return st.Delete(ctx, keep.Kind, keep.ID) }},
		{"List", func() error { _, err := st.List(ctx, keep.Kind, userdata.Query{}); return err }},
		{"All", func() error { _, err := st.All(ctx); return err }},
		{"ReplaceAll", func() error { return st.ReplaceAll(ctx, []userdata.Record{r}) }},
		{"Clear", func() error { return st.Clear(ctx) }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); !errors.Is(err, context.Canceled) {
				t.Errorf("%s with a canceled context: got error %v, want context.Canceled", c.name, err)
			}
		})
	}
	if d := DiffAll(mustAll(t, st), []userdata.Record{keep}); d != "" {
		t.Errorf("All after canceled calls: %s", d)
	}
}

func (s suite) testClosed(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	r := rec(userdata.KindJournal, "j", 0)
	mustPut(t, st, r)
	if err := st.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	calls := []struct {
		name string
		call func() error
	}{
		{"Get", func() error { _, err := st.Get(ctx, r.Kind, r.ID); return err }},
		{"Put", func() error { return st.Put(ctx, r) }},
		{"Delete", func() error { return st.Delete(ctx, r.Kind, r.ID) }},
		{"List", func() error { _, err := st.List(ctx, r.Kind, userdata.Query{}); return err }},
		{"All", func() error { _, err := st.All(ctx); return err }},
		{"ReplaceAll", func() error { return st.ReplaceAll(ctx, nil) }},
		{"Clear", func() error { return st.Clear(ctx) }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); !errors.Is(err, userdata.ErrClosed) {
				t.Errorf("%s after Close: got error %v, want ErrClosed", c.name, err)
			}
		})
	}
	if err := st.Close(); err != nil {
		t.Errorf("second Close: got %v, want nil", err)
	}
}

func (s suite) testConcurrent(t *testing.T) {
	st := s.open(t)
	ctx := t.Context()
	const workers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*4)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			kind := userdata.Kinds()[w%4]
			for i := range each {
				r := rec(kind, fmt.Sprintf("w%d-%02d", w, i), i)
				if err := st.Put(ctx, r); err != nil {
					errs <- fmt.Errorf("Put: %w", err)
					continue
				}
				got, err := st.Get(ctx, r.Kind, r.ID)
				if err != nil {
					errs <- fmt.Errorf("Get: %w", err)
				} else if d := Diff(got, r); d != "" {
					errs <- fmt.Errorf("Get after Put: %s", d)
				}
				if _, err := st.List(ctx, kind, userdata.Query{Newest: true, Limit: 5}); err != nil {
					errs <- fmt.Errorf("List: %w", err)
				}
				if i%10 == 0 {
					if _, err := st.All(ctx); err != nil {
						errs <- fmt.Errorf("All: %w", err)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if all := mustAll(t, st); len(all) != workers*each {
		t.Errorf("All after concurrent Puts: got %d records, want %d", len(all), workers*each)
	}
}

func mustPut(t *testing.T, st userdata.Store, recs ...userdata.Record) {
	t.Helper()
	if err := st.Put(t.Context(), recs...); err != nil {
		t.Fatalf("Put: %v", err)
	}
}

func mustAll(t *testing.T, st userdata.Store) []userdata.Record {
	t.Helper()
	all, err := st.All(t.Context())
	if err != nil {
		t.Fatalf("All: %v", err)
	}
	return all
}

// SortByKey sorts recs by kind and then ID, the order of [userdata.Store.All].
func SortByKey(recs []userdata.Record) {
	slices.SortStableFunc(recs, func(a, b userdata.Record) int {
		if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// Diff returns "" if got and want hold the same record, or a description
// of how they differ. Times are compared as instants (a store may return
// them in another location) and Data as compacted JSON (a store may drop
// insignificant whitespace).
func Diff(got, want userdata.Record) string {
	var diffs []string
	if got.Kind != want.Kind {
		diffs = append(diffs, fmt.Sprintf("kind: got %q, want %q", got.Kind, want.Kind))
	}
	if got.ID != want.ID {
		diffs = append(diffs, fmt.Sprintf("id: got %q, want %q", got.ID, want.ID))
	}
	for _, f := range []struct {
		name      string
		got, want time.Time
	}{{"date", got.Date, want.Date}, {"created", got.Created, want.Created}, {"updated", got.Updated, want.Updated}} {
		if !f.got.Equal(f.want) {
			diffs = append(diffs, fmt.Sprintf("%s: got %v, want %v", f.name, f.got, f.want))
		}
	}
	if g, w := compact(got.Data), compact(want.Data); !bytes.Equal(g, w) {
		diffs = append(diffs, fmt.Sprintf("data: got %s, want %s", short(g), short(w)))
	}
	if len(diffs) == 0 {
		return ""
	}
	return fmt.Sprintf("record %s/%s: %s", want.Kind, want.ID, strings.Join(diffs, "; "))
}

// DiffAll is [Diff] for slices, which must hold the same records in the
// same order.
func DiffAll(got, want []userdata.Record) string {
	if len(got) != len(want) {
		return fmt.Sprintf("got %d records %s, want %d %s", len(got), keys(got), len(want), keys(want))
	}
	for i := range got {
		if d := Diff(got[i], want[i]); d != "" {
			return fmt.Sprintf("at index %d: %s", i, d)
		}
	}
	return ""
}

func keys(recs []userdata.Record) string {
	const max = 12
	var b strings.Builder
	b.WriteString("[")
	for i, r := range recs {
		if i == max {
			fmt.Fprintf(&b, " …%d more", len(recs)-max)
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s/%s", r.Kind, r.ID)
	}
	b.WriteString("]")
	return b.String()
}

func compact(b []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return b
	}
	return buf.Bytes()
}

func short(b []byte) string {
	const max = 80
	if len(b) > max {
		return fmt.Sprintf("%s…(%d bytes)", b[:max], len(b))
	}
	return string(b)
}
