package userdata

import (
	"context"
)

// Failing returns a Store on which every call fails with err. The app uses
// it when the device's store cannot be opened (blocked by another tab, or
// written by a newer version), so that saving says it failed instead of
// seeming to work and losing the words later.
func Failing(err error) Store { return failing{err} }

type failing struct{ err error }

func (f failing) Get(context.Context, Kind, string) (Record, error)   { return Record{}, f.err }
func (f failing) Put(context.Context, ...Record) error                { return f.err }
func (f failing) Delete(context.Context, Kind, string) error          { return f.err }
func (f failing) List(context.Context, Kind, Query) ([]Record, error) { return nil, f.err }
func (f failing) All(context.Context) ([]Record, error)               { return nil, f.err }
func (f failing) ReplaceAll(context.Context, []Record) error          { return f.err }
func (f failing) Clear(context.Context) error                         { return f.err }
func (f failing) Rewrite(context.Context, func([]Record) (Changes, error)) error {
	return f.err
}
func (f failing) Close() error { return nil }
