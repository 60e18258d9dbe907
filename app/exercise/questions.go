package exercise

var questions = Definition{
	Slug:    "questions",
	Title:   "Questions list",
	Chapter: "questions-that-help",
	Why: "Questions can circle for weeks, at work, in the shower, at three in the morning. " +
		"Writing them down lets you choose which to ask and when, and keeps track of what has been answered, " +
		"so you no longer have to hold it all in your head.",
	Steps: []Step{
		{
			Name:  "before",
			Input: Info,
			Title: "Before you start",
			Help: "Every question here is yours to ask. Some kinds of question tend to leave you steadier than others, " +
				"and it can help to know which before you begin.",
			Points: []string{
				"Questions about the shape of what happened (when it began, how long it lasted, whether it has ended, whether there is contact now) usually give you something you can use: to understand, to decide, to feel safer.",
				"Questions about graphic detail, such as what happened in bed or how you compare, often leave a picture that comes back uninvited, sometimes for years. A comparison has no answer that brings relief.",
				"In a survey of couples after disclosure, many said that hearing the whole outline, without graphic detail, had served them best.",
				"Those questions are not forbidden. If one keeps burning, write it down, wait a day, and if you still want to know, ask it on purpose, perhaps with a therapist in the room.",
				"A quick test before asking: if I knew the answer, what would I do with it?",
			},
		},
		{
			Name:   "questions",
			Input:  List,
			Title:  "Your questions",
			Prompt: "Add the questions you want answered. Start from a suggestion and change the words, or write your own.",
			Help: "Mark each one when you have asked it and when it has been answered. " +
				"Asking the same question more than once is normal: a steady answer, given again, is how the story settles.",
			Note: "What I learned, or what is still open",
			Marks: []Option{
				{ID: "asked", Label: "Asked"},
				{ID: "answered", Label: "Answered"},
			},
			Choices: []ItemChoice{{
				Name:  "when",
				Label: "When to ask",
				Options: []Option{
					{ID: "ready", Label: "Ready to ask"},
					{ID: "wait", Label: "Sit with it for a day first"},
					{ID: "therapist", Label: "Ask with a therapist there"},
				},
			}},
			Suggestions: []Suggestion{
				{ID: "began", Group: "When and how long", Text: "When did it begin?"},
				{ID: "how-long", Group: "When and how long", Text: "How long did it go on?"},
				{ID: "how-often", Group: "When and how long", Text: "How often were you in touch, and how often did you meet?"},
				{ID: "first-step", Group: "When and how long", Text: "How did it start, and when did it become something you kept from me?"},
				{ID: "ended", Group: "Whether it has ended", Text: "Is it over?"},
				{ID: "how-ended", Group: "Whether it has ended", Text: "When and how did it end, and who ended it?"},
				{ID: "feelings", Group: "Whether it has ended", Text: "Do you still have feelings for them?",
					Help: "Hard to answer and hard to hear. An honest \"I'm not sure yet, and I'm not acting on it\" is worth more than a quick denial."},
				{ID: "contact-since", Group: "Contact now", Text: "Has there been any contact since it ended, of any kind?"},
				{ID: "contact-plan", Group: "Contact now", Text: "If they get in touch, what will you do, and when will I hear about it?"},
				{ID: "unavoidable", Group: "Contact now", Text: "Is there anywhere you cannot avoid them, such as work? How will you handle it?"},
				{ID: "who-knew", Group: "Who and where", Text: "Who else knew?"},
				{ID: "where", Group: "Who and where", Text: "Did it happen in our home, or in places that matter to us?"},
				{ID: "cover", Group: "Who and where", Text: "Which times were you with them when you told me you were somewhere else?"},
				{ID: "health", Group: "Health, money and other times", Text: "Is there any risk to my health that I should know about?"},
				{ID: "money", Group: "Health, money and other times", Text: "Was money spent, and where did it come from?"},
				{ID: "other-times", Group: "Health, money and other times", Text: "Has anything like this happened at any other time?"},
				{ID: "why", Group: "Understanding", Text: "What do you understand now about why you did it?"},
				{ID: "telling", Group: "Understanding", Text: "What made you tell me, or what kept you from telling me?"},
			},
		},
		{
			Name:     "notes",
			Input:    Text,
			Title:    "Notes",
			Prompt:   "Anything you want to remember: what helped when you asked, what made it harder, what you would like to do differently next time.",
			Optional: true,
		},
		{
			Name:  "answering",
			Input: Info,
			Title: "If you are the one answering",
			Points: []string{
				"Answer honestly and briefly, without defending or correcting small details.",
				"If you do not remember, say so, and say what you do remember.",
				"Answer a question the fifth time with the same facts and the same patience as the first. That steadiness rebuilds more than any single answer.",
				"If you fear an answer will leave a picture that stays, you may check once that your partner is sure. If they are, tell them.",
			},
		},
	},
	Sources: []string{
		"Schneider, J. P., Corley, M. D. & Irons, R. R. Surviving disclosure of infidelity, results of an international survey of 164 recovering sex addicts and partners. Sexual Addiction & Compulsivity 5(3). 1998.",
	},
}
