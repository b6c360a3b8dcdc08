package blocks

import (
	"bytes"
	"errors"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
	"github.com/handbookhq/handbook/internal/markdown/mathml"
)

// Kinds of math nodes (section 4.9).
var (
	// KindMathBlock is $$…$$ alone in its paragraph: display math.
	KindMathBlock = ast.NewNodeKind("MathBlock")
	// KindMathInline is $$…$$ inside a line of text.
	KindMathInline = ast.NewNodeKind("MathInline")
)

// Math is TeX between double dollars, rendered to MathML when the site is
// built, so pages need no script. A single $ is not math in GitBook. Its
// plain-Markdown form keeps the TeX as written.
var Math Def = math{}

type math struct{}

func (math) Names() []string { return nil }

func (math) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(mathBlockParser{}, 60)),
		parser.WithInlineParsers(util.Prioritized(mathInlineParser{}, 80)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(mathRenderer{}, 50)))
}

func (math) Degrade(*Degrader, *liquid.Node, []byte) {}

// MathBlock is display math.
type MathBlock struct {
	ast.BaseBlock
	TeX   string
	Start int // offset of the TeX in the source
	stop  int // offset just after the closing $$
}

// Kind implements ast.Node.
func (n *MathBlock) Kind() ast.NodeKind { return KindMathBlock }

// Dump implements ast.Node.
func (n *MathBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"TeX": n.TeX}, nil)
}

// IsRaw implements ast.Node.
func (n *MathBlock) IsRaw() bool { return true }

// MathInline is math inside a line.
type MathInline struct {
	ast.BaseInline
	TeX   string
	Start int
}

// Kind implements ast.Node.
func (n *MathInline) Kind() ast.NodeKind { return KindMathInline }

// Dump implements ast.Node.
func (n *MathInline) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"TeX": n.TeX}, nil)
}

// mathBlockParser opens display math: a paragraph that starts with $$ and
// whose closing $$ ends a line, before any blank line.
type mathBlockParser struct{}

func (mathBlockParser) Trigger() []byte { return []byte{'$'} }

func (mathBlockParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	i := firstNonSpace(line)
	if i < 0 || !bytes.HasPrefix(line[i:], []byte("$$")) {
		return nil, parser.NoChildren
	}
	src := reader.Source()
	start := seg.Start + i + 2
	end := closingDollars(src, start)
	if end < 0 {
		return nil, parser.NoChildren
	}
	rest := src[end+2 : lineAfter(src, end+2)]
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, parser.NoChildren // text follows: inline math in a paragraph
	}
	raw := string(src[start:end])
	tex := strings.TrimSpace(raw)
	start += len(raw) - len(strings.TrimLeft(raw, " \t\r\n"))
	if tex == "" {
		return nil, parser.NoChildren
	}
	n := &MathBlock{TeX: tex, Start: start, stop: end + 2}
	consume(reader, n.stop)
	return n, parser.NoChildren
}

func (mathBlockParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	n := node.(*MathBlock)
	_, seg := reader.PeekLine()
	if seg.Start >= n.stop {
		return parser.Close
	}
	consume(reader, n.stop)
	return parser.Continue | parser.NoChildren
}

func (mathBlockParser) Close(ast.Node, text.Reader, parser.Context) {}
func (mathBlockParser) CanInterruptParagraph() bool                 { return false }
func (mathBlockParser) CanAcceptIndentedLine() bool                 { return false }

// closingDollars returns the offset of the $$ that closes math opened
// before start, or -1 when a blank line or the end comes first.
func closingDollars(src []byte, start int) int {
	for i := start; i+1 < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '\n':
			j := i + 1
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
				j++
			}
			if j >= len(src) || src[j] == '\n' {
				return -1
			}
		case '$':
			if src[i+1] == '$' {
				return i
			}
		}
	}
	return -1
}

// mathInlineParser takes $$…$$ within a paragraph.
type mathInlineParser struct{}

func (mathInlineParser) Trigger() []byte { return []byte{'$'} }

func (mathInlineParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("$$")) {
		return nil
	}
	src := block.Source()
	start := seg.Start + 2
	end := closingDollars(src, start)
	if end < 0 {
		return nil
	}
	raw := string(src[start:end])
	tex := strings.TrimSpace(raw)
	start += len(raw) - len(strings.TrimLeft(raw, " \t\r\n"))
	if tex == "" {
		return nil
	}
	// The math may run over several lines of the paragraph.
	for {
		_, s := block.PeekLine()
		if end+2 <= s.Stop {
			block.Advance(end + 2 - s.Start)
			break
		}
		block.AdvanceLine()
		if _, s2 := block.PeekLine(); s2.Start <= s.Start || s2.Start > end+2 {
			break
		}
	}
	return &MathInline{TeX: tex, Start: start}
}

type mathRenderer struct{}

func (mathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMathBlock, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		n := node.(*MathBlock)
		return ast.WalkSkipChildren, writeMath(w, n.TeX, n.Start, true)
	})
	reg.Register(KindMathInline, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		n := node.(*MathInline)
		return ast.WalkSkipChildren, writeMath(w, n.TeX, n.Start, false)
	})
}

// mathData is what templates/math.html gets.
type mathData struct {
	Display bool          // display math, a block of its own; else inline
	TeX     string        // the TeX as written
	MathML  template.HTML // the rendered <math> element
}

// writeMath writes the MathML of tex; TeX it cannot read is shown as
// MathML errors and reported.
func writeMath(w util.BufWriter, tex string, off int, display bool) error {
	env, ok := w.(Env)
	if !ok {
		return nil
	}
	out, err := mathml.Render(tex, display)
	if err != nil {
		msg := err.Error()
		var me *mathml.Error
		if errors.As(err, &me) {
			off, msg = off+me.Offset, me.Msg
		}
		env.Problem(off, "math: "+msg, "GitBook renders math with KaTeX; check the TeX")
	}
	mathML := template.HTML(out) // #nosec: built by package mathml, which escapes the TeX's text
	return env.Exec("math.html", mathData{Display: display, TeX: tex, MathML: mathML})
}
