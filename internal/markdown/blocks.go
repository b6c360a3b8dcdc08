package markdown

import (
	"bytes"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// Code blocks are highlighted with these chroma styles, as CSS classes; see
// HighlightCSS.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

func newNodeRenderer() *nodeRenderer {
	nr := &nodeRenderer{table: funcs{}}
	// Alignment as align attributes, so pages need no inline styles.
	extension.NewTableHTMLRenderer(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)).
		RegisterFuncs(nr.table)
	code := funcs{}
	highlighting.NewHTMLRenderer(
		highlighting.WithStyle(lightStyle),
		highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
		highlighting.WithWrapperRenderer(codeWrapper),
	).RegisterFuncs(code)
	nr.highlight = code[ast.KindFencedCodeBlock]
	return nr
}

// renderHeading writes headings with their ID and a permalink; the title
// heading is left out.
func (nr *nodeRenderer) renderHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	n := node.(*ast.Heading)
	if n == st.doc.title {
		return ast.WalkSkipChildren, nil
	}
	level := "0123456"[n.Level : n.Level+1]
	var id string
	if v, ok := n.AttributeString("id"); ok {
		b, _ := v.([]byte) // set by docTransformer
		id = string(b)
	}
	if entering {
		_, _ = st.WriteString("<h" + level)
		if id != "" {
			_, _ = st.WriteString(` id="`)
			st.escape(id)
			_ = st.WriteByte('"')
		}
		_ = st.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if id != "" {
		_, _ = st.WriteString(`<a class="anchor" href="#`)
		st.escape(id)
		_, _ = st.WriteString(`" aria-label="Permalink">#</a>`)
	}
	_, _ = st.WriteString("</h" + level + ">\n")
	return ast.WalkContinue, nil
}

// renderTable wraps tables in a scroll container.
func (nr *nodeRenderer) renderTable(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="table-wrap">` + "\n")
		return nr.table[east.KindTable](w, src, n, entering)
	}
	s, err := nr.table[east.KindTable](w, src, n, entering)
	_, _ = w.WriteString("</div>\n")
	return s, err
}

// renderFencedCode keeps mermaid diagrams as text for the client-side
// renderer and hands every other fence to the highlighter, which falls
// back to plain escaped code for unknown languages.
func (nr *nodeRenderer) renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.FencedCodeBlock)
	if !bytes.EqualFold(n.Language(src), []byte("mermaid")) {
		return nr.highlight(w, src, node, entering)
	}
	if entering {
		st, err := stateOf(w)
		if err != nil {
			return ast.WalkStop, err
		}
		_, _ = st.WriteString(`<pre class="mermaid">`)
		for i := range n.Lines().Len() {
			s := n.Lines().At(i)
			st.escape(string(s.Value(src)))
		}
		_, _ = st.WriteString("</pre>\n")
	}
	return ast.WalkContinue, nil
}

// codeWrapper writes what surrounds a code block: chroma writes its own
// <pre class="chroma"> when it knows the language; otherwise the code is
// plain and escaped, in <pre><code class="language-x">.
func codeWrapper(w util.BufWriter, c highlighting.CodeBlockContext, entering bool) {
	switch {
	case c.Highlighted() && !entering:
		_ = w.WriteByte('\n')
	case c.Highlighted():
	case entering:
		_, _ = w.WriteString("<pre><code")
		if lang, ok := c.Language(); ok && len(lang) > 0 {
			_, _ = w.WriteString(` class="language-`)
			_ = htmlfilter.WriteEscaped(w, string(lang))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
	default:
		_, _ = w.WriteString("</code></pre>\n")
	}
}

// Interface guards
var _ renderer.NodeRenderer = (*nodeRenderer)(nil)
