package fold_test

import (
	"testing"

	"kintsugi/app/fold"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain words", "plain words"},
		{"Café", "cafe"},
		{"CAFÉ", "cafe"},
		{"Cafe\u0301", "cafe"}, // e + combining acute
		{"Zoë Brontë", "zoe bronte"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"Ærø", "aero"},
		{"Şüphe ığdır", "suphe igdir"},
		{"Ștefan", "stefan"},
		{"ΣΟΦΊΑ", "σοφία"}, // other scripts: lower case only
		{"naïve résumé, coöperate", "naive resume, cooperate"},
		{"😊 ok", "😊 ok"},
	}
	for _, tc := range tests {
		if got := fold.String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEqualContains(t *testing.T) {
	if !fold.Equal("Résumé", "resume") || fold.Equal("resume", "resumes") {
		t.Error("Equal is wrong")
	}
	if !fold.Contains("We went to the CAFÉ", "cafe") || fold.Contains("cafe", "café au lait") {
		t.Error("Contains is wrong")
	}
}
