package markdown

import (
	"bufio"
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
)

// PageRef is a page of the book a block links to; see PageResolver.
type PageRef = blocks.PageRef

// FileRef is a file a block offers for download; see FileResolver.
type FileRef = blocks.FileRef

// PageResolver is a Resolver that also knows the pages of the book, for
// page-link cards ({% content-ref %}). Errors are as for Resolver.
type PageResolver interface {
	Page(dest string) (PageRef, error)
}

// FileResolver is a Resolver that also knows uploaded files, for download
// cards ({% file %}).
type FileResolver interface {
	File(dest string) (FileRef, error)
}

// FileReader is a Resolver that reads files of the repository, for blocks
// that show what a file holds ({% openapi src="openapi.yaml" %}). dest is
// a link as written in the page; the error names the file. Data with an
// error is read all the same, the error a warning about the link.
type FileReader interface {
	ReadFile(dest string) ([]byte, error)
}

// ScopeResolver is a Resolver that gives the variables of the page:
// "space" → "vars" (.gitbook/vars.yaml), "page" → "vars" (front matter)
// and "visitor" → "claims".
type ScopeResolver interface {
	Scope() map[string]any
}

// capture is a block's content being rendered into a sink.
type capture struct {
	w     *bufio.Writer // the writer to restore at End
	sink  *sink
	items []any
}

// sink is a buffer captures render into. A renderState keeps the sinks of
// finished captures for the next ones, so that a page with many blocks
// does not allocate a buffer for each.
type sink struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

// Begin implements blocks.Env.
func (st *renderState) Begin() {
	var s *sink
	if n := len(st.sinks); n > 0 {
		s, st.sinks = st.sinks[n-1], st.sinks[:n-1]
		s.buf.Reset()
		s.w.Reset(&s.buf)
	} else {
		s = &sink{}
		s.w = bufio.NewWriterSize(&s.buf, 1024)
	}
	st.captures = append(st.captures, capture{w: st.Writer, sink: s})
	st.Writer = s.w
}

// End implements blocks.Env.
func (st *renderState) End() (template.HTML, []any) {
	n := len(st.captures)
	if n == 0 {
		return "", nil
	}
	c := st.captures[n-1]
	st.captures = st.captures[:n-1]
	_ = st.Writer.Flush()
	st.Writer = c.w
	html := template.HTML(c.sink.buf.String()) // #nosec: rendered and filtered by this package
	st.sinks = append(st.sinks, c.sink)
	return html, c.items
}

// Collect implements blocks.Env.
func (st *renderState) Collect(v any) {
	if n := len(st.captures); n > 0 {
		st.captures[n-1].items = append(st.captures[n-1].items, v)
	}
}

// Problem implements blocks.Env.
func (st *renderState) Problem(off int, msg, hint string) { st.problem(off, msg, hint) }

// Exec implements blocks.Env.
func (st *renderState) Exec(name string, data any) error {
	return st.e.tmpl.ExecuteTemplate(st, name, data)
}

// Link implements blocks.Env.
func (st *renderState) Link(dest string, off int) (string, bool) {
	return st.resolveAt(dest, off, false)
}

// Image implements blocks.Env.
func (st *renderState) Image(dest string, off int) (string, bool) {
	return st.resolveAt(dest, off, true)
}

func (st *renderState) resolveAt(dest string, off int, image bool) (string, bool) {
	if st.res == nil {
		return escapeURL(dest), true
	}
	if ur, ok := st.res.(UseRecorder); ok {
		ur.Use(Use{Dest: dest, Image: image, File: st.doc.file, Offset: st.doc.prep.Orig(off)})
	}
	resolve := st.res.Link
	if image {
		resolve = st.res.Image
	}
	u, err := resolve(dest)
	if err != nil {
		st.fail(off, err)
		if u == "" {
			return "", false
		}
	}
	return escapeURL(u), true
}

// Page implements blocks.Env.
func (st *renderState) Page(dest string, off int) (PageRef, bool) {
	pr, ok := st.res.(PageResolver)
	if !ok {
		u, ok := st.Link(dest, off)
		return PageRef{URL: u, Title: dest}, ok
	}
	ref, err := pr.Page(dest)
	if err != nil {
		st.fail(off, err)
		if ref.URL == "" {
			return ref, false
		}
	}
	ref.URL = escapeURL(ref.URL)
	return ref, true
}

// File implements blocks.Env.
func (st *renderState) File(dest string, off int) (FileRef, bool) {
	fr, ok := st.res.(FileResolver)
	if !ok {
		u, ok := st.Link(dest, off)
		return FileRef{URL: u, Name: baseName(dest), Size: -1}, ok
	}
	ref, err := fr.File(dest)
	if err != nil {
		st.fail(off, err)
		if ref.URL == "" {
			return ref, false
		}
	}
	ref.URL = escapeURL(ref.URL)
	return ref, true
}

// Specs implements blocks.Env.
func (st *renderState) Specs() *blocks.Specs { return &st.e.specs }

// ReadFile implements blocks.Env.
func (st *renderState) ReadFile(dest string, off int) ([]byte, bool) {
	fr, ok := st.res.(FileReader)
	if !ok {
		st.problem(off, "cannot read "+strconv.Quote(dest)+": the page is rendered without its repository", "")
		return nil, false
	}
	data, err := fr.ReadFile(dest)
	if err != nil {
		st.fail(off, err)
	}
	return data, data != nil
}

// Scope implements blocks.Env.
// The scope is asked for once per rendering, however many expressions
// and conditions the page has.
func (st *renderState) Scope() map[string]any {
	if st.scope != nil {
		return st.scope
	}
	st.scope = map[string]any{}
	if sr, ok := st.res.(ScopeResolver); ok {
		if s := sr.Scope(); s != nil {
			st.scope = s
		}
	}
	return st.scope
}

// RenderInclude implements blocks.Env: the included document's blocks
// are rendered in place, with its own source.
func (st *renderState) RenderInclude(n *blocks.Include) error {
	sub := st.doc.includes[n]
	if sub == nil {
		return nil
	}
	return st.renderChildren(sub, sub.root)
}

// renderChildren renders the children of n, a node of doc d, in place.
func (st *renderState) renderChildren(d *Doc, n ast.Node) error {
	outer := st.doc
	st.doc = d
	defer func() { st.doc = outer }()
	r := st.e.md.Renderer()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := r.Render(st, d.src, c); err != nil {
			return err
		}
	}
	return nil
}

// Markdown implements blocks.Env: a caption or summary written in a tag
// argument, as inline HTML.
func (st *renderState) Markdown(src string) template.HTML {
	if plainInline(src) {
		return template.HTML(template.HTMLEscapeString(src)) // #nosec: escaped
	}
	d := st.e.parse([]byte(src), ParseOptions{}, st.doc.file, nil, nil)
	st.Begin()
	var n ast.Node = d.root
	if p, ok := n.FirstChild().(*ast.Paragraph); ok && p.NextSibling() == nil {
		n = p
	}
	err := st.renderChildren(d, n)
	h, _ := st.End()
	if err != nil {
		return ""
	}
	return h
}

// plainInline reports whether src reads the same as Markdown and as text:
// one line with nothing Markdown or HTML would interpret, so it needs only
// escaping. Most captions and parameter descriptions are such text.
func plainInline(src string) bool {
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '*', '_', '`', '[', ']', '<', '>', '&', '\'', '"', '\\', '!', '#', '|', '~', '$', '{', '\n', '\r', ':', '@', '=', '-', '+':
			return false
		}
	}
	return strings.TrimSpace(src) == src
}

// baseName returns the last element of a slash-separated path.
func baseName(p string) string {
	if i := bytes.LastIndexByte([]byte(p), '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// Interface guards
var _ blocks.Env = (*renderState)(nil)
