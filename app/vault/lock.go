package vault

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"kintsugi/app/userdata"
)

// Errors from turning the lock on, off and unlocking. Their texts are for
// developers; the UI says each in its own words.
var (
	// ErrWrongPassphrase means the passphrase does not open the lock.
	// Nothing changed, but the failure counts towards the delay.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrWrongRecoveryKey means the recovery key does not open the lock.
	ErrWrongRecoveryKey = errors.New("wrong recovery key")
	// ErrTooSoon means too many tries failed recently; [Store.Wait] says
	// how long until the next one is allowed. Nothing was tried.
	ErrTooSoon = errors.New("too many failed tries: wait before trying again")
	// ErrShortPassphrase means a new passphrase is shorter than
	// [MinPassphrase] characters.
	ErrShortPassphrase = errors.New("passphrase too short")
	// ErrNoLock means the lock is off, so there is nothing to unlock or
	// turn off.
	ErrNoLock = errors.New("the lock is off")
	// ErrAlreadyOn means the lock is already on, perhaps turned on in
	// another tab.
	ErrAlreadyOn = errors.New("the lock is already on")
)

// MinPassphrase is the shortest passphrase accepted, in characters.
const MinPassphrase = 8

func checkNew(passphrase string) error {
	if utf8.RuneCountInString(passphrase) < MinPassphrase {
		return ErrShortPassphrase
	}
	return nil
}

// Enable turns the lock on: it seals every record under a new data key,
// wrapped by passphrase and by recoveryKey (from [NewRecoveryKey], shown
// to the user beforehand), in one transaction. On error nothing changed.
// Afterwards the Store is unlocked.
func (s *Store) Enable(ctx context.Context, passphrase, recoveryKey string) error {
	if err := checkNew(passphrase); err != nil {
		return err
	}
	secret, err := parseRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	head, _, err := s.state(ctx)
	if err != nil {
		return err
	}
	if head != nil {
		return ErrAlreadyOn
	}
	dataKey := random(keySize)
	defer clear(dataKey)
	h := &header{
		Version:      formatVersion,
		KDF:          "argon2id",
		Params:       s.params,
		Salt:         random(saltSize),
		RecoverySalt: random(saltSize),
		IdleMinutes:  DefaultIdle,
	}
	k, err := newKeys(dataKey)
	if err != nil {
		return err
	}
	h.KeyID = k.id
	if err := h.wrapPassphrase(passphrase, dataKey); err != nil {
		return err
	}
	rk, err := recoveryWrapKey(secret, h.RecoverySalt)
	if err != nil {
		return err
	}
	if h.Recovery, err = wrap(rk, dataKey, purposeRecovery); err != nil {
		return err
	}
	clear(rk)
	lock, err := h.record(s.now())
	if err != nil {
		return err
	}
	seal := func(r userdata.Record) (userdata.Record, bool, error) {
		if _, sealed := isSealed(r); sealed || inTheClear(r.Kind, r.ID) {
			return r, false, nil // sealed ones are left from an old lock: nothing can open them
		}
		sealed, err := k.seal(r)
		return sealed, err == nil, err
	}
	pre, err := s.convertAhead(ctx, seal)
	if err != nil {
		return err
	}
	err = s.inner.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
		c := userdata.Changes{Put: []userdata.Record{lock}}
		for _, r := range all {
			if r.Kind == userdata.KindSetting && r.ID == lockID {
				return userdata.Changes{}, ErrAlreadyOn
			}
			sealed, ok, err := pre.convert(r, seal)
			if err != nil {
				return userdata.Changes{}, err
			}
			if ok {
				c.Delete = append(c.Delete, userdata.Key{Kind: r.Kind, ID: r.ID})
				c.Put = append(c.Put, sealed)
			}
		}
		return c, nil
	})
	if err != nil {
		return fmt.Errorf("turn the lock on: %w", err)
	}
	s.set(h, k)
	return nil
}

// conversions hold records converted (sealed or opened) before a rewrite,
// by key. Converting happens outside the browser event the rewrite runs
// in: there, Go's garbage collector cannot finish a cycle and the page
// cannot respond, so only records changed in the meantime are converted
// inside it.
type conversions map[userdata.Key]conversion

type conversion struct {
	from, to userdata.Record
	ok       bool
}

// convertAhead reads every record and converts each with fn, which
// returns the converted record and whether it changes.
func (s *Store) convertAhead(ctx context.Context, fn func(userdata.Record) (userdata.Record, bool, error)) (conversions, error) {
	all, err := s.inner.All(ctx)
	if err != nil {
		return nil, err
	}
	c := make(conversions, len(all))
	for _, r := range all {
		to, ok, err := fn(r)
		if err != nil {
			return nil, err
		}
		c[userdata.Key{Kind: r.Kind, ID: r.ID}] = conversion{from: r, to: to, ok: ok}
	}
	return c, nil
}

// convert returns r converted: from the conversions made ahead if r is
// unchanged since, or by fn now.
func (c conversions) convert(r userdata.Record, fn func(userdata.Record) (userdata.Record, bool, error)) (userdata.Record, bool, error) {
	if p, ok := c[userdata.Key{Kind: r.Kind, ID: r.ID}]; ok && sameRecord(p.from, r) {
		return p.to, p.ok, nil
	}
	return fn(r)
}

func sameRecord(a, b userdata.Record) bool {
	return a.Date.Equal(b.Date) && a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated) && bytes.Equal(a.Data, b.Data)
}

// wrapPassphrase derives a key from passphrase with a new salt and h's
// parameters, and wraps dataKey with it.
func (h *header) wrapPassphrase(passphrase string, dataKey []byte) error {
	h.Salt = random(saltSize)
	kek := passphraseKey(passphrase, h.Salt, h.Params)
	defer clear(kek)
	var err error
	h.Passphrase, err = wrap(kek, dataKey, purposePassphrase)
	return err
}

// unwrapPassphrase returns the data key if passphrase opens h.
func (h *header) unwrapPassphrase(passphrase string) ([]byte, error) {
	kek := passphraseKey(passphrase, h.Salt, h.Params)
	defer clear(kek)
	return unwrap(kek, h.Passphrase, purposePassphrase)
}

// unwrapRecovery returns the data key if secret, a recovery key's bytes,
// opens h.
func (h *header) unwrapRecovery(secret []byte) ([]byte, error) {
	rk, err := recoveryWrapKey(secret, h.RecoverySalt)
	if err != nil {
		return nil, err
	}
	defer clear(rk)
	return unwrap(rk, h.Recovery, purposeRecovery)
}

// keys returns what dataKey opens, checking it is the key h was made for,
// and clears dataKey.
func (h *header) keys(dataKey []byte) (*keys, error) {
	defer clear(dataKey)
	k, err := newKeys(dataKey)
	if err != nil {
		return nil, err
	}
	if !sameKey(k.id, h.KeyID) {
		return nil, fmt.Errorf("%w: the lock's key does not match its records", ErrDamaged)
	}
	return k, nil
}

// Wait returns how long until the next unlock may be tried: zero unless
// recent tries failed.
func (s *Store) Wait(ctx context.Context) (time.Duration, error) {
	a, err := s.attempts(ctx)
	if err != nil {
		return 0, err
	}
	return a.wait(s.now()), nil
}

func (s *Store) attempts(ctx context.Context) (attempts, error) {
	var a attempts
	r, err := s.inner.Get(ctx, userdata.KindSetting, attemptsID)
	if errors.Is(err, userdata.ErrNotFound) {
		return a, nil
	}
	if err != nil {
		return a, err
	}
	if r.Decode(&a) != nil {
		return attempts{}, nil // a damaged count must not lock the user out
	}
	return a, nil
}

// failed counts a failed try.
func (s *Store) failed(ctx context.Context, a attempts) error {
	now := s.now()
	a.Failures++
	a.Last = now
	r, err := userdata.New(userdata.KindSetting, attemptsID, now, a, now)
	if err != nil {
		return err
	}
	return s.inner.Put(ctx, r)
}

// try runs open, which returns the data key, after checking the delay; a
// failure is counted. It returns the keys the data key opens.
func (s *Store) try(ctx context.Context, h *header, wrong error, open func() ([]byte, error)) (*keys, error) {
	a, err := s.attempts(ctx)
	if err != nil {
		return nil, err
	}
	if a.wait(s.now()) > 0 {
		return nil, ErrTooSoon
	}
	dataKey, err := open()
	if err != nil {
		if ferr := s.failed(ctx, a); ferr != nil {
			return nil, ferr
		}
		return nil, wrong
	}
	k, err := h.keys(dataKey)
	if err != nil {
		return nil, err
	}
	if a.Failures > 0 {
		if err := s.inner.Delete(ctx, userdata.KindSetting, attemptsID); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// currentHeader reads the lock afresh, since another tab may have changed
// it; ErrNoLock if it is off.
func (s *Store) currentHeader(ctx context.Context) (*header, error) {
	h, err := s.readHeader(ctx)
	if err != nil {
		return nil, err
	}
	if h == nil {
		s.set(nil, nil)
		return nil, ErrNoLock
	}
	return h, nil
}

// Unlock opens the lock with passphrase and keeps the key in memory until
// [Store.Lock]. It returns ErrWrongPassphrase, ErrTooSoon or ErrNoLock
// without changing anything else.
func (s *Store) Unlock(ctx context.Context, passphrase string) error {
	h, err := s.currentHeader(ctx)
	if err != nil {
		return err
	}
	k, err := s.try(ctx, h, ErrWrongPassphrase, func() ([]byte, error) { return h.unwrapPassphrase(passphrase) })
	if err != nil {
		return err
	}
	s.set(h, k)
	s.sealLeftovers(ctx, k)
	return nil
}

// Recover opens the lock with the recovery key and sets a new passphrase;
// the recovery key stays valid. It returns ErrRecoveryFormat,
// ErrWrongRecoveryKey, ErrTooSoon, ErrShortPassphrase or ErrNoLock without
// changing anything else.
func (s *Store) Recover(ctx context.Context, recoveryKey, newPassphrase string) error {
	secret, err := parseRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	if err := checkNew(newPassphrase); err != nil {
		return err
	}
	h, err := s.currentHeader(ctx)
	if err != nil {
		return err
	}
	var dataKey []byte
	k, err := s.try(ctx, h, ErrWrongRecoveryKey, func() ([]byte, error) {
		key, err := h.unwrapRecovery(secret)
		dataKey = append([]byte(nil), key...)
		return key, err
	})
	defer clear(dataKey)
	if err != nil {
		return err
	}
	return s.rewrap(ctx, h, k, newPassphrase, dataKey)
}

// rewrap stores h with newPassphrase wrapping dataKey, using today's
// parameters, and leaves the Store unlocked with k.
func (s *Store) rewrap(ctx context.Context, h *header, k *keys, newPassphrase string, dataKey []byte) error {
	next := *h
	next.Params = s.params
	if err := next.wrapPassphrase(newPassphrase, dataKey); err != nil {
		return err
	}
	if err := s.writeHeader(ctx, k, &next); err != nil {
		return err
	}
	s.set(&next, k)
	return nil
}

// writeHeader replaces the lock record, if it still holds k's key.
func (s *Store) writeHeader(ctx context.Context, k *keys, h *header) error {
	r, err := h.record(s.now())
	if err != nil {
		return err
	}
	return s.inner.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
		if _, err := k.currentLock(all); err != nil {
			return userdata.Changes{}, err
		}
		return userdata.Changes{Put: []userdata.Record{r}}, nil
	})
}

// unlockedState returns the lock and key, or ErrNoLock or ErrLocked.
func (s *Store) unlockedState(ctx context.Context) (*header, *keys, error) {
	h, k, err := s.state(ctx)
	switch {
	case err != nil:
		return nil, nil, err
	case h == nil:
		return nil, nil, ErrNoLock
	case k == nil:
		return nil, nil, userdata.ErrLocked
	}
	return h, k, nil
}

// ChangePassphrase replaces the passphrase, after checking the current one
// (a failure counts towards the delay). The recovery key stays valid.
func (s *Store) ChangePassphrase(ctx context.Context, current, next string) error {
	if err := checkNew(next); err != nil {
		return err
	}
	h, k, err := s.unlockedState(ctx)
	if err != nil {
		return err
	}
	var dataKey []byte
	_, err = s.try(ctx, h, ErrWrongPassphrase, func() ([]byte, error) {
		key, err := h.unwrapPassphrase(current)
		dataKey = append([]byte(nil), key...)
		return key, err
	})
	defer clear(dataKey)
	if err != nil {
		return err
	}
	return s.rewrap(ctx, h, k, next, dataKey)
}

// SetIdleMinutes sets how long the app may stay unlocked without use; it
// must be one of [IdleChoices].
func (s *Store) SetIdleMinutes(ctx context.Context, minutes int) error {
	if !validIdle(minutes) {
		return &userdata.InvalidError{Field: "idle minutes", Problem: fmt.Sprintf("%d is not a choice", minutes)}
	}
	h, k, err := s.unlockedState(ctx)
	if err != nil {
		return err
	}
	next := *h
	next.IdleMinutes = minutes
	if err := s.writeHeader(ctx, k, &next); err != nil {
		return err
	}
	s.set(&next, k)
	return nil
}

// Disable turns the lock off after checking the passphrase (a failure
// counts towards the delay): every record is opened and stored as it is,
// in one transaction. On error nothing changed.
func (s *Store) Disable(ctx context.Context, passphrase string) error {
	h, k, err := s.unlockedState(ctx)
	if err != nil {
		return err
	}
	if _, err := s.try(ctx, h, ErrWrongPassphrase, func() ([]byte, error) { return h.unwrapPassphrase(passphrase) }); err != nil {
		return err
	}
	open := func(r userdata.Record) (userdata.Record, bool, error) {
		if _, sealed := isSealed(r); !sealed {
			return r, false, nil
		}
		opened, err := k.open(r)
		if errors.Is(err, errOtherKey) {
			return r, false, nil // left from an old lock; nothing can open it
		}
		return opened, err == nil, err
	}
	pre, err := s.convertAhead(ctx, open)
	if err != nil {
		return err
	}
	err = s.inner.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
		if _, err := k.currentLock(all); err != nil {
			return userdata.Changes{}, err
		}
		c := userdata.Changes{Delete: []userdata.Key{
			{Kind: userdata.KindSetting, ID: lockID},
			{Kind: userdata.KindSetting, ID: attemptsID},
		}}
		for _, r := range all {
			opened, ok, err := pre.convert(r, open)
			if err != nil {
				return userdata.Changes{}, err
			}
			if ok {
				c.Delete = append(c.Delete, userdata.Key{Kind: r.Kind, ID: r.ID})
				c.Put = append(c.Put, opened)
			}
		}
		return c, nil
	})
	if err != nil {
		return fmt.Errorf("turn the lock off: %w", err)
	}
	s.set(nil, nil)
	return nil
}

// Lock drops the key from memory: nothing can be read or saved until the
// next Unlock. Locking while the lock is off does nothing.
func (s *Store) Lock() {
	s.mu.Lock()
	locked := s.head != nil && s.keys != nil
	s.mu.Unlock()
	if locked {
		s.set(s.head, nil)
	}
}

// sealLeftovers seals records stored in the clear while the lock is on,
// which a tab that had not yet heard of the lock may have written. Errors
// are ignored: the next unlock tries again.
func (s *Store) sealLeftovers(ctx context.Context, k *keys) {
	s.inner.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
		if _, err := k.currentLock(all); err != nil {
			return userdata.Changes{}, err
		}
		var c userdata.Changes
		for _, r := range all {
			if _, sealed := isSealed(r); sealed || inTheClear(r.Kind, r.ID) {
				continue
			}
			sealed, err := k.seal(r)
			if err != nil {
				continue
			}
			c.Delete = append(c.Delete, userdata.Key{Kind: r.Kind, ID: r.ID})
			c.Put = append(c.Put, sealed)
		}
		return c, nil
	})
}

// openLeftovers opens records this tab sealed with k after another tab
// turned the lock off, so they are not lost. Errors are ignored.
func (s *Store) openLeftovers(ctx context.Context, k *keys) {
	s.inner.Rewrite(ctx, func(all []userdata.Record) (userdata.Changes, error) {
		var c userdata.Changes
		for _, r := range all {
			if r.Kind == userdata.KindSetting && r.ID == lockID {
				return userdata.Changes{}, nil // locked again meanwhile
			}
			if _, sealed := isSealed(r); !sealed {
				continue
			}
			opened, err := k.open(r)
			if err != nil {
				continue
			}
			c.Delete = append(c.Delete, userdata.Key{Kind: r.Kind, ID: r.ID})
			c.Put = append(c.Put, opened)
		}
		return c, nil
	})
}
