package exercise

var forgiveness = Definition{
	Slug:    "forgiveness",
	Title:   "Forgiveness or acceptance reflection",
	Chapter: "forgiveness",
	Private: true,
	Why: "Forgiveness is something you may choose in time, never a debt you owe. " +
		"This private reflection helps you notice where you are, what forgiving would and would not mean for you, " +
		"and what acceptance could look like if forgiving is not possible, or not yet.",
	Steps: []Step{
		{
			Name:  "what-it-is",
			Input: Info,
			Title: "What forgiveness is and is not",
			Points: []string{
				"Forgiving is not forgetting, and it is not excusing or saying that it was all right.",
				"It is not the same as staying together, and it keeps no one's timetable but yours.",
				"Forgiveness handed over quickly, to make the pain stop, tends not to hold.",
				"Forgiveness that lasts is usually earned, as the one who did harm keeps working to repair it.",
				"Acceptance is another way: making your own peace with what happened, without forgiving it and without needing anything from the other person.",
			},
		},
		{
			Name:   "hurt",
			Input:  Text,
			Title:  "What hurts most",
			Prompt: "What is it that you would be forgiving? Name the parts that hurt most, in your own words.",
		},
		{
			Name:   "would-mean",
			Input:  Text,
			Title:  "What forgiving would mean",
			Prompt: "If you forgave, what would that mean for you, and what would it not mean?",
			Examples: []string{
				"It would mean I stop waiting for them to pay. It would not mean I stop asking questions when I need to.",
			},
		},
		{
			Name:   "needs",
			Input:  Text,
			Title:  "What would help",
			Prompt: "What would you need to see, hear or feel, from your partner or from yourself, to move toward forgiving?",
			Examples: []string{
				"Months of answers that do not change. Hearing about any contact before I find out another way.",
			},
		},
		{
			Name:   "acceptance",
			Input:  Text,
			Title:  "If forgiving is not possible",
			Prompt: "What could acceptance look like for you: a way of making peace with what happened that does not depend on anyone else?",
		},
		{
			Name:   "where",
			Input:  Choice,
			Title:  "Where I am today",
			Prompt: "Pick what fits today. It may be different next month, and none of these is the right answer.",
			Options: []Option{
				{ID: "not-ready", Label: "Not ready to think about forgiving"},
				{ID: "unsure", Label: "Unsure"},
				{ID: "toward", Label: "Moving toward forgiving"},
				{ID: "accepting", Label: "Accepting, without forgiving"},
				{ID: "forgiven", Label: "I have forgiven"},
				{ID: "not-forgiving", Label: "I have decided not to forgive"},
			},
			Optional: true,
		},
		{
			Name:  "yourself",
			Input: Text,
			Title: "Anything you hold against yourself",
			Prompt: "Is there something you hold against yourself, for what you did or for what you did not see? " +
				"What would you say to a friend who carried the same thing?",
			Optional: true,
		},
		{
			Name:     "note",
			Input:    Text,
			Title:    "A note to yourself",
			Prompt:   "Anything else you want to remember about where you are today.",
			Optional: true,
		},
	},
	Sources: []string{
		"Spring, J. A. How Can I Forgive You? The Courage to Forgive, the Freedom Not To. 2004.",
		"Spring, J. A. After the Affair. 1996, 2nd ed. 2012.",
	},
}

var rebuildPausePart = Definition{
	Slug:    "rebuild-pause-part",
	Title:   "Rebuild, pause or part",
	Chapter: "rebuild-pause-or-part",
	Private: true,
	Why: "Whether to rebuild, pause or part is a question many people carry for months. " +
		"This private reflection walks through the paths one at a time, so you can see them side by side. " +
		"None of them is the right answer for everyone; each, chosen with care, can be a recovery.",
	Steps: []Step{
		{
			Name:  "before",
			Input: Info,
			Title: "Before you begin",
			Points: []string{
				"Together or apart, choosing with care is a recovery.",
				"Decisions made on the worst nights tend to be made by the pain. If you can, wait until your mind is clearer before anything permanent.",
				"Safety comes first. If you are afraid of your partner, decisions about protecting yourself cannot wait; the safety note says where to start.",
				"Your answers stay on this device. Share them only if, and when, you choose.",
			},
		},
		{
			Name:   "as-is",
			Input:  Text,
			Title:  "Keeping things as they are, for now",
			Prompt: "What would it be like to make no big change yet, and set a date to look again? What would you hope for, and what would worry you?",
			Help:   "This is a real choice, as long as it comes with a date to look again and does not quietly drift on.",
		},
		{
			Name:   "pause",
			Input:  Text,
			Title:  "A pause apart",
			Prompt: "What would a time apart, with clear agreements and a date to talk again, give you? What would it cost?",
			Help: "A pause tends to go better with agreements about where each of you lives, money, children, contact between you, " +
				"whether either of you sees anyone else, and when you will review it. Practical or legal advice may help first.",
		},
		{
			Name:  "rebuild",
			Input: Text,
			Title: "A set time of all-out work",
			Prompt: "What would it mean to commit to a set period, often about six months, of real effort with a therapist, with leaving off the table for that time? " +
				"What would you need from your partner, and what would you give?",
		},
		{
			Name:   "part",
			Input:  Text,
			Title:  "Parting",
			Prompt: "What would parting give you, and what would you grieve? What would you need in order to do it with care?",
		},
		{
			Name:   "my-part",
			Input:  Text,
			Title:  "My own part",
			Prompt: "Whatever happens next, what have you brought to the difficulties between you, and what could you change on any of these paths?",
			Help:   "This is not about who caused the betrayal. It is about the part of the future that is yours to shape.",
		},
		{
			Name:   "matters",
			Input:  Text,
			Title:  "What matters most",
			Prompt: "What do you value most right now: safety, honesty, children, home, faith, freedom, your own peace? How does each path sit with those?",
		},
		{
			Name:     "friend",
			Input:    Text,
			Title:    "Advice to a friend",
			Prompt:   "If a close friend were in your place, what would you want for them?",
			Optional: true,
		},
		{
			Name:     "voices",
			Input:    Text,
			Title:    "Whose voices",
			Prompt:   "Whose voices do you hear in this, from family, friends or faith? What do you believe yourself, apart from them?",
			Optional: true,
		},
		{
			Name:   "leaning",
			Input:  Choice,
			Title:  "Where I lean today",
			Prompt: "Only if you want to. It can change, and no option here is the right one.",
			Options: []Option{
				{ID: "as-is", Label: "Keeping things as they are, for now"},
				{ID: "pause", Label: "A pause apart"},
				{ID: "rebuild", Label: "A set time of all-out work"},
				{ID: "part", Label: "Parting"},
				{ID: "unsure", Label: "I do not know yet"},
			},
			Optional: true,
		},
		{
			Name:     "look-again",
			Input:    Date,
			Title:    "When I will look at this again",
			Prompt:   "A day to come back to this reflection, whichever way you lean.",
			Optional: true,
		},
	},
	Sources: []string{
		"Doherty, W. J. & Harris, S. M. Helping Couples on the Brink of Divorce: Discernment Counseling for Troubled Relationships. 2017.",
		"Snyder, D. K., Baucom, D. H. & Gordon, K. C. Getting Past the Affair. 2007.",
	},
}

var therapistChecklist = Definition{
	Slug:    "therapist-checklist",
	Title:   "Therapist checklist",
	Chapter: "finding-a-therapist",
	Why: "The right help can make a long road shorter, and a poor fit can make it harder. " +
		"This checklist helps you decide what kind of help you are looking for, ask good questions on a first call, " +
		"and keep notes on the people you speak to.",
	Steps: []Step{
		{
			Name:   "kinds",
			Input:  Checklist,
			Title:  "Kinds of help",
			Prompt: "Tick the kinds of help you are looking for. You can use more than one at a time.",
			Help:   "Whatever you choose, look for someone licensed to practise where you live.",
			Suggestions: []Suggestion{
				{ID: "couples", Group: "For the two of you", Text: "Couples therapy with someone experienced in infidelity",
					Help: "For working through the betrayal and the relationship together, where it is safe to do so."},
				{ID: "discernment", Group: "For the two of you", Text: "Discernment counselling",
					Help: "A short, structured approach for couples where one partner leans toward leaving and the other wants to try. It helps each of you see the way forward; it does not try to fix the relationship."},
				{ID: "individual", Group: "For one of you", Text: "Individual therapy",
					Help: "A space of your own, for either partner, whatever happens to the relationship."},
				{ID: "trauma", Group: "For one of you", Text: "Trauma-focused therapy",
					Help: "For intrusive memories, nightmares or feeling constantly on alert. EMDR and trauma-focused cognitive behavioural therapy are two examples."},
				{ID: "anger", Group: "For one of you", Text: "Help with anger",
					Help: "If anger comes out in ways that frighten you or anyone else."},
				{ID: "doctor", Group: "For one of you", Text: "Your doctor",
					Help: "For sleep, mood or sexual health tests, and for a referral."},
				{ID: "group", Group: "Alongside therapy", Text: "A support group",
					Help: "People who have lived through it too, meeting in person or online."},
				{ID: "gottman", Group: "Approaches you may hear about", Text: "The Gottman method",
					Help: "Built on long research into how couples talk and argue; its work after an affair moves through atoning, attuning and attaching."},
				{ID: "eft", Group: "Approaches you may hear about", Text: "Emotionally focused therapy (EFT)",
					Help: "Works with the bond between partners, treats an affair as an injury to that bond, and has been studied with couples healing from one."},
				{ID: "ibct", Group: "Approaches you may hear about", Text: "Integrative behavioural couple therapy",
					Help: "Combines acceptance of each other with practical change."},
			},
		},
		{
			Name:   "questions",
			Input:  List,
			Title:  "Questions for a first call",
			Prompt: "Pick the questions that matter to you, and note the answers.",
			Note:   "Their answer",
			Marks:  []Option{{ID: "asked", Label: "Asked"}},
			Suggestions: []Suggestion{
				{ID: "licensed", Text: "Are you licensed, and in which profession?"},
				{ID: "experience", Text: "How much of your work is with couples after an affair?"},
				{ID: "approach", Text: "What approach do you use, and what does a session usually look like?"},
				{ID: "safety", Text: "How do you check that couple work is safe for both of us?",
					Help: "Many couples who come to therapy have known some violence between them, so a careful therapist asks each partner privately."},
				{ID: "secrets", Text: "What happens if one of us tells you something privately?"},
				{ID: "sides", Text: "How do you make sure neither of us feels you have taken sides?"},
				{ID: "outcomes", Text: "Do you work with couples whichever way they decide, together or apart?"},
				{ID: "how-often", Text: "How often would we meet, and for roughly how long?"},
				{ID: "cost", Text: "What does it cost, and do you offer lower fees or take insurance?"},
				{ID: "online", Text: "Do you see people online, and are you licensed where I live?"},
			},
		},
		{
			Name:   "shortlist",
			Input:  List,
			Title:  "Shortlist",
			Prompt: "Everyone you are considering, with notes after each call.",
			Note:   "Notes",
			Choices: []ItemChoice{{
				Name:  "status",
				Label: "Where it stands",
				Options: []Option{
					{ID: "to-contact", Label: "To contact"},
					{ID: "spoke", Label: "Spoke to them"},
					{ID: "booked", Label: "First session booked"},
					{ID: "good-fit", Label: "A good fit"},
					{ID: "not-a-fit", Label: "Not a fit"},
				},
			}},
		},
		{
			Name:  "look-elsewhere",
			Input: Info,
			Title: "Signs to look elsewhere",
			Points: []string{
				"They take sides, or treat one of you as the problem.",
				"They suggest the hurt partner caused the affair, or press for quick forgiveness.",
				"They shame the partner who strayed, or treat them as beyond help.",
				"They promise an outcome, together or apart.",
				"They carry on with couple sessions after hearing about fear or violence.",
				"They blur boundaries, in any way.",
			},
		},
		{
			Name:     "notes",
			Input:    Text,
			Title:    "Notes",
			Prompt:   "Anything else: what you want from therapy, what you can afford, times that work.",
			Optional: true,
		},
	},
	Sources: []string{
		"Gottman, J. M. The Science of Trust. 2011.",
		"Johnson, S. M., Makinen, J. A. & Millikin, J. W. Attachment injuries in couple relationships: a new perspective on impasses in couples therapy. Journal of Marital and Family Therapy 27(2). 2001.",
		"Makinen, J. A. & Johnson, S. M. Resolving attachment injuries in couples using emotionally focused therapy: steps toward forgiveness and reconciliation. Journal of Consulting and Clinical Psychology 74(6). 2006.",
		"Jacobson, N. S. & Christensen, A. Integrative Couple Therapy: Promoting Acceptance and Change. 1996.",
		"Doherty, W. J. & Harris, S. M. Helping Couples on the Brink of Divorce: Discernment Counseling for Troubled Relationships. 2017.",
		"World Health Organization. Guidelines for the management of conditions specifically related to stress. 2013.",
		"O'Leary, K. D., Vivian, D. & Malone, J. Assessment of physical aggression against women in marriage: the need for multimodal assessment. Behavioral Assessment 14. 1992.",
	},
}
