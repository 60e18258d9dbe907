// Package fold folds text for matching: it lower-cases letters and removes
// accents, so that "Café", "cafe" and "CAFÉ" compare equal.
//
// It is a small table of its own, not full Unicode normalisation: it covers
// the Latin-1 Supplement, Latin Extended-A and the common letters of Latin
// Extended-B (enough for most European languages), and drops combining
// accents (U+0300 to U+036F) that follow a base letter. Other letters are
// only lower-cased. A few letters fold to two: "ß" to "ss", "æ" to "ae",
// "œ" to "oe", "þ" to "th", "ĳ" to "ij".
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tableFirst and tableLast bound the runes the table maps.
const (
	tableFirst = 0xC0
	tableLast  = 0x24F
)

// table maps a rune r in [tableFirst, tableLast] to its folded form at
// table[r-tableFirst]; "" means r is not a letter with an accent and only
// lower-casing applies.
var table [tableLast - tableFirst + 1]string

func init() {
	for folded, runes := range map[string]string{
		"a":  "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǺǻȀȁȂȃ",
		"ae": "ÆæǼǽ",
		"c":  "ÇçĆćĈĉĊċČč",
		"d":  "ÐðĎďĐđ",
		"e":  "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇ",
		"g":  "ĜĝĞğĠġĢģǦǧ",
		"h":  "ĤĥĦħ",
		"i":  "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋ",
		"ij": "Ĳĳ",
		"j":  "Ĵĵ",
		"k":  "Ķķĸ",
		"l":  "ĹĺĻļĽľĿŀŁł",
		"n":  "ÑñŃńŅņŇňŉŊŋ",
		"o":  "ÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒǾǿȌȍȎȏ",
		"oe": "Œœ",
		"r":  "ŔŕŖŗŘřȐȑȒȓ",
		"s":  "ŚśŜŝŞşŠšſȘș",
		"ss": "ß",
		"t":  "ŢţŤťŦŧȚț",
		"th": "Þþ",
		"u":  "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔǕǖǗǘǙǚǛǜȔȕȖȗ",
		"w":  "Ŵŵ",
		"y":  "ÝýÿŶŷŸ",
		"z":  "ŹźŻżŽž",
	} {
		for _, r := range runes {
			table[r-tableFirst] = folded
		}
	}
}

// IsMark reports whether r is a combining accent that folding drops.
func IsMark(r rune) bool { return r >= 0x300 && r <= 0x36F }

// AppendRune appends the folded form of r to dst and returns the extended
// slice. A combining accent appends nothing.
func AppendRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case r >= tableFirst && r <= tableLast && table[r-tableFirst] != "":
		return append(dst, table[r-tableFirst]...)
	case IsMark(r):
		return dst
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// String returns s folded: lower case, with accents removed.
func String(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = AppendRune(b, r)
	}
	return string(b)
}

// Equal reports whether a and b are the same once folded.
func Equal(a, b string) bool {
	return a == b || String(a) == String(b)
}

// Contains reports whether s contains sub once both are folded.
func Contains(s, sub string) bool {
	return strings.Contains(String(s), String(sub))
}
