package exercise

// SelfCareLog is the name of the self-care plan's dated log step.
const SelfCareLog = "log"

var selfCare = Definition{
	Slug:    "self-care",
	Title:   "Self-care plan",
	Chapter: "caring-for-yourself",
	Why: "A shock like this wears on sleep, appetite and mood, and everything harder stands on those. " +
		"A plan made on a calmer day gives you small, concrete choices for the difficult ones, and a short log shows you what actually helps.",
	Steps: []Step{
		{
			Name:   "sleep",
			Input:  List,
			Title:  "Sleep",
			Prompt: "Small choices that protect your sleep.",
			Suggestions: []Suggestion{
				{ID: "same-time", Text: "Go to bed and get up at about the same time each day."},
				{ID: "phone-away", Text: "Leave the phone in another room for the last hour before bed."},
				{ID: "wind-down", Text: "A wind-down: a shower, a few pages of a book, slow breathing."},
				{ID: "awake", Text: "If I wake and cannot settle, get up for a while, keep the light low and do something dull."},
				{ID: "caffeine", Text: "No coffee or tea with caffeine after lunch."},
			},
		},
		{
			Name:   "food",
			Input:  List,
			Title:  "Food and drink",
			Prompt: "Small choices that keep you fed, even when you are not hungry.",
			Suggestions: []Suggestion{
				{ID: "regular", Text: "Eat something at regular times, even a little."},
				{ID: "easy", Text: "Keep easy food in: soup, fruit, bread, eggs."},
				{ID: "water", Text: "Keep a glass of water nearby through the day."},
				{ID: "alcohol", Text: "Keep alcohol low, or stop for now, since it tends to make nights and mornings harder."},
			},
		},
		{
			Name:   "movement",
			Input:  List,
			Title:  "Movement",
			Prompt: "Small ways to move, at whatever pace you can manage.",
			Suggestions: []Suggestion{
				{ID: "walk", Text: "A walk outside most days, even ten minutes."},
				{ID: "stretch", Text: "Five minutes of stretching in the morning."},
				{ID: "heart", Text: "Something that makes my heart work a little: cycling, swimming, dancing in the kitchen."},
			},
		},
		{
			Name:   "people",
			Input:  List,
			Title:  "People",
			Prompt: "Who helps you carry this, and how you will stay in touch.",
			Suggestions: []Suggestion{
				{ID: "one-person", Text: "One person I can tell the truth to, and a time to talk with them."},
				{ID: "one-message", Text: "One message a day to someone who is good for me."},
				{ID: "group", Text: "A support group, in person or online."},
				{ID: "own-time", Text: "Time that is only mine: a class, a hobby, a walk with a friend."},
				{ID: "worst-nights", Text: "Someone I can call on the worst nights."},
			},
		},
		{
			Name:   "support",
			Input:  List,
			Title:  "Professional support",
			Prompt: "Help from people trained to give it.",
			Suggestions: []Suggestion{
				{ID: "doctor", Text: "Tell my doctor how I have been sleeping and feeling."},
				{ID: "own-therapist", Text: "Look for a therapist of my own."},
				{ID: "couples", Text: "Look for a couples therapist who knows infidelity."},
				{ID: "help-line", Text: "Save a help line number in my phone for bad nights."},
			},
		},
		{
			Name:  SelfCareLog,
			Input: List,
			Title: "How it went",
			Prompt: "On any day you like, note one or two small choices you made and how they went. " +
				"There are no streaks and no score: a day you did nothing on this list still counts as a day you got through.",
			Note:     "How it went",
			Dated:    true,
			Optional: true,
			Choices: []ItemChoice{{
				Name:  "area",
				Label: "Part of the plan",
				Options: []Option{
					{ID: "sleep", Label: "Sleep"},
					{ID: "food", Label: "Food and drink"},
					{ID: "movement", Label: "Movement"},
					{ID: "people", Label: "People"},
					{ID: "support", Label: "Professional support"},
				},
			}},
		},
		{
			Name:  "more-help",
			Input: Info,
			Title: "When to reach for more help",
			Help: "Feeling low, anxious or constantly on edge for weeks after discovering a betrayal is common, and it is treatable. " +
				"You do not have to wait until it is unbearable.",
			Points: []string{
				"If you have hardly slept or eaten for more than a week or two, talk to a doctor.",
				"If you think about ending your life, or fear you might hurt yourself or someone else, call a crisis line or emergency services now. The help page lists numbers.",
			},
		},
	},
	Sources: []string{
		"Cano, A. & O'Leary, K. D. Infidelity and separations precipitate major depressive episodes and symptoms of nonspecific depression and anxiety. Journal of Consulting and Clinical Psychology 68(5). 2000.",
		"Whisman, M. A. Family Process 55. 2016.",
	},
}

var sharedVision = Definition{
	Slug:    "shared-vision",
	Title:   "Shared vision",
	Chapter: "a-shared-future",
	Why: "Rebuilding is not going back to the old relationship; it is making a new one. " +
		"Writing down what you want for the next month and the next year gives you something to walk toward together, " +
		"and new experiences give you fresh good memories to set beside the hard ones.",
	Steps: []Step{
		{
			Name:   "picture",
			Input:  Text,
			Title:  "How we want it to feel",
			Prompt: "In a few words each: what would you like your relationship to feel like a year from now?",
			Examples: []string{
				"Calm at home. Laughing again. Telling each other the small things.",
			},
		},
		{
			Name:   "month",
			Input:  List,
			Title:  "The next month",
			Prompt: "Two or three small goals you will both be able to see happen.",
			Marks:  []Option{{ID: "done", Label: "Done"}},
			Suggestions: []Suggestion{
				{ID: "walk", Text: "A walk together once a week, phones left at home."},
				{ID: "check-in", Text: "A weekly check-in on Sunday evening."},
				{ID: "evening", Text: "One evening out, just the two of us."},
			},
		},
		{
			Name:   "year",
			Input:  List,
			Title:  "The next year",
			Prompt: "Bigger hopes, for the two of you and for each of you.",
			Marks:  []Option{{ID: "done", Label: "Done"}},
			Suggestions: []Suggestion{
				{ID: "trip", Text: "A trip somewhere neither of us has been."},
				{ID: "room", Text: "Make one room at home feel like ours again."},
				{ID: "learn", Text: "Learn something new together."},
				{ID: "therapy", Text: "See a course of couples therapy through."},
			},
		},
		{
			Name:  "try",
			Input: List,
			Title: "New things to try together",
			Prompt: "Things neither of you has done before. " +
				"In one set of studies, couples who did new and lively things together felt better about their relationship afterwards.",
			Marks: []Option{{ID: "tried", Label: "Tried"}},
			Note:  "How it went",
			Suggestions: []Suggestion{
				{ID: "class", Text: "A class together: dancing, pottery, cooking."},
				{ID: "route", Text: "A walk or a ride on a route we do not know."},
				{ID: "dish", Text: "Cook a dish from a country neither of us has visited."},
				{ID: "volunteer", Text: "Volunteer together for a day."},
			},
		},
		{
			Name:  "memories",
			Input: List,
			Title: "Good memories to revisit",
			Prompt: "Times you were glad to be together, from any year. " +
				"Remembering them is not pretending the hard part did not happen; it is remembering that there was good too.",
			Note:     "What made it good",
			Optional: true,
			Examples: []string{"The night the car broke down and we walked home in the rain, laughing."},
		},
	},
	Sources: []string{
		"Gottman, J. M. & Silver, N. What Makes Love Last? 2012.",
		"Snyder, D. K., Baucom, D. H. & Gordon, K. C. Getting Past the Affair. 2007.",
		"Aron, A., Norman, C. C., Aron, E. N., McKenna, C. & Heyman, R. E. Couples' Shared Participation in Novel and Arousing Activities and Experienced Relationship Quality. Journal of Personality and Social Psychology 78(2). 2000.",
	},
}
