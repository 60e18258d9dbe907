package ui

import (
	"context"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/userdata"
)

// undoFor is how long a deleted entry can be brought back.
const undoFor = 20 * time.Second

// undoSlot holds the entry a page deleted last, for as long as its Undo
// button is offered. The delete itself happens at once; undo saves the
// entry again exactly as it was. Check-ins, milestones, journal entries and
// triggers all delete this way.
type undoSlot[T any] struct {
	kept *T  // the deleted entry, nil once undo is no longer offered
	gen  int // counts deletes and undos, so a late timer or failure only touches its own
}

// remove deletes the record kind/id from store, keeps item for undo, and
// moves focus to the Undo button (buttonID) once it is drawn. The page has
// already taken item out of its list. If the delete fails, undo is
// withdrawn and failed puts item back and says why. ctx must be the page's
// mounted context: the page may have moved on by then.
func (u *undoSlot[T]) remove(ctx app.Context, store userdata.Store, kind userdata.Kind, id string, item T, buttonID string, failed func(ctx app.Context, item T, err error)) {
	u.kept = &item
	u.gen++
	gen := u.gen
	ctx.Defer(func(app.Context) { focusID(buttonID) })
	ctx.After(undoFor, func(app.Context) {
		if u.gen == gen {
			u.kept = nil
		}
	})
	ctx.Async(func() {
		err := store.Delete(ctx, kind, id)
		if err == nil {
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			if u.gen == gen {
				u.kept = nil
			}
			failed(ctx, item, err)
		})
	})
}

// restore saves the kept entry again with save and hands what was saved,
// or the error, to done. Undo is withdrawn either way. ctx must be the
// page's mounted context.
func (u *undoSlot[T]) restore(ctx app.Context, save func(context.Context, T) (T, error), done func(ctx app.Context, saved T, err error)) {
	if u.kept == nil {
		return
	}
	kept := *u.kept
	u.kept = nil
	u.gen++
	ctx.Async(func() {
		saved, err := save(ctx, kept)
		ctx.Dispatch(func(ctx app.Context) { done(ctx, saved, err) })
	})
}

// undoNotice offers, for a while, to bring back what was just deleted.
// With no text it is an empty slot, so that the list below stays put.
func undoNotice(buttonID, text string, undo func(app.Context, app.Event)) app.UI {
	if text == "" {
		return app.Div().Class("undo-slot")
	}
	return app.Div().Class("undo-slot").Body(
		app.Div().Class("notice undo").Role("status").Body(
			app.P().Text(text),
			button("Undo delete").ID(buttonID).OnClick(undo),
		),
	)
}
