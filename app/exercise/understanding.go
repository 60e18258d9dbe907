package exercise

// weight is the choice each root-causes item carries: how much it
// mattered.
var weight = ItemChoice{
	Name:  "weight",
	Label: "How much it mattered",
	Options: []Option{
		{ID: "a-lot", Label: "A lot"},
		{ID: "some", Label: "Some"},
		{ID: "a-little", Label: "A little"},
		{ID: "not-sure", Label: "Not sure yet"},
	},
}

var rootCauses = Definition{
	Slug:    "root-causes",
	Title:   "Root causes worksheet",
	Chapter: "why-it-happened",
	Why: "Affairs rarely have a single cause. This worksheet helps you look in several places, slowly and in writing, " +
		"so that understanding can grow without turning into blame or into excuse. There were reasons, and none of them made it all right.",
	Steps: []Step{
		{
			Name:  "ground-rules",
			Input: Info,
			Title: "Ground rules",
			Points: []string{
				"Explaining is not excusing. A reason says how something came to happen, never that it was all right.",
				"The choice belongs to the one who made it. The relationship belongs to both of you.",
				"Write each factor as something that was true, not as a charge: \"we stopped talking about anything but the children\", not \"you only cared about the children\".",
				"Go in layers. The first answer, such as \"I was unhappy\", is rarely the whole one. Ask what sat underneath it.",
				"Stop before either of you floods. This can take many sittings, and it is fine to fill it in alone first.",
			},
		},
		{
			Name:    "relationship",
			Input:   List,
			Title:   "In the relationship",
			Prompt:  "What was happening between you in the months or years before? Name it as something you both lived in.",
			Note:    "What sat underneath it",
			Choices: []ItemChoice{weight},
			Suggestions: []Suggestion{
				{ID: "drift", Text: "We had drifted into living side by side rather than together."},
				{ID: "unresolved", Text: "Arguments that never ended, or that we stopped having at all."},
				{ID: "no-time", Text: "Almost no time alone together."},
				{ID: "stalled", Text: "A physical relationship that had stalled, and no way to talk about it."},
				{ID: "strain", Text: "A season of strain: a new baby, illness, grief, a move, money worries."},
				{ID: "unsaid", Text: "Needs that neither of us knew how to say."},
			},
		},
		{
			Name:    "outside",
			Input:   List,
			Title:   "Around you",
			Prompt:  "What around you made it easier: pressures, opportunities, other people?",
			Note:    "What sat underneath it",
			Choices: []ItemChoice{weight},
			Suggestions: []Suggestion{
				{ID: "opportunity", Text: "Travel, late shifts or time apart that made secrecy easy."},
				{ID: "friendship", Text: "A close friendship, often at work, where confiding slowly grew."},
				{ID: "online", Text: "An old flame, or a stranger, who appeared online."},
				{ID: "circle", Text: "Friends or family who treated cheating as normal."},
				{ID: "pressure", Text: "Pressure at work or with money that wore us down."},
				{ID: "drinking", Text: "Drinking or other substances that made lines easier to cross."},
			},
		},
		{
			Name:  "individual",
			Input: List,
			Title: "In the partner who strayed",
			Prompt: "What in the person who made the choice? If that is you, write what you are learning about yourself. " +
				"If it is your partner, write what you have noticed, as an observation rather than a verdict.",
			Note:    "What sat underneath it",
			Choices: []ItemChoice{weight},
			Suggestions: []Suggestion{
				{ID: "wanted", Text: "A hunger to feel wanted, admired or seen."},
				{ID: "avoiding", Text: "A habit of avoiding conflict rather than saying what was wrong."},
				{ID: "escape", Text: "Coping with stress or low mood by escaping into something."},
				{ID: "owed", Text: "A sense of being owed something, or that the usual rules did not apply."},
				{ID: "history", Text: "What was learned growing up about secrets, loyalty and love."},
				{ID: "slope", Text: "Small steps that each felt harmless: a private joke, a private chat, a secret."},
				{ID: "before", Text: "Earlier times a line was crossed and nothing seemed to happen."},
			},
		},
		{
			Name:  "hurt-partner",
			Input: List,
			Title: "In the hurt partner's life",
			Prompt: "Only if the hurt partner wants to, and only in their own words: " +
				"what in their life, or in their ways of coping, shaped how the relationship felt?",
			Help: "This is the hardest part to write without blame, so it comes with a rule: nothing written here caused the choice. " +
				"It may explain why the relationship felt distant; many people live through the same things and their partners do not stray. " +
				"Leave it empty if it does not feel right, now or ever.",
			Optional: true,
			Note:     "What sat underneath it",
			Choices:  []ItemChoice{weight},
			Suggestions: []Suggestion{
				{ID: "load", Text: "I was carrying a great deal: work, children, parents."},
				{ID: "low", Text: "Illness, low mood or grief took much of my energy."},
				{ID: "quiet", Text: "I tended to keep my worries to myself."},
				{ID: "slipped", Text: "I let our time together slip down the list."},
			},
		},
		{
			Name:   "choice",
			Input:  Text,
			Title:  "Where the choice was made",
			Prompt: "For the partner who strayed: at which moments did you choose, and what could you have done instead at each one?",
			Help:   "Naming the moments of choice is what turns understanding into safety: it shows where a different step is possible next time.",
			Examples: []string{
				"When I started telling them about our arguments, I could have told you I was unhappy instead.",
			},
		},
		{
			Name:   "responsibility",
			Input:  Text,
			Title:  "What each of us owns",
			Prompt: "One or two sentences each. The partner who strayed owns the choice and the secrecy. Both of you own how you look after the relationship from here.",
			Examples: []string{
				"I own the affair and every lie that covered it. We both own how we look after us from now on.",
			},
		},
		{
			Name:   "change",
			Input:  Text,
			Title:  "What needs to change",
			Prompt: "Given all this, what would need to be different so that it does not happen again: in each of you, and between you?",
			Examples: []string{
				"I tell you when I feel lonely, before I look for comfort anywhere else.",
				"We keep one evening a week for the two of us, and guard it.",
			},
		},
	},
	Sources: []string{
		"Snyder, D. K., Baucom, D. H. & Gordon, K. C. Getting Past the Affair. 2007.",
		"Gordon, K. C., Baucom, D. H. & Snyder, D. K. An integrative intervention for promoting recovery from extramarital affairs. Journal of Marital and Family Therapy 30(2). 2004.",
		"Glass, S. P. & Coppock Staeheli, J. Not \"Just Friends\". 2003.",
	},
}

// place is the choice of where something stands on the walls-and-windows
// map.
func place(name, label string) ItemChoice {
	return ItemChoice{
		Name:  name,
		Label: label,
		Options: []Option{
			{ID: "window", Label: "A window: open, shared"},
			{ID: "wall", Label: "A wall: kept outside us"},
			{ID: "not-sure", Label: "Not sure"},
		},
	}
}

var wallsWindows = Definition{
	Slug:    "walls-windows",
	Title:   "Walls and windows map",
	Chapter: "walls-and-windows",
	Why: "Shirley Glass pictured a committed relationship with a window between the partners and walls facing outward. " +
		"An affair turns them around: a window opens to someone outside, and a wall goes up at home. " +
		"This map helps you see where your windows and walls stand today, and where you want them.",
	Steps: []Step{
		{
			Name:  "picture",
			Input: Info,
			Title: "The picture",
			Points: []string{
				"A window is openness: where your worries, hopes and everyday news go first.",
				"A wall is a boundary that keeps something outside your relationship, so that it stays your own.",
				"Recovery puts them back: the wall between you and the affair partner, the window between the two of you.",
				"A window to a friend, a group or a therapist who helps you heal is healthy. What matters is what a window carries.",
			},
		},
		{
			Name:   "map",
			Input:  List,
			Title:  "The map",
			Prompt: "Add the people and places that matter. For each, mark what stands there today, and what you want there.",
			Note:   "What that looks like day to day",
			Choices: []ItemChoice{
				place("now", "Today"),
				place("want", "Where I want it"),
			},
			Suggestions: []Suggestion{
				{ID: "us", Text: "The two of us"},
				{ID: "affair-partner", Text: "The affair partner"},
				{ID: "friends", Text: "Close friends"},
				{ID: "family", Text: "Family"},
				{ID: "colleagues", Text: "Colleagues"},
				{ID: "online", Text: "Phones, apps and social media"},
				{ID: "exes", Text: "Former partners"},
				{ID: "support", Text: "A therapist or support group"},
			},
		},
		{
			Name:   "window",
			Input:  Text,
			Title:  "Reopening the window at home",
			Prompt: "What could you share with each other this week that you would once have kept to yourself, or told someone else?",
			Examples: []string{
				"The worry about my job that I have not said out loud.",
				"Who I had lunch with, before you have to ask.",
			},
		},
		{
			Name:   "walls",
			Input:  Text,
			Title:  "Walls to put back",
			Prompt: "Which walls need to go back up, and what will that look like day to day?",
			Examples: []string{
				"Lunch with that colleague only with the rest of the team.",
				"I mention you naturally when I talk about my weekend, so people know where I stand.",
				"Our troubles go to each other or to our therapist first, not to friends who might take sides.",
			},
		},
	},
	Sources: []string{
		"Glass, S. P. & Coppock Staeheli, J. Not \"Just Friends\". 2003.",
	},
}
