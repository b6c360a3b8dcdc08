package markdown

import (
	"bufio"
	"bytes"
	"html/template"
	"strconv"

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

// capture is a block's content being rendered into a buffer.
type capture struct {
	w     *bufio.Writer
	buf   *bytes.Buffer
	items []any
}

// Begin implements blocks.Env.
func (st *renderState) Begin() {
	buf := &bytes.Buffer{}
	st.captures = append(st.captures, capture{w: st.Writer, buf: buf})
	st.Writer = bufio.NewWriter(buf)
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
	return template.HTML(c.buf.String()), c.items // #nosec: rendered and filtered by this package
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
func (st *renderState) Scope() map[string]any {
	if sr, ok := st.res.(ScopeResolver); ok {
		if s := sr.Scope(); s != nil {
			return s
		}
	}
	return map[string]any{}
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
	d := st.e.parse([]byte(src), ParseOptions{}, st.doc.file, nil)
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

// baseName returns the last element of a slash-separated path.
func baseName(p string) string {
	if i := bytes.LastIndexByte([]byte(p), '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// Interface guards
var _ blocks.Env = (*renderState)(nil)
