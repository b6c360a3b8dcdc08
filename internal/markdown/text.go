package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// plainText returns the text a reader sees in n's inline children: escapes
// and entities resolved, markup dropped, raw tags that print literally
// ("<customer>") kept. Soft line breaks become spaces.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	writePlain(&b, n, src)
	return strings.TrimSpace(b.String())
}

func writePlain(b *bytes.Buffer, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if c.IsRaw() {
				b.Write(v)
			} else {
				b.Write(unescape(v))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				b.Write(unescape(c.Value))
			}
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(bytes.ReplaceAll(t.Segment.Value(src), []byte("\n"), []byte(" ")))
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML:
			if raw := segmentsValue(c.Segments, src); htmlfilter.Literal(raw) {
				b.Write(raw)
			}
		case *ast.Image:
			// An image's alt text is not part of the surrounding text.
		default:
			writePlain(b, c, src)
		}
	}
}

// unescape resolves backslash escapes and character references, as
// goldmark does when it writes text.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	return v
}
