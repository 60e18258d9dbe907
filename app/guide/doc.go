// Package guide is Kintsugi's content model: it parses the guide's chapters,
// parts and reading paths from Markdown files with front matter, checks them,
// and answers lookups and searches. It is pure Go, with no browser or go-app
// code, so it runs in the native tests and inside app.wasm alike.
//
// # Files
//
// [Load] reads [Files] (content.Files in the app, a literal map in tests)
// with this layout:
//
//	parts.md              one line per part: N | Title | one-line description
//	chapters/<slug>.md    one chapter, served at /guide/<slug>
//	paths/<name>.md       one reading path, served at /guide/path/<name>
//
// A slug or path name is the file name without ".md". It must be lower-case
// words (letters and digits) joined by single hyphens, such as "a-real-apology".
// "path" is reserved and cannot be a chapter slug, because /guide/path/ is
// where the paths live.
//
// # Front matter
//
// Every chapter and path file starts with front matter between two lines of
// "---". Each key is lower case, appears once, and takes "key: value" on one
// line, or, for list keys, "key:" followed by lines of "  - item".
//
// A chapter has exactly these keys, all required:
//
//	title      the chapter's title, plain text
//	summary    one sentence, plain text
//	part       a part number listed in parts.md (0 to 10 today)
//	order      the chapter's position in its part: 1, 2, 3..., unique within the part
//	for        "everyone", or one or more of "hurt", "involved", "alone", comma-separated
//	exercises  one or more tool slugs from package tools, comma-separated;
//	           the first is the chapter's "Try this"
//	try        the invitation shown with the "Try this" link, plain text
//	sources    a list of "  - author(s), work, year" items, or the word "none"
//	           for a chapter that states no fact, figure or study
//
// A path has exactly these keys, all required:
//
//	title      the path's title
//	summary    one line on who the path is for
//	steps      a list of "  - <chapter slug> | why this chapter comes here"
//
// The rest of a chapter file is its body ([Chapter.Body]); the rest of a path
// file is its introduction ([Path.Intro]).
//
// # Markdown
//
// Bodies use a small subset of Markdown, parsed by this package into
// [Block] and [Inline] values so that the UI never renders HTML from content:
//
//	## Heading                a section heading (Heading2)
//	### Subheading            a subheading (Heading3)
//	a paragraph               lines up to a blank line are one paragraph
//	- item                    a bullet list (List), one line per item, one level
//	1. item                   a numbered list (OrderedList), one line per item
//	> words you could say     a quotation (Quote); consecutive > lines are one paragraph
//	**bold**  *italic*        inline emphasis, not nested in each other or in links
//	[text](/guide/<slug>)     a link to a chapter, optionally with #<heading id>
//	[text](/tools/<tool>)     a link to a tool
//	[text](/guide/path/<name>) a link to a reading path
//	\*                        a backslash makes the next punctuation character literal
//
// Four subheadings are asides for one reader, and must be written exactly so:
//
//	### For the hurt partner            Aside: Hurt
//	### For the partner who strayed     Aside: Involved
//	### If you are doing this alone     Aside: Alone
//	### If you are reading together     Aside: Together
//
// Every heading gets an ID for #fragment links: its text in lower case, with
// apostrophes dropped and every other run of non-letters turned into one
// hyphen ("What forgiveness is not" becomes "what-forgiveness-is-not"); a
// repeated ID gets "-2", "-3"... in order.
//
// # Checks
//
// Load reports every problem it finds, not just the first, joined with
// [errors.Join]; each is a [*Problem] naming the file and, where it can, the
// line. It reports:
//
//   - a missing, unknown or repeated front-matter key, or an empty value
//   - a part that parts.md does not list, or an order used twice in one part
//   - a "for" value other than those above
//   - an exercise that is not in the tools catalogue
//   - sources that are neither a list nor "none"; and, for "sources: none", a
//     body, title, summary or try that states a figure or a study: a number
//     followed by %, or the words study, studies, research, researcher(s),
//     survey(s), trial(s), percent or per cent
//   - a link to anything but an existing chapter (and heading), tool or path
//   - raw HTML (< followed by a letter, / or !), a "# " title line, headings
//     other than ## and ###, images, tables (| at the start of a line), code
//     (fences, indented lines, backticks), nested lists, "*" or "+" bullets,
//     horizontal rules, list items that run onto a second line, and unclosed
//     **, * or [
//   - a ### heading that is close to one of the four aside names but not exact
//   - a file name that is not a valid slug
//   - in a path: an unknown chapter, a step without a why, a repeated step,
//     or no steps at all
//
// # Search
//
// [Guide.Search] ranks chapters for a query typed on a phone. See its doc for
// how. The index is built on the first search, not in Load, so that starting
// the app does not pay for it; a Guide is safe for concurrent use as long as
// nobody modifies it after Load.
package guide
