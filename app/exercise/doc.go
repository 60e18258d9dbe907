// Package exercise is the saved worksheet behind Kintsugi's guided
// exercises, and the steps of the ten that share one shape: the questions
// list, the boundaries and transparency agreement, the time-out card, the
// root-causes worksheet, the walls-and-windows map, the shared vision, the
// forgiveness or acceptance reflection, the rebuild-pause-or-part
// reflection, the self-care plan and the therapist checklist. The "I"
// statement and apology builders save worksheets too; their steps and
// checks live in packages istatement and apology. The package is pure Go
// and never touches the browser.
//
// # Worksheets
//
// A [Worksheet] is one filled-in exercise: its slug, a Draft or Finished
// state, an optional title, and [Field]s in order. A field holds the answer
// to one step: a text, or a list of [Item]s (a question with asked and
// answered marks, an agreement item with who does it, a day's self-care
// note). [Worksheet.Validate] bounds every length (see [MaxText] and the
// other limits, which a form's maxlength can reuse) and accepts only
// [Known] slugs.
//
// Each worksheet is one userdata.KindExercise record ([Worksheet.ToRecord],
// [FromRecord]). The record's ID, Created and Updated are the worksheet's,
// its Date is Created, and its Data is {"slug", "state", "title",
// "fields"}. Every KindExercise record names its exercise in Data's "slug"
// ([SlugOf]); the conversation cards keep their own state in one such
// record, which [Past] leaves out. [Save], [Load], [Delete] and [Past] do
// the store work; [Newest] and [LastDraft] order and pick.
//
// Validation is deliberately about shape, not about the current
// definition: a field or option written by an older or newer version of
// the app is kept and saved again as it is, never rejected. A definition
// may add steps and options, and should never rename or reuse one that has
// shipped.
//
// # Definitions
//
// A [Definition] gives an exercise's title, why it helps, the chapter it
// belongs to, its [Step]s (prompt, help, examples, ready-made suggestions,
// the marks and choices an item can carry) and the Sources behind any fact
// it states. A step's [Input] says what the UI shows and where the answer
// is saved. Exercise-specific rules that code needs are functions here:
// [ReviewDue] and [DueReviews] for the agreement's review date, [Agreed],
// [PauseLength], [Breathing] and [BreathAt] for the time-out card.
//
// The definitions are words, so they live with the guide's in content/,
// in content/exercises.json, and travel to the browser in the content
// bundle rather than inside app.wasm (about 20 KB less over the wire).
// Most of a definition is structure that saved answers depend on (step
// names, input kinds, option, mark and suggestion IDs that must never
// change): [Parse] refuses a field it does not know, and the tests check
// the rest (unique names, known slugs, every chapter present in the guide,
// sources listed, the steps code reads by name). JSON keeps that structure
// plain without a second format to document.
//
// # Tone
//
// Every word here is written for a reader who may be in pain, on a phone,
// at night: plain, warm, for any gender and any committed relationship, and
// usable alone where the exercise allows. The agreement is voluntary and
// time-limited and says so, and the two reflections present no path as the
// right one. Couple exercises (see tools.Tool.ForCouples) are hidden where
// the private safety check points to risk; that is the UI's job.
package exercise
