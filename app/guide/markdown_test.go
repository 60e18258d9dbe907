package guide_test

import (
	"reflect"
	"testing"

	"kintsugi/app/guide"
)

func TestParseBody(t *testing.T) {
	const body = `A paragraph with **bold**, *italic* and a [link](/guide/two#section-a),
continued on a second line; 5 * 3 and \*stars\* stay text.

## What it’s not

- First *item*
- Second item with [a tool](/tools/journal)

1. Step one
2. **Step** two

> "I am sorry."
> Said slowly.

## What it’s not

### For the hurt partner

### For the partner who strayed

### If you are doing this alone

### If you are reading together

### A plain subheading`

	fsys := testFS()
	fsys["chapters/one.md"] = file(testMeta, body)
	c, _ := mustLoad(t, fsys).Chapter("one")

	type in = guide.Inline
	text := func(s string) in { return in{Kind: guide.Text, Text: s} }
	want := []guide.Block{
		{Kind: guide.Paragraph, Text: []in{
			text("A paragraph with "), {Kind: guide.Bold, Text: "bold"}, text(", "),
			{Kind: guide.Italic, Text: "italic"}, text(" and a "),
			{Kind: guide.Link, Text: "link", Href: "/guide/two#section-a"},
			text(", continued on a second line; 5 * 3 and *stars* stay text."),
		}},
		{Kind: guide.Heading2, ID: "what-its-not", Text: []in{text("What it’s not")}},
		{Kind: guide.List, Items: [][]in{
			{text("First "), {Kind: guide.Italic, Text: "item"}},
			{text("Second item with "), {Kind: guide.Link, Text: "a tool", Href: "/tools/journal"}},
		}},
		{Kind: guide.OrderedList, Items: [][]in{
			{text("Step one")},
			{{Kind: guide.Bold, Text: "Step"}, text(" two")},
		}},
		{Kind: guide.Quote, Text: []in{text(`"I am sorry." Said slowly.`)}},
		{Kind: guide.Heading2, ID: "what-its-not-2", Text: []in{text("What it’s not")}},
		{Kind: guide.Heading3, ID: "for-the-hurt-partner", Aside: guide.Hurt, Text: []in{text("For the hurt partner")}},
		{Kind: guide.Heading3, ID: "for-the-partner-who-strayed", Aside: guide.Involved, Text: []in{text("For the partner who strayed")}},
		{Kind: guide.Heading3, ID: "if-you-are-doing-this-alone", Aside: guide.Alone, Text: []in{text("If you are doing this alone")}},
		{Kind: guide.Heading3, ID: "if-you-are-reading-together", Aside: guide.Together, Text: []in{text("If you are reading together")}},
		{Kind: guide.Heading3, ID: "a-plain-subheading", Text: []in{text("A plain subheading")}},
	}
	if len(c.Body) != len(want) {
		t.Fatalf("got %d blocks, want %d:\n%+v", len(c.Body), len(want), c.Body)
	}
	for i := range want {
		if !reflect.DeepEqual(c.Body[i], want[i]) {
			t.Errorf("block %d:\ngot  %+v\nwant %+v", i, c.Body[i], want[i])
		}
	}
}

func TestParseListsAndBlankLines(t *testing.T) {
	// Blank lines between items keep one list; a paragraph or another kind
	// of list starts a new block.
	const body = "- a\n\n- b\n\nText.\n\n- c\n1. d\n\n\n\n2. e"
	fsys := testFS()
	fsys["chapters/one.md"] = file(testMeta, body)
	c, _ := mustLoad(t, fsys).Chapter("one")
	var got []string
	for _, b := range c.Body {
		got = append(got, b.Kind.String()+":"+b.PlainText())
	}
	want := []string{"List:a\nb", "Paragraph:Text.", "List:c", "OrderedList:d\ne"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks = %q, want %q", got, want)
	}
}

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		heading, id string
	}{
		{"What forgiveness is not", "what-forgiveness-is-not"},
		{"The partner's *first* weeks", "the-partners-first-weeks"},
		{"Yes, no -- maybe?", "yes-no-maybe"},
		{"  Trailing punctuation!  ", "trailing-punctuation"},
		{"Décisions", "décisions"},
		{"!!!", "section"},
	}
	for _, tc := range tests {
		t.Run(tc.heading, func(t *testing.T) {
			fsys := testFS()
			fsys["chapters/one.md"] = file(testMeta, "## "+tc.heading)
			c, _ := mustLoad(t, fsys).Chapter("one")
			if got := c.Body[0].ID; got != tc.id {
				t.Errorf("ID = %q, want %q", got, tc.id)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	b := guide.Block{Kind: guide.Paragraph, Text: []guide.Inline{{Text: "a "}, {Kind: guide.Bold, Text: "b"}, {Kind: guide.Link, Text: " c", Href: "/guide/c"}}}
	if got := b.PlainText(); got != "a b c" {
		t.Errorf("PlainText = %q, want %q", got, "a b c")
	}
	l := guide.Block{Kind: guide.List, Items: [][]guide.Inline{{{Text: "x"}}, {{Text: "y"}, {Kind: guide.Italic, Text: "z"}}}}
	if got := l.PlainText(); got != "x\nyz" {
		t.Errorf("list PlainText = %q, want %q", got, "x\nyz")
	}
}
