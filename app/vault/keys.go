package vault

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are the Argon2id parameters that turn a passphrase into the key
// that wraps the data key. They are stored with the lock, so they can be
// raised for new locks without breaking old ones.
type Params struct {
	// Memory is the memory used, in KiB.
	Memory uint32 `json:"memoryKiB"`
	// Iterations is the number of passes over the memory.
	Iterations uint32 `json:"iterations"`
	// Threads is the degree of parallelism. WebAssembly runs one thread,
	// so more only costs time.
	Threads uint8 `json:"threads"`
}

// DefaultParams are the parameters new locks use: 32 MiB, 3 passes, 1
// thread. That is about 2.5 times the work of the minimum OWASP's Password
// Storage Cheat Sheet recommends for Argon2id (19 MiB, 2 passes). In
// headless Chromium on a 2-core test machine an unlock takes about 0.23 s,
// so about a second on a phone four times slower: a wait a person opening
// their journal barely notices, while every guess costs an attacker the
// same time and 32 MiB. Much more memory would grow the app for good
// (WebAssembly memory never shrinks) and make a slow phone wait seconds.
var DefaultParams = Params{Memory: 32 * 1024, Iterations: 3, Threads: 1}

// Bounds on stored parameters, so that a damaged or hostile lock record or
// backup cannot make the app allocate gigabytes or spin for minutes.
const (
	minMemory     = 8
	maxMemory     = 64 * 1024
	maxIterations = 10
	maxThreads    = 4
)

func (p Params) check() error {
	switch {
	case p.Memory < minMemory || p.Memory > maxMemory:
		return fmt.Errorf("memory %d KiB out of range", p.Memory)
	case p.Iterations < 1 || p.Iterations > maxIterations:
		return fmt.Errorf("iterations %d out of range", p.Iterations)
	case p.Threads < 1 || p.Threads > maxThreads:
		return fmt.Errorf("threads %d out of range", p.Threads)
	case p.Memory < 8*uint32(p.Threads):
		return fmt.Errorf("memory %d KiB too small for %d threads", p.Memory, p.Threads)
	}
	return nil
}

const (
	keySize   = 32 // AES-256
	saltSize  = 16
	nonceSize = 12 // AES-GCM's standard nonce
)

// passphraseKey derives the key that wraps the data key from a passphrase.
// The passphrase is used exactly as typed.
func passphraseKey(passphrase string, salt []byte, p Params) []byte {
	return argon2.IDKey([]byte(passphrase), salt, p.Iterations, p.Memory, p.Threads, keySize)
}

// recoveryWrapKey derives the key that wraps the data key from a recovery
// key's bytes. They are random and long, so no slow derivation is needed.
func recoveryWrapKey(secret, salt []byte) ([]byte, error) {
	return hkdf.Key(sha256.New, secret, salt, "kintsugi recovery key v1", keySize)
}

// newAEAD returns AES-256-GCM with key.
func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// wrapped is a data key sealed under a key derived from a secret.
type wrapped struct {
	Nonce  []byte `json:"nonce"`
	Sealed []byte `json:"sealed"`
}

// wrap seals dataKey under wrapKey, bound to purpose.
func wrap(wrapKey, dataKey []byte, purpose string) (wrapped, error) {
	aead, err := newAEAD(wrapKey)
	if err != nil {
		return wrapped{}, err
	}
	nonce := random(nonceSize)
	return wrapped{Nonce: nonce, Sealed: aead.Seal(nil, nonce, dataKey, []byte(purpose))}, nil
}

// errUnwrap means the secret did not open the wrapped key.
var errUnwrap = errors.New("the key does not open the lock")

// unwrap opens w with wrapKey. Any failure, including a wrong key, is
// errUnwrap.
func unwrap(wrapKey []byte, w wrapped, purpose string) ([]byte, error) {
	aead, err := newAEAD(wrapKey)
	if err != nil || len(w.Nonce) != nonceSize {
		return nil, errUnwrap
	}
	dataKey, err := aead.Open(nil, w.Nonce, w.Sealed, []byte(purpose))
	if err != nil || len(dataKey) != keySize {
		return nil, errUnwrap
	}
	return dataKey, nil
}

// Purposes bound into each wrapped key, so one cannot stand in for another.
const (
	purposePassphrase = "kintsugi data key under passphrase v1"
	purposeRecovery   = "kintsugi data key under recovery key v1"
)

// keys are what the data key opens: the record cipher and the key that
// hides record IDs.
type keys struct {
	id   string // names the data key in sealed records, without revealing it
	aead cipher.AEAD
	mac  []byte // HMAC key for sealed record IDs
}

func newKeys(dataKey []byte) (*keys, error) {
	enc, err := hkdf.Key(sha256.New, dataKey, nil, "kintsugi record cipher v1", keySize)
	if err != nil {
		return nil, err
	}
	mac, err := hkdf.Key(sha256.New, dataKey, nil, "kintsugi record id v1", keySize)
	if err != nil {
		return nil, err
	}
	idKey, err := hkdf.Key(sha256.New, dataKey, nil, "kintsugi key id v1", 9)
	if err != nil {
		return nil, err
	}
	aead, err := newAEAD(enc)
	if err != nil {
		return nil, err
	}
	clear(enc)
	return &keys{id: base64.RawURLEncoding.EncodeToString(idKey), aead: aead, mac: mac}, nil
}

// random returns n random bytes.
func random(n int) []byte {
	b := make([]byte, n)
	rand.Read(b) // never fails; see crypto/rand
	return b
}

// Recovery keys are 20 random bytes (160 bits), written as 32 characters
// of base32 in groups of four: easy to copy by hand, impossible to guess.
const recoveryBytes = 20

var recoveryEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewRecoveryKey returns a new random recovery key, such as
// "K7Q2-M4XD-…", to show the user once before the lock is turned on.
func NewRecoveryKey() string {
	s := recoveryEncoding.EncodeToString(random(recoveryBytes))
	var groups []string
	for i := 0; i < len(s); i += 4 {
		groups = append(groups, s[i:i+4])
	}
	return strings.Join(groups, "-")
}

// ErrRecoveryFormat means a text is not a recovery key at all: the user
// probably typed something else.
var ErrRecoveryFormat = errors.New("not a recovery key: it has 32 letters and digits, in groups of four")

// parseRecoveryKey reads a recovery key as a person might type it: any
// case, with or without dashes or spaces, and with the digits 0 and 1,
// which base32 leaves out, read as the letters O and I they look like.
func parseRecoveryKey(s string) ([]byte, error) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\r':
		case r == '0':
			b.WriteRune('O')
		case r == '1':
			b.WriteRune('I')
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() != recoveryEncoding.EncodedLen(recoveryBytes) {
		return nil, ErrRecoveryFormat
	}
	secret, err := recoveryEncoding.DecodeString(b.String())
	if err != nil || len(secret) != recoveryBytes {
		return nil, ErrRecoveryFormat
	}
	return secret, nil
}

// LooksLikeRecoveryKey reports whether s has the shape of a recovery key,
// so that one field can take either a passphrase or a recovery key.
func LooksLikeRecoveryKey(s string) bool {
	_, err := parseRecoveryKey(s)
	return err == nil
}

// sameKey reports whether two key IDs match, in constant time.
func sameKey(a, b string) bool { return hmac.Equal([]byte(a), []byte(b)) }
