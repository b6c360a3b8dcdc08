package blocks

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/expr"
	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Kinds of the nodes for tags no block claims.
var (
	// KindUnknown is a block-level tag of a name no block defines.
	KindUnknown = ast.NewNodeKind("UnknownBlock")
	// KindStrayEnd is an end tag left outside its block, because the
	// block ended with the list item or quote around it.
	KindStrayEnd = ast.NewNodeKind("StrayEnd")
	// KindInlineTag is a tag written inside a line of text.
	KindInlineTag = ast.NewNodeKind("InlineTag")
)

// Unknown handles every tag no other block claims: an unknown block shows
// its tags as text around its content, with a warning; a tag inside a line
// of text is a variable ({% vars.name %}) or shown as text.
var Unknown Def = unknown{}

type unknown struct{}

func (unknown) Names() []string { return nil }

func (unknown) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(
			util.Prioritized(&anyTagParser{}, 900),
			util.Prioritized(&strayEndParser{}, 901),
		),
		parser.WithInlineParsers(util.Prioritized(&inlineTagParser{}, 90)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(kindRenderers{
		KindUnknown:   renderUnknown,
		KindStrayEnd:  renderStrayEnd,
		KindInlineTag: renderInlineTag,
	}, 50)))
}

// Degrade keeps the tags as written.
func (unknown) Degrade(d *Degrader, n *liquid.Node, inner []byte) { d.Literal(n, inner) }

// anyTagParser claims the block tags no other parser took.
type anyTagParser struct{ tagParser }

func (p *anyTagParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	n, ok := tagAt(reader, pc)
	if !ok {
		return nil, parser.NoChildren
	}
	if _, variable := variablePath(n.Tag); variable { // text starting a paragraph
		return nil, parser.NoChildren
	}
	node := NewBlock(KindUnknown, n)
	consume(reader, n.Tag.Stop)
	if n.End == nil {
		return node, parser.NoChildren
	}
	return node, parser.HasChildren
}

// strayEndParser takes an end tag whose block ended before it.
type strayEndParser struct{ tagParser }

func (p *strayEndParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	i := firstNonSpace(line)
	if i < 0 || !bytes.HasPrefix(line[i:], []byte("{%")) {
		return nil, parser.NoChildren
	}
	n := tableOf(pc).ends[seg.Start+i]
	if n == nil {
		return nil, parser.NoChildren
	}
	b := &Block{Tag: *n.End, Node: n, kind: KindStrayEnd}
	consume(reader, n.End.Stop)
	return b, parser.NoChildren
}

func (p *strayEndParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

// InlineTag is a tag inside a line of text.
type InlineTag struct {
	ast.BaseInline
	Tag liquid.Tag
}

// Kind implements ast.Node.
func (n *InlineTag) Kind() ast.NodeKind { return KindInlineTag }

// Dump implements ast.Node.
func (n *InlineTag) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Tag": n.Tag.String()}, nil)
}

// inlineTagParser takes tags inside lines of text.
type inlineTagParser struct{}

func (inlineTagParser) Trigger() []byte { return []byte{'{'} }

func (inlineTagParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{%")) {
		return nil
	}
	n := tableOf(pc).starts[seg.Start]
	if n == nil || n.Tag.Stop > seg.Stop {
		return nil
	}
	block.Advance(n.Tag.Stop - seg.Start)
	return &InlineTag{Tag: n.Tag}
}

func renderUnknown(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if !ok {
		return ast.WalkContinue, nil
	}
	b := BlockOf(node)
	t := b.Tag
	if !entering {
		if b.End != nil {
			t = *b.End
		} else {
			return ast.WalkContinue, nil
		}
	} else {
		msg, hint := "unknown block "+quote(t.Name), "GitBook has no such block: check the name; its tags are shown as text"
		if ce, ok := env.(CodedEnv); ok {
			ce.ProblemCode(t.Start, "unknown-block", msg, hint) // diag.UnknownBlock
		} else {
			env.Problem(t.Start, msg, hint)
		}
	}
	_, _ = env.WriteString(`<p class="block-unknown">`)
	writeEscaped(env, src[t.Start:t.Stop])
	_, _ = env.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

func renderStrayEnd(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if ok && entering {
		b := BlockOf(node)
		env.Problem(b.Tag.Start, "end tag "+quote("end"+b.Tag.Name)+" is outside its block",
			"indent it like {% "+b.Tag.Name+" %}, so that it is in the same list item or quote")
	}
	return ast.WalkContinue, nil
}

func renderInlineTag(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if !ok || !entering {
		return ast.WalkContinue, nil
	}
	t := node.(*InlineTag).Tag
	if v, ok := Variable(t, env.Scope()); ok {
		if v.Kind() == expr.Undefined {
			msg, hint := variableProblem(t.Name)
			env.Problem(t.Start, msg, hint)
		}
		writeEscaped(env, []byte(v.String()))
		return ast.WalkContinue, nil
	}
	if !t.End {
		env.Problem(t.Start, "unknown inline tag "+quote(t.Name), "blocks stand on lines of their own; variables are written {% vars.name %}")
	}
	writeEscaped(env, src[t.Start:t.Stop])
	return ast.WalkContinue, nil
}

// Variable returns the value of a variable tag: {% vars.name %}, a space
// variable (.gitbook/vars.yaml), or the longer {% space.vars.name %} and
// {% page.vars.name %} (front matter) that expressions write. ok is false
// for any other tag; the value is undefined when the variable is not
// defined.
func Variable(t liquid.Tag, scope map[string]any) (v expr.Value, ok bool) {
	path, ok := variablePath(t)
	if !ok {
		return expr.Value{}, false
	}
	return expr.Lookup(path, scope), true
}

// variablePath returns the path in the scope a variable tag reads.
func variablePath(t liquid.Tag) (string, bool) {
	if t.End || len(t.Args) > 0 {
		return "", false
	}
	switch {
	case strings.HasPrefix(t.Name, "vars.") && len(t.Name) > len("vars."):
		return "space." + t.Name, true
	case strings.HasPrefix(t.Name, "space.vars.") && len(t.Name) > len("space.vars."),
		strings.HasPrefix(t.Name, "page.vars.") && len(t.Name) > len("page.vars."):
		return t.Name, true
	}
	return "", false
}

// variableProblem describes the variable a tag reads when it is not
// defined, and where to define it.
func variableProblem(tag string) (msg, hint string) {
	if name, ok := strings.CutPrefix(tag, "page.vars."); ok {
		return "unknown page variable " + quote(name), "define it in the page's front matter, under vars:"
	}
	name := strings.TrimPrefix(strings.TrimPrefix(tag, "space."), "vars.")
	return "unknown variable " + quote(name), "define it in .gitbook/vars.yaml, as a line " + quote(name+": value")
}
