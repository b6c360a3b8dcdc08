package markdown

import (
	"bytes"
	"errors"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
	"github.com/handbookhq/handbook/internal/markdown/expr"
	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// kindExpression is the kind of expression nodes.
var kindExpression = ast.NewNodeKind("Expression")

// expression is a variable or expression GitBook writes as raw HTML
// (section 4.20): <code class="expression">space.vars.latest_version</code>.
// It replaces the two raw tags and what goldmark parsed between them.
type expression struct {
	ast.BaseInline
	src         string // the expression, entities decoded
	start, stop int    // the whole element in the source
	at          int    // where the expression starts in the source
	x           *expr.Expr
	err         *expr.Error // why src does not parse
	visitor     bool        // it reads visitor claims
}

// Kind implements ast.Node.
func (n *expression) Kind() ast.NodeKind { return kindExpression }

// Dump implements ast.Node.
func (n *expression) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Expr": n.src}, nil)
}

// expressionExtension turns expression elements into expression nodes and
// renders them as their value.
type expressionExtension struct{}

// Extend implements goldmark.Extender.
func (expressionExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(expressionTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(expressionRenderer{}, 100)))
}

// expressionTransformer finds <code class="expression"> … </code> in the
// inline content of the document and replaces it by an expression node,
// with the expression parsed.
type expressionTransformer struct{}

// Transform implements parser.ASTTransformer.
func (expressionTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var opens []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*ast.RawHTML); ok && entering && isExpressionTag(segmentsValue(r.Segments, src)) {
			opens = append(opens, r)
		}
		return ast.WalkContinue, nil
	})
	for _, open := range opens {
		replaceExpression(open, src)
	}
}

// isExpressionTag reports whether raw is the start tag of a code element
// of class "expression".
func isExpressionTag(raw []byte) bool {
	if len(raw) < 6 || raw[0] != '<' || !bytes.EqualFold(raw[1:5], []byte("code")) {
		return false
	}
	z := xhtml.NewTokenizer(bytes.NewReader(raw))
	if z.Next() != xhtml.StartTagToken {
		return false
	}
	name, hasAttr := z.TagName()
	if string(name) != "code" {
		return false
	}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "class" && strings.Contains(" "+strings.Join(strings.Fields(string(v)), " ")+" ", " expression ") {
			return true
		}
	}
	return false
}

// replaceExpression replaces the start tag open, its end tag and the nodes
// between by an expression node. Without an end tag among its siblings
// nothing changes: the element shows as code.
func replaceExpression(open *ast.RawHTML, src []byte) {
	parent := open.Parent()
	if parent == nil {
		return
	}
	var end *ast.RawHTML
	for c := open.NextSibling(); c != nil; c = c.NextSibling() {
		if r, ok := c.(*ast.RawHTML); ok {
			if htmlfilter.IsEndTag(segmentsValue(r.Segments, src), "code") {
				end = r
			}
			break
		}
	}
	if end == nil || open.Segments.Len() == 0 || end.Segments.Len() == 0 {
		return
	}
	n := &expression{
		start: open.Segments.At(0).Start,
		at:    open.Segments.At(open.Segments.Len() - 1).Stop,
		stop:  end.Segments.At(end.Segments.Len() - 1).Stop,
	}
	// The expression as written, on one line: a soft line break and the
	// container prefix after it (a quote's ">") become one space.
	raw := src[n.at:end.Segments.At(0).Start]
	lines := strings.Split(string(raw), "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.TrimLeft(lines[i], " \t>")
	}
	n.src = strings.TrimSpace(html.UnescapeString(strings.Join(lines, " ")))
	n.at += len(raw) - len(bytes.TrimLeft(raw, " \t"))
	x, err := expr.Parse(n.src)
	if err != nil {
		if !errors.As(err, &n.err) {
			n.err = &expr.Error{Msg: err.Error()}
		}
	} else {
		n.x = x
		for _, p := range x.Paths() {
			if p == "visitor" || strings.HasPrefix(p, "visitor.") || strings.HasPrefix(p, "visitor[") {
				n.visitor = true
			}
		}
	}
	parent.InsertBefore(parent, open, n)
	for c := ast.Node(open); c != nil; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		if c == end {
			break
		}
		c = next
	}
}

type expressionRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (expressionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindExpression, renderExpression)
}

// renderExpression writes the value of an expression, escaped. One that
// reads visitor claims is wrapped in <span class="expression-visitor">,
// empty when the reader has no such claim (always, in a static build). One
// that does not parse, or reads a variable the book does not define,
// renders empty and is reported.
func renderExpression(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	n := node.(*expression)
	if n.x == nil {
		hint := n.err.Hint
		if hint == "" {
			hint = "expressions are JavaScript over space.vars, page.vars and visitor.claims"
		}
		st.problem(n.at+min(max(n.err.Offset, 0), n.stop-n.at), "invalid expression "+strconv.Quote(n.src)+": "+n.err.Msg, hint)
		return ast.WalkContinue, nil
	}
	v := n.x.Eval(st.Scope())
	if n.visitor {
		_, _ = st.WriteString(`<span class="expression-visitor">`)
		st.escape(v.String())
		_, _ = st.WriteString(`</span>`)
		return ast.WalkContinue, nil
	}
	if v.Kind() == expr.Undefined {
		st.problem(n.at, "expression "+strconv.Quote(n.src)+" has no value",
			"define the variable in .gitbook/vars.yaml (space.vars) or the page's front matter (page.vars)")
	}
	st.escape(v.String())
	return ast.WalkContinue, nil
}

// expressionReplacement is the plain form of n: the value of an expression
// that reads only space and page variables, as text, else the expression
// itself as code, since it depends on the reader.
func expressionReplacement(n *expression, scope map[string]any) blocks.Replacement {
	r := blocks.Replacement{Start: n.start, Stop: n.stop}
	if n.x != nil && !n.visitor {
		r.Text = escapeMarkdown(n.x.Eval(scope).String())
		return r
	}
	fence := "`"
	for strings.Contains(n.src, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(n.src, "`") || strings.HasSuffix(n.src, "`") {
		pad = " "
	}
	r.Text = []byte(fence + pad + n.src + pad + fence)
	return r
}

// escapeMarkdown returns s with the characters that would start Markdown
// or HTML markup inside a line escaped, so that a value reads as text.
func escapeMarkdown(s string) []byte {
	var b []byte
	for i := range len(s) {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return b
}
