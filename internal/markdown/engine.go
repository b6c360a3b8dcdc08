package markdown

import (
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Engine wraps one goldmark.Markdown, built once and shared by all goroutines
// of a build: Parse and Render may be called concurrently.
type Engine struct {
	md     goldmark.Markdown
	states sync.Pool // of *renderState
}

// New builds the engine: CommonMark with GFM tables, strikethrough, task
// lists and autolinks, and footnotes; no typographer. Headings get
// GitHub-style IDs, raw HTML goes through the allow-list and links and
// images through the Resolver given to Render.
func New() *Engine {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, htmlExtension{}),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(util.Prioritized(docTransformer{}, 10000)),
		),
	)
	return &Engine{md: md}
}

// Doc is a parsed page body. It holds the source and the AST; reading it
// from several goroutines is fine, but Render one Doc at a time.
type Doc struct {
	src      []byte
	root     ast.Node
	title    *ast.Heading // the first level-1 heading, shown by the page header
	titleTxt string
	headings []Heading
}

// Heading is a section heading of a page body.
type Heading struct {
	Level int
	ID    string // final, unique within the page
	Text  string // plain text
}

// Parse parses a page body (front matter already removed). It never fails:
// any input gives a document.
func (e *Engine) Parse(src []byte) *Doc {
	pc := parser.NewContext(parser.WithIDs(newIDs()))
	root := e.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	d := &Doc{src: src, root: root}
	if r, ok := pc.Get(resultKey).(*parseResult); ok {
		d.title, d.titleTxt, d.headings = r.title, r.titleTxt, r.headings
	}
	return d
}

// Title returns the plain text of the first level-1 heading, or "" if the
// page has none. Render leaves that heading out.
func (d *Doc) Title() string { return d.titleTxt }

// Headings returns every heading of level 2 and deeper, in order, with the
// IDs Render gives them. The slice must not be modified.
func (d *Doc) Headings() []Heading { return d.headings }
