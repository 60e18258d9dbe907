package cards

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"kintsugi/app/userdata"
)

// Shuffle returns a copy of cards in an order that depends only on seed:
// the same cards and seed always give the same order, on every device and
// in every version, so a saved seed and position bring a person back to
// the same card. cards itself is not changed.
func Shuffle(cards []Card, seed uint32) []Card {
	out := slices.Clone(cards)
	r := splitmix{state: uint64(seed)}
	for i := len(out) - 1; i > 0; i-- {
		j := r.below(uint64(i + 1))
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// splitmix is SplitMix64 (Steele, Lea & Flood, 2014), written out here so
// that Shuffle's order never depends on the standard library's choices.
type splitmix struct{ state uint64 }

func (s *splitmix) next() uint64 {
	s.state += 0x9e3779b97f4a7c15
	z := s.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// below returns a number in [0, n), without bias, by rejection.
func (s *splitmix) below(n uint64) int {
	limit := -n % n // (2^64 - n) mod n: values below it would skew the result
	for {
		if v := s.next(); v >= limit {
			return int(v % n)
		}
	}
}

// NewSeed returns a fresh random seed for a new shuffle.
func NewSeed() uint32 { return rand.Uint32() }

// RecordID is the ID of the one userdata.KindExercise record that holds
// the cards' [State].
const RecordID = "conversation-cards"

// MaxFavourites is the most favourites [State.Validate] accepts.
const MaxFavourites = 500

// State is what the cards keep on the device.
type State struct {
	// Favourites are card IDs, the most recently marked first.
	Favourites []string `json:"favourites"`
	// Deck is the deck being dealt, or "" for all of them.
	Deck string `json:"deck,omitempty"`
	// Seed fixes the shuffled order; see [Shuffle].
	Seed uint32 `json:"seed"`
	// Position is the index of the current card in that order.
	Position int `json:"position"`
}

// data is the stored form of State: the record names its exercise.
type data struct {
	Slug string `json:"slug"`
	State
}

// Has reports whether card id is a favourite.
func (s State) Has(id string) bool { return slices.Contains(s.Favourites, id) }

// Toggle returns a copy of s with card id added to the front of the
// favourites, or removed if it was there.
func (s State) Toggle(id string) State {
	if s.Has(id) {
		s.Favourites = slices.DeleteFunc(slices.Clone(s.Favourites), func(f string) bool { return f == id })
		return s
	}
	s.Favourites = append([]string{id}, s.Favourites...)
	return s
}

// Order returns the cards of s's deck (all decks if Deck is "") in s's
// shuffled order.
func (s State) Order(set *Set) []Card {
	return Shuffle(set.Cards(s.Deck), s.Seed)
}

// Current returns the card at s's position in order, wrapping round at the
// end; ok is false if order is empty.
func (s State) Current(order []Card) (c Card, ok bool) {
	if len(order) == 0 {
		return Card{}, false
	}
	p := s.Position % len(order)
	if p < 0 {
		p += len(order)
	}
	return order[p], true
}

// Favourite returns the favourite cards that exist in set, most recently
// marked first. IDs of retired cards are skipped, not removed.
func (s State) Favourite(set *Set) []Card {
	var out []Card
	for _, id := range s.Favourites {
		if c, ok := set.Card(id); ok {
			out = append(out, c)
		}
	}
	return out
}

// Validate reports whether s may be saved. It returns nil or an error
// wrapping userdata.ErrInvalid. A valid state has at most
// [MaxFavourites] distinct, well-formed favourite IDs, a Deck that is ""
// or one of [Decks], and a Position that is not negative.
func (s State) Validate() error {
	bad := func(field, problem string) error {
		return &userdata.InvalidError{Kind: userdata.KindExercise, ID: RecordID, Field: field, Problem: problem}
	}
	if len(s.Favourites) > MaxFavourites {
		return bad("favourites", fmt.Sprintf("%d favourites, more than %d", len(s.Favourites), MaxFavourites))
	}
	for i, id := range s.Favourites {
		if !idRE.MatchString(id) || len(id) > 40 {
			return bad("favourites", fmt.Sprintf("%q is not a card ID", id))
		}
		if slices.Contains(s.Favourites[:i], id) {
			return bad("favourites", fmt.Sprintf("%q appears twice", id))
		}
	}
	if s.Deck != "" && !slices.Contains(Decks, s.Deck) {
		return bad("deck", fmt.Sprintf("unknown deck %q", s.Deck))
	}
	if s.Position < 0 {
		return bad("position", "negative")
	}
	return nil
}

// ToRecord returns s as the cards' record, created and updated at now.
func (s State) ToRecord(now time.Time) (userdata.Record, error) {
	if err := s.Validate(); err != nil {
		return userdata.Record{}, err
	}
	return userdata.New(userdata.KindExercise, RecordID, now, data{Slug: Slug, State: s}, now)
}

// FromRecord returns the state r holds. It returns an error wrapping
// userdata.ErrInvalid if r is not the cards' record or holds an invalid
// state.
func FromRecord(r userdata.Record) (State, error) {
	if r.Kind != userdata.KindExercise || r.ID != RecordID {
		return State{}, &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: "id", Problem: "not the conversation cards' record"}
	}
	var d data
	if err := json.Unmarshal(r.Data, &d); err != nil {
		return State{}, &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: "data", Problem: err.Error()}
	}
	if d.Slug != Slug {
		return State{}, &userdata.InvalidError{Kind: r.Kind, ID: r.ID, Field: "data", Problem: fmt.Sprintf("slug %q, want %q", d.Slug, Slug)}
	}
	return d.State, d.State.Validate()
}

// Load returns the saved state, or the zero State if none was saved.
func Load(ctx context.Context, s userdata.Store) (State, error) {
	r, err := s.Get(ctx, userdata.KindExercise, RecordID)
	if errors.Is(err, userdata.ErrNotFound) {
		return State{}, nil
	}
	if err != nil {
		return State{}, err
	}
	return FromRecord(r)
}

// Save keeps st on the device, replacing the saved state and keeping the
// record's first Created time.
func Save(ctx context.Context, s userdata.Store, st State, now time.Time) error {
	rec, err := st.ToRecord(now)
	if err != nil {
		return err
	}
	old, err := s.Get(ctx, userdata.KindExercise, RecordID)
	switch {
	case errors.Is(err, userdata.ErrNotFound):
	case err != nil:
		return err
	default:
		if rec, err = old.Update(data{Slug: Slug, State: st}, now); err != nil {
			return err
		}
		rec.Date = now
	}
	if err := s.Put(ctx, rec); err != nil {
		return fmt.Errorf("save conversation cards: %w", err)
	}
	return nil
}
