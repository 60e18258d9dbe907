package guide

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// asides are the four ### subheadings that speak to one reader.
var asides = [...]struct {
	name   string
	reader Reader
}{
	{"For the hurt partner", Hurt},
	{"For the partner who strayed", Involved},
	{"If you are doing this alone", Alone},
	{"If you are reading together", Together},
}

// linkRef is a link found while parsing, checked once every file is read.
type linkRef struct {
	href string
	line int
}

// bodyParser turns the lines of a body into blocks.
type bodyParser struct {
	l     *loader
	file  string
	ids   map[string]bool
	links []linkRef

	blocks   []Block
	lines    []int // the first line of each block
	lastItem int   // the line of the last list item

	// The paragraph or quote being gathered.
	open     bool
	openKind BlockKind
	openText []string
	openLine int
}

// body parses the lines after the front matter.
func (l *loader) body(file string, lines []line) *bodyParser {
	p := &bodyParser{l: l, file: file, ids: map[string]bool{}}
	fence := false
	for _, ln := range lines {
		s := strings.TrimRight(ln.text, " \t")
		if fence {
			if isFence(strings.TrimLeft(s, " ")) {
				fence = false
			}
			continue
		}
		if s == "" {
			p.close()
			continue
		}
		if s[0] == ' ' || s[0] == '\t' {
			t := strings.TrimLeft(s, " \t")
			indent := strings.TrimSuffix(s, t)
			switch {
			case isFence(t):
				// Reported below.
			case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") || isOrdered(t):
				p.problem(ln.n, "nested lists are not supported: lists have one level, so remove the indent")
				continue
			case len(indent) >= 4 || strings.Contains(indent, "\t"):
				p.problem(ln.n, "indented code is not supported: remove the indent")
				continue
			}
			s = t
		}
		switch {
		case isFence(s):
			p.close()
			p.problem(ln.n, "code blocks are not supported")
			fence = true
		case s[0] == '#':
			p.close()
			p.heading(s, ln.n)
		case s[0] == '|':
			p.close()
			p.problem(ln.n, "tables are not supported (a line starts with |)")
		case s[0] == '>':
			t := strings.TrimSpace(s[1:])
			switch {
			case t == "":
				p.close()
				p.problem(ln.n, "empty quotation line: a quotation is one paragraph")
				continue
			case t[0] == '>':
				p.problem(ln.n, "nested quotations are not supported")
			}
			if !p.open || p.openKind != Quote {
				p.close()
				p.start(Quote, ln.n)
			}
			p.openText = append(p.openText, t)
		case strings.HasPrefix(s, "- "):
			p.item(List, s[2:], ln.n)
		case s == "-":
			p.close()
			p.problem(ln.n, "empty list item")
		case isOrdered(s):
			p.item(OrderedList, s[strings.IndexByte(s, '.')+1:], ln.n)
		case strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "+ "):
			p.close()
			p.problem(ln.n, "use \"- \" for bullet list items, not %q", s[:2])
		case isRule(s):
			p.close()
			p.problem(ln.n, "horizontal rules and underlined headings are not supported")
		default:
			if !p.open && p.lastItem > 0 && p.lastItem == ln.n-1 {
				p.problem(ln.n, "a list item must fit on one line: join the lines, or leave a blank line before a new paragraph")
			}
			if !p.open || p.openKind != Paragraph {
				p.close()
				p.start(Paragraph, ln.n)
			}
			p.openText = append(p.openText, s)
		}
	}
	p.close()
	return p
}

func (p *bodyParser) problem(n int, format string, args ...any) {
	p.l.add(p.file, n, format, args...)
}

// start opens a paragraph or quote.
func (p *bodyParser) start(k BlockKind, n int) {
	p.open, p.openKind, p.openText, p.openLine = true, k, p.openText[:0], n
}

// close ends the open paragraph or quote, if any.
func (p *bodyParser) close() {
	if !p.open {
		return
	}
	p.open = false
	text := p.inline(strings.Join(p.openText, " "), p.openLine)
	p.add(Block{Kind: p.openKind, Text: text}, p.openLine)
}

func (p *bodyParser) add(b Block, n int) {
	p.blocks = append(p.blocks, b)
	p.lines = append(p.lines, n)
}

// item adds a list item, to the last block if it is a list of the same
// kind (blank lines between items do not end a list).
func (p *bodyParser) item(k BlockKind, text string, n int) {
	p.close()
	text = strings.TrimSpace(text)
	if text == "" {
		p.problem(n, "empty list item")
		return
	}
	in := p.inline(text, n)
	if last := len(p.blocks) - 1; last >= 0 && p.blocks[last].Kind == k {
		p.blocks[last].Items = append(p.blocks[last].Items, in)
	} else {
		p.add(Block{Kind: k, Items: [][]Inline{in}}, n)
	}
	p.lastItem = n
}

// heading parses a line that starts with #.
func (p *bodyParser) heading(s string, n int) {
	level := len(s) - len(strings.TrimLeft(s, "#"))
	rest := s[level:]
	switch {
	case level == 1 && strings.HasPrefix(rest, " "):
		p.problem(n, "a \"# \" title line is not allowed: the title comes from the front matter")
		return
	case level > 3:
		p.problem(n, "only ## and ### headings are allowed, not %s", s[:level])
		return
	case level == 1 || !strings.HasPrefix(rest, " "):
		p.problem(n, "write headings as \"## Heading\" or \"### Subheading\"")
		return
	}
	text := strings.TrimSpace(rest)
	if text == "" {
		p.problem(n, "empty heading")
		return
	}
	b := Block{Kind: Heading2, Text: p.inline(text, n)}
	if level == 3 {
		b.Kind = Heading3
		plain := PlainText(b.Text)
		for _, a := range asides {
			if plain == a.name {
				b.Aside = a.reader
			}
		}
		if b.Aside == "" {
			if name := nearAside(plain); name != "" {
				p.problem(n, "### %s looks like an aside: write it exactly as ### %s", plain, name)
			}
		}
	}
	b.ID = p.id(PlainText(b.Text))
	p.add(b, n)
}

// id returns a heading ID for text, unique within the body.
func (p *bodyParser) id(text string) string {
	base := anchor(text)
	id := base
	for i := 2; p.ids[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	p.ids[id] = true
	return id
}

// anchor returns text in lower case with apostrophes dropped and every
// other run of non-letters and non-digits turned into one hyphen.
func anchor(text string) string {
	var sb strings.Builder
	hyphen := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			hyphen = false
			sb.WriteRune(unicode.ToLower(r))
		case isApostrophe(r):
		default:
			hyphen = true
		}
	}
	if sb.Len() == 0 {
		return "section"
	}
	return sb.String()
}

// nearAside returns the aside name that heading nearly but not exactly
// matches, or "": the same words in another case or with other
// punctuation, a few letters off, or every word of a name plus a few more.
func nearAside(heading string) string {
	h := normalWords(heading)
	for _, a := range asides {
		name := normalWords(a.name)
		if h == name || distance(h, name) <= len(name)/4 {
			return a.name
		}
		hw, nw := strings.Fields(h), strings.Fields(name)
		all := true
		for _, w := range nw {
			if !containsString(hw, w) {
				all = false
				break
			}
		}
		if all && len(hw) <= len(nw)+3 {
			return a.name
		}
	}
	return ""
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// normalWords returns the words of s in lower case, single-spaced.
func normalWords(s string) string {
	var ws []string
	tokenize(s, func(_, _ int, w []byte) bool {
		ws = append(ws, string(w))
		return true
	})
	return strings.Join(ws, " ")
}

// distance returns the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// isFence reports whether s opens or closes a code block.
func isFence(s string) bool {
	return strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
}

// isRule reports whether s is a horizontal rule or a heading underline:
// three or more of one of - * _ =, perhaps with spaces.
func isRule(s string) bool {
	if !strings.ContainsRune("-*_=", rune(s[0])) {
		return false
	}
	t := strings.ReplaceAll(s, " ", "")
	if len(t) < 3 || !strings.ContainsRune("-*_=", rune(t[0])) {
		return false
	}
	return strings.Count(t, t[:1]) == len(t)
}

// isOrdered reports whether s is a "1. item" line, or an empty "1." one.
func isOrdered(s string) bool {
	i := 0
	for i < len(s) && i < 9 && isDigit(s[i]) {
		i++
	}
	return i > 0 && (s[i:] == "." || strings.HasPrefix(s[i:], ". "))
}

// hasHTML reports whether s contains raw HTML: < followed by a letter,
// / or !.
func hasHTML(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '<' {
			c := s[i+1]
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '/' || c == '!' {
				return true
			}
		}
	}
	return false
}

// inline parses the inline Markdown of one block's text.
func (p *bodyParser) inline(s string, n int) []Inline {
	if hasHTML(s) {
		p.problem(n, "raw HTML is not allowed")
	}
	if strings.Contains(s, "![") {
		p.problem(n, "images are not supported")
	}
	if strings.Contains(s, "`") {
		p.problem(n, "code is not supported (a backtick)")
	}

	// Plain text is gathered as the run s[a:i], which needs no copy unless
	// an escape drops a backslash from it; then the run so far goes to buf.
	var out []Inline
	var buf strings.Builder
	a, i := 0, 0
	flush := func() {
		text := s[a:i]
		if buf.Len() > 0 {
			buf.WriteString(text)
			text = buf.String()
			buf.Reset()
		}
		if text != "" {
			out = append(out, Inline{Kind: Text, Text: text})
		}
	}
	emit := func(in Inline, next int) {
		flush()
		out = append(out, in)
		a, i = next, next
	}
	for i < len(s) {
		j := strings.IndexAny(s[i:], "\\*[")
		if j < 0 {
			i = len(s)
			break
		}
		i += j
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isPunct(s[i+1]):
			buf.WriteString(s[a:i])
			a, i = i+1, i+2
		case c == '\\':
			i++
		case c == '*' && strings.HasPrefix(s[i:], "**") && !opens(s, i+2):
			p.problem(n, "** must be followed by the words it makes bold, with no space")
			i += 2
		case c == '*' && strings.HasPrefix(s[i:], "**"):
			end := findUnescaped(s, i+2, "**")
			if end < 0 {
				p.problem(n, "unclosed ** (bold)")
				i += 2
				continue
			}
			inner := s[i+2 : end]
			switch {
			case strings.TrimSpace(inner) == "":
				p.problem(n, "empty ** (bold)")
			case findUnescaped(inner, 0, "*") >= 0:
				p.problem(n, "italic inside bold is not supported")
			case findUnescaped(inner, 0, "[") >= 0:
				p.problem(n, "links inside bold or italic are not supported")
			}
			emit(Inline{Kind: Bold, Text: unescape(inner)}, end+2)
		case c == '*' && opens(s, i+1) && s[i+1] != '*':
			end := findUnescaped(s, i+1, "*")
			if end < 0 {
				p.problem(n, "unclosed * (italic)")
				i++
				continue
			}
			inner := s[i+1 : end]
			switch {
			case strings.HasPrefix(s[end:], "**"):
				p.problem(n, "bold inside italic is not supported")
			case findUnescaped(inner, 0, "[") >= 0:
				p.problem(n, "links inside bold or italic are not supported")
			}
			emit(Inline{Kind: Italic, Text: unescape(inner)}, end+1)
		case c == '[':
			in, next, msg := link(s, i)
			if msg != "" {
				p.problem(n, "%s", msg)
				i++
				continue
			}
			p.links = append(p.links, linkRef{in.Href, n})
			emit(in, next)
		default: // a lone *
			i++
		}
	}
	flush()
	return out
}

// link parses the link that starts at s[i] == '['. It returns the link and
// the index after it, or why it is not a link.
func link(s string, i int) (Inline, int, string) {
	end := findUnescaped(s, i+1, "]")
	if end < 0 || !strings.HasPrefix(s[end:], "](") {
		return Inline{}, 0, "unclosed [: write links as [text](/guide/slug), or escape the bracket as \\["
	}
	text := s[i+1 : end]
	close := strings.IndexByte(s[end+2:], ')')
	if close < 0 {
		return Inline{}, 0, "unclosed ( after a link's [text]"
	}
	href := s[end+2 : end+2+close]
	switch {
	case findUnescaped(text, 0, "[") >= 0:
		return Inline{}, 0, "unclosed [: a link's text cannot contain ["
	case strings.TrimSpace(text) == "":
		return Inline{}, 0, "a link has no text"
	case findUnescaped(text, 0, "*") >= 0:
		return Inline{}, 0, "bold or italic inside a link's text is not supported"
	case href == "" || strings.ContainsAny(href, " \t"):
		return Inline{}, 0, "a link's target is empty or contains a space: write [text](/guide/slug)"
	}
	return Inline{Kind: Link, Text: unescape(text), Href: href}, end + 2 + close + 1, ""
}

// opens reports whether emphasis may open before s[i]: not at the end and
// not before a space, so that a lone "*" in prose stays text.
func opens(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsSpace(r)
}

// findUnescaped returns the index of the first sub in s at or after from
// that is not escaped with a backslash, or -1.
func findUnescaped(s string, from int, sub string) int {
	for i := from; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isPunct(s[i+1]) {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], sub) {
			return i
		}
	}
	return -1
}

// unescape drops the backslash before escaped punctuation.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isPunct(s[i+1]) {
			i++
		}
		sb.WriteByte(s[i])
	}
	return sb.String()
}

// isPunct reports whether c is ASCII punctuation, which a backslash escapes.
func isPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}
