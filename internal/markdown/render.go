package markdown

import (
	"bufio"
	"errors"
	"io"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
	"github.com/handbookhq/handbook/internal/markdown/icons"
)

// Resolver maps destinations written in a page to URLs. dest is the
// destination as written, with angle brackets removed and Markdown
// backslash escapes and character references resolved, but percent-encoding
// left alone. An error means the target does not exist; its message becomes
// the problem's text (`link target "x.md" does not exist`), and if the error
// has a Hint() string method, that becomes the problem's hint. An error
// with a URL is a problem too, but the link keeps that URL: the target was
// found, though not as written.
type Resolver interface {
	// Link resolves the target of a link: a Markdown link or a raw <a href>.
	Link(dest string) (string, error)
	// Image resolves an image: a Markdown image or a raw <img src>,
	// <source srcset>, <video poster>.
	Image(dest string) (string, error)
}

// Use is a link or an image a page writes, as a UseRecorder is told of
// it.
type Use struct {
	Dest  string // as given to the Resolver
	Image bool
	// File and Offset say where the destination is written, as in
	// Problem.
	File   string
	Offset int
}

// UseRecorder is a Resolver that is also told of every link and image it
// resolves, and where it is written: for checks that can only be made
// once every page is rendered, such as links to headings of other pages.
type UseRecorder interface {
	Use(Use)
}

// AltChecker is a Resolver that may ask for images without alt text to
// be reported, as problems of code "image-alt".
type AltChecker interface {
	CheckAlt() bool
}

// Problem is something wrong in a page body, at a byte offset in the source
// given to Parse.
type Problem struct {
	// File is the included file the problem is in, relative to the
	// content root as the Include function named it; "" for the page.
	File   string
	Offset int
	Msg    string // lowercase, no final period
	Hint   string // optional: what to do about it
	// Code names the kind of problem (internal/diag's codes), or "":
	// taken from an error's Code() string method, as the hint is.
	Code string
}

// Render writes the body HTML of d to w, without the title heading (the
// page header shows it). Links and images go through r; a nil r keeps
// destinations as written. It returns the problems found on the way, in
// document order; the error is only for a failing w.
//
// Render does not modify d or the engine, so one Doc rendered twice gives
// the same bytes.
func (e *Engine) Render(w io.Writer, d *Doc, r Resolver) ([]Problem, error) {
	st, _ := e.states.Get().(*renderState)
	if st == nil {
		st = &renderState{Writer: bufio.NewWriter(w)}
		st.filter.URL = st.rawURL
		st.filter.Icon = icons.SVG
		st.filter.Problem = st.rawProblem
	}
	st.Reset(w)
	st.filter.Reset()
	st.doc, st.res, st.e = d, r, e
	err := e.md.Renderer().Render(st, d.src, d.root)
	problems := st.problems
	st.doc, st.res, st.problems, st.closers, st.segs, st.defs, st.e, st.captures, st.scope, st.outline, st.levels = nil, nil, nil, st.closers[:0], nil, nil, nil, nil, nil, 0, nil
	st.Writer.Reset(nil)
	e.states.Put(st)
	return problems, err
}

// renderState is one rendering of one document. Goldmark hands it to every
// node renderer as the writer, which is how the resolver and the problems
// reach them without shared state. Engine keeps used ones in a pool, for
// their buffers.
type renderState struct {
	*bufio.Writer
	doc      *Doc
	res      Resolver
	filter   htmlfilter.Filter
	problems []Problem
	closers  []string       // end tags of the links being rendered
	segs     []text.Segment // the source of the raw HTML being filtered
	scratch  []byte
	defs     map[string]int // link reference definitions: destination → offset
	e        *Engine
	captures []capture      // open captures of block content, innermost last
	sinks    []*sink        // buffers of finished captures, for the next ones
	scope    map[string]any // the variables, asked of the resolver once
	// outline is the level of the last heading written, 1 for the
	// page's title; levels holds the level each open heading was
	// written at.
	outline int
	levels  map[*ast.Heading]int
}

var errNotRenderState = errors.New("markdown: node rendered outside Engine.Render")

func stateOf(w util.BufWriter) (*renderState, error) {
	st, ok := w.(*renderState)
	if !ok {
		return nil, errNotRenderState
	}
	return st, nil
}

// problem records a problem at offset off.
func (st *renderState) problem(off int, msg, hint string) {
	st.problems = append(st.problems, Problem{File: st.doc.file, Offset: st.doc.prep.Orig(off), Msg: msg, Hint: hint})
}

// fail records a resolver error at offset off.
func (st *renderState) fail(off int, err error) {
	st.problem(off, err.Error(), hintOf(err))
	st.problems[len(st.problems)-1].Code = codeOf(err)
}

// ProblemCode implements blocks.CodedEnv.
func (st *renderState) ProblemCode(off int, code, msg, hint string) {
	st.problem(off, msg, hint)
	st.problems[len(st.problems)-1].Code = code
}

// hintOf returns the hint of an error with a Hint() string method, or "".
func hintOf(err error) string {
	var h interface{ Hint() string }
	if errors.As(err, &h) {
		return h.Hint()
	}
	return ""
}

// codeOf returns the code of an error with a Code() string method, or "".
func codeOf(err error) string {
	var c interface{ Code() string }
	if errors.As(err, &c) {
		return c.Code()
	}
	return ""
}

// escape writes s with HTML special characters escaped.
func (st *renderState) escape(s string) { _ = htmlfilter.WriteEscaped(st, s) }

// writeRaw filters raw HTML made of segs through the allow-list.
func (st *renderState) writeRaw(segs []text.Segment, block bool) error {
	if len(segs) == 0 {
		return nil
	}
	st.segs = segs
	return st.filter.Write(st, st.fragment(segs), block)
}

// fragment returns the source of segs, in one piece.
func (st *renderState) fragment(segs []text.Segment) []byte {
	src := st.doc.src
	contiguous := true
	for i := 1; i < len(segs); i++ {
		if segs[i].Start != segs[i-1].Stop {
			contiguous = false
			break
		}
	}
	var frag []byte
	if contiguous {
		frag = src[segs[0].Start:segs[len(segs)-1].Stop]
	} else {
		st.scratch = st.scratch[:0]
		for _, s := range segs {
			st.scratch = append(st.scratch, src[s.Start:s.Stop]...)
		}
		frag = st.scratch
	}
	return frag
}

// srcOffset maps an offset in the fragment being filtered to the source.
func (st *renderState) srcOffset(k int) int {
	for _, s := range st.segs {
		if l := s.Stop - s.Start; k < l {
			return s.Start + k
		} else {
			k -= l
		}
	}
	if n := len(st.segs); n > 0 {
		return st.segs[n-1].Stop
	}
	return 0
}

// rawURL resolves a URL attribute of raw HTML for the filter.
func (st *renderState) rawURL(u htmlfilter.URL) (string, bool) {
	if st.res == nil {
		return escapeURL(u.Value), true
	}
	resolve := st.res.Link
	if u.Image {
		resolve = st.res.Image
	}
	v, err := resolve(u.Value)
	if err != nil {
		st.fail(st.srcOffset(u.Offset), err)
		if v == "" {
			return "", false
		}
	}
	return escapeURL(v), true
}

// rawProblem records a problem the HTML filter found at offset off of
// the fragment being filtered.
func (st *renderState) rawProblem(off int, msg, hint string) {
	st.problem(st.srcOffset(off), msg, hint)
}

// escapeURL percent-encodes what may not stand in a URL (spaces, non-ASCII),
// leaving existing %XX sequences alone.
func escapeURL(u string) string {
	return string(util.URLEscape([]byte(u), false))
}

// htmlExtension installs the node renderers of this package over goldmark's.
type htmlExtension struct{}

// Extend implements goldmark.Extender.
func (htmlExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(buttonTransformer{}, 600)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(newNodeRenderer(), 100)))
}

// funcs collects the renderer functions of a goldmark renderer we delegate to.
type funcs map[ast.NodeKind]renderer.NodeRendererFunc

// Register implements renderer.NodeRendererFuncRegisterer.
func (f funcs) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

// nodeRenderer renders the nodes whose HTML this package decides. It has no
// mutable state: everything for one rendering is in renderState.
type nodeRenderer struct {
	table     funcs                 // goldmark's table renderer, wrapped
	formatter *chromahtml.Formatter // shared by every code block
	style     *chroma.Style         // the light style; HighlightCSS adds the dark one
	lexers    sync.Map              // fence language → chroma.Lexer, or nil when unknown
}

// RegisterFuncs implements renderer.NodeRenderer.
func (nr *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindDocument, nr.renderDocument)
	reg.Register(ast.KindHeading, nr.renderHeading)
	reg.Register(ast.KindParagraph, nr.renderParagraph)
	reg.Register(ast.KindHTMLBlock, nr.renderHTMLBlock)
	reg.Register(ast.KindRawHTML, nr.renderRawHTML)
	reg.Register(kindButton, renderButton)
	reg.Register(ast.KindLink, nr.renderLink)
	reg.Register(ast.KindImage, nr.renderImage)
	reg.Register(ast.KindAutoLink, nr.renderAutoLink)
	reg.Register(ast.KindFencedCodeBlock, nr.renderFencedCode)
	for k, f := range nr.table {
		reg.Register(k, f)
	}
	reg.Register(east.KindTable, nr.renderTable)
	reg.Register(east.KindTaskCheckBox, renderTaskCheckBox)
}

// renderTaskCheckBox writes a task list item's box, read-only, named by
// its state for screen readers (the item's text follows it).
func renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input type="checkbox" checked disabled aria-label="Done"> `)
	} else {
		_, _ = w.WriteString(`<input type="checkbox" disabled aria-label="Not done"> `)
	}
	return ast.WalkContinue, nil
}

func (nr *nodeRenderer) renderDocument(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		return ast.WalkContinue, nil
	}
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkContinue, st.filter.Close(st)
}

func (nr *nodeRenderer) renderHTMLBlock(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	n := node.(*ast.HTMLBlock)
	lines := n.Lines()
	segs := make([]text.Segment, 0, lines.Len()+1)
	segs = append(segs, lines.Sliced(0, lines.Len())...)
	if n.HasClosure() {
		segs = append(segs, n.ClosureLine)
	}
	if ok, err := st.renderRichHTML(segs); ok { // GitBook's tables, cards, pictures
		return ast.WalkContinue, err
	}
	return ast.WalkContinue, st.writeRaw(segs, true)
}

func (nr *nodeRenderer) renderRawHTML(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	n := node.(*ast.RawHTML)
	return ast.WalkSkipChildren, st.writeRaw(n.Segments.Sliced(0, n.Segments.Len()), false)
}
