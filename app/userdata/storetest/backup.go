package storetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"kintsugi/app/backup"
	"kintsugi/app/userdata"
)

// testBackupRoundTrip makes a backup of a store holding every kind of
// record, deletes everything, restores the backup as the app does, and
// compares every record; then checks that refused backups change nothing.
func (s suite) testBackupRoundTrip(t *testing.T) {
	ctx := t.Context()
	st := s.open(t)
	var recs []userdata.Record
	for i, k := range userdata.Kinds() {
		r := rec(k, fmt.Sprintf("%s-%d", k, i), i)
		// Text a user might write: quotes, markup, accents, emoji, lines.
		r.Data = json.RawMessage(fmt.Sprintf(`{"text":"We said <true> things & it \"hurt\".\nZoë 😊 %d","n":%d}`, i, i))
		r.Updated = r.Updated.Add(time.Duration(i) * time.Millisecond)
		recs = append(recs, r)
	}
	recs = append(recs, manyRecords(200)...)
	mustPut(t, st, recs...)
	before := mustAll(t, st)

	file, err := backup.Encode(before, base)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	if err := st.Clear(ctx); err != nil {
		t.Fatal(err)
	}
	if left := mustAll(t, st); len(left) != 0 {
		t.Fatalf("%d records left after Clear", len(left))
	}
	b, err := backup.Decode(file)
	if err != nil {
		t.Fatalf("Decode of a fresh backup: %v", err)
	}
	if err := st.ReplaceAll(ctx, b.Records); err != nil {
		t.Fatalf("ReplaceAll: %v", err)
	}
	want := slices.Clone(recs)
	SortByKey(want)
	if d := DiffAll(mustAll(t, st), want); d != "" {
		t.Errorf("after restoring the backup: %s", d)
	}

	// Refused files never reach the store.
	bad := map[string][]byte{
		"empty":     nil,
		"truncated": file[:len(file)/2],
		"tampered":  []byte(string(file[:len(file)-40]) + "X" + string(file[len(file)-39:])),
	}
	for name, data := range bad {
		if _, err := backup.Decode(data); err == nil {
			t.Errorf("%s backup was accepted", name)
		}
	}
	if d := DiffAll(mustAll(t, st), want); d != "" {
		t.Errorf("after refused backups: %s", d)
	}
}
