package markdown

import (
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
)

// Engine wraps one goldmark.Markdown, built once and shared by all goroutines
// of a build: Parse and Render may be called concurrently.
type Engine struct {
	md     goldmark.Markdown
	states sync.Pool // of *renderState
	tmpl   *template.Template
	defs   map[string]blocks.Def
	specs  blocks.Specs // OpenAPI specs blocks have read, shared by every page
}

// Options tune an Engine.
type Options struct {
	// Templates holds a handbook's own block templates ("hint.html"),
	// which replace the built-in ones of the same name; nil for none.
	Templates fs.FS
}

// New builds the engine: CommonMark with GFM tables, strikethrough, task
// lists and autolinks, and footnotes; no typographer. Headings get
// GitHub-style IDs, raw HTML goes through the allow-list and links and
// images through the Resolver given to Render.
//
// Every GitBook block is on (package blocks), with the built-in block
// templates; NewWith takes a handbook's own.
func New() *Engine {
	e, err := NewWith(Options{})
	if err != nil {
		panic(err) // the built-in templates are tested
	}
	return e
}

// NewWith builds the engine with options; the error is a block template
// that does not parse.
func NewWith(o Options) (*Engine, error) {
	tmpl, err := blocks.Templates(o.Templates)
	if err != nil {
		return nil, fmt.Errorf("block templates: %w", err)
	}
	defs := blocks.All()
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, htmlExtension{}, expressionExtension{}, blocks.Extension(defs)),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(util.Prioritized(docTransformer{}, 10000)),
		),
	)
	e := &Engine{md: md, tmpl: tmpl, defs: map[string]blocks.Def{}}
	for _, d := range defs {
		for _, name := range d.Names() {
			e.defs[name] = d
		}
	}
	return e, nil
}

// Doc is a parsed page body. It holds the source and the AST; reading it
// from several goroutines is fine, but Render one Doc at a time.
type Doc struct {
	src      []byte // the prepared source
	prep     *blocks.Prepared
	file     string // for an included document: its path; "" for the page
	includes map[*blocks.Include]*Doc
	problems []Problem // found while parsing
	ids      *ids      // heading IDs given so far, shared with included files
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

// ParseOptions tune a Parse.
type ParseOptions struct {
	// Include reads the file an {% include %} tag names: path as written,
	// from the file including it ("" for the page itself). It returns the
	// included file's path, to name it in problems and to find include
	// cycles, and its body without front matter. Without it, includes are
	// reported and left out.
	Include func(from, path string) (file string, body []byte, err error)
}

// MaxIncludeDepth is how deep includes may nest.
const MaxIncludeDepth = 10

// Parse parses a page body (front matter already removed). It never fails:
// any input gives a document.
func (e *Engine) Parse(src []byte) *Doc { return e.ParseWith(src, ParseOptions{}) }

// ParseWith parses a page body with options.
func (e *Engine) ParseWith(src []byte, o ParseOptions) *Doc {
	return e.parse(src, o, "", nil, nil)
}

// parse parses the body of file, included by parent through the files in
// chain (nil for the page itself).
func (e *Engine) parse(src []byte, o ParseOptions, file string, chain []string, parent *Doc) *Doc {
	prep := blocks.Prepare(src)
	ids := newIDs()
	if parent != nil {
		prep.Tags.Share(parent.prep.Tags)
		ids = parent.ids // headings of included files get IDs unique in the page
	}
	pc := parser.NewContext(parser.WithIDs(ids))
	prep.Tags.Install(pc)
	if file != "" {
		pc.Set(includedKey, true)
	}
	root := e.md.Parser().Parse(text.NewReader(prep.Src), parser.WithContext(pc))
	d := &Doc{src: prep.Src, prep: prep, file: file, root: root, ids: ids}
	if r, ok := pc.Get(resultKey).(*parseResult); ok {
		d.title, d.titleTxt, d.headings = r.title, r.titleTxt, r.headings
	}
	for _, p := range prep.Tags.Problems() {
		d.problems = append(d.problems, Problem{File: file, Offset: prep.Orig(p.Offset), Msg: p.Msg, Hint: p.Hint})
	}
	e.parseIncludes(d, o, chain)
	return d
}

// includedKey marks the parse of an included file: its first heading is
// content, not a page title.
var includedKey = parser.NewContextKey()

// parseIncludes parses the files d includes, and puts their headings
// among d's, where they are included.
func (e *Engine) parseIncludes(d *Doc, o ParseOptions, chain []string) {
	seen := 0 // headings of d before the node being walked, with those included
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level >= 2 && h != d.title {
			seen++
		}
		inc, ok := n.(*blocks.Include)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		fail := func(msg, hint string) {
			d.problems = append(d.problems, Problem{File: d.file, Offset: d.prep.Orig(inc.Tag.Start), Msg: msg, Hint: hint})
		}
		switch {
		case inc.Path == "":
			fail("include without a file", `write {% include "../.gitbook/includes/name.md" %}`)
			return ast.WalkSkipChildren, nil
		case o.Include == nil:
			return ast.WalkSkipChildren, nil
		case strings.Contains(inc.Path, "://"):
			fail(fmt.Sprintf("cannot include %q: it is reusable content of another GitBook space", inc.Path),
				"copy the content into a file under .gitbook/includes/ and include that file")
			return ast.WalkSkipChildren, nil
		case len(chain) >= MaxIncludeDepth:
			fail(fmt.Sprintf("includes nest more than %d deep", MaxIncludeDepth), "include the content directly")
			return ast.WalkSkipChildren, nil
		}
		file, body, err := o.Include(d.file, inc.Path)
		if err != nil {
			fail(err.Error(), "the path is relative to this file; reusable content lives in .gitbook/includes/")
			d.problems[len(d.problems)-1].Code = codeOf(err)
			return ast.WalkSkipChildren, nil
		}
		if file == d.file || slices.Contains(chain, file) {
			fail(fmt.Sprintf("include cycle: %q includes itself", file), "remove the include that leads back")
			return ast.WalkSkipChildren, nil
		}
		if d.includes == nil {
			d.includes = map[*blocks.Include]*Doc{}
		}
		sub := e.parse(body, o, file, append(slices.Clip(chain), d.file), d)
		d.includes[inc] = sub
		d.problems = append(d.problems, sub.problems...)
		if len(sub.headings) > 0 {
			d.headings = slices.Insert(slices.Clip(d.headings), min(seen, len(d.headings)), sub.headings...)
			seen += len(sub.headings)
		}
		return ast.WalkSkipChildren, nil
	})
}

// Problems returns what parsing found wrong: malformed or unpaired block
// tags, includes that cannot be read. Render reports the rest.
func (d *Doc) Problems() []Problem { return d.problems }

// Title returns the plain text of the first level-1 heading, or "" if the
// page has none. Render leaves that heading out.
func (d *Doc) Title() string { return d.titleTxt }

// Headings returns every heading of level 2 and deeper, in order, with the
// IDs Render gives them. The slice must not be modified.
func (d *Doc) Headings() []Heading { return d.headings }

// Updates returns the entries of the page's changelog blocks
// ({% updates %}), newest first, for its feed; nil when it has none.
func (d *Doc) Updates() []blocks.UpdateEntry { return blocks.Updates(d.root, d.src) }
