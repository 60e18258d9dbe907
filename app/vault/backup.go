package vault

import (
	"context"
	"errors"
	"fmt"

	"kintsugi/app/userdata"
)

// SealedRecords returns the records as stored, for an encrypted backup:
// the lock record with its wrapped keys, the sealed records and the
// appearance settings. Only the passphrase or the recovery key of this
// lock opens them ([OpenRecords]). The Store must be unlocked, so that
// only the person who can open them makes one.
func (s *Store) SealedRecords(ctx context.Context) ([]userdata.Record, error) {
	if _, _, err := s.unlockedState(ctx); err != nil {
		return nil, err
	}
	all, err := s.inner.All(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, r := range all {
		if !(r.Kind == userdata.KindSetting && r.ID == attemptsID) {
			out = append(out, r)
		}
	}
	return out, nil
}

// Sealed reports whether recs, read from a backup, are sealed: whether
// they hold a lock record.
func Sealed(recs []userdata.Record) bool {
	for _, r := range recs {
		if r.Kind == userdata.KindSetting && r.ID == lockID {
			return true
		}
	}
	return false
}

// OpenRecords opens sealed records from an encrypted backup with secret,
// the passphrase or the recovery key of the lock they were made under. It
// returns every record opened, without the lock's own, sorted by kind and
// ID; or ErrWrongPassphrase, or an error wrapping ErrDamaged if any record
// does not open: all or nothing. It takes as long as an unlock.
func OpenRecords(recs []userdata.Record, secret string) ([]userdata.Record, error) {
	var h *header
	for _, r := range recs {
		if r.Kind == userdata.KindSetting && r.ID == lockID {
			var err error
			if h, err = parseHeader(r); err != nil {
				return nil, err
			}
		}
	}
	if h == nil {
		return nil, ErrNoLock
	}
	var dataKey []byte
	var err error
	if recovery, perr := parseRecoveryKey(secret); perr == nil {
		dataKey, err = h.unwrapRecovery(recovery)
	}
	if dataKey == nil {
		dataKey, err = h.unwrapPassphrase(secret)
	}
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	k, err := h.keys(dataKey)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		if _, sealed := isSealed(r); sealed {
			if _, err := k.open(r); err != nil {
				if errors.Is(err, errOtherKey) {
					err = fmt.Errorf("%s/%s: %w: sealed with another key", r.Kind, r.ID, ErrDamaged)
				}
				return nil, err
			}
		}
	}
	return k.openAll(recs), nil
}
