package userdata_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
)

func TestSettingsValidate(t *testing.T) {
	tests := []struct {
		name string
		s    userdata.Settings
		ok   bool
	}{
		{"defaults", userdata.DefaultSettings(), true},
		{"all set", userdata.Settings{Theme: userdata.ThemeDark, TextSize: userdata.TextLarger, LineSpacing: userdata.SpacingLoose}, true},
		{"zero", userdata.Settings{}, false},
		{"bad theme", userdata.Settings{Theme: "blue", TextSize: userdata.TextSmall, LineSpacing: userdata.SpacingNormal}, false},
		{"bad size", userdata.Settings{Theme: userdata.ThemeLight, TextSize: "huge", LineSpacing: userdata.SpacingNormal}, false},
		{"bad spacing", userdata.Settings{Theme: userdata.ThemeLight, TextSize: userdata.TextSmall, LineSpacing: "double"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.s.Validate()
			if tc.ok && err != nil {
				t.Errorf("Validate: got %v, want nil", err)
			}
			if !tc.ok && !errors.Is(err, userdata.ErrInvalid) {
				t.Errorf("Validate: got %v, want ErrInvalid", err)
			}
		})
	}
}

func TestSettingsFrom(t *testing.T) {
	rec := func(data string) userdata.Record {
		return userdata.Record{Kind: userdata.KindSetting, ID: userdata.SettingsID, Date: now, Created: now, Updated: now, Data: json.RawMessage(data)}
	}
	tests := []struct {
		name string
		rec  userdata.Record
		want userdata.Settings
		ok   bool
	}{
		{"full", rec(`{"theme":"dark","textSize":"large","lineSpacing":"relaxed"}`),
			userdata.Settings{Theme: userdata.ThemeDark, TextSize: userdata.TextLarge, LineSpacing: userdata.SpacingRelaxed}, true},
		{"discreet", rec(`{"theme":"dark","discreet":true}`),
			userdata.Settings{Theme: userdata.ThemeDark, TextSize: userdata.TextMedium, LineSpacing: userdata.SpacingNormal, Discreet: true}, true},
		{"missing fields take defaults", rec(`{"theme":"light"}`),
			userdata.Settings{Theme: userdata.ThemeLight, TextSize: userdata.TextMedium, LineSpacing: userdata.SpacingNormal}, true},
		{"unknown fields ignored", rec(`{"font":"serif"}`), userdata.DefaultSettings(), true},
		{"bad value", rec(`{"theme":"neon"}`), userdata.Settings{}, false},
		{"wrong type", rec(`{"theme":3}`), userdata.Settings{}, false},
		{"other record", userdata.Record{Kind: userdata.KindSetting, ID: "other", Data: json.RawMessage(`{}`)}, userdata.Settings{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := userdata.SettingsFrom(tc.rec)
			if !tc.ok {
				if !errors.Is(err, userdata.ErrInvalid) {
					t.Errorf("SettingsFrom: got %+v, %v, want ErrInvalid", got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("SettingsFrom: got %+v, %v, want %+v", got, err, tc.want)
			}
		})
	}
}

func TestSaveLoadSettings(t *testing.T) {
	ctx := t.Context()
	st := inmem.New()
	got, err := userdata.LoadSettings(ctx, st)
	if err != nil || got != userdata.DefaultSettings() {
		t.Errorf("LoadSettings on an empty store: got %+v, %v, want defaults", got, err)
	}
	want := userdata.Settings{Theme: userdata.ThemeDark, TextSize: userdata.TextLarger, LineSpacing: userdata.SpacingLoose}
	if err := userdata.SaveSettings(ctx, st, want, now); err != nil {
		t.Fatalf("SaveSettings: %v", err)
	}
	later := now.Add(24 * time.Hour)
	want.Theme = userdata.ThemeLight
	if err := userdata.SaveSettings(ctx, st, want, later); err != nil {
		t.Fatalf("SaveSettings again: %v", err)
	}
	got, err = userdata.LoadSettings(ctx, st)
	if err != nil || got != want {
		t.Errorf("LoadSettings: got %+v, %v, want %+v", got, err, want)
	}
	r, err := st.Get(ctx, userdata.KindSetting, userdata.SettingsID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !r.Created.Equal(now) || !r.Updated.Equal(later) {
		t.Errorf("settings record: got created %v updated %v, want %v and %v", r.Created, r.Updated, now, later)
	}
	if err := userdata.SaveSettings(ctx, st, userdata.Settings{Theme: "neon"}, later); !errors.Is(err, userdata.ErrInvalid) {
		t.Errorf("SaveSettings of bad settings: got %v, want ErrInvalid", err)
	}

	bad := r
	bad.Data = json.RawMessage(`{"theme":"neon"}`)
	if err := st.Put(ctx, bad); err != nil {
		t.Fatal(err)
	}
	got, err = userdata.LoadSettings(ctx, st)
	if !errors.Is(err, userdata.ErrInvalid) || got != userdata.DefaultSettings() {
		t.Errorf("LoadSettings of a bad record: got %+v, %v, want defaults and ErrInvalid", got, err)
	}
}
