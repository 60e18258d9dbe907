package userdata

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Theme is the color scheme: follow the system, or always light or dark.
type Theme string

// The themes.
const (
	ThemeSystem Theme = "system"
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// TextSize is the reading text size.
type TextSize string

// The text sizes, smallest first.
const (
	TextSmall  TextSize = "small"
	TextMedium TextSize = "medium"
	TextLarge  TextSize = "large"
	TextLarger TextSize = "larger"
)

// LineSpacing is the space between lines of text.
type LineSpacing string

// The line spacings, tightest first.
const (
	SpacingNormal  LineSpacing = "normal"
	SpacingRelaxed LineSpacing = "relaxed"
	SpacingLoose   LineSpacing = "loose"
)

// Themes returns every theme, in display order.
func Themes() []Theme { return []Theme{ThemeSystem, ThemeLight, ThemeDark} }

// TextSizes returns every text size, smallest first.
func TextSizes() []TextSize { return []TextSize{TextSmall, TextMedium, TextLarge, TextLarger} }

// LineSpacings returns every line spacing, tightest first.
func LineSpacings() []LineSpacing {
	return []LineSpacing{SpacingNormal, SpacingRelaxed, SpacingLoose}
}

// SettingsID is the ID of the [KindSetting] record holding [Settings].
const SettingsID = "appearance"

// Settings are the appearance preferences. They are stored as the
// [KindSetting] record with ID [SettingsID].
type Settings struct {
	Theme       Theme       `json:"theme"`
	TextSize    TextSize    `json:"textSize"`
	LineSpacing LineSpacing `json:"lineSpacing"`
	// Discreet gives every page a neutral title, for someone who does not
	// want what the app is about visible in a tab or the app switcher.
	Discreet bool `json:"discreet,omitempty"`
}

// DefaultSettings returns the settings used until the user changes them:
// the system theme, medium text and normal spacing.
func DefaultSettings() Settings {
	return Settings{Theme: ThemeSystem, TextSize: TextMedium, LineSpacing: SpacingNormal}
}

// Validate reports whether every field of s holds a known value. It
// returns nil or an error wrapping [ErrInvalid].
func (s Settings) Validate() error {
	bad := func(field string, v any) error {
		return &InvalidError{Kind: KindSetting, ID: SettingsID, Field: field, Problem: fmt.Sprintf("unknown value %q", v)}
	}
	if !oneOf(s.Theme, Themes()) {
		return bad("theme", s.Theme)
	}
	if !oneOf(s.TextSize, TextSizes()) {
		return bad("textSize", s.TextSize)
	}
	if !oneOf(s.LineSpacing, LineSpacings()) {
		return bad("lineSpacing", s.LineSpacing)
	}
	return nil
}

func oneOf[T comparable](v T, all []T) bool {
	for _, a := range all {
		if v == a {
			return true
		}
	}
	return false
}

// withDefaults returns s with every empty field set to its default.
func (s Settings) withDefaults() Settings {
	d := DefaultSettings()
	if s.Theme == "" {
		s.Theme = d.Theme
	}
	if s.TextSize == "" {
		s.TextSize = d.TextSize
	}
	if s.LineSpacing == "" {
		s.LineSpacing = d.LineSpacing
	}
	return s
}

// SettingsFrom decodes the settings held by r. Fields missing from r take
// their defaults, so records saved before a field existed still load. It
// returns an error wrapping [ErrInvalid] if r is not a settings record or
// holds an unknown value.
func SettingsFrom(r Record) (Settings, error) {
	if r.Kind != KindSetting || r.ID != SettingsID {
		return Settings{}, &InvalidError{Kind: r.Kind, ID: r.ID, Field: "kind", Problem: "not the settings record"}
	}
	var s Settings
	if err := json.Unmarshal(r.Data, &s); err != nil {
		return Settings{}, &InvalidError{Kind: r.Kind, ID: r.ID, Field: "data", Problem: err.Error()}
	}
	s = s.withDefaults()
	if err := s.Validate(); err != nil {
		return Settings{}, err
	}
	return s, nil
}

// Record returns s as the settings record, last updated now. Pass the
// previously stored record as prev to keep its creation time, or the zero
// Record for a first save.
func (s Settings) Record(prev Record, now time.Time) (Record, error) {
	if err := s.Validate(); err != nil {
		return Record{}, err
	}
	created := prev.Created
	if created.IsZero() || created.After(now) {
		created = now
	}
	data, err := json.Marshal(s)
	if err != nil {
		return Record{}, fmt.Errorf("encode settings: %w", err)
	}
	r := Record{Kind: KindSetting, ID: SettingsID, Date: now, Created: created, Updated: now, Data: data}
	if err := r.Validate(); err != nil {
		return Record{}, err
	}
	return r, nil
}

// LoadSettings reads the settings from st, or returns [DefaultSettings]
// if none were saved. A stored record that cannot be read also yields the
// defaults, along with an error wrapping [ErrInvalid], so the caller can
// carry on with a readable screen.
func LoadSettings(ctx context.Context, st Store) (Settings, error) {
	r, err := st.Get(ctx, KindSetting, SettingsID)
	if errors.Is(err, ErrNotFound) {
		return DefaultSettings(), nil
	}
	if err != nil {
		return DefaultSettings(), fmt.Errorf("load settings: %w", err)
	}
	s, err := SettingsFrom(r)
	if err != nil {
		return DefaultSettings(), fmt.Errorf("load settings: %w", err)
	}
	return s, nil
}

// SaveSettings validates s and writes it to st, keeping the creation time
// of any settings saved before.
func SaveSettings(ctx context.Context, st Store, s Settings, now time.Time) error {
	if err := s.Validate(); err != nil {
		return err
	}
	prev, err := st.Get(ctx, KindSetting, SettingsID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("save settings: %w", err)
	}
	r, err := s.Record(prev, now)
	if err != nil {
		return err
	}
	if err := st.Put(ctx, r); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}
