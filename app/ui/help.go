package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// helpLine is one phone line or emergency number for one country.
type helpLine struct {
	Name, Number, What string
}

// helpRegion is the lines for one country or region.
type helpRegion struct {
	Region string
	Lines  []helpLine
}

// helpLinesChecked is when the numbers below were last checked.
const helpLinesChecked = "November 2026"

var helpRegions = []helpRegion{
	{"United States", []helpLine{
		{"Emergency", "911", "Police, ambulance, fire"},
		{"National Domestic Violence Hotline", "1-800-799-7233", "Abuse, threats, control; confidential"},
		{"988 Suicide & Crisis Lifeline", "988", "Call or text if you are thinking of harming yourself"},
	}},
	{"United Kingdom", []helpLine{
		{"Emergency", "999", "Police, ambulance, fire"},
		{"National Domestic Abuse Helpline (Refuge)", "0808 2000 247", "Free, 24 hours"},
		{"Samaritans", "116 123", "Free, 24 hours, any kind of distress"},
	}},
	{"Canada", []helpLine{
		{"Emergency", "911", "Police, ambulance, fire"},
		{"Suicide Crisis Helpline", "9-8-8", "Call or text, 24 hours"},
	}},
	{"Australia", []helpLine{
		{"Emergency", "000", "Police, ambulance, fire"},
		{"1800RESPECT", "1800 737 732", "Domestic, family and sexual violence"},
		{"Lifeline", "13 11 14", "Crisis support, 24 hours"},
	}},
	{"European Union", []helpLine{
		{"Emergency", "112", "Police, ambulance, fire"},
		{"Helpline for women victims of violence", "116 016", "Where it is in service"},
		{"Emotional support", "116 123", "Where it is in service"},
	}},
}

type helpPage struct {
	app.Compo
	deps Deps
}

func (p *helpPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Get help now", "Help lines and emergency numbers.")
}

func (p *helpPage) Render() app.UI {
	return publicFrame(p.deps, sectionNone, "Get help now",
		paraClass("lead", "If you are in danger now, call your local emergency number."),
		para("Kintsugi is not a crisis service. These lines are staffed by people trained to help, and many are free and confidential. Elsewhere in the world, call your local emergency services."),
		app.Range(helpRegions).Slice(func(i int) app.UI {
			r := helpRegions[i]
			return app.Section().Class("card").Body(
				app.H2().Text(r.Region),
				app.Ul().Class("lines").Body(
					app.Range(r.Lines).Slice(func(j int) app.UI {
						l := r.Lines[j]
						return app.Li().Body(
							app.Strong().Text(l.Name+": "),
							app.A().Href("tel:"+telDigits(l.Number)).Text(l.Number),
							app.Span().Class("muted").Text(" — "+l.What),
						)
					}),
				),
			)
		}),
		paraClass("muted", "Numbers last checked: "+helpLinesChecked+"."),
	)
}

// telDigits keeps the digits of a phone number for a tel: link.
func telDigits(number string) string {
	out := make([]rune, 0, len(number))
	for _, r := range number {
		if r >= '0' && r <= '9' {
			out = append(out, r)
		}
	}
	return string(out)
}
