package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
)

// Section is the text a reader sees under one heading of a page, for the
// search index.
type Section struct {
	ID      string // the heading's ID; "" for the text before any heading
	Heading string // the heading's plain text
	Level   int
	Text    string // paragraphs, list items, table cells, code and the content of blocks, one per line
}

// Sections returns the page's text cut at its headings, in reading order.
// Sections()[0] is the text before the first heading (ID and Heading
// empty). The page title is not a section; the content of included files
// and of every branch of conditional blocks is. It reads the AST only and
// changes nothing that Render writes.
func (d *Doc) Sections() []Section {
	sc := &sectioner{secs: []Section{{}}}
	sc.walk(d, d.root)
	sc.flush()
	return sc.secs
}

type sectioner struct {
	secs []Section
	buf  bytes.Buffer
}

func (sc *sectioner) flush() {
	sc.secs[len(sc.secs)-1].Text = strings.TrimSpace(sc.buf.String())
	sc.buf.Reset()
}

func (sc *sectioner) line(s string) {
	if s = strings.TrimSpace(s); s != "" {
		sc.buf.WriteString(s)
		sc.buf.WriteByte('\n')
	}
}

func (sc *sectioner) walk(d *Doc, n ast.Node) {
	src := d.src
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			if c == d.title {
				continue
			}
			sc.flush()
			id, _ := c.AttributeString("id")
			idb, _ := id.([]byte)
			sc.secs = append(sc.secs, Section{ID: string(idb), Heading: plainText(c, src), Level: c.Level})
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			sc.line(string(linesValue(c, src)))
		case *ast.HTMLBlock:
			sc.line(htmlText(linesValue(c, src)))
		case *blocks.Include:
			if inc := d.includes[c]; inc != nil {
				sc.walk(inc, inc.root)
			}
		default:
			if f := c.FirstChild(); f != nil && f.Type() == ast.TypeInline {
				sc.line(plainText(c, src))
				continue
			}
			sc.walk(d, c)
		}
	}
}

// linesValue returns the source lines of a block node.
func linesValue(n ast.Node, src []byte) []byte {
	var b []byte
	lines := n.Lines()
	for i := range lines.Len() {
		s := lines.At(i)
		b = append(b, s.Value(src)...)
	}
	return b
}
