package vault

import (
	"encoding/json"
	"fmt"
	"time"

	"kintsugi/app/userdata"
)

// The records the vault keeps for itself, always in the clear. Nothing
// the user writes is in them.
const (
	// lockID is the setting that holds the lock: the parameters and the
	// wrapped data key. Without it there is no lock.
	lockID = "lock"
	// attemptsID counts failed unlocks, so the delay after them survives
	// a reload.
	attemptsID = "unlock-attempts"
)

// inTheClear reports whether a record is never sealed: the vault's own
// records, and the appearance settings, which web/boot.js reads before the
// app starts so that the first frame already has the right theme and, in
// discreet mode, a neutral title.
func inTheClear(kind userdata.Kind, id string) bool {
	return kind == userdata.KindSetting && (id == lockID || id == attemptsID || id == userdata.SettingsID)
}

// reserved reports whether a record is the vault's own, which callers may
// neither read nor write.
func reserved(kind userdata.Kind, id string) bool {
	return kind == userdata.KindSetting && (id == lockID || id == attemptsID)
}

// formatVersion is the version of the lock record this code writes.
const formatVersion = 1

// header is the lock record's Data.
type header struct {
	Version int    `json:"version"`
	KDF     string `json:"kdf"` // always "argon2id"
	Params  Params `json:"params"`
	Salt    []byte `json:"salt"`
	// KeyID names the data key, as sealed records do.
	KeyID      string  `json:"keyId"`
	Passphrase wrapped `json:"passphrase"`
	// RecoverySalt and Recovery wrap the data key under the recovery key.
	RecoverySalt []byte  `json:"recoverySalt"`
	Recovery     wrapped `json:"recovery"`
	// IdleMinutes is how long the app stays unlocked without use.
	IdleMinutes int `json:"idleMinutes"`
}

// Idle times the user can choose, in minutes, and the default.
var (
	IdleChoices     = []int{1, 2, 5, 15, 30}
	DefaultIdle     = 5
	errNoLockRecord = fmt.Errorf("%w: no lock", userdata.ErrNotFound)
)

func validIdle(m int) bool {
	for _, c := range IdleChoices {
		if c == m {
			return true
		}
	}
	return false
}

// check reports whether h is a lock this code can open.
func (h *header) check() error {
	switch {
	case h.Version != formatVersion:
		return fmt.Errorf("%w: lock version %d", userdata.ErrVersion, h.Version)
	case h.KDF != "argon2id":
		return fmt.Errorf("unknown key derivation %q", h.KDF)
	case len(h.Salt) < saltSize || len(h.RecoverySalt) < saltSize:
		return fmt.Errorf("salt too short")
	case h.KeyID == "":
		return fmt.Errorf("no key id")
	}
	return h.Params.check()
}

// parseHeader reads a lock record.
func parseHeader(r userdata.Record) (*header, error) {
	var h header
	if err := json.Unmarshal(r.Data, &h); err != nil {
		return nil, fmt.Errorf("%w: lock record: %v", ErrDamaged, err)
	}
	if err := h.check(); err != nil {
		return nil, fmt.Errorf("%w: lock record: %w", ErrDamaged, err)
	}
	if !validIdle(h.IdleMinutes) {
		h.IdleMinutes = DefaultIdle
	}
	return &h, nil
}

func (h *header) record(now time.Time) (userdata.Record, error) {
	return userdata.New(userdata.KindSetting, lockID, now, h, now)
}

// attempts counts failed unlocks since the last success.
type attempts struct {
	Failures int       `json:"failures"`
	Last     time.Time `json:"last"`
}

// Delay is how long the app makes the user wait after failures failed
// tries in a row: nothing for the first three (typing mistakes), then 5
// seconds, doubling each time, at most 15 minutes.
func Delay(failures int) time.Duration {
	if failures < 3 {
		return 0
	}
	d := 5 * time.Second
	for i := 3; i < failures && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

const maxDelay = 15 * time.Minute

// wait is how long from now until the next try is allowed.
func (a attempts) wait(now time.Time) time.Duration {
	if a.Failures == 0 {
		return 0
	}
	next := a.Last.Add(Delay(a.Failures))
	if next.Before(now) {
		return 0
	}
	// A clock turned back must not lock the user out for longer.
	return min(next.Sub(now), Delay(a.Failures))
}
