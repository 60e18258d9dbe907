package ui

import (
	"testing"

	"kintsugi/app/guide"
)

func TestBlockHTMLEscapes(t *testing.T) {
	tests := []struct {
		name  string
		block guide.Block
		want  string
	}{
		{"paragraph", guide.Block{Kind: guide.Paragraph, Text: []guide.Inline{
			{Kind: guide.Text, Text: `Say "no" & <mean> it, then read `},
			{Kind: guide.Link, Text: "the safety note", Href: "/guide/safety-first"},
			{Kind: guide.Text, Text: "."},
		}}, `<p>Say &#34;no&#34; &amp; &lt;mean&gt; it, then read <a href="/guide/safety-first">the safety note</a>.</p>`},
		{"aside", guide.Block{Kind: guide.Heading3, ID: "for-the-hurt-partner", Aside: guide.Hurt, Text: []guide.Inline{
			{Kind: guide.Text, Text: "For the "}, {Kind: guide.Bold, Text: "hurt"}, {Kind: guide.Italic, Text: " partner"},
		}}, `<h3 id="for-the-hurt-partner" class="aside-heading">For the <strong>hurt</strong><em> partner</em></h3>`},
		{"list", guide.Block{Kind: guide.OrderedList, Items: [][]guide.Inline{
			{{Kind: guide.Bold, Text: "Regret:"}, {Kind: guide.Text, Text: " sorry"}},
			{{Kind: guide.Text, Text: "<script>"}},
		}}, `<ol><li><strong>Regret:</strong> sorry</li><li>&lt;script&gt;</li></ol>`},
		{"quote", guide.Block{Kind: guide.Quote, Text: []guide.Inline{{Kind: guide.Italic, Text: "I'm here"}, {Kind: guide.Text, Text: "."}}},
			`<blockquote><p><em>I&#39;m here</em>.</p></blockquote>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := blockHTML(tc.block); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestEveryPathIsOffered(t *testing.T) {
	g, err := book()
	if err != nil {
		t.Fatal(err)
	}
	offered := map[string]bool{}
	for _, name := range pathOrder {
		offered[name] = true
	}
	for _, p := range g.Paths {
		if !offered[p.Name] {
			t.Errorf("path %q is not offered on the contents page", p.Name)
		}
	}
}
