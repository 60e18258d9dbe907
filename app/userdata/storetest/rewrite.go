package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"kintsugi/app/userdata"
)

// rewriteFn records the calls of a Rewrite callback: what it saw, and how
// often it was called.
type rewriteFn struct {
	calls int
	saw   []userdata.Record
}

// fn returns a callback that records its call and returns c and err.
func (f *rewriteFn) fn(c userdata.Changes, err error) func([]userdata.Record) (userdata.Changes, error) {
	return func(all []userdata.Record) (userdata.Changes, error) {
		f.calls++
		f.saw = all
		return c, err
	}
}

// check reports an error unless the callback was called exactly want
// times.
func (f *rewriteFn) check(t *testing.T, want int) {
	t.Helper()
	if f.calls != want {
		t.Errorf("fn was called %d times, want %d", f.calls, want)
	}
}

// mustRewrite calls Rewrite with a callback returning c and checks that
// it succeeded and called the callback once.
func mustRewrite(t *testing.T, st userdata.Store, c userdata.Changes) {
	t.Helper()
	var f rewriteFn
	if err := st.Rewrite(t.Context(), f.fn(c, nil)); err != nil {
		t.Fatalf("Rewrite: %v", err)
	}
	f.check(t, 1)
}

func key(r userdata.Record) userdata.Key { return userdata.Key{Kind: r.Kind, ID: r.ID} }

func (s suite) testRewriteSeesAll(t *testing.T) {
	st := s.open(t)
	t.Run("empty store", func(t *testing.T) {
		var f rewriteFn
		if err := st.Rewrite(t.Context(), f.fn(userdata.Changes{}, nil)); err != nil {
			t.Fatalf("Rewrite: %v", err)
		}
		f.check(t, 1)
		if len(f.saw) != 0 {
			t.Errorf("fn saw %d records in an empty store: %s", len(f.saw), keys(f.saw))
		}
	})
	var want []userdata.Record
	for i, k := range slices.Backward(userdata.Kinds()) {
		want = append(want, rec(k, "z", i), rec(k, "a", -i), rec(k, "M", 0), rec(k, "m-1", i))
	}
	mustPut(t, st, want...)
	SortByKey(want)
	t.Run("every record in order", func(t *testing.T) {
		var f rewriteFn
		if err := st.Rewrite(t.Context(), f.fn(userdata.Changes{}, nil)); err != nil {
			t.Fatalf("Rewrite: %v", err)
		}
		f.check(t, 1)
		if d := DiffAll(f.saw, want); d != "" {
			t.Errorf("fn saw: %s", d)
		}
		if d := DiffAll(f.saw, mustAll(t, st)); d != "" {
			t.Errorf("fn saw something else than All returns: %s", d)
		}
	})
}

func (s suite) testRewriteClearPut(t *testing.T) {
	ctx := t.Context()
	st := s.open(t)
	old := []userdata.Record{rec(userdata.KindJournal, "old", 0), rec(userdata.KindCheckin, "kept-id", 1)}
	mustPut(t, st, old...)
	replaced := rec(userdata.KindCheckin, "kept-id", 7)
	replaced.Data = json.RawMessage(`{"rewritten":true}`)
	fresh := []userdata.Record{rec(userdata.KindSafety, "plan", 2), replaced, rec(userdata.KindJournal, "new", 3)}
	mustRewrite(t, st, userdata.Changes{Clear: true, Put: fresh})
	want := slices.Clone(fresh)
	SortByKey(want)
	if d := DiffAll(mustAll(t, st), want); d != "" {
		t.Errorf("All after Clear and Put: %s", d)
	}
	if _, err := st.Get(ctx, userdata.KindJournal, "old"); !errors.Is(err, userdata.ErrNotFound) {
		t.Errorf("Get of a cleared record: got error %v, want ErrNotFound", err)
	}
	list, err := st.List(ctx, userdata.KindCheckin, userdata.Query{To: base.AddDate(0, 0, 2)})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(list) != 0 {
		t.Errorf("List at the replaced record's old date: got %s, want none (index not updated)", keys(list))
	}

	t.Run("clear only", func(t *testing.T) {
		mustRewrite(t, st, userdata.Changes{Clear: true})
		if all := mustAll(t, st); len(all) != 0 {
			t.Errorf("All after Clear: got %s, want none", keys(all))
		}
	})
	t.Run("clear then delete then put", func(t *testing.T) {
		a, b := rec(userdata.KindJournal, "a", 0), rec(userdata.KindJournal, "b", 1)
		mustPut(t, st, a, b)
		// Put comes last, so a record both deleted and put is kept.
		mustRewrite(t, st, userdata.Changes{Clear: true, Delete: []userdata.Key{key(a)}, Put: []userdata.Record{a}})
		if d := DiffAll(mustAll(t, st), []userdata.Record{a}); d != "" {
			t.Errorf("All: %s", d)
		}
	})
}

func (s suite) testRewriteDelete(t *testing.T) {
	ctx := t.Context()
	st := s.open(t)
	a := rec(userdata.KindJournal, "a", 0)
	b := rec(userdata.KindJournal, "b", 1)
	c := rec(userdata.KindJournal, "c", 2)
	other := rec(userdata.KindCheckin, "a", 0)
	mustPut(t, st, a, b, c, other)
	mustRewrite(t, st, userdata.Changes{Delete: []userdata.Key{
		key(a),
		{Kind: userdata.KindMilestone, ID: "never-existed"},
		key(c),
		key(a), // twice
	}})
	if d := DiffAll(mustAll(t, st), []userdata.Record{other, b}); d != "" {
		t.Errorf("All after Delete: %s", d)
	}
	list, err := st.List(ctx, userdata.KindJournal, userdata.Query{})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if d := DiffAll(list, []userdata.Record{b}); d != "" {
		t.Errorf("List after Delete: %s", d)
	}

	t.Run("delete then put", func(t *testing.T) {
		changed := b
		changed.Data = json.RawMessage(`{"changed":true}`)
		mustRewrite(t, st, userdata.Changes{Delete: []userdata.Key{key(b), key(other)}, Put: []userdata.Record{changed}})
		if d := DiffAll(mustAll(t, st), []userdata.Record{changed}); d != "" {
			t.Errorf("All after Delete and Put of the same key: %s", d)
		}
	})
}

func (s suite) testRewritePut(t *testing.T) {
	ctx := t.Context()
	st := s.open(t)
	first := rec(userdata.KindJournal, "j", 0)
	keep := rec(userdata.KindCheckin, "c", 1)
	mustPut(t, st, first, keep)
	second := first
	second.Date = base.AddDate(0, 0, -3)
	second.Updated = base.Add(time.Hour)
	second.Data = json.RawMessage(`{"text":"rewritten"}`)
	added := rec(userdata.KindMilestone, "m", 2)
	mustRewrite(t, st, userdata.Changes{Put: []userdata.Record{second, added}})
	if d := DiffAll(mustAll(t, st), []userdata.Record{keep, second, added}); d != "" {
		t.Errorf("All after Put: %s", d)
	}
	list, err := st.List(ctx, userdata.KindJournal, userdata.Query{From: base})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(list) != 0 {
		t.Errorf("List from the old date: got %s, want none (index not updated)", keys(list))
	}

	t.Run("same key twice", func(t *testing.T) {
		a := rec(userdata.KindJournal, "same", 0)
		b := rec(userdata.KindJournal, "same", 5)
		b.Data = json.RawMessage(`{"later":true}`)
		mustRewrite(t, st, userdata.Changes{Clear: true, Put: []userdata.Record{a, b}})
		if d := DiffAll(mustAll(t, st), []userdata.Record{b}); d != "" {
			t.Errorf("All: %s (the later record should win)", d)
		}
	})
}

// rewriteRefused calls Rewrite with a callback returning c and fnErr,
// then checks that it failed with an error wrapping want, called the
// callback once, and left st holding exactly before.
func rewriteRefused(t *testing.T, st userdata.Store, before []userdata.Record, c userdata.Changes, fnErr, want error) {
	t.Helper()
	var f rewriteFn
	err := st.Rewrite(t.Context(), f.fn(c, fnErr))
	if !errors.Is(err, want) {
		t.Errorf("Rewrite: got error %v, want %v", err, want)
	}
	f.check(t, 1)
	if d := DiffAll(mustAll(t, st), before); d != "" {
		t.Errorf("All after refused Rewrite: %s", d)
	}
}

// rewriteStore opens a store holding a few records, returned in All's
// order, and changes that would touch every one of them.
func (s suite) rewriteStore(t *testing.T) (userdata.Store, []userdata.Record, userdata.Changes) {
	t.Helper()
	st := s.open(t)
	before := []userdata.Record{rec(userdata.KindJournal, "old", 0), rec(userdata.KindCheckin, "c", 1), rec(userdata.KindSafety, "plan", 2)}
	mustPut(t, st, before...)
	SortByKey(before)
	changed := before[0]
	changed.Data = json.RawMessage(`{"changed":true}`)
	c := userdata.Changes{
		Clear:  true,
		Delete: []userdata.Key{key(before[1])},
		Put:    append(manyRecords(20), changed),
	}
	return st, before, c
}

func (s suite) testRewriteFnError(t *testing.T) {
	st, before, c := s.rewriteStore(t)
	errFn := errors.New("the passphrase is wrong")
	t.Run("with changes", func(t *testing.T) {
		rewriteRefused(t, st, before, c, errFn, errFn)
	})
	t.Run("wrapped", func(t *testing.T) {
		rewriteRefused(t, st, before, c, fmt.Errorf("unlock: %w", errFn), errFn)
	})
	t.Run("without changes", func(t *testing.T) {
		rewriteRefused(t, st, before, userdata.Changes{}, errFn, errFn)
	})
	t.Run("store still usable", func(t *testing.T) {
		mustRewrite(t, st, userdata.Changes{Delete: []userdata.Key{key(before[0])}})
		if d := DiffAll(mustAll(t, st), before[1:]); d != "" {
			t.Errorf("All after a Rewrite that follows refused ones: %s", d)
		}
	})
}

func (s suite) testRewriteInvalid(t *testing.T) {
	st, before, c := s.rewriteStore(t)
	for _, tc := range invalidRecords() {
		t.Run(tc.name, func(t *testing.T) {
			bad := c
			bad.Put = slices.Insert(slices.Clone(c.Put), len(c.Put)/2, tc.rec)
			rewriteRefused(t, st, before, bad, nil, userdata.ErrInvalid)
		})
	}
}

func (s suite) testRewriteInvalidDelete(t *testing.T) {
	st, before, c := s.rewriteStore(t)
	for _, tc := range []struct {
		name string
		key  userdata.Key
	}{
		{"zero key", userdata.Key{}},
		{"unknown kind", userdata.Key{Kind: "diary", ID: "x"}},
		{"empty kind", userdata.Key{ID: "x"}},
		{"empty id", userdata.Key{Kind: userdata.KindJournal}},
		{"bad id", userdata.Key{Kind: userdata.KindJournal, ID: "a b"}},
		{"long id", userdata.Key{Kind: userdata.KindJournal, ID: strings.Repeat("k", userdata.MaxIDLen+1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Run("alone", func(t *testing.T) {
				rewriteRefused(t, st, before, userdata.Changes{Delete: []userdata.Key{tc.key}}, nil, userdata.ErrInvalid)
			})
			t.Run("among changes", func(t *testing.T) {
				bad := c
				bad.Delete = append(slices.Clone(c.Delete), tc.key, key(before[0]))
				rewriteRefused(t, st, before, bad, nil, userdata.ErrInvalid)
			})
		})
	}
}

func (s suite) testRewriteEmpty(t *testing.T) {
	st := s.open(t)
	before := manyRecords(10)
	mustPut(t, st, before...)
	SortByKey(before)
	for _, tc := range []struct {
		name string
		c    userdata.Changes
	}{
		{"zero", userdata.Changes{}},
		{"empty slices", userdata.Changes{Delete: []userdata.Key{}, Put: []userdata.Record{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.c.Empty() {
				t.Fatalf("%+v is not Empty", tc.c)
			}
			mustRewrite(t, st, tc.c)
			if d := DiffAll(mustAll(t, st), before); d != "" {
				t.Errorf("All after an empty Rewrite: %s", d)
			}
		})
	}
}

func (s suite) testRewriteCanceled(t *testing.T) {
	st := s.open(t)
	keep := rec(userdata.KindJournal, "keep", 0)
	mustPut(t, st, keep)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var f rewriteFn
	err := st.Rewrite(ctx, f.fn(userdata.Changes{Clear: true, Put: []userdata.Record{rec(userdata.KindJournal, "new", 1)}}, nil))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Rewrite with a canceled context: got error %v, want context.Canceled", err)
	}
	f.check(t, 0)
	if d := DiffAll(mustAll(t, st), []userdata.Record{keep}); d != "" {
		t.Errorf("All after a canceled Rewrite: %s", d)
	}
}

func (s suite) testRewriteClosed(t *testing.T) {
	st := s.open(t)
	mustPut(t, st, rec(userdata.KindJournal, "j", 0))
	if err := st.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	var f rewriteFn
	err := st.Rewrite(t.Context(), f.fn(userdata.Changes{Clear: true}, nil))
	if !errors.Is(err, userdata.ErrClosed) {
		t.Errorf("Rewrite after Close: got error %v, want ErrClosed", err)
	}
	f.check(t, 0)
}

// testRewriteLarge rewrites every one of 2,000 records, as turning the
// passphrase lock on does, and deletes a few, in one call.
func (s suite) testRewriteLarge(t *testing.T) {
	const n = 2000
	st := s.open(t)
	before := manyRecords(n)
	mustPut(t, st, before...)
	SortByKey(before)
	var want []userdata.Record
	var del []userdata.Key
	calls := 0
	err := st.Rewrite(t.Context(), func(all []userdata.Record) (userdata.Changes, error) {
		calls++
		if d := DiffAll(all, before); d != "" {
			return userdata.Changes{}, fmt.Errorf("fn saw: %s", d)
		}
		var c userdata.Changes
		for i, r := range all {
			if i%100 == 7 {
				c.Delete = append(c.Delete, key(r))
				continue
			}
			r.Data = json.RawMessage(fmt.Sprintf(`{"sealed":%q,"n":%d}`, r.Data, i))
			r.Updated = r.Updated.Add(time.Duration(i) * time.Millisecond)
			c.Put = append(c.Put, r)
		}
		del, want = c.Delete, c.Put
		return c, nil
	})
	if err != nil {
		t.Fatalf("Rewrite: %v", err)
	}
	if calls != 1 {
		t.Errorf("fn was called %d times, want 1", calls)
	}
	if len(del) != n/100 {
		t.Fatalf("deleted %d records, want %d", len(del), n/100)
	}
	if d := DiffAll(mustAll(t, st), want); d != "" {
		t.Errorf("All after rewriting %d records: %s", n, d)
	}
}
