package vault

import (
	"bytes"
	"compress/flate"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"kintsugi/app/userdata"
)

// A sealed record keeps its kind and Date in the clear, so that IndexedDB
// can still list a kind by date, and hides everything else:
//
//   - its ID becomes sealedPrefix followed by a keyed hash of kind and ID,
//     so the IDs of guide chapters read or bookmarked do not show;
//   - Created and Updated are set to Date, so they tell nothing new;
//   - Data becomes {"sealed":{"key":…,"nonce":…,"data":…}}, where data is
//     the record's ID, times and Data, compressed (so that the sealed
//     form of the largest record still fits in a record, base64 and all),
//     padded with zeros to a multiple of padding bytes so that its length
//     says little about the text, and sealed with AES-256-GCM. The
//     additional data binds it to its kind, sealed ID and Date, so sealed
//     records cannot be swapped or moved.
const (
	sealedPrefix = "v1."
	padding      = 256
)

// envelope is a sealed record's Data.
type envelope struct {
	Sealed *sealedData `json:"sealed"`
}

type sealedData struct {
	Key   string `json:"key"`
	Nonce []byte `json:"nonce"`
	Data  []byte `json:"data"`
}

// sealedID is the ID a record with kind and id is stored under.
func (k *keys) sealedID(kind userdata.Kind, id string) string {
	m := hmac.New(sha256.New, k.mac)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(id))
	return sealedPrefix + base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

func additionalData(kind userdata.Kind, sealedID string, date time.Time) []byte {
	return []byte("kintsugi record v1\x00" + string(kind) + "\x00" + sealedID + "\x00" + date.UTC().Format(time.RFC3339Nano))
}

// sealedMeta is what a sealed record holds besides its Data, which
// follows it after a newline, byte for byte.
type sealedMeta struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// writers and readers are reused: a flate writer holds about 650 KB, and
// sealing thousands of records inside one browser event, where Go's
// collector cannot finish a cycle, must not allocate one per record.
var (
	writers = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flate.BestSpeed) // fails only for a bad level
		return w
	}}
	readers = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}
)

// pack returns r's hidden parts, compressed and padded.
func pack(r userdata.Record) ([]byte, error) {
	meta, err := json.Marshal(sealedMeta{ID: r.ID, Created: r.Created, Updated: r.Updated})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	w.Reset(&buf)
	w.Write(meta)
	w.Write([]byte{'\n'})
	w.Write(r.Data)
	if err := w.Close(); err != nil {
		return nil, err
	}
	if n := buf.Len() % padding; n != 0 {
		buf.Write(make([]byte, padding-n))
	}
	return buf.Bytes(), nil
}

// unpack reverses pack, reading at most what a valid record can hold.
func unpack(b []byte) (sealedMeta, []byte, error) {
	var meta sealedMeta
	limit := int64(userdata.MaxDataSize + 1024)
	r := readers.Get().(io.ReadCloser)
	defer readers.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(b), nil); err != nil {
		return meta, nil, err
	}
	plain, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return meta, nil, err
	}
	if int64(len(plain)) > limit {
		return meta, nil, errors.New("too large")
	}
	line, data, ok := bytes.Cut(plain, []byte{'\n'})
	if !ok {
		return meta, nil, errors.New("no data")
	}
	if err := json.Unmarshal(line, &meta); err != nil {
		return meta, nil, err
	}
	return meta, data, nil
}

// seal returns r as it is stored while the lock is on.
func (k *keys) seal(r userdata.Record) (userdata.Record, error) {
	if err := r.Validate(); err != nil {
		return userdata.Record{}, err
	}
	plain, err := pack(r)
	if err != nil {
		return userdata.Record{}, err
	}
	id := k.sealedID(r.Kind, r.ID)
	nonce := random(nonceSize)
	data, err := json.Marshal(envelope{Sealed: &sealedData{
		Key:   k.id,
		Nonce: nonce,
		Data:  k.aead.Seal(nil, nonce, plain, additionalData(r.Kind, id, r.Date)),
	}})
	if err != nil {
		return userdata.Record{}, err
	}
	clear(plain)
	sealed := userdata.Record{Kind: r.Kind, ID: id, Date: r.Date, Created: r.Date, Updated: r.Date, Data: data}
	if len(data) > userdata.MaxDataSize {
		return userdata.Record{}, &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: "data", Problem: "too large to seal"}
	}
	return sealed, nil
}

// ErrDamaged means a sealed record could not be opened with the right key:
// it was changed or damaged after it was sealed.
var ErrDamaged = errors.New("a sealed entry is damaged and cannot be opened")

// errOtherKey means a sealed record was sealed with another data key.
var errOtherKey = errors.New("sealed with another key")

// isSealed reports whether a stored record is sealed, and returns its
// envelope if so.
func isSealed(r userdata.Record) (*sealedData, bool) {
	if !strings.HasPrefix(r.ID, sealedPrefix) {
		return nil, false
	}
	var e envelope
	if json.Unmarshal(r.Data, &e) != nil || e.Sealed == nil {
		return nil, false
	}
	return e.Sealed, true
}

// open returns the record a sealed record holds. It fails with errOtherKey
// if another data key sealed it, and with an error wrapping ErrDamaged if
// it does not open or what it holds is not the record its place says.
func (k *keys) open(stored userdata.Record) (userdata.Record, error) {
	s, ok := isSealed(stored)
	if !ok {
		return userdata.Record{}, fmt.Errorf("%s/%s: %w: not sealed", stored.Kind, stored.ID, ErrDamaged)
	}
	if !sameKey(s.Key, k.id) {
		return userdata.Record{}, errOtherKey
	}
	damaged := func(why string) error {
		return fmt.Errorf("%s/%s: %w: %s", stored.Kind, stored.ID, ErrDamaged, why)
	}
	if len(s.Nonce) != nonceSize {
		return userdata.Record{}, damaged("bad nonce")
	}
	plain, err := k.aead.Open(nil, s.Nonce, s.Data, additionalData(stored.Kind, stored.ID, stored.Date))
	if err != nil {
		return userdata.Record{}, damaged("does not open")
	}
	meta, data, err := unpack(plain)
	clear(plain)
	if err != nil {
		return userdata.Record{}, damaged("not a record")
	}
	r := userdata.Record{Kind: stored.Kind, ID: meta.ID, Date: stored.Date, Created: meta.Created, Updated: meta.Updated, Data: data}
	if !userdata.ValidID(r.ID) || k.sealedID(r.Kind, r.ID) != stored.ID {
		return userdata.Record{}, damaged("id differs")
	}
	if err := r.Validate(); err != nil {
		return userdata.Record{}, damaged(err.Error())
	}
	return r, nil
}
