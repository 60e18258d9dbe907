//go:build js

package reminder

import (
	"errors"
	"time"
)

// loadLocation refuses every named zone: a browser has no time zone
// database Go can read, so time.LoadLocation would fail the same way.
func loadLocation(string) (*time.Location, error) {
	return nil, errors.New("no time zone data in the browser")
}
