package exercise

import (
	"time"

	"kintsugi/app/civil"
)

// The names of the agreement's steps that code reads.
const (
	// AgreementReview is the agreement's review date step.
	AgreementReview = "review-date"
	// AgreementAgreed is the checklist where each partner marks agreement;
	// its suggestions are "first" and "second".
	AgreementAgreed = "agreed"
)

var agreement = Definition{
	Slug:    "agreement",
	Title:   "Boundaries and transparency agreement",
	Chapter: "transparency-agreements",
	Why: "After an affair, the hurt partner's mind is often on constant watch. " +
		"An agreement like this is openness the partner who strayed offers, so the searching can stop. " +
		"It is voluntary, specific and time-limited: each item agreed by both of you, looked at again on a date you choose, and eased off as trust grows.",
	Steps: []Step{
		{
			Name:  "first",
			Input: Info,
			Title: "Before you begin",
			Help: "This is an agreement between two free people, for a limited time. " +
				"It is not surveillance, and it is not a rule one of you imposes on the other.",
			Points: []string{
				"Voluntary: every item is agreed by both of you. Either of you can say an item feels like too much, and suggest another that meets the same need.",
				"Specific: each item says who does what, and when.",
				"Time-limited: you choose a date to review it, and you plan from the start how it will wind down.",
				"Only where there is no fear: if either of you is afraid of the other, or there are threats, violence, or control over money, phone, friends or movements, this is not the path. The safety note says what helps instead.",
				"No secret checking alongside it: hidden tracking or spyware undoes the very trust this is meant to rebuild.",
			},
		},
		{
			Name:     "first-name",
			Input:    Text,
			Title:    "First partner's name",
			Prompt:   "A name or initial, so the list can say who does what.",
			Optional: true,
		},
		{
			Name:     "second-name",
			Input:    Text,
			Title:    "Second partner's name",
			Prompt:   "A name or initial for the other partner.",
			Optional: true,
		},
		{
			Name:   "items",
			Input:  List,
			Title:  "What you agree to",
			Prompt: "Add two or three items that answer the real fear. For each, say who does it and what it is for.",
			Help: "A short list that meets the fears you actually have tends to do more than a long one. " +
				"Items can be offered both ways, if that feels fairer to you both.",
			Note: "What it is for, and how it will work",
			Choices: []ItemChoice{
				{
					Name:  "who",
					Label: "Who does this",
					Options: []Option{
						{ID: "first", Label: "First partner"},
						{ID: "second", Label: "Second partner"},
						{ID: "both", Label: "Both of us"},
					},
				},
				{
					Name:  "stage",
					Label: "Where it stands",
					Options: []Option{
						{ID: "offered", Label: "Offered without being asked"},
						{ID: "on-request", Label: "Given when asked"},
						{ID: "easing", Label: "Rarely needed now"},
					},
				},
			},
			Suggestions: []Suggestion{
				{ID: "week-plans", Group: "Schedules", Text: "Share plans for the week on Sunday evening, and send a short message if they change."},
				{ID: "running-late", Group: "Schedules", Text: "Send a message when running more than half an hour late."},
				{ID: "new-people", Group: "Contacts", Text: "Mention new people from work or elsewhere in ordinary conversation, before the other hears of them another way."},
				{ID: "phone-open", Group: "Phone", Text: "The phone is open to look at on request, for the time of this agreement, without a fuss."},
				{ID: "passcodes", Group: "Phone", Text: "Passcodes shared for the time of this agreement, both ways if you both want that."},
				{ID: "accounts", Group: "Social media", Text: "No hidden accounts: list the accounts each of you uses."},
				{ID: "unfollow", Group: "Social media", Text: "The affair partner blocked or removed on every app."},
				{ID: "addresses", Group: "Email", Text: "No secret email addresses, and messages shown if asked."},
				{ID: "statements", Group: "Money", Text: "A shared view of bank and card statements for now."},
				{ID: "spending", Group: "Money", Text: "Unusual spending explained before it is asked about."},
				{ID: "no-contact", Group: "Contact with the affair partner", Text: "No contact with the affair partner, in any form."},
				{ID: "report-contact", Group: "Contact with the affair partner", Text: "If they get in touch, tell the other partner that day and show the message."},
				{ID: "unavoidable", Group: "Contact with the affair partner", Text: "Where contact cannot be avoided, such as at work, keep it to what is needed and mention it that day."},
			},
		},
		{
			Name:   AgreementReview,
			Input:  Date,
			Title:  "Review date",
			Prompt: "When will you sit down together and look at this again? A few weeks away is a good first step.",
			Help: "On that day, ask what is helping, what is no longer needed, and what has started to feel like checking up rather than trust. " +
				"Kintsugi shows a reminder on the home screen once the date has come.",
		},
		{
			Name:   "wind-down",
			Input:  Text,
			Title:  "How it will wind down",
			Prompt: "How will you ease off as trust grows? Say what would tell you an item is ready to loosen.",
			Examples: []string{
				"After two calm months, phone checks move from any time to when asked.",
				"We drop the Sunday plans once the hurt partner says the evenings feel easier, and we look again at each review.",
			},
		},
		{
			Name:     "if-broken",
			Input:    Text,
			Title:    "If an item is broken",
			Prompt:   "What will you do if an item is broken or forgotten?",
			Examples: []string{"The one who slipped says so that day. We step back a stage for a while rather than starting from nothing, and talk it through at a calm time."},
			Optional: true,
		},
		{
			Name:   AgreementAgreed,
			Input:  Checklist,
			Title:  "We both agree",
			Prompt: "Each of you ticks your own box, and only if you agree freely. Either of you can untick it at any time and ask to talk.",
			Suggestions: []Suggestion{
				{ID: "first", Text: "The first partner agrees freely, for the time set out here."},
				{ID: "second", Text: "The second partner agrees freely, for the time set out here."},
			},
		},
		{
			Name:     "reviews",
			Input:    List,
			Title:    "Reviews",
			Prompt:   "After each review, note the day and what you changed. Then set the next review date above.",
			Note:     "How it felt",
			Dated:    true,
			Optional: true,
		},
	},
	Sources: []string{
		"Glass, S. P. & Coppock Staeheli, J. Not \"Just Friends\". 2003.",
		"Gottman, J. M. The Science of Trust. 2011.",
		"Stark, E. Coercive Control. 2007.",
	},
}

// ReviewDate returns the review date of an agreement worksheet, if one is
// set and valid.
func ReviewDate(w Worksheet) (civil.Date, bool) {
	if w.Slug != agreement.Slug {
		return civil.Date{}, false
	}
	d, err := civil.Parse(w.Text(AgreementReview))
	if err != nil {
		return civil.Date{}, false
	}
	return d, true
}

// ReviewDue reports whether w is a finished agreement whose review date has
// come: it falls on or before now's day, in now's location. Drafts are
// never due, because they are not yet in force.
func ReviewDue(w Worksheet, now time.Time) bool {
	d, ok := ReviewDate(w)
	return ok && w.State == Finished && !civil.Of(now).Before(d)
}

// DueReviews returns the agreements in ws whose review is due, in the
// order of ws. The home screen shows a reminder for each.
func DueReviews(ws []Worksheet, now time.Time) []Worksheet {
	var out []Worksheet
	for _, w := range ws {
		if ReviewDue(w, now) {
			out = append(out, w)
		}
	}
	return out
}

// Agreed reports which partners have ticked their agreement on an
// agreement worksheet.
func Agreed(w Worksheet) (first, second bool) {
	for _, it := range w.Items(AgreementAgreed) {
		switch it.Ref {
		case "first":
			first = true
		case "second":
			second = true
		}
	}
	return first, second
}
