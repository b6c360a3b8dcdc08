package blocks

import (
	"html/template"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindOpenAPI is the kind of the openapi, openapi-operation and
// openapi-schemas blocks (section 4.8).
var KindOpenAPI = ast.NewNodeKind("OpenAPI")

// OpenAPI is the current API blocks, which show an operation or schemas
// of an OpenAPI spec:
//
//	{% openapi src="../.gitbook/assets/openapi.yaml" path="/users/{id}" method="get" %}
//	{% openapi src="https://api.example.com/openapi.json" path="/users/{id}" method="get" %}
//	{% openapi-operation spec="acme-api" path="/users" method="post" %}
//	{% openapi-schemas spec="acme-api" schemas="User,Team" grouped="false" %}
//
// src names a file of the repository, relative to the page, or a URL;
// spec names a spec registered in GitBook. A spec file is read when the
// site is built (openapispec.go): the operation renders as a swagger
// block does (templates/api.html), and schemas as tables of their
// properties (templates/openapi-schemas.html). A spec registered in
// GitBook or at a URL, which the build does not fetch, or a file that is
// missing, malformed or without the operation, renders as a card with
// the method and path, or the schema names, linking to the spec
// (templates/openapi.html), and is reported once.
var OpenAPI Def = openAPI{}

type openAPI struct{}

func (openAPI) Names() []string { return []string{"openapi", "openapi-operation", "openapi-schemas"} }

func (o openAPI) Extend(m goldmark.Markdown) {
	extend(m, apiParser{NewTagParser(func(n *liquid.Node) ast.Node { return NewBlock(KindOpenAPI, n) }, o.Names()...)}, kindRenderers{
		KindOpenAPI: captured(renderOpenAPI),
	})
}

// specCard is what templates/openapi.html gets.
type specCard struct {
	Label       string // "OpenAPI operation", "OpenAPI schemas"
	Method      string // lower case, for the badge's class
	MethodLabel string
	Path        template.HTML
	Schemas     []string
	Spec        string // name of a spec registered in GitBook
	SrcURL      string // link to the spec file or URL
	SrcName     string // its text
	Body        template.HTML
}

func renderOpenAPI(env Env, _ ast.Node, b *Block, html template.HTML, _ []any) error {
	if b.Tag.Name == "openapi-schemas" {
		return renderSchemas(env, b, trimHTML(html))
	}
	var op apiOperation
	m := b.Arg("method", "")
	if !op.setMethod(m) {
		env.Problem(argOffset(b.Tag, "method"), "unknown HTTP method "+quote(m), "use get, post, put, patch, delete, head or options")
	}
	op.setURL("", b.Arg("path", ""))
	if op.MethodLabel == "" || op.URL == "" {
		env.Problem(b.Tag.Start, b.Tag.Name+" block without a method or path", `name the operation: path="/users" method="get"`)
	}
	op.Extra = trimHTML(html)
	return execSpecOperation(env, b, op)
}

// execSpecOperation renders the operation op names (its method, path and
// content) from the spec file of the block b, or a card linking to the
// spec when it is not at hand.
func execSpecOperation(env Env, b *Block, op apiOperation) error {
	card := specCard{Label: "OpenAPI operation", Method: op.Method, MethodLabel: op.MethodLabel, Path: op.Path, Body: op.Extra}
	sp, src := blockSpec(env, b, &card, "the operation "+quoteIf(op.title()))
	if sp == nil {
		return env.Exec("openapi.html", card)
	}
	if op.MethodLabel == "" || op.URL == "" || op.Method == "other" {
		specCardSource(env, b, &card, "")
		return env.Exec("openapi.html", card) // reported by the caller
	}
	path := strings.TrimSpace(unescapeMD(b.Arg("path", "")))
	item, o, miss := sp.operation(src, path, op.Method)
	if miss != nil {
		env.Problem(argOffset(b.Tag, miss.arg), miss.msg, miss.hint)
		specCardSource(env, b, &card, "")
		return env.Exec("openapi.html", card)
	}
	read := sp.readOperation(item, o, op.Method, path)
	if read.Summary == "" {
		read.Summary = strings.TrimSpace(b.Arg("summary", ""))
	}
	if read.Base == "" {
		read.Base = op.Base
	}
	full := read.html(env)
	full.Method, full.MethodLabel = op.Method, op.MethodLabel
	// The block's content is GitBook's fallback link to the spec, for
	// readers that cannot see the operation: the operation replaces it.
	return execAPI(env, full)
}

// blockSpec returns the spec file of the block b, which shows what
// (followed by a space), and its src as written. When the spec is not at
// hand it reports why and fills in card to render in the block's place;
// when it is, card is left to fill with specCardSource.
func blockSpec(env Env, b *Block, card *specCard, what string) (*apiSpec, string) {
	src := strings.TrimSpace(b.Arg("src", ""))
	if src == "" || isURL(src) {
		specCardSource(env, b, card, what)
		return nil, src
	}
	off := argOffset(b.Tag, "src")
	data, ok := env.ReadFile(src, off)
	if !ok {
		card.SrcName = path.Base(src)
		return nil, src
	}
	sp, err := env.Specs().parse(data)
	if err != nil {
		env.Problem(off, "cannot read the OpenAPI spec "+quote(src)+": "+err.Error(),
			"write OpenAPI 3.0 or 3.1, or Swagger 2.0, in YAML or JSON; the page links to the file instead")
		specCardSource(env, b, card, "")
		return nil, src
	}
	return sp, src
}

// specCardSource fills in the source of card: the spec registered in
// GitBook, or a link to the file or URL. Unless what is "", it reports
// that the block shows only the card in place of what (followed by a
// space), or that it names no spec.
func specCardSource(env Env, b *Block, card *specCard, what string) {
	spec := strings.TrimSpace(b.Arg("spec", ""))
	src := strings.TrimSpace(b.Arg("src", ""))
	warn := what != ""
	var hint string
	switch {
	case src != "" && isURL(src):
		card.SrcURL, _ = env.Link(src, argOffset(b.Tag, "src"))
		card.SrcName = src
		hint = "specs are not downloaded when the site is built: the page links to " + src
	case src != "":
		if ref, ok := env.File(src, argOffset(b.Tag, "src")); ok {
			card.SrcURL, card.SrcName = ref.URL, ref.Name
		} else {
			card.SrcName = path.Base(src)
		}
	case spec != "":
		card.Spec = spec
		hint = "the spec " + quote(spec) + " is registered in GitBook, not kept in the repository: the page shows a placeholder"
	case warn:
		env.Problem(b.Tag.Start, b.Tag.Name+" block without a spec", `name the spec with spec="…", or its file or URL with src="…"`)
		return
	}
	if warn && hint != "" {
		env.Problem(b.Tag.Start, "cannot show "+what+"without the spec", hint)
	}
}

// schemaNames splits a schemas argument: "User,Team".
func schemaNames(s string) []string {
	var names []string
	for n := range strings.SplitSeq(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// isURL reports whether s is an absolute http(s) URL.
func isURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// Degrade writes the operation as a swagger block does when its spec
// file is at hand; else the operation's heading, or the schema names, and
// a line naming the spec. The block's content follows (GitBook writes a
// link to the spec there).
func (openAPI) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	op := plainOperation{Method: argValue(n.Tag, "method"), Path: argValue(n.Tag, "path")}
	src, _ := n.Tag.Arg("src")
	inner = dedent(d.Dedent(inner))
	if n.Tag.Name == "openapi-schemas" {
		degradeSchemas(d, n, src, inner)
		return
	}
	degradeSpecOperation(d, n, op, src, inner)
}

// degradeSpec returns the spec file src names, or nil.
func degradeSpec(d *Degrader, src string) *apiSpec {
	src = strings.TrimSpace(src)
	if src == "" || isURL(src) {
		return nil
	}
	data, ok := d.env.ReadFile(src)
	if !ok {
		return nil
	}
	sp, err := d.env.Specs().parse(data)
	if err != nil {
		return nil
	}
	return sp
}

// degradeSpecOperation writes the operation op names from the spec file
// src, or, when it is not at hand, what degradeSpecCard writes.
func degradeSpecOperation(d *Degrader, n *liquid.Node, op plainOperation, src string, extra []byte) {
	sp := degradeSpec(d, src)
	if sp == nil || op.Method == "" || op.Path == "" {
		degradeSpecCard(d, n, op, src, extra)
		return
	}
	method := strings.ToLower(op.Method)
	item, o, miss := sp.operation(src, op.Path, method)
	if miss != nil {
		degradeSpecCard(d, n, op, src, extra)
		return
	}
	read := sp.readOperation(item, o, method, op.Path)
	if read.Summary == "" {
		read.Summary = op.Summary
	}
	if read.Base == "" {
		read.Base = op.Base
	}
	full := read.plain()
	full.Extra = extra
	writeOperation(d, full)
}

// degradeSpecCard writes the plain form of a block that needs a spec: a
// heading (or the schema names), the spec and the block's content.
func degradeSpecCard(d *Degrader, n *liquid.Node, op plainOperation, src string, inner []byte) {
	src = strings.TrimSpace(src)
	from := ""
	switch spec := strings.TrimSpace(argValue(n.Tag, "spec")); {
	case src != "" && isURL(src):
		from = "[" + src + "](" + src + ")"
	case src != "":
		name, url := path.Base(src), d.env.Link(src)
		if ref, ok := d.env.File(src); ok {
			name, url = ref.Name, ref.URL
		}
		from = "[" + name + "](" + url + ")"
	case spec != "":
		from = codeSpan(spec)
	}
	d.Blank()
	if n.Tag.Name == "openapi-schemas" {
		var names []string
		for _, s := range schemaNames(argValue(n.Tag, "schemas")) {
			names = append(names, codeSpan(s))
		}
		line := "**OpenAPI schemas**"
		if len(names) > 0 {
			line = "**OpenAPI schemas:** " + strings.Join(names, ", ")
		}
		if from != "" {
			line += " (defined in the OpenAPI specification " + from + ")"
		}
		d.Line(line)
	} else {
		d.Line("### " + opHeading(op))
		d.Blank()
		if from != "" {
			d.Line("Defined in the OpenAPI specification " + from + ".")
		}
	}
	d.Blank()
	writeLines(d, inner)
	d.Blank()
}
