package couplecheckin_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"kintsugi/app/civil"
	"kintsugi/app/couplecheckin"
	"kintsugi/app/inmem"
	"kintsugi/app/userdata"
)

var (
	now = time.Date(2026, time.March, 8, 20, 0, 0, 0, time.UTC)
	day = civil.Date{Year: 2026, Month: time.March, Day: 8} // a Sunday
)

func TestSteps(t *testing.T) {
	want := []couplecheckin.StepID{couplecheckin.Doing, couplecheckin.Appreciation, couplecheckin.Hard, couplecheckin.Request, couplecheckin.Next}
	got := couplecheckin.Steps()
	if len(got) != len(want) {
		t.Fatalf("%d steps, want %d", len(got), len(want))
	}
	for i, s := range got {
		if s.ID != want[i] || s.Title == "" || s.Prompt == "" {
			t.Errorf("step %d = %+v, want ID %q with a title and a prompt", i, s, want[i])
		}
		if strings.Contains(s.Prompt+s.Title, "!") {
			t.Errorf("step %q: no exclamation marks, please", s.ID)
		}
	}
}

func TestWeekAndNames(t *testing.T) {
	c := couplecheckin.New(day)
	if got, want := c.Week(), day.AddDays(-6); got != want {
		t.Errorf("Week() = %v, want %v (the Monday before a Sunday)", got, want)
	}
	c.Partners[couplecheckin.B].Name = "  Robin "
	if a, b := c.Name(couplecheckin.A), c.Name(couplecheckin.B); a != "Partner A" || b != "Robin" {
		t.Errorf("names = %q, %q; want Partner A, Robin", a, b)
	}
}

func TestValidate(t *testing.T) {
	alone := func() couplecheckin.CheckIn {
		c := couplecheckin.CheckIn{ID: "w1", Day: day}
		c.SetAnswer(couplecheckin.A, couplecheckin.Doing, "Tired, but steadier than last week.")
		return c
	}
	tests := []struct {
		name  string
		mod   func(c *couplecheckin.CheckIn)
		field string // "" means valid
	}{
		{"one person alone", func(c *couplecheckin.CheckIn) {}, ""},
		{"only partner B", func(c *couplecheckin.CheckIn) {
			c.Partners[couplecheckin.A] = couplecheckin.Partner{}
			c.SetAnswer(couplecheckin.B, couplecheckin.Request, "A walk on Saturday.")
		}, ""},
		{"both", func(c *couplecheckin.CheckIn) {
			c.SetAnswer(couplecheckin.B, couplecheckin.Appreciation, "You made dinner when I was low.")
		}, ""},
		{"no answers", func(c *couplecheckin.CheckIn) { c.Partners = [2]couplecheckin.Partner{} }, "answers"},
		{"only spaces", func(c *couplecheckin.CheckIn) { c.SetAnswer(couplecheckin.A, couplecheckin.Doing, "  \n") }, "answers"},
		{"missing day", func(c *couplecheckin.CheckIn) { c.Day = civil.Date{} }, "day"},
		{"missing id", func(c *couplecheckin.CheckIn) { c.ID = "" }, "id"},
		{"unknown step", func(c *couplecheckin.CheckIn) { c.SetAnswer(couplecheckin.B, "mood", "x") }, "b.answers"},
		{"answer too long", func(c *couplecheckin.CheckIn) {
			c.SetAnswer(couplecheckin.A, couplecheckin.Hard, strings.Repeat("a", couplecheckin.MaxAnswer+1))
		}, "a.hard"},
		{"name too long", func(c *couplecheckin.CheckIn) {
			c.Partners[couplecheckin.B].Name = strings.Repeat("n", couplecheckin.MaxName+1)
		}, "b.name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := alone()
			tc.mod(&c)
			err := c.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			var ie *userdata.InvalidError
			if !errors.Is(err, userdata.ErrInvalid) || !errors.As(err, &ie) || ie.Field != tc.field {
				t.Fatalf("Validate = %v, want an InvalidError on %q", err, tc.field)
			}
		})
	}
}

func TestSaveListKeepsSidesApart(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	c := couplecheckin.New(day)
	c.Partners[couplecheckin.A].Name = "Sam"
	c.SetAnswer(couplecheckin.A, couplecheckin.Appreciation, "You listened, even when it was hard to hear.")
	c.SetAnswer(couplecheckin.B, couplecheckin.Appreciation, "You told me the truth straight away.")
	c.SetAnswer(couplecheckin.B, couplecheckin.Next, "")
	saved, err := couplecheckin.Save(ctx, s, c, now)
	if err != nil {
		t.Fatal(err)
	}
	got, err := couplecheckin.List(ctx, s)
	if err != nil || len(got) != 1 {
		t.Fatalf("List = %v, %v", got, err)
	}
	g := got[0]
	if g.ID != saved.ID || g.Day != day || g.Name(couplecheckin.A) != "Sam" || g.Name(couplecheckin.B) != "Partner B" {
		t.Errorf("got %+v", g)
	}
	if a, b := g.Answer(couplecheckin.A, couplecheckin.Appreciation), g.Answer(couplecheckin.B, couplecheckin.Appreciation); a == b ||
		!strings.HasPrefix(a, "You listened") || !strings.HasPrefix(b, "You told") {
		t.Errorf("appreciations mixed up: A %q, B %q", a, b)
	}
	if _, ok := g.Partners[couplecheckin.B].Answers[couplecheckin.Next]; ok {
		t.Error("an empty answer was stored")
	}
	if _, err := couplecheckin.FromRecord(userdata.Record{Kind: userdata.KindCheckin}); !errors.Is(err, userdata.ErrInvalid) {
		t.Errorf("FromRecord of a daily check-in = %v, want ErrInvalid", err)
	}
}
