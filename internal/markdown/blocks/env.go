package blocks

import (
	"html/template"

	"github.com/yuin/goldmark/util"
)

// Env is what a block renderer needs from the rendering of a page. The
// writer goldmark passes to node renderers is an Env: package markdown
// implements it, so blocks know nothing of pages or sites.
type Env interface {
	util.BufWriter
	// Problem records a problem at offset off of the prepared source.
	Problem(off int, msg, hint string)
	// Exec runs the block template name (see Templates) with data,
	// writing to the page.
	Exec(name string, data any) error
	// Begin starts capturing what is rendered, until End: a container
	// renders its children into a capture and passes them to its template.
	Begin()
	// Collect adds v to the innermost capture, for a parent block: each
	// tab of a tabs block collects its title and body.
	Collect(v any)
	// End stops the innermost capture and returns what was rendered and
	// collected.
	End() (template.HTML, []any)
	// Link resolves a link destination written in the block's tag at
	// offset off, reporting a problem when it cannot; ok is false when
	// nothing was found.
	Link(dest string, off int) (url string, ok bool)
	// Image resolves an image source like Link.
	Image(dest string, off int) (url string, ok bool)
	// Page resolves a link to a page of the book, with its title and
	// description; ok is false when dest is not a page of the book.
	Page(dest string, off int) (ref PageRef, ok bool)
	// File resolves a link to an uploaded file, with its size.
	File(dest string, off int) (ref FileRef, ok bool)
	// ReadFile returns the content of the repository file a link written
	// at offset off names, such as an OpenAPI spec, reporting a problem
	// when it cannot be read; ok is false then.
	ReadFile(dest string, off int) (data []byte, ok bool)
	// Specs returns the OpenAPI specs parsed so far in this build.
	Specs() *Specs
	// Scope returns the variables expressions and conditions see:
	// "space" (with "vars"), "page" (with "vars") and "visitor" (with
	// "claims", empty for an anonymous reader).
	Scope() map[string]any
	// RenderInclude renders the content included by the include block n.
	RenderInclude(n *Include) error
	// Markdown renders a short piece of inline Markdown written in a tag
	// argument (a caption, a summary) as HTML.
	Markdown(src string) template.HTML
}

// PageRef is a page of the book a block links to.
type PageRef struct {
	URL         string
	Title       string
	Description string
	// Anchor is the part of the link after "#", if any.
	Anchor string
}

// FileRef is a file a block offers for download.
type FileRef struct {
	URL  string
	Name string // file name, without folders
	Size int64  // in bytes; -1 when unknown
}

// CodedEnv is an Env that also records the kind of a problem, one of
// internal/diag's codes ("unknown-block").
type CodedEnv interface {
	ProblemCode(off int, code, msg, hint string)
}
