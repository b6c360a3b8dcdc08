package blocks

import (
	"bytes"
	"html/template"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Block is a GitBook block in the AST: its start tag and, for a paired
// block, its end tag, both at offsets of the prepared source. Block kinds
// embed it; its children are the block's content.
type Block struct {
	ast.BaseBlock
	// Tag is the start tag.
	Tag liquid.Tag
	// End is the end tag, or nil for a single tag.
	End *liquid.Tag
	// Node is the tag as paired, with the tags inside it.
	Node *liquid.Node
	kind ast.NodeKind
}

// Kind implements ast.Node.
func (b *Block) Kind() ast.NodeKind { return b.kind }

// Dump implements ast.Node.
func (b *Block) Dump(src []byte, level int) {
	ast.DumpHelper(b, src, level, map[string]string{"Tag": b.Tag.String()}, nil)
}

// IsRaw implements ast.Node: a block holds blocks, not lines.
func (b *Block) IsRaw() bool { return false }

// Arg returns the value of the start tag's argument key, or def.
func (b *Block) Arg(key, def string) string {
	if v, ok := b.Tag.Arg(key); ok {
		return v
	}
	return def
}

// BlockOf returns the Block a node of a block kind embeds, or nil.
func BlockOf(n ast.Node) *Block {
	if b, ok := n.(interface{ block() *Block }); ok {
		return b.block()
	}
	return nil
}

func (b *Block) block() *Block { return b }

// NewBlock returns a Block of kind k for the paired tag n.
func NewBlock(k ast.NodeKind, n *liquid.Node) *Block {
	return &Block{Tag: n.Tag, End: n.End, Node: n, kind: k}
}

// Def is one GitBook block: the names of its tags, how goldmark parses and
// renders it, and its plain-Markdown form.
type Def interface {
	goldmark.Extender
	// Names returns the tag names the block handles.
	Names() []string
	// Degrade writes the block's plain-Markdown form to w; see Degrader.
	Degrade(d *Degrader, n *liquid.Node, inner []byte)
}

// tagParser opens a Block for the tags named in names: a container when
// the tag has an end tag, a leaf otherwise. It is stateless; the tags come
// from the Table in the parser context.
type tagParser struct {
	names   []string
	newNode func(n *liquid.Node) ast.Node
}

// NewTagParser returns the block parser of the tags named names, which
// turns each into the node newNode returns (a kind embedding Block).
func NewTagParser(newNode func(n *liquid.Node) ast.Node, names ...string) parser.BlockParser {
	return &tagParser{names: names, newNode: newNode}
}

// Trigger implements parser.BlockParser.
func (p *tagParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser: it takes a line whose first non-space
// bytes start a tag of one of p's names, consumes the tag and opens its
// node.
func (p *tagParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	n, ok := tagAt(reader, pc)
	if !ok || !slices.Contains(p.names, n.Tag.Name) {
		return nil, parser.NoChildren
	}
	node := p.newNode(n)
	consume(reader, n.Tag.Stop)
	if !container(n) {
		return node, parser.NoChildren
	}
	return node, parser.HasChildren
}

// container reports whether the tag n holds content: it has an end tag,
// or it needs one and its content runs to the end of its parent
// (reported by Pair).
func container(n *liquid.Node) bool {
	return n.End != nil || liquid.KindOf(n.Tag.Name) == liquid.Paired
}

// Continue implements parser.BlockParser: the rest of a tag spread over
// several lines is consumed; a container closes at its end tag.
func (p *tagParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	b := BlockOf(node)
	line, seg := reader.PeekLine()
	if line == nil || b == nil {
		return parser.Close
	}
	state := parser.HasChildren
	if !container(b.Node) {
		state = parser.NoChildren
	}
	if seg.Start < b.Tag.Stop {
		consume(reader, b.Tag.Stop)
		return parser.Continue | state
	}
	if b.End == nil {
		if state == parser.NoChildren {
			return parser.Close
		}
		return parser.Continue | state
	}
	if i := firstNonSpace(line); i >= 0 && seg.Start+i == b.End.Start {
		consume(reader, b.End.Stop)
		return parser.Close
	}
	return parser.Continue | state
}

// Close implements parser.BlockParser.
func (p *tagParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: a tag line ends a
// paragraph, as it does in GitBook.
func (p *tagParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (p *tagParser) CanAcceptIndentedLine() bool { return false }

// tagAt returns the tag that starts the current line, after its indentation.
func tagAt(reader text.Reader, pc parser.Context) (*liquid.Node, bool) {
	line, seg := reader.PeekLine()
	i := firstNonSpace(line)
	if i < 0 || !bytes.HasPrefix(line[i:], []byte("{%")) {
		return nil, false
	}
	n := tableOf(pc).starts[seg.Start+i]
	return n, n != nil
}

// consume advances reader to offset stop, or to the end of the line when
// stop is further.
func consume(reader text.Reader, stop int) {
	_, seg := reader.PeekLine()
	if k := min(stop, seg.Stop) - seg.Start; k > 0 {
		reader.Advance(k)
	}
}

// firstNonSpace returns the index of the first byte of line that is not a
// space or tab, or -1.
func firstNonSpace(line []byte) int {
	for i, c := range line {
		if c != ' ' && c != '\t' {
			if c == '\n' || c == '\r' {
				return -1
			}
			return i
		}
	}
	return -1
}

// extend adds the block parser bp and the node renderer nr to m, at the
// priorities every block uses: before goldmark's paragraphs, after its own
// renderers so block kinds are ours.
func extend(m goldmark.Markdown, bp parser.BlockParser, nr renderer.NodeRenderer) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(bp, 50)))
	if nr != nil {
		m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nr, 50)))
	}
}

// leaveFunc renders a container block b (node) at its end, given what its
// children rendered (body) and collected (items).
type leaveFunc func(env Env, node ast.Node, b *Block, body template.HTML, items []any) error

// captured returns the renderer of a container block: its children render
// into a capture (Env.Begin), which leave gets when the block ends.
func captured(leave leaveFunc) renderer.NodeRendererFunc {
	return checked(nil, leave)
}

// checked is captured with a check of the block's children, run when the
// block starts, once the capture has begun; a parent block reports the
// content that is not one of its child blocks there.
func checked(check func(env Env, node ast.Node, b *Block), leave leaveFunc) renderer.NodeRendererFunc {
	return func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		env, ok := w.(Env)
		if !ok {
			return ast.WalkContinue, nil
		}
		b := BlockOf(node)
		if entering {
			env.Begin()
			if check != nil {
				check(env, node, b)
			}
			return ast.WalkContinue, nil
		}
		body, items := env.End()
		return ast.WalkContinue, leave(env, node, b, body, items)
	}
}

// extendKind adds to m the parser of the tags named names, each a Block of
// kind k, and render as the renderer of k.
func extendKind(m goldmark.Markdown, k ast.NodeKind, render renderer.NodeRendererFunc, names ...string) {
	extend(m, NewTagParser(func(n *liquid.Node) ast.Node { return NewBlock(k, n) }, names...), kindRenderers{k: render})
}

// kindRenderers is a node renderer: the function rendering each node kind.
type kindRenderers map[ast.NodeKind]renderer.NodeRendererFunc

// RegisterFuncs implements renderer.NodeRenderer.
func (f kindRenderers) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	for k, render := range f {
		reg.Register(k, render)
	}
}
