// Package tools is the catalogue of Kintsugi's interactive tools: the exercises,
// trackers and checks that the guide's chapters open. Each tool has a slug, which
// is its route (/tools/<slug>) and the name chapters use to refer to it.
//
// The catalogue is plain data so that the guide's content can be validated
// against it natively, and the UI can list every tool before it is built.
package tools

// Tool describes one tool in the catalogue.
type Tool struct {
	// Slug is the tool's route segment and the name chapters refer to it by.
	Slug string
	// Name is the tool's title as shown to a reader.
	Name string
	// Summary says in one sentence what the tool helps with.
	Summary string
	// Group is the heading the Tools page lists the tool under.
	Group string
}

// Path returns the tool's route.
func (t Tool) Path() string { return "/tools/" + t.Slug }

// Groups lists the Tools page's headings in the order they are shown.
var Groups = []string{"Track how you are doing", "Talk and repair", "Understand and decide", "Look after yourself"}

// All is every tool, in the order the Tools page lists them.
var All = []Tool{
	{"check-in", "Quick check-in", "Rate safety, trust and connection from 0 to 10, with a note if you like. It takes a minute.", Groups[0]},
	{"couple-check-in", "Weekly couple check-in", "A guided weekly conversation: how each of you is, one appreciation, one hard thing, one request.", Groups[0]},
	{"progress", "Progress", "See how your check-ins move over weeks and months, where day-to-day swings even out.", Groups[0]},
	{"journal", "Journal", "Private entries with feelings, kept only on this device.", Groups[0]},
	{"triggers", "Trigger log", "Note what set off a wave of pain, how you reacted and what helped, and see patterns over time.", Groups[0]},
	{"milestones", "Milestones", "Mark small steps forward so you can see how far you have come.", Groups[0]},
	{"i-statement", "\"I\" statement builder", "Turn a hard feeling into words your partner can hear: what happened, what you feel, what you need, what you ask.", Groups[1]},
	{"apology", "Apology builder", "For the partner who strayed: build an apology with all six parts, without excuses.", Groups[1]},
	{"questions", "Questions list", "For the hurt partner: gather the questions that help, note which are asked and answered.", Groups[1]},
	{"agreement", "Boundaries and transparency agreement", "Agree on openness that helps trust grow: who does what, for how long, and when you review it.", Groups[1]},
	{"time-out", "Time-out card", "When a talk floods you: pause for about 20 minutes, calm your body, and come back.", Groups[1]},
	{"conversation-cards", "Conversation cards", "Prompts for talks that rebuild understanding, appreciation and hope, one card at a time.", Groups[1]},
	{"root-causes", "Root causes worksheet", "Look at what made the betrayal possible, without blame and without excuses.", Groups[2]},
	{"walls-windows", "Walls and windows map", "Map who was let in and who was shut out, and where the walls and windows need to be.", Groups[2]},
	{"shared-vision", "Shared vision", "Goals for the next month and the next year, and new things to try together.", Groups[2]},
	{"forgiveness", "Forgiveness or acceptance reflection", "A private reflection on what forgiveness would mean for you, or what acceptance could look like.", Groups[2]},
	{"rebuild-pause-part", "Rebuild, pause or part", "A private reflection on the paths ahead, with no answer presented as the right one.", Groups[2]},
	{"safety-check", "Private safety check", "A few private questions about fear, threats and control, and what to do if the answers worry you.", Groups[3]},
	{"self-care", "Self-care plan", "Small daily choices for sleep, food, movement and people, and a note on how they went.", Groups[3]},
	{"therapist-checklist", "Therapist checklist", "Kinds of help, questions to ask in a first call, and a shortlist with notes.", Groups[3]},
}

// Find returns the tool with the given slug.
func Find(slug string) (Tool, bool) {
	for _, t := range All {
		if t.Slug == slug {
			return t, true
		}
	}
	return Tool{}, false
}

// forCouples lists the tools made for two partners working together. Where
// the safety check points to fear, violence or control, they are not the
// path, and the app hides them.
var forCouples = map[string]bool{
	"couple-check-in":    true,
	"agreement":          true,
	"conversation-cards": true,
	"shared-vision":      true,
}

// ForCouples reports whether the tool is meant for two partners together.
func (t Tool) ForCouples() bool { return forCouples[t.Slug] }
