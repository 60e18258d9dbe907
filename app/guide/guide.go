package guide

import (
	"path"
	"strconv"
	"strings"
	"sync"
)

// Reader is who a chapter or an aside speaks to.
type Reader string

// The readers a chapter's "for" key can name, and Together, which only an
// aside can have.
const (
	Everyone Reader = "everyone" // every reader
	Hurt     Reader = "hurt"     // the partner who was hurt
	Involved Reader = "involved" // the partner who strayed
	Alone    Reader = "alone"    // someone doing this without their partner
	Together Reader = "together" // a couple reading together; asides only
)

// Guide is the whole guide as Load parsed it. Treat it as read-only.
type Guide struct {
	// Parts are the parts listed in parts.md, by number.
	Parts []Part
	// Chapters are all chapters in reading order: by part, then by order.
	Chapters []*Chapter
	// Paths are the reading paths, by name.
	Paths []*Path

	indexOnce sync.Once
	index     *index
}

// Part is one part of the guide, a group of chapters.
type Part struct {
	Number  int
	Title   string
	Summary string // one line on what the part covers
}

// Chapter is one chapter of the guide.
type Chapter struct {
	Slug      string   // the file name without .md; the route is /guide/<Slug>
	Title     string   // plain text
	Summary   string   // plain text, one sentence
	Part      int      // the Part's Number
	Order     int      // position within the part, from 1
	For       []Reader // Everyone alone, or some of Hurt, Involved, Alone
	Exercises []string // tool slugs; the first is the "Try this"
	Try       string   // the invitation shown with the "Try this" link
	Sources   []string // empty for "sources: none"
	Body      []Block
	Words     int // words in the body
	Minutes   int // reading time at about 200 words a minute, at least 1
}

// IsFor reports whether the chapter speaks to r: true if its For lists r
// or Everyone.
func (c *Chapter) IsFor(r Reader) bool {
	for _, f := range c.For {
		if f == r || f == Everyone {
			return true
		}
	}
	return false
}

// Path is a suggested order through the guide for one kind of reader.
type Path struct {
	Name    string // the file name without .md; the route is /guide/path/<Name>
	Title   string
	Summary string
	Intro   []Block // the text after the front matter
	Steps   []Step
}

// Step is one chapter on a path, with why it comes at that point.
type Step struct {
	Slug string // a chapter's slug
	Why  string // one sentence, plain text
}

// BlockKind is the kind of a Block.
type BlockKind int

// The kinds of Block.
const (
	Paragraph   BlockKind = iota // lines up to a blank line
	Heading2                     // ## Heading
	Heading3                     // ### Subheading
	List                         // - item
	OrderedList                  // 1. item
	Quote                        // > words you could say
)

var blockKindNames = [...]string{"Paragraph", "Heading2", "Heading3", "List", "OrderedList", "Quote"}

// String returns the kind's name, such as "Heading2".
func (k BlockKind) String() string {
	if k < 0 || int(k) >= len(blockKindNames) {
		return "BlockKind(" + strconv.Itoa(int(k)) + ")"
	}
	return blockKindNames[k]
}

// Block is one block of a chapter's body or a path's introduction.
type Block struct {
	Kind BlockKind
	// ID is a heading's anchor, unique within its chapter; empty for
	// other kinds.
	ID string
	// Aside is set on a Heading3 named as one of the four asides, and
	// names the reader it speaks to; empty otherwise.
	Aside Reader
	// Text is the content of a heading, paragraph or quote.
	Text []Inline
	// Items are the items of a List or OrderedList.
	Items [][]Inline
}

// PlainText returns the block's text without formatting. A list's items
// are separated by newlines.
func (b Block) PlainText() string {
	if b.Kind != List && b.Kind != OrderedList {
		return PlainText(b.Text)
	}
	var sb strings.Builder
	for i, it := range b.Items {
		if i > 0 {
			sb.WriteByte('\n')
		}
		for _, in := range it {
			sb.WriteString(in.Text)
		}
	}
	return sb.String()
}

// InlineKind is the kind of an Inline.
type InlineKind int

// The kinds of Inline.
const (
	Text   InlineKind = iota // plain text
	Bold                     // **bold**
	Italic                   // *italic*
	Link                     // [text](href)
)

var inlineKindNames = [...]string{"Text", "Bold", "Italic", "Link"}

// String returns the kind's name, such as "Bold".
func (k InlineKind) String() string {
	if k < 0 || int(k) >= len(inlineKindNames) {
		return "InlineKind(" + strconv.Itoa(int(k)) + ")"
	}
	return inlineKindNames[k]
}

// Inline is a run of text within a block.
type Inline struct {
	Kind InlineKind
	Text string // the words shown, without Markdown
	Href string // a Link's target, such as /guide/forgiveness#earned-forgiveness
}

// PlainText returns the text of in without formatting.
func PlainText(in []Inline) string {
	if len(in) == 1 {
		return in[0].Text
	}
	var sb strings.Builder
	for _, x := range in {
		sb.WriteString(x.Text)
	}
	return sb.String()
}

// Chapter returns the chapter with the given slug.
func (g *Guide) Chapter(slug string) (*Chapter, bool) {
	if i := g.position(slug); i >= 0 {
		return g.Chapters[i], true
	}
	return nil, false
}

// Path returns the reading path with the given name.
func (g *Guide) Path(name string) (*Path, bool) {
	for _, p := range g.Paths {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}

// Part returns the part with the given number.
func (g *Guide) Part(n int) (Part, bool) {
	for _, p := range g.Parts {
		if p.Number == n {
			return p, true
		}
	}
	return Part{}, false
}

// PartChapters returns the chapters of part n in order, or nil if it has none.
func (g *Guide) PartChapters(n int) []*Chapter {
	var cs []*Chapter
	for _, c := range g.Chapters {
		if c.Part == n {
			cs = append(cs, c)
		}
	}
	return cs
}

// Next returns the chapter after the one with the given slug in reading
// order. It reports false for the last chapter and for an unknown slug.
func (g *Guide) Next(slug string) (*Chapter, bool) {
	i := g.position(slug)
	if i < 0 || i+1 >= len(g.Chapters) {
		return nil, false
	}
	return g.Chapters[i+1], true
}

// Prev returns the chapter before the one with the given slug in reading
// order. It reports false for the first chapter and for an unknown slug.
func (g *Guide) Prev(slug string) (*Chapter, bool) {
	i := g.position(slug)
	if i <= 0 {
		return nil, false
	}
	return g.Chapters[i-1], true
}

// position returns the index of slug in g.Chapters, or -1. A scan of a few
// dozen chapters costs less than keeping a map in step.
func (g *Guide) position(slug string) int {
	for i, c := range g.Chapters {
		if c.Slug == slug {
			return i
		}
	}
	return -1
}

// Names lists the chapter slugs and path names in files from their file
// names alone, without parsing anything, so that routes can be registered at
// start at no cost. Load still checks that each file is valid.
func Names(files Files) (chapters, paths []string) {
	list := func(dir string) []string {
		names := files.list(dir)
		for i, f := range names {
			names[i] = strings.TrimSuffix(path.Base(f), ".md")
		}
		return names
	}
	return list("chapters"), list("paths")
}
