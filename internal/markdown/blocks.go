package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
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
	// One formatter for every code block of every page: it caches the
	// style's classes, which would otherwise be worked out per block.
	nr.formatter = chromahtml.New(chromahtml.WithClasses(true))
	nr.style = styles.Get(lightStyle)
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
	var id string
	if v, ok := n.AttributeString("id"); ok {
		b, _ := v.([]byte) // set by docTransformer
		id = string(b)
	}
	if entering {
		// Screen readers move by heading level: a level skipped, as
		// "##" then "####", is written one deeper than the last, with
		// a class that keeps its look.
		lv := min(n.Level, max(st.outline, 1)+1)
		st.outline = lv
		if st.levels == nil {
			st.levels = map[*ast.Heading]int{}
		}
		st.levels[n] = lv
		_, _ = st.WriteString("<h" + strconv.Itoa(lv))
		if lv != n.Level {
			_, _ = st.WriteString(` class="hb-h` + strconv.Itoa(n.Level) + `"`)
		}
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
	_, _ = st.WriteString("</h" + strconv.Itoa(st.levels[n]) + ">\n")
	return ast.WalkContinue, nil
}

// renderTable wraps tables in a scroll container.
func (nr *nodeRenderer) renderTable(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="table-wrap" tabindex="0">` + "\n")
		return nr.table[east.KindTable](w, src, n, entering)
	}
	s, err := nr.table[east.KindTable](w, src, n, entering)
	_, _ = w.WriteString("</div>\n")
	return s, err
}

// renderFencedCode keeps mermaid diagrams as text for the client-side
// renderer and highlights every other fence with chroma; code in a
// language chroma does not know is written plain and escaped, in
// <pre><code class="language-x">.
func (nr *nodeRenderer) renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	n := node.(*ast.FencedCodeBlock)
	lang := n.Language(src)
	var code strings.Builder
	for i := range n.Lines().Len() {
		s := n.Lines().At(i)
		code.Write(s.Value(src))
	}
	if bytes.EqualFold(lang, []byte("mermaid")) {
		_, _ = st.WriteString(`<pre class="mermaid">`)
		st.escape(code.String())
		_, _ = st.WriteString("</pre>\n")
		return ast.WalkContinue, nil
	}
	if lexer := nr.lexer(string(lang)); lexer != nil {
		var buf bytes.Buffer
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
		if err == nil && nr.formatter.Format(&buf, nr.style, it) == nil {
			// Keyboards scroll a long line only in what takes focus.
			_, _ = st.Write(bytes.Replace(buf.Bytes(), []byte("<pre "), []byte(`<pre tabindex="0" `), 1))
			_ = st.WriteByte('\n')
			return ast.WalkContinue, nil
		}
	}
	_, _ = st.WriteString(`<pre tabindex="0"><code`)
	if len(lang) > 0 {
		_, _ = st.WriteString(` class="language-`)
		st.escape(string(lang))
		_ = st.WriteByte('"')
	}
	_ = st.WriteByte('>')
	st.escape(code.String())
	_, _ = st.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}

// lexer returns chroma's lexer for a fence's language, or nil. Lookups are
// cached: for a name chroma does not know, lexers.Get matches it against
// every lexer's file patterns, which costs more than highlighting.
func (nr *nodeRenderer) lexer(lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	if l, ok := nr.lexers.Load(lang); ok {
		lx, _ := l.(chroma.Lexer)
		return lx
	}
	lx := lexers.Get(lang)
	if lx == nil {
		nr.lexers.Store(lang, nil)
		return nil
	}
	nr.lexers.Store(lang, lx)
	return lx
}

// Interface guards
var _ renderer.NodeRenderer = (*nodeRenderer)(nil)
