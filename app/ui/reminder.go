package ui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/reminder"
	"kintsugi/app/userdata"
)

// reminderPanel sets the weekly check-in slot and gives it to the user's
// own calendar as an .ics file: Kintsugi has no server to send reminders
// from. The slot is in floating local time, which needs no time zone data.
type reminderPanel struct {
	app.Compo
	Store userdata.Store

	mounted app.Context
	slot    reminder.Slot
	saved   bool // a slot was saved before
	timeStr string
	status  string
	failed  bool
	problem map[string]string
}

func (r *reminderPanel) OnMount(ctx app.Context) {
	r.mounted = ctx
	r.slot = reminder.NewSlot()
	r.timeStr = slotTime(r.slot)
	if r.Store == nil {
		return
	}
	store := r.Store
	ctx.Async(func() {
		s, ok, err := reminder.Load(ctx, store)
		ctx.Dispatch(func(app.Context) {
			if err == nil && ok {
				r.slot, r.saved, r.timeStr = s, true, slotTime(s)
			}
		})
	})
}

func slotTime(s reminder.Slot) string { return fmt.Sprintf("%02d:%02d", s.Hour, s.Minute) }

var durations = []int{15, 20, 30, 45, 60, 90}

func (r *reminderPanel) Render() app.UI {
	summary := "No weekly time chosen yet."
	if r.saved {
		summary = fmt.Sprintf("Your weekly time: %ss at %s, for %d minutes.", r.slot.Weekday, slotTime(r.slot), int(r.slot.Duration/time.Minute))
	}
	return app.Section().Class("card stack").Aria("labelledby", "reminder-heading").Body(
		heading2("reminder-heading", "A weekly reminder"),
		para("Pick a weekly time. Kintsugi makes a calendar file for it; open the file and your own calendar app reminds you each week. Nothing is sent anywhere. When the time has passed and no check-in was saved, Kintsugi shows a quiet note on its home page."),
		app.P().Text(summary),
		app.Form().Class("stack").OnSubmit(r.save).Body(
			labelFor("reminder-day", "Day of the week"),
			app.Select().ID("reminder-day").OnChange(func(ctx app.Context, e app.Event) {
				n, _ := strconv.Atoi(ctx.JSSrc().Get("value").String())
				r.slot.Weekday = time.Weekday(n)
			}).Body(
				app.Range(weekOrder).Slice(func(i int) app.UI {
					d := weekOrder[i]
					return app.Option().Value(strconv.Itoa(int(d))).Selected(d == r.slot.Weekday).Text(d.String())
				}),
			),
			labelFor("reminder-time", "Time"),
			app.Input().Type("time").ID("reminder-time").Value(r.timeStr).Required(true).
				OnChange(func(ctx app.Context, e app.Event) { r.timeStr = ctx.JSSrc().Get("value").String() }),
			problemNote("reminder-time", r.problem["time"]),
			labelFor("reminder-length", "How long"),
			app.Select().ID("reminder-length").OnChange(func(ctx app.Context, e app.Event) {
				n, _ := strconv.Atoi(ctx.JSSrc().Get("value").String())
				r.slot.Duration = time.Duration(n) * time.Minute
			}).Body(
				app.Range(durations).Slice(func(i int) app.UI {
					m := durations[i]
					return app.Option().Value(strconv.Itoa(m)).Selected(time.Duration(m)*time.Minute == r.slot.Duration).Text(fmt.Sprintf("%d minutes", m))
				}),
			),
			labelFor("reminder-note", "A note for the calendar (optional), such as where you will sit"),
			app.Input().Type("text").ID("reminder-note").Value(r.slot.Note).MaxLength(reminder.MaxNote).Attr("autocomplete", "off").
				OnChange(func(ctx app.Context, e app.Event) { r.slot.Note = ctx.JSSrc().Get("value").String() }),
			problemNote("reminder-note", r.problem["note"]),
			app.Button().Type("submit").Class("primary").Text("Save and download the calendar file"),
			statusLine(r.status, r.failed),
		),
	)
}

// weekOrder is the week as the form lists it, Monday first.
var weekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// parseClock reads a time input's value, "19:30".
func parseClock(s string) (hour, minute int, ok bool) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, false
	}
	return t.Hour(), t.Minute(), true
}

func (r *reminderPanel) save(ctx app.Context, e app.Event) {
	e.PreventDefault()
	r.problem = map[string]string{}
	h, m, ok := parseClock(r.timeStr)
	if !ok {
		r.problem["time"] = "Please choose a time, such as 19:00."
		r.status, r.failed = "Nothing was saved.", true
		return
	}
	s := r.slot
	s.Hour, s.Minute, s.Zone = h, m, ""
	file, err := reminder.File(s, now(), discreet.Load())
	if err != nil {
		if field, problem, ok := problemOf(err); ok {
			r.problem[field] = problem
		}
		r.status, r.failed = "Nothing was saved: "+saveProblem(err), true
		return
	}
	store := r.Store
	ctx = r.mounted
	ctx.Async(func() {
		var err error
		if store != nil {
			err = reminder.Save(ctx, store, s, now())
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				r.status, r.failed = "Nothing was saved: "+saveProblem(err), true
				return
			}
			r.slot, r.saved = s, true
			saveFile(reminder.Filename(discreet.Load()), reminder.MediaType, string(file))
			r.status, r.failed = "Saved. Open the downloaded file to add the weekly time to your calendar.", false
		})
	})
}
