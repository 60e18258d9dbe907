package userdata

import (
	"context"
	"errors"
	"fmt"
)

// Sentinel errors reported by stores. Stores wrap them with detail; test
// for them with errors.Is. Their texts are for logs and developers; show
// users [Message] instead.
var (
	// ErrNotFound means no record has the requested kind and ID.
	ErrNotFound = errors.New("record not found")
	// ErrQuotaExceeded means the browser refused the write for lack of
	// storage space. Nothing was written.
	ErrQuotaExceeded = errors.New("storage quota exceeded")
	// ErrBlocked means the database could not be opened, upgraded or
	// deleted because another tab still holds it open.
	ErrBlocked = errors.New("blocked by another open tab")
	// ErrClosed means the store is closed: by Close, or because another
	// tab upgraded or deleted the database. Reloading the page reopens it.
	ErrClosed = errors.New("store closed")
	// ErrInvalid means a record, ID, kind or query broke the rules in this
	// package. Nothing was written. See [InvalidError].
	ErrInvalid = errors.New("invalid")
	// ErrVersion means the saved data was written by a newer version of
	// the app than the one running.
	ErrVersion = errors.New("data written by a newer version")
	// ErrUnavailable means the browser's storage cannot be used at all:
	// it is missing, disabled (some private modes), or failing.
	ErrUnavailable = errors.New("storage unavailable")
	// ErrLocked means the records are sealed by the passphrase lock and
	// the app is locked: nothing can be read or saved until the user
	// unlocks it. Nothing was read or written.
	ErrLocked = errors.New("locked")
)

// InvalidError describes why a record or request is invalid. It wraps
// [ErrInvalid].
type InvalidError struct {
	Kind    Kind   // the record's kind, possibly empty or unknown
	ID      string // the record's ID, possibly empty
	Field   string // the offending field, such as "id" or "data"
	Problem string // what is wrong with it
}

// Error returns a description such as
// `invalid record journal/"x y": id: character ' ' not allowed`.
func (e *InvalidError) Error() string {
	what := "request"
	if e.Kind != "" || e.ID != "" {
		what = fmt.Sprintf("record %s/%q", e.Kind, e.ID)
	}
	return fmt.Sprintf("invalid %s: %s: %s", what, e.Field, e.Problem)
}

// Unwrap returns [ErrInvalid].
func (e *InvalidError) Unwrap() error { return ErrInvalid }

// Message returns a plain sentence about err that is safe to show the user:
// it never contains record contents or technical detail. It returns "" for
// a nil error.
func Message(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrNotFound):
		return "We couldn't find that entry. It may have been deleted, perhaps in another tab."
	case errors.Is(err, ErrQuotaExceeded):
		return "Your device is out of space for Kintsugi, so this wasn't saved. " +
			"Freeing up some space on your device can help, and a backup keeps your entries safe."
	case errors.Is(err, ErrBlocked):
		return "Kintsugi is open in another tab or window that needs to close first. " +
			"Please close the other one, then try again."
	case errors.Is(err, ErrClosed):
		return "Kintsugi was updated or closed in another tab. " +
			"Please reload this page to keep going; your saved entries are safe."
	case errors.Is(err, ErrLocked):
		return "Kintsugi is locked. Unlock it with your passphrase to see and save your entries."
	case errors.Is(err, ErrInvalid):
		return "Something in this entry couldn't be saved as it is, so nothing was changed. " +
			"Please check it and try again."
	case errors.Is(err, ErrVersion):
		return "Your entries were saved by a newer version of Kintsugi. " +
			"Please reload this page to update the app; your entries are safe."
	case errors.Is(err, ErrUnavailable):
		return "This browser isn't letting Kintsugi save anything right now. " +
			"Private or incognito windows sometimes do this. Your entries won't be kept after you close this window."
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "That took too long and was stopped, so nothing was changed. Please try again."
	default:
		return "Something went wrong with your saved entries. Nothing was shared anywhere. " +
			"Please try again, and reload the page if it keeps happening."
	}
}
