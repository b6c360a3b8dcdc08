package summary

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/handbookhq/handbook/internal/diag"
)

// Summary is a parsed SUMMARY.md.
type Summary struct {
	Title  string   // the first "#" heading text ("Table of contents"); not a page
	Groups []*Group // in order; pages before the first "##" go in a group with Title ""
}

// Group is a run of top-level entries under one separator: a "##" or "###"
// heading, a thematic break, or the start of the file.
type Group struct {
	Title string // heading text as plain text, without a trailing empty anchor
	ID    string // the id of such a trailing anchor, or ""
	Pos   diag.Pos
	Items []*Item
}

// Item is one sidebar entry: a list item and its nested entries.
type Item struct {
	Title     string   // link text as plain text, escapes undone and formatting stripped
	LinkTitle string   // the optional quoted link title: [T](p.md "Short") -> "Short"
	Target    string   // destination as written, "<>" removed, percent-decoded; "" when the entry has no link
	External  bool     // absolute URL (has a scheme like https:, mailto:)
	Pos       diag.Pos // position of the list item's link (line:col of '['), or of its text
	Children  []*Item
}

var bom = []byte("\uFEFF")

// Parse reads the SUMMARY.md in src, named file in diagnostics. It always
// returns a Summary, possibly empty; the list holds only warnings.
func Parse(file string, src []byte) (*Summary, diag.List) {
	src = bytes.TrimPrefix(src, bom)
	p := &parser{file: file, src: src, sum: &Summary{}}
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	p.document(doc)
	return p.sum, p.diags
}

type parser struct {
	file  string
	src   []byte
	sum   *Summary
	group *Group // the group receiving entries, nil before the first one
	diags diag.List
}

func (p *parser) pos(off int) diag.Pos { return diag.At(p.file, p.src, off) }

func (p *parser) warn(off int, format string, args ...any) *diag.Diagnostic {
	p.diags.Add(diag.Warnf(p.pos(off), format, args...))
	return &p.diags[len(p.diags)-1]
}

func (p *parser) document(doc ast.Node) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			p.heading(n, n == doc.FirstChild())
		case *ast.ThematicBreak:
			p.endGroup()
			p.group = &Group{Pos: p.pos(blockStart(n))}
			p.sum.Groups = append(p.sum.Groups, p.group)
		case *ast.List:
			if p.group == nil {
				p.group = &Group{Pos: p.pos(blockStart(n))}
				p.sum.Groups = append(p.sum.Groups, p.group)
			}
			p.group.Items = append(p.group.Items, p.list(n)...)
		default:
			p.ignored(n, "outside a list")
		}
	}
	p.endGroup()
}

// heading handles a top-level heading: the title when it comes first,
// otherwise a group.
func (p *parser) heading(h *ast.Heading, first bool) {
	title, id := p.headingText(h)
	off := blockStart(h)
	if h.Level == 1 && first {
		p.sum.Title = title
		return
	}
	p.endGroup()
	switch {
	case h.Level == 1:
		p.warn(off, "level-1 heading %q after the start of the table of contents", title).
			Hint = "only the first heading may be \"#\", the title; write \"## " + title + "\" for a group"
	case h.Level > 3:
		p.warn(off, "level-%d heading %q is not a group heading", h.Level, title).
			Hint = "write \"## " + title + "\" to start a group"
	}
	p.group = &Group{Title: title, ID: id, Pos: p.pos(off)}
	p.sum.Groups = append(p.sum.Groups, p.group)
	if title == "" {
		p.warn(off, "group heading is empty").Hint = "give the group a title, or use \"---\" for an untitled separator"
	}
}

// endGroup closes the current group: a titled group without entries is
// reported, an untitled one dropped.
func (p *parser) endGroup() {
	g := p.group
	if g == nil || len(g.Items) > 0 {
		return
	}
	if g.Title == "" {
		p.sum.Groups = p.sum.Groups[:len(p.sum.Groups)-1]
		return
	}
	p.diags.Add(diag.Warnf(g.Pos, "group %q has no entries", g.Title).
		WithHint("add a list of links under the heading, or remove it"))
}

// headingText returns a heading's plain text and the id of a trailing empty
// anchor.
func (p *parser) headingText(h *ast.Heading) (title, id string) {
	last := h.LastChild()
	for last != nil && isBlankText(last, p.src) {
		last = last.PreviousSibling()
	}
	if closeTag, ok := last.(*ast.RawHTML); ok && isCloseA(rawHTML(closeTag, p.src)) {
		openTag, ok := closeTag.PreviousSibling().(*ast.RawHTML)
		if ok {
			if v, ok := anchorID(rawHTML(openTag, p.src)); ok {
				id = v
			}
		}
	}
	return strings.TrimSpace(plainText(h, p.src)), id
}

// list turns a list into entries.
func (p *parser) list(l *ast.List) []*Item {
	var items []*Item
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		items = append(items, p.item(li)...)
	}
	return items
}

// item turns a list item into one entry, or into its children when the item
// itself is empty.
func (p *parser) item(li ast.Node) []*Item {
	var it *Item
	var children []*Item
	for n := li.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.TextBlock, *ast.Paragraph:
			if it == nil && children == nil {
				it = p.entry(n)
				continue
			}
			p.ignored(n, "inside a sidebar entry")
		case *ast.List:
			children = append(children, p.list(n)...)
		default:
			p.ignored(n, "inside a sidebar entry")
		}
	}
	if it == nil {
		p.warn(blockStart(li), "empty sidebar entry").Hint = "write the entry as * [Title](page.md), or remove the marker"
		return children
	}
	it.Children = children
	return []*Item{it}
}

// entry reads the text of a list item: its first link, or its plain text.
func (p *parser) entry(tb ast.Node) *Item {
	var links []ast.Node
	outside := false // non-blank text outside the first link
	for n := tb.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.(type) {
		case *ast.Link, *ast.AutoLink:
			links = append(links, n)
		default:
			if !isBlankText(n, p.src) {
				outside = true
			}
		}
	}
	if len(links) == 0 {
		title := strings.TrimSpace(plainText(tb, p.src))
		off := blockStart(tb)
		p.warn(off, "sidebar entry %q has no link", title).
			Hint = "write it as * [" + title + "](page.md) to make it a page; it is shown as a label"
		return &Item{Title: title, Pos: p.pos(off)}
	}
	it := p.link(links[0])
	if len(links) > 1 || outside {
		d := p.warn(links[0].Pos(), "sidebar entry %q has text outside its link", it.Title)
		d.Hint = "only the first link is used; put each entry in its own list item"
		if markerAfterBreak(tb, p.src) {
			d.Hint = "a line that starts with a list marker is indented too far to nest; indent nested entries by 2 or 4 spaces more than their parent"
		}
	}
	return it
}

// link makes an entry from a link or autolink node.
func (p *parser) link(n ast.Node) *Item {
	it := &Item{Pos: p.pos(n.Pos())}
	var dest string
	switch n := n.(type) {
	case *ast.Link:
		it.Title = strings.TrimSpace(plainText(n, p.src))
		it.LinkTitle = strings.TrimSpace(unescape(n.Title))
		dest = unescape(n.Destination)
	case *ast.AutoLink:
		dest = string(n.URL(p.src))
		it.Title = string(n.Label(p.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.Contains(dest, ":") {
			dest = "mailto:" + dest
		}
	}
	it.External = isExternal(dest)
	if it.External {
		it.Target = dest
	} else {
		it.Target = decodeTarget(dest)
	}
	if it.Target == "" {
		p.warn(n.Pos(), "sidebar entry %q has an empty link target", it.Title).
			Hint = "write the path of a Markdown file between the parentheses"
	}
	if it.Title == "" {
		p.warn(n.Pos(), "sidebar entry %q has an empty title", it.Target).
			Hint = "write the title between the brackets: [Title](page.md)"
	}
	return it
}

// ignored reports a block that has no meaning in a table of contents.
func (p *parser) ignored(n ast.Node, where string) {
	what := ""
	switch n := n.(type) {
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 { // <!-- comment -->
			return
		}
		what = "HTML"
	case *ast.Paragraph, *ast.TextBlock:
		what = "text"
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		what = "code block"
	case *ast.Blockquote:
		what = "quote"
	case *ast.Heading:
		what = "heading"
	case *ast.LinkReferenceDefinition:
		return
	default:
		what = strings.ToLower(n.Kind().String())
	}
	p.warn(blockStart(n), "%s %s is ignored", what, where).
		Hint = "the table of contents holds only headings and lists of links: * [Title](page.md)"
}

// blockStart returns the byte offset where a block begins.
func blockStart(n ast.Node) int {
	if n.Pos() >= 0 {
		return n.Pos()
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if c := n.FirstChild(); c != nil {
		return blockStart(c)
	}
	return 0
}

func rawHTML(n *ast.RawHTML, src []byte) string {
	var b strings.Builder
	for i := range n.Segments.Len() {
		s := n.Segments.At(i)
		b.Write(s.Value(src))
	}
	return b.String()
}

func isBlankText(n ast.Node, src []byte) bool {
	t, ok := n.(*ast.Text)
	return ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0
}

// markerAfterBreak reports whether a line after the first in a text block
// starts with a list marker: a nested entry indented too far, which
// CommonMark reads as a continuation of its parent's text.
func markerAfterBreak(tb ast.Node, src []byte) bool {
	lines := tb.Lines()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		l := bytes.TrimLeft(seg.Value(src), " \t")
		if len(l) >= 2 && bytes.IndexByte([]byte("*-+"), l[0]) >= 0 && (l[1] == ' ' || l[1] == '\t') {
			return true
		}
	}
	return false
}

// String formats the summary as an indented outline, for tests and debugging.
func (s *Summary) String() string {
	var b strings.Builder
	if s.Title != "" {
		fmt.Fprintf(&b, "# %s\n", s.Title)
	}
	var items func([]*Item, string)
	items = func(its []*Item, indent string) {
		for _, it := range its {
			fmt.Fprintf(&b, "%s* %s -> %s", indent, it.Title, it.Target)
			if it.LinkTitle != "" {
				fmt.Fprintf(&b, " %q", it.LinkTitle)
			}
			if it.External {
				b.WriteString(" (external)")
			}
			b.WriteByte('\n')
			items(it.Children, indent+"  ")
		}
	}
	for _, g := range s.Groups {
		if g.Title != "" || g.ID != "" {
			fmt.Fprintf(&b, "## %s", g.Title)
			if g.ID != "" {
				fmt.Fprintf(&b, " {#%s}", g.ID)
			}
			b.WriteByte('\n')
		} else {
			b.WriteString("---\n")
		}
		items(g.Items, "")
	}
	return b.String()
}
