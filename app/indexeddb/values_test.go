//go:build js && wasm

package indexeddb

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestParseValues(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []value
	}{
		{"empty", `[]`, nil},
		{"spaces", " [ \n] ", nil},
		{"one", `[{"kind":"journal","id":"a","data":"{}"}]`, []value{{Kind: "journal", ID: "a", Data: "{}"}}},
		{"unknown and missing fields", `[{"x":"y","at":"2024"},{}]`, []value{{At: "2024"}, {}}},
		{"escapes", `[{"data":"a\"b\\c\/d\b\f\n\r\t\u00e9\u2028"}]`, []value{{Data: "a\"b\\c/d\b\f\n\r\té\u2028"}}},
		{"surrogate pair", `[{"data":"\ud83d\ude0a"}]`, []value{{Data: "😊"}}},
		{"lone surrogates", `[{"data":"\ud83d-\ude0a\ud83d"}]`, []value{{Data: "\ufffd-\ufffd\ufffd"}}},
		{"high then non-low", `[{"data":"\ud83d\u0041"}]`, []value{{Data: "\ufffdA"}}},
		{"raw unicode", `[{"id":"Zoë 😊"}]`, []value{{ID: "Zoë 😊"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseValues(tc.text)
			if err != nil {
				t.Fatalf("parseValues(%q): %v", tc.text, err)
			}
			if !equalValues(got, tc.want) {
				t.Errorf("parseValues(%q):\ngot  %+v\nwant %+v", tc.text, got, tc.want)
			}
		})
	}

	bad := []string{
		``, `{}`, `[`, `[{]`, `[{"kind"}]`, `[{"kind":1}]`, `[{"kind":null}]`, `[{"kind":"a",}]`,
		`[{"kind":"a"},]`, `[{"kind":"a"}] x`, `[{"kind":"a}]`, `[{"kind":"\x"}]`, `[{"kind":"\u12"}]`,
		`[{"kind":"\u12g4"}]`, "[{\"kind\":\"a\nb\"}]", `[{"kind":"a\`, `["a"]`, `[[]]`,
	}
	for _, text := range bad {
		if got, err := parseValues(text); !errors.Is(err, errCorrupt) {
			t.Errorf("parseValues(%q): got %+v, %v; want errCorrupt", text, got, err)
		}
	}
}

// TestParseValuesAgainstJS round-trips random values through the
// browser's JSON.parse and JSON.stringify, as reads do.
func TestParseValuesAgainstJS(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aZ09 \"\\/\b\f\n\r\t\x00\x1f\x7f<>&é€\u2028\u2029😊𝄞\ufffd")
	randString := func() string {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	var want []value
	for range 500 {
		want = append(want, value{
			Kind: randString(), ID: randString(), Date: randString(), At: randString(),
			Created: randString(), Updated: randString(), Data: randString(),
		})
	}
	b, err := json.Marshal(want)
	must(t, err)
	arr := jsonValue(t, string(b))
	text, err := jsonStringify(arr)
	must(t, err)
	got, err := parseValues(text)
	if err != nil {
		t.Fatalf("parseValues: %v", err)
	}
	if !equalValues(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("value %d:\ngot  %+q\nwant %+q", i, got[i], want[i])
			}
		}
		t.Fatalf("got %d values, want %d", len(got), len(want))
	}
}

func equalValues(a, b []value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
