package vault

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"testing"

	"kintsugi/app/backup"
	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
)

// FuzzOpen feeds malformed sealed records to open: it must never panic,
// and must return either an error or exactly the record sealed.
func FuzzOpen(f *testing.F) {
	dataKey := bytes.Repeat([]byte{7}, keySize)
	k, err := newKeys(dataKey)
	if err != nil {
		f.Fatal(err)
	}
	orig, err := userdata.New(userdata.KindJournal, "j1", day, map[string]string{"text": secret}, day)
	if err != nil {
		f.Fatal(err)
	}
	sealed, err := k.seal(orig)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(sealed.Data))
	f.Add(`{"sealed":{"key":"` + k.id + `","nonce":"AAAAAAAAAAAAAAAA","data":""}}`)
	f.Add(`{"sealed":null}`)
	f.Add(`{"sealed":{"key":"` + k.id + `","nonce":"","data":"AAAA"}}`)
	f.Fuzz(func(t *testing.T, data string) {
		r := sealed
		r.Data = json.RawMessage(data)
		got, err := k.open(r)
		if err != nil {
			return
		}
		if got.ID != orig.ID || !bytes.Equal(got.Data, orig.Data) || !got.Updated.Equal(orig.Updated) {
			t.Fatalf("opened %+v from altered data, want an error or the original", got)
		}
	})
}

// FuzzRestore feeds malformed encrypted backup files through the restore
// path: decode, then open with the passphrase. It must never panic, and
// any records it returns must be valid.
func FuzzRestore(f *testing.F) {
	ctx := context.Background()
	inner := inmem.New()
	rec, err := userdata.New(userdata.KindJournal, "j1", day, map[string]string{"text": secret}, day)
	if err != nil {
		f.Fatal(err)
	}
	if err := inner.Put(ctx, rec); err != nil {
		f.Fatal(err)
	}
	v := New(inner, Options{Params: fast})
	if err := v.Enable(ctx, pass, NewRecoveryKey()); err != nil {
		f.Fatal(err)
	}
	sealed, err := v.SealedRecords(ctx)
	if err != nil {
		f.Fatal(err)
	}
	file, err := backup.Encode(sealed, day)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(file)
	f.Add(bytes.Replace(file, []byte(`"memoryKiB":64`), []byte(`"memoryKiB":99999999`), 1))
	f.Add(bytes.Replace(file, []byte(`"version":1`), []byte(`"version":2`), 1))
	f.Fuzz(func(t *testing.T, file []byte) {
		b, err := backup.Decode(file)
		if err != nil || !Sealed(b.Records) {
			return
		}
		recs, err := OpenRecords(b.Records, pass)
		if err != nil {
			if !errors.Is(err, ErrWrongPassphrase) && !errors.Is(err, ErrDamaged) && !errors.Is(err, userdata.ErrVersion) && !errors.Is(err, ErrNoLock) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		for _, r := range recs {
			if err := r.Validate(); err != nil {
				t.Fatalf("restored an invalid record: %v", err)
			}
		}
	})
}
