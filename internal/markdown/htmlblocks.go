package markdown

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
	"github.com/handbookhq/handbook/internal/markdown/icons"
)

// GitBook writes some of its blocks as raw HTML rather than as tags:
// cards and rich tables (<table data-view="cards">, columns with
// data-type), figures with a dark variant (<picture>), buttons, icons and
// coloured text. The HTML filter keeps what is safe of them and draws the
// icons (see htmlfilter.Filter.Icon); the HTML blocks whose shape changes
// are read here and written again: cards.go, richtable.go, figure.go.

// renderRichHTML writes the HTML block made of segs when it is one GitBook
// writes for a block that renders differently from its markup: a table of
// cards, a table with typed or hidden columns, a figure with a dark
// variant. It reports false, having written nothing, for any other block.
func (st *renderState) renderRichHTML(segs []text.Segment) (bool, error) {
	if len(segs) == 0 {
		return false, nil
	}
	frag := st.fragment(segs)
	switch {
	case indexFold(frag, "<table") >= 0:
		t := parseTable(frag)
		if t == nil || !t.rich() {
			return false, nil
		}
		frag = bytes.Clone(frag) // the fragment may be scratch space
		b := richBlock{st: st, frag: frag, segs: segs}
		return true, b.table(t)
	case startsFigure(frag):
		if figs, ok := parseFigures(frag); ok {
			b := richBlock{st: st, frag: bytes.Clone(frag), segs: segs}
			return true, b.figures(figs)
		}
		fallthrough
	case indexFold(frag, "<picture") >= 0:
		frag = bytes.Clone(frag)
		h, ok := themedPictures(frag)
		if !ok {
			return false, nil
		}
		b := richBlock{st: st, frag: frag, segs: segs}
		return true, b.generated(h, true)
	}
	return false, nil
}

// richBlock is an HTML block being written again.
type richBlock struct {
	st   *renderState
	frag []byte         // the block's source
	segs []text.Segment // where frag is in the source
}

// html filters frag[a:z], as written, inline, for a template.
func (b richBlock) html(a, z int) (template.HTML, error) {
	if a >= z {
		return "", nil
	}
	st := b.st
	st.segs = sliceSegs(b.segs, a, z)
	var buf bytes.Buffer
	n := st.filter.Nest()
	if err := st.filter.Write(&buf, b.frag[a:z], false); err != nil {
		return "", err
	}
	if err := st.filter.Unnest(&buf, n); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // #nosec: filtered
}

// block filters frag[a:b], as written, as a block.
func (b richBlock) block(a, z int) error {
	if len(bytes.TrimSpace(b.frag[a:z])) == 0 {
		return nil
	}
	b.st.segs = sliceSegs(b.segs, a, z)
	return b.st.filter.Write(b.st, b.frag[a:z], true)
}

// generated filters HTML made from the block (an <img> for a cover, a link
// for a card). A URL in it that cannot be resolved is reported where its
// value is first written in the block.
func (b richBlock) generated(h string, block bool) error {
	st := b.st
	resolve := st.filter.URL
	st.filter.URL = func(u htmlfilter.URL) (string, bool) {
		u.Offset = max(bytes.Index(b.frag, []byte(u.Value)), 0)
		return resolve(u)
	}
	defer func() { st.filter.URL = resolve }()
	st.segs = b.segs
	n := st.filter.Nest()
	if err := st.filter.Write(st, []byte(h), block); err != nil {
		return err
	}
	return st.filter.Unnest(st, n)
}

// sliceSegs returns the segments that hold bytes a to z of the fragment
// made of segs.
func sliceSegs(segs []text.Segment, a, z int) []text.Segment {
	var out []text.Segment
	at := 0
	for _, s := range segs {
		l := s.Stop - s.Start
		lo, hi := max(a-at, 0), min(z-at, l)
		if lo < hi {
			out = append(out, text.NewSegment(s.Start+lo, s.Start+hi))
		}
		at += l
	}
	return out
}

// startsFigure reports whether frag starts with a figure, a picture or an
// image.
func startsFigure(frag []byte) bool {
	frag = bytes.TrimLeft(frag, " \t\r\n")
	for _, tag := range []string{"<figure", "<picture", "<img"} {
		if len(frag) > len(tag) && bytes.EqualFold(frag[:len(tag)], []byte(tag)) {
			return true
		}
	}
	return false
}

// indexFold finds the ASCII lower-case string s in b, ignoring case.
func indexFold(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if bytes.EqualFold(b[i:i+len(s)], []byte(s)) {
			return i
		}
	}
	return -1
}

// skipsContent returns the element whose content the HTML filter drops
// when raw is its start tag (a script, an icon it draws), or "".
func skipsContent(raw []byte) string { return htmlfilter.SkipsContent(raw, icons.SVG) }

// startTagName returns the lower-case name of start tag raw, or "" when raw
// is another kind of tag or self-closing.
func startTagName(raw []byte) string {
	if len(raw) < 3 || raw[0] != '<' || raw[1] == '/' || bytes.HasSuffix(raw, []byte("/>")) {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	if z.Next() != html.StartTagToken {
		return ""
	}
	name, _ := z.TagName()
	return string(name)
}

// endSibling reports whether a sibling after n is the end tag of name.
func endSibling(n ast.Node, name string, src []byte) bool {
	for c := n.NextSibling(); c != nil; c = c.NextSibling() {
		if r, ok := c.(*ast.RawHTML); ok && htmlfilter.IsEndTag(segmentsValue(r.Segments, src), name) {
			return true
		}
	}
	return false
}

// tagAttrs returns the lower-case name and the attributes of the start tag
// z is on.
func tagAttrs(z *html.Tokenizer) (string, map[string]string) {
	name, more := z.TagName()
	var attrs map[string]string
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if attrs == nil {
			attrs = map[string]string{}
		}
		if _, dup := attrs[string(k)]; !dup {
			attrs[string(k)] = string(v)
		}
	}
	return string(name), attrs
}

// has reports whether attrs holds name (a boolean attribute like
// data-hidden counts when present, unless its value is "false").
func has(attrs map[string]string, name string) bool {
	v, ok := attrs[name]
	return ok && !strings.EqualFold(strings.TrimSpace(v), "false")
}

// attrEscape escapes s for a quoted attribute value or text.
func attrEscape(s string) string { return html.EscapeString(s) }
