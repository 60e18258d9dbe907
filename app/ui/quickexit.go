package ui

import (
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// AwayPath is the neutral page quick exit leaves for: a plain page of notes
// on this app's own origin, cached for offline use, with nothing on it that
// mentions Kintsugi or relationships.
const AwayPath = "/web/away.html"

// quickExit locks the app and leaves at once for the neutral page,
// replacing the current history entry so that Back does not return to the
// screen that was showing.
func quickExit() {
	if !app.IsClient {
		return
	}
	lockNow()
	app.Window().Get("location").Call("replace", AwayPath)
}

// escapeTwice is how close together two presses of Escape must be to mean
// quick exit.
const escapeTwice = 1500 * time.Millisecond

var listenOnce sync.Once

// listenForQuickExit makes Escape pressed twice leave the app, on every
// screen. It is set up once and lasts as long as the page.
func listenForQuickExit() {
	if !app.IsClient {
		return
	}
	listenOnce.Do(func() {
		var last time.Time
		handler := app.FuncOf(func(this app.Value, args []app.Value) any {
			if len(args) == 0 || args[0].Get("key").String() != "Escape" {
				return nil
			}
			now := time.Now()
			if now.Sub(last) <= escapeTwice {
				quickExit()
			}
			last = now
			return nil
		})
		app.Window().Call("addEventListener", "keydown", handler)
	})
}

// quickExitButton is the control on every screen.
type quickExitButton struct{ app.Compo }

func (q *quickExitButton) OnMount(ctx app.Context) { listenForQuickExit() }

func (q *quickExitButton) Render() app.UI {
	return app.Button().Type("button").Class("quick-exit").
		Title("Leave Kintsugi at once for a neutral page (or press Escape twice)").
		Text("Quick exit").
		OnClick(func(ctx app.Context, e app.Event) { quickExit() })
}
