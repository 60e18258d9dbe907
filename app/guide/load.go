package guide

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"kintsugi/app/order"
	"kintsugi/app/tools"
)

// Problem is one mistake in the content, as reported by Load.
type Problem struct {
	File string // the file's path in Files, such as "chapters/forgiveness.md"
	Line int    // the line, from 1; 0 when the problem is about the whole file
	Msg  string // what is wrong, in lower case
}

// Error returns "file:line: message", or "file: message" without a line.
func (p *Problem) Error() string {
	if p.Line > 0 {
		return p.File + ":" + strconv.Itoa(p.Line) + ": " + p.Msg
	}
	return p.File + ": " + p.Msg
}

// Files are the content's files: each file's text by its slash-separated
// path, such as "chapters/forgiveness.md".
type Files map[string]string

// list returns the paths of the Markdown files directly in dir, sorted.
func (f Files) list(dir string) []string {
	var names []string
	for name := range f {
		if rest, ok := strings.CutPrefix(name, dir+"/"); ok && strings.HasSuffix(rest, ".md") && !strings.Contains(rest, "/") {
			names = append(names, name)
		}
	}
	order.Sort(names, strings.Compare)
	return names
}

// Load parses parts.md, chapters/*.md and paths/*.md from files and checks
// them against each other and the tools catalogue. If anything is wrong it
// returns a nil Guide and every problem it found, each a [*Problem], joined
// with [errors.Join] and sorted by file and line.
func Load(files Files) (*Guide, error) {
	l := &loader{}
	g := &Guide{}

	if data, ok := files["parts.md"]; !ok {
		l.add("parts.md", 0, "missing")
	} else {
		g.Parts = l.parts([]byte(data))
	}

	// A slug is its file's name, so no two chapters (or paths) share one.
	var chapterLinks, pathLinks []fileLinks
	for _, name := range files.list("chapters") {
		c, links := l.chapter(name, []byte(files[name]))
		if c == nil {
			continue
		}
		g.Chapters = append(g.Chapters, c)
		chapterLinks = append(chapterLinks, fileLinks{name, links})
	}
	for _, name := range files.list("paths") {
		p, links := l.path(name, []byte(files[name]))
		if p == nil {
			continue
		}
		g.Paths = append(g.Paths, p)
		pathLinks = append(pathLinks, fileLinks{name, links})
	}

	order.Stable(g.Chapters, func(a, b *Chapter) int {
		return cmp.Or(cmp.Compare(a.Part, b.Part), cmp.Compare(a.Order, b.Order), strings.Compare(a.Slug, b.Slug))
	})
	l.crossCheck(g, append(chapterLinks, pathLinks...))

	if len(l.problems) > 0 {
		order.Stable(l.problems, func(a, b *Problem) int {
			return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		errs := make([]error, len(l.problems))
		for i, p := range l.problems {
			errs[i] = p
		}
		return nil, errors.Join(errs...)
	}
	return g, nil
}

// loader collects problems while Load parses.
type loader struct {
	problems []*Problem
	// stepLines holds the line of each step of each path, by path name.
	stepLines map[string][]int
}

// add records a problem, unless it repeats the one just recorded.
func (l *loader) add(file string, line int, format string, args ...any) {
	p := &Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	if n := len(l.problems); n > 0 && *l.problems[n-1] == *p {
		return
	}
	l.problems = append(l.problems, p)
}

// fileLinks are the links found in one file, checked once every file is read.
type fileLinks struct {
	file  string
	links []linkRef
}

// line is one line of a file, with its number from 1.
type line struct {
	text string
	n    int
}

// splitLines splits data into lines, dropping a byte-order mark and the
// carriage returns of CRLF line ends.
func splitLines(data []byte) []line {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "\n")
	lines := make([]line, len(parts))
	for i, p := range parts {
		lines[i] = line{p, i + 1}
	}
	return lines
}

// isSlug reports whether s is lower-case words of letters and digits
// joined by single hyphens.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// slugOf returns the slug for the file name, reporting a bad one.
func (l *loader) slugOf(name string) (string, bool) {
	slug := strings.TrimSuffix(path.Base(name), ".md")
	if !isSlug(slug) {
		l.add(name, 0, "file name %q is not a slug: use lower-case words joined by hyphens, such as a-real-apology.md", path.Base(name))
		return slug, false
	}
	return slug, true
}

// parts parses parts.md.
func (l *loader) parts(data []byte) []Part {
	const file = "parts.md"
	var parts []Part
	seen := map[int]bool{}
	for _, ln := range splitLines(data) {
		if strings.TrimSpace(ln.text) == "" {
			continue
		}
		f := strings.Split(ln.text, "|")
		if len(f) != 3 {
			l.add(file, ln.n, "want N | Title | one-line description, got %q", ln.text)
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		n, err := strconv.Atoi(f[0])
		switch {
		case err != nil || n < 0:
			l.add(file, ln.n, "part number %q is not a whole number 0 or more", f[0])
			continue
		case seen[n]:
			l.add(file, ln.n, "part %d is listed twice", n)
			continue
		case f[1] == "":
			l.add(file, ln.n, "part %d has no title", n)
		case f[2] == "":
			l.add(file, ln.n, "part %d has no description", n)
		}
		seen[n] = true
		parts = append(parts, Part{Number: n, Title: f[1], Summary: f[2]})
	}
	if len(parts) == 0 {
		l.add(file, 0, "no parts listed")
	}
	order.Sort(parts, func(a, b Part) int { return cmp.Compare(a.Number, b.Number) })
	return parts
}

// entry is one key of the front matter.
type entry struct {
	key   string
	value string // after "key:", trimmed
	line  int
	items []line // the "  - item" lines after the key, trimmed to the item
}

// frontMatter splits a file into its front-matter entries and body lines.
// It reports unknown, repeated and missing keys, keys given a list that take
// a value, and empty values, so callers only check what the values mean.
// lists names the keys that may have items. It returns a nil map if there is
// no front matter.
func (l *loader) frontMatter(file string, data []byte, keys []string, lists map[string]bool) (map[string]*entry, []line) {
	lines := splitLines(data)
	if len(lines) == 0 || strings.TrimSpace(lines[0].text) != "---" {
		l.add(file, 1, "no front matter: the file must start with a line of ---")
		return nil, nil
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i].text) == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		l.add(file, 1, "front matter is not closed: add a line of --- after the last key")
		return nil, nil
	}

	m := map[string]*entry{}
	var cur *entry // the last key, which list items belong to
	for _, ln := range lines[1:end] {
		t := strings.TrimSpace(ln.text)
		if t == "" {
			continue
		}
		if item, ok := strings.CutPrefix(t, "- "); ok || t == "-" {
			if cur == nil {
				l.add(file, ln.n, "list item %q does not follow a key", t)
				continue
			}
			cur.items = append(cur.items, line{strings.TrimSpace(item), ln.n})
			continue
		}
		key, value, ok := strings.Cut(ln.text, ":")
		if !ok || key == "" || key != strings.TrimSpace(key) {
			l.add(file, ln.n, "front matter line %q is not key: value", t)
			cur = nil
			continue
		}
		if !slices.Contains(keys, key) {
			hint := ""
			if lower := strings.ToLower(key); lower != key && slices.Contains(keys, lower) {
				hint = " (keys are lower case)"
			}
			l.add(file, ln.n, "unknown front-matter key %q%s; the keys are %s", key, hint, strings.Join(keys, ", "))
			cur = &entry{} // swallow its items
			continue
		}
		if prev := m[key]; prev != nil {
			l.add(file, ln.n, "duplicate front-matter key %q (first on line %d)", key, prev.line)
			cur = &entry{}
			continue
		}
		cur = &entry{key: key, value: strings.TrimSpace(value), line: ln.n}
		m[key] = cur
	}

	for _, k := range keys {
		e := m[k]
		switch {
		case e == nil:
			l.add(file, 1, "missing front-matter key %q", k)
		case len(e.items) > 0 && !lists[k]:
			l.add(file, e.line, "%s takes one value on its own line, not a list", k)
		case len(e.items) > 0 && e.value != "":
			l.add(file, e.line, "%s has both a value and a list; use one", k)
		case len(e.items) == 0 && e.value == "" && !lists[k]:
			l.add(file, e.line, "%s is empty", k)
		}
		if e != nil {
			for _, it := range e.items {
				if it.text == "" {
					l.add(file, it.n, "empty item in %s", k)
				}
			}
		}
	}
	return m, lines[end+1:]
}

var chapterKeys = []string{"title", "summary", "part", "order", "for", "exercises", "try", "sources"}

// chapter parses one chapter file. It returns nil if its front matter
// cannot be used at all.
func (l *loader) chapter(name string, data []byte) (*Chapter, []linkRef) {
	slug, _ := l.slugOf(name)
	m, body := l.frontMatter(name, data, chapterKeys, map[string]bool{"sources": true})
	if m == nil {
		return nil, nil
	}
	c := &Chapter{Slug: slug}
	value := func(k string) string {
		if e := m[k]; e != nil {
			return e.value
		}
		return ""
	}
	c.Title, c.Summary, c.Try = value("title"), value("summary"), value("try")
	for _, k := range []string{"title", "summary", "try"} {
		if e := m[k]; e != nil {
			l.checkPlain(name, e.line, k, e.value)
		}
	}
	if e := m["part"]; e != nil && e.value != "" {
		n, err := strconv.Atoi(e.value)
		if err != nil || n < 0 {
			l.add(name, e.line, "part %q is not a whole number 0 or more", e.value)
		}
		c.Part = n
	}
	if e := m["order"]; e != nil && e.value != "" {
		n, err := strconv.Atoi(e.value)
		if err != nil || n < 1 {
			l.add(name, e.line, "order %q is not a whole number 1 or more", e.value)
		}
		c.Order = n
	}
	if e := m["for"]; e != nil && e.value != "" {
		c.For = l.readers(name, e)
	}
	if e := m["exercises"]; e != nil && e.value != "" {
		c.Exercises = l.exercises(name, e)
	}
	sourcesNone := false
	if e := m["sources"]; e != nil {
		switch {
		case len(e.items) > 0:
			for _, it := range e.items {
				c.Sources = append(c.Sources, it.text)
			}
		case e.value == "none":
			sourcesNone = true
		case e.value == "":
			l.add(name, e.line, "sources is empty: list the sources as lines of \"  - author, work, year\", or write \"sources: none\"")
		default:
			l.add(name, e.line, "sources must be a list of \"  - \" lines or the word none, not %q", e.value)
		}
	}

	p := l.body(name, body)
	c.Body = p.blocks
	for _, b := range c.Body {
		c.Words += countWords(b)
	}
	c.Minutes = max(1, (c.Words+100)/200)

	if sourcesNone {
		for _, f := range []struct {
			text string
			line int
		}{{c.Title, lineOf(m["title"])}, {c.Summary, lineOf(m["summary"])}, {c.Try, lineOf(m["try"])}} {
			l.checkUnsourced(name, f.line, f.text)
		}
		for i, b := range c.Body {
			l.checkUnsourced(name, p.lines[i], b.PlainText())
		}
	}
	return c, p.links
}

// countWords counts the words of a block: runs of characters between
// ASCII spaces, tabs and newlines.
func countWords(b Block) int {
	n := 0
	count := func(in []Inline) {
		space := true
		for _, x := range in {
			for i := 0; i < len(x.Text); i++ {
				if c := x.Text[i]; c == ' ' || c == '\t' || c == '\n' {
					space = true
				} else if space {
					space = false
					n++
				}
			}
		}
	}
	count(b.Text)
	for _, it := range b.Items {
		count(it)
	}
	return n
}

func lineOf(e *entry) int {
	if e == nil {
		return 0
	}
	return e.line
}

// checkPlain reports Markdown or HTML in a front-matter value shown as
// plain text.
func (l *loader) checkPlain(file string, n int, key, s string) {
	if hasHTML(s) {
		l.add(file, n, "%s contains raw HTML; it is plain text", key)
	}
	if strings.Contains(s, "](") || strings.Contains(s, "**") {
		l.add(file, n, "%s contains Markdown; it is plain text", key)
	}
}

// readers parses the for key.
func (l *loader) readers(file string, e *entry) []Reader {
	var rs []Reader
	for _, f := range strings.Split(e.value, ",") {
		r := Reader(strings.TrimSpace(f))
		switch r {
		case Hurt, Involved, Alone:
		case Everyone:
			if len(strings.Split(e.value, ",")) > 1 {
				l.add(file, e.line, "bad for value %q: everyone cannot be combined with other readers", e.value)
				return []Reader{Everyone}
			}
		default:
			l.add(file, e.line, "bad for value %q: use everyone, or one or more of hurt, involved, alone", string(r))
			continue
		}
		if slices.Contains(rs, r) {
			l.add(file, e.line, "bad for value: %q is listed twice", string(r))
			continue
		}
		rs = append(rs, r)
	}
	return rs
}

// exercises parses the exercises key.
func (l *loader) exercises(file string, e *entry) []string {
	var ex []string
	for _, f := range strings.Split(e.value, ",") {
		s := strings.TrimSpace(f)
		switch _, ok := tools.Find(s); {
		case s == "":
			l.add(file, e.line, "exercises has an empty entry")
		case !ok:
			l.add(file, e.line, "exercise %q is not in the tools catalogue", s)
		case slices.Contains(ex, s):
			l.add(file, e.line, "exercise %q is listed twice", s)
		default:
			ex = append(ex, s)
		}
	}
	return ex
}

// unsourcedWords are the words that state a study or a figure.
var unsourcedWords = map[string]bool{
	"study": true, "studies": true, "research": true, "researcher": true, "researchers": true,
	"survey": true, "surveys": true, "trial": true, "trials": true, "percent": true,
}

// checkUnsourced reports text that states a figure or a study, for a
// chapter with "sources: none".
func (l *loader) checkUnsourced(file string, n int, s string) {
	if w := statesFigure(s); w != "" {
		l.add(file, n, "sources is none, but the text states a figure or study (%q): add sources or reword", w)
	}
}

// statesFigure returns the first figure or study word in s, or "".
func statesFigure(s string) string {
	for i := strings.IndexByte(s, '%'); i >= 0; {
		j := i
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		if j > 0 && isDigit(s[j-1]) {
			for j > 0 && (isDigit(s[j-1]) || s[j-1] == '.' || s[j-1] == ',') {
				j--
			}
			return s[j : i+1]
		}
		k := strings.IndexByte(s[i+1:], '%')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	found, per := "", false
	tokenize(s, func(_, _ int, w []byte) bool {
		switch {
		case unsourcedWords[string(w)]:
			found = string(w)
		case per && string(w) == "cent":
			found = "per cent"
		}
		per = string(w) == "per"
		return found == ""
	})
	return found
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

var pathKeys = []string{"title", "summary", "steps"}

// path parses one path file.
func (l *loader) path(name string, data []byte) (*Path, []linkRef) {
	pname, _ := l.slugOf(name)
	m, body := l.frontMatter(name, data, pathKeys, map[string]bool{"steps": true})
	if m == nil {
		return nil, nil
	}
	p := &Path{Name: pname}
	if e := m["title"]; e != nil {
		p.Title = e.value
		l.checkPlain(name, e.line, "title", e.value)
	}
	if e := m["summary"]; e != nil {
		p.Summary = e.value
		l.checkPlain(name, e.line, "summary", e.value)
	}
	if e := m["steps"]; e != nil {
		if e.value != "" {
			l.add(name, e.line, "steps must be a list of \"  - slug | why\" lines, not %q", e.value)
		} else if len(e.items) == 0 {
			l.add(name, e.line, "steps is empty: a path needs at least one step")
		}
		seen := map[string]int{}
		for _, it := range e.items {
			slug, why, _ := strings.Cut(it.text, "|")
			s := Step{Slug: strings.TrimSpace(slug), Why: strings.TrimSpace(why)}
			if s.Why == "" {
				l.add(name, it.n, "step %q has no why: write \"  - slug | why this chapter comes here\"", s.Slug)
			} else {
				l.checkPlain(name, it.n, "why", s.Why)
			}
			if first, ok := seen[s.Slug]; ok {
				l.add(name, it.n, "step %q is repeated (first on line %d)", s.Slug, first)
				continue
			}
			seen[s.Slug] = it.n
			p.Steps = append(p.Steps, s)
		}
		lines := make([]int, 0, len(p.Steps))
		for _, s := range p.Steps {
			lines = append(lines, seen[s.Slug])
		}
		if l.stepLines == nil {
			l.stepLines = map[string][]int{}
		}
		l.stepLines[p.Name] = lines
	}
	bp := l.body(name, body)
	p.Intro = bp.blocks
	return p, bp.links
}

// crossCheck reports what can only be checked with every file read: parts,
// orders, path steps, links.
func (l *loader) crossCheck(g *Guide, links []fileLinks) {
	order := map[[2]int]string{}
	for _, c := range g.Chapters {
		name := "chapters/" + c.Slug + ".md"
		if c.Slug == "path" {
			l.add(name, 0, "the slug \"path\" is reserved for /guide/path/")
		}
		if _, ok := g.Part(c.Part); !ok && len(g.Parts) > 0 {
			l.add(name, 0, "part %d is not listed in parts.md", c.Part)
		}
		k := [2]int{c.Part, c.Order}
		if other, ok := order[k]; ok && c.Order > 0 {
			l.add(name, 0, "duplicate order %d in part %d: %s has it too", c.Order, c.Part, other)
		} else {
			order[k] = name
		}
	}
	for _, p := range g.Paths {
		name := "paths/" + p.Name + ".md"
		for i, s := range p.Steps {
			if _, ok := g.Chapter(s.Slug); !ok {
				l.add(name, l.stepLines[p.Name][i], "step %q is not a chapter", s.Slug)
			}
		}
	}
	for _, fl := range links {
		for _, ln := range fl.links {
			if msg := g.checkLink(ln.href); msg != "" {
				l.add(fl.file, ln.line, "%s", msg)
			}
		}
	}
}

// checkLink returns why href is not a link to our own content, or "".
func (g *Guide) checkLink(href string) string {
	if rest, ok := strings.CutPrefix(href, "/guide/path/"); ok {
		if _, ok := g.Path(rest); !ok {
			if strings.Contains(rest, "#") {
				return fmt.Sprintf("broken link %q: a link to a path cannot have a #fragment", href)
			}
			return fmt.Sprintf("broken link %q: there is no path %q", href, rest)
		}
		return ""
	}
	if rest, ok := strings.CutPrefix(href, "/guide/"); ok {
		slug, frag, hasFrag := strings.Cut(rest, "#")
		c, ok := g.Chapter(slug)
		if !ok {
			return fmt.Sprintf("broken link %q: there is no chapter %q", href, slug)
		}
		if hasFrag && !slices.ContainsFunc(c.Body, func(b Block) bool { return b.ID != "" && b.ID == frag }) {
			return fmt.Sprintf("broken link %q: chapter %q has no heading #%s", href, slug, frag)
		}
		return ""
	}
	if rest, ok := strings.CutPrefix(href, "/tools/"); ok {
		if _, ok := tools.Find(rest); !ok {
			return fmt.Sprintf("broken link %q: there is no tool %q", href, rest)
		}
		return ""
	}
	return fmt.Sprintf("link %q must point to /guide/<chapter>, /tools/<tool> or /guide/path/<path>", href)
}
