package ui

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/exercise"
)

// timeOutTimer is the time-out card's break: a countdown of the length the
// card sets, with a calm breathing guide, and a reminder at the end to come
// back to the conversation. It runs on this page only and keeps nothing.
type timeOutTimer struct {
	app.Compo
	Length time.Duration

	mounted app.Context
	started time.Time // zero when not running
	ended   bool
	gen     int // which run the ticks belong to
}

func (t *timeOutTimer) OnMount(ctx app.Context) { t.mounted = ctx }

func (t *timeOutTimer) length() time.Duration {
	if t.Length <= 0 {
		return exercise.TimeOutPause
	}
	return t.Length
}

func (t *timeOutTimer) start(ctx app.Context, e app.Event) {
	t.started, t.ended = now(), false
	t.gen++
	t.tick(t.gen)
}

func (t *timeOutTimer) stop(ctx app.Context, e app.Event) {
	t.started = time.Time{}
	t.gen++
}

// tick redraws the timer every half second while run gen lasts.
func (t *timeOutTimer) tick(gen int) {
	t.mounted.After(500*time.Millisecond, func(ctx app.Context) {
		if gen != t.gen || t.started.IsZero() {
			return
		}
		if now().Sub(t.started) >= t.length() {
			t.started, t.ended = time.Time{}, true
			return
		}
		t.tick(gen)
	})
}

func (t *timeOutTimer) Render() app.UI {
	minutes := int(t.length() / time.Minute)
	if t.started.IsZero() {
		var done app.UI
		if t.ended {
			done = app.Div().Class("notice").Role("status").Body(
				app.P().Text("The break is over. When you feel steady, go back to your partner and pick up the conversation as you agreed, gently. If you are still flooded, say so and agree on a little more time."),
			)
		}
		return app.Section().Class("card timer").Aria("labelledby", "timer-heading").Body(
			heading2("timer-heading", "Take a break now"),
			para(fmt.Sprintf("A break of %d minutes, with a breathing guide. Tell your partner you are taking a time-out and when you will be back.", minutes)),
			done,
			button(fmt.Sprintf("Start a %d-minute break", minutes)).Class("primary").OnClick(t.start),
		)
	}
	elapsed := now().Sub(t.started)
	left := t.length() - elapsed
	if left < 0 {
		left = 0
	}
	phase, phaseLeft := exercise.BreathAt(elapsed)
	b := exercise.Breathing[phase]
	secs := int((phaseLeft + time.Second - 1) / time.Second)
	return app.Section().Class("card timer running").Aria("labelledby", "timer-heading").Body(
		heading2("timer-heading", "Your break"),
		paraClass("timer-left", fmt.Sprintf("%d:%02d left", int(left/time.Minute), int(left%time.Minute/time.Second))).Role("timer").Aria("label", "Time left"),
		app.Div().Class("breath breath-"+fmt.Sprint(phase)).Aria("hidden", "true"),
		paraClass("breath-label", fmt.Sprintf("%s… %d", b.Label, secs)),
		para("Breathe in for four, out for six. Let your shoulders drop. Do something calm: walk, stretch, drink some water. Try not to replay the argument or plan what to say."),
		button("End the break early").OnClick(t.stop),
	)
}
