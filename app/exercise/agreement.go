package exercise

import (
	"time"

	"kintsugi/app/civil"
)

// Agreement is the agreement exercise's slug; the names after it are
// those of its steps that code reads.
const (
	Agreement = "agreement"
	// AgreementReview is the agreement's review date step.
	AgreementReview = "review-date"
	// AgreementAgreed is the checklist where each partner marks agreement;
	// its suggestions are "first" and "second".
	AgreementAgreed = "agreed"
)

// ReviewDate returns the review date of an agreement worksheet, if one is
// set and valid.
func ReviewDate(w Worksheet) (civil.Date, bool) {
	if w.Slug != Agreement {
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
