package blocks

import (
	"html/template"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindOpenAPI is the kind of the openapi, openapi-operation and
// openapi-schemas blocks (section 4.8).
var KindOpenAPI = ast.NewNodeKind("OpenAPI")

// OpenAPI is the current API blocks, which show an operation or schemas
// of an OpenAPI spec:
//
//	{% openapi src="https://api.example.com/openapi.json" path="/users/{id}" method="get" %}
//	{% openapi-operation spec="acme-api" path="/users" method="post" %}
//	{% openapi-schemas spec="acme-api" schemas="User,Team" grouped="false" %}
//
// spec names a spec registered in GitBook, which the repository does not
// hold, and src a URL, which is not fetched when the site is built, or a
// file of the repository. The block renders as a card with the method and
// path, or the schema names, linking to the spec (templates/openapi.html),
// and is reported once.
var OpenAPI Def = openAPI{}

type openAPI struct{}

func (openAPI) Names() []string { return []string{"openapi", "openapi-operation", "openapi-schemas"} }

func (o openAPI) Extend(m goldmark.Markdown) {
	extend(m, apiParser{NewTagParser(func(n *liquid.Node) ast.Node { return NewBlock(KindOpenAPI, n) }, o.Names()...)}, openAPIRenderer{})
}

type openAPIRenderer struct{}

func (openAPIRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindOpenAPI, renderOpenAPI)
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

func renderOpenAPI(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if !ok {
		return ast.WalkContinue, nil
	}
	if entering {
		env.Begin()
		return ast.WalkContinue, nil
	}
	b := BlockOf(node)
	html, _ := env.End()
	card := specCard{Label: "OpenAPI operation", Body: trimHTML(html)}
	if b.Tag.Name == "openapi-schemas" {
		card.Label = "OpenAPI schemas"
		card.Schemas = schemaNames(b.Arg("schemas", ""))
		if len(card.Schemas) == 0 {
			env.Problem(argOffset(b.Tag, "schemas"), "openapi-schemas without schemas", `name them: schemas="User,Team"`)
		}
		return ast.WalkContinue, execSpecCard(env, b, card, "the schemas "+quoteIf(strings.Join(card.Schemas, ", ")))
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
	card.Method, card.MethodLabel, card.Path = op.Method, op.MethodLabel, op.Path
	return ast.WalkContinue, execSpecCard(env, b, card, "the operation "+quoteIf(op.title()))
}

// execSpecCard renders card for the block b, which shows what (followed
// by a space) from a spec that is not at hand, and reports it.
func execSpecCard(env Env, b *Block, card specCard, what string) error {
	spec := strings.TrimSpace(b.Arg("spec", ""))
	src := strings.TrimSpace(b.Arg("src", ""))
	card.Label = strings.TrimSpace(card.Label)
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
		hint = "spec files are not read when the site is built: the page links to the file"
	case spec != "":
		card.Spec = spec
		hint = "the spec " + quote(spec) + " is registered in GitBook, not kept in the repository: the page shows a placeholder"
	default:
		env.Problem(b.Tag.Start, b.Tag.Name+" block without a spec", `name the spec with spec="…", or its file or URL with src="…"`)
		return env.Exec("openapi.html", card)
	}
	env.Problem(b.Tag.Start, "cannot show "+what+"without the spec", hint)
	return env.Exec("openapi.html", card)
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

// Degrade writes the operation's heading, or the schema names, and a line
// naming the spec, then the block's content (GitBook writes a link to the
// spec there).
func (openAPI) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	op := plainOperation{Method: argValue(n.Tag, "method"), Path: argValue(n.Tag, "path")}
	src, _ := n.Tag.Arg("src")
	degradeSpecCard(d, n, op, src, dedent(d.Dedent(inner)))
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
