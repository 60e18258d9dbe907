package userdata_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"kintsugi/app/userdata"
)

func TestMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string // a word the message must contain
	}{
		{"not found", fmt.Errorf("get journal/x: %w", userdata.ErrNotFound), "couldn't find"},
		{"quota", fmt.Errorf("put: %w", userdata.ErrQuotaExceeded), "out of space"},
		{"blocked", userdata.ErrBlocked, "another tab"},
		{"closed", fmt.Errorf("all: %w", userdata.ErrClosed), "reload"},
		{"invalid", &userdata.InvalidError{Kind: userdata.KindJournal, ID: "x", Field: "id", Problem: "bad"}, "nothing was changed"},
		{"version", userdata.ErrVersion, "newer version"},
		{"unavailable", userdata.ErrUnavailable, "isn't letting"},
		{"locked", userdata.ErrLocked, "Unlock it with your passphrase"},
		{"canceled", fmt.Errorf("put: %w", context.Canceled), "stopped"},
		{"other", errors.New("UnknownError: disk on fire"), "went wrong"},
	}
	seen := make(map[string]string)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := userdata.Message(tc.err)
			if !strings.Contains(got, tc.want) {
				t.Errorf("Message(%v): got %q, want it to contain %q", tc.err, got, tc.want)
			}
			if strings.Contains(got, "disk on fire") || strings.Contains(got, "journal") {
				t.Errorf("Message(%v): got %q, which leaks detail", tc.err, got)
			}
			if !strings.HasSuffix(got, ".") {
				t.Errorf("Message(%v): got %q, want a full sentence", tc.err, got)
			}
			if other, ok := seen[got]; ok {
				t.Errorf("Message: %s and %s give the same text", tc.name, other)
			}
			seen[got] = tc.name
		})
	}
	if got := userdata.Message(nil); got != "" {
		t.Errorf("Message(nil): got %q, want empty", got)
	}
}

func TestInvalidError(t *testing.T) {
	tests := []struct {
		err  *userdata.InvalidError
		want string
	}{
		{&userdata.InvalidError{Kind: userdata.KindJournal, ID: "a b", Field: "id", Problem: "character ' ' not allowed"},
			`invalid record journal/"a b": id: character ' ' not allowed`},
		{&userdata.InvalidError{Field: "limit", Problem: "-1 is negative"}, `invalid request: limit: -1 is negative`},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error: got %q, want %q", got, tc.want)
		}
		if !errors.Is(tc.err, userdata.ErrInvalid) {
			t.Errorf("errors.Is(%v, ErrInvalid) = false", tc.err)
		}
	}
}
