//go:build !js

package reminder

import "time"

// loadLocation loads a named time zone from the system's database.
func loadLocation(name string) (*time.Location, error) { return time.LoadLocation(name) }
