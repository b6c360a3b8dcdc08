package blocks

import (
	"html/template"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Kinds of the swagger block and of its parts.
var (
	// KindSwagger is the swagger block (section 4.8).
	KindSwagger = ast.NewNodeKind("Swagger")
	// KindSwaggerPart is a swagger-description, swagger-parameter or
	// swagger-response inside it.
	KindSwaggerPart = ast.NewNodeKind("SwaggerPart")
)

// Swagger is the legacy API block, self-contained:
//
//	{% swagger method="get" path="/v1/items" baseUrl="https://api.example.com" summary="List items" %}
//	{% swagger-description %} … {% endswagger-description %}
//	{% swagger-parameter in="query" name="limit" type="integer" required="false" %} … {% endswagger-parameter %}
//	{% swagger-response status="200: OK" description="Items" %} ```json … ``` {% endswagger-response %}
//	{% endswagger %}
//
// It renders as an API operation (templates/api.html). With src="spec.yaml"
// and no parts it shows the operation of the spec, as an openapi block
// does.
var Swagger Def = swagger{}

type swagger struct{}

var swaggerParts = []string{"swagger-description", "swagger-parameter", "swagger-response"}

func (swagger) Names() []string { return append([]string{"swagger"}, swaggerParts...) }

func (s swagger) Extend(m goldmark.Markdown) {
	extend(m, apiParser{NewTagParser(func(n *liquid.Node) ast.Node {
		if n.Tag.Name == "swagger" {
			return NewBlock(KindSwagger, n)
		}
		return NewBlock(KindSwaggerPart, n)
	}, s.Names()...)}, kindRenderers{
		KindSwagger:     captured(renderSwagger),
		KindSwaggerPart: captured(renderSwaggerPart),
	})
}

// swaggerLocations are the values of swagger-parameter's in argument.
var swaggerLocations = []string{"path", "query", "header", "cookie", "body", "formData"}

func renderSwagger(env Env, _ ast.Node, b *Block, html template.HTML, items []any) error {
	var op apiOperation
	if !op.setMethod(b.Arg("method", "")) {
		env.Problem(argOffset(b.Tag, "method"), "unknown HTTP method "+quote(b.Arg("method", "")), "use get, post, put, patch, delete, head or options")
	}
	op.setURL(b.Arg("baseUrl", ""), b.Arg("path", ""))
	if s := strings.TrimSpace(b.Arg("summary", "")); s != "" {
		op.Summary = env.Markdown(s)
	}
	op.add(items)
	op.Extra = trimHTML(html)
	if _, ok := b.Tag.Arg("src"); ok && op.empty() {
		if op.MethodLabel == "" || op.URL == "" {
			env.Problem(b.Tag.Start, "swagger block without a method or path", `name the operation: path="/users" method="get"`)
		}
		return execSpecOperation(env, b, op)
	}
	if op.MethodLabel == "" {
		env.Problem(b.Tag.Start, "swagger block without a method", `add method="get" (or post, put, delete…)`)
	}
	if op.URL == "" {
		env.Problem(b.Tag.Start, "swagger block without a path", `add path="/v1/items" and baseUrl="https://api.example.com"`)
	}
	return execAPI(env, op)
}

func renderSwaggerPart(env Env, node ast.Node, b *Block, html template.HTML, _ []any) error {
	html = trimHTML(html)
	var item any
	switch b.Tag.Name {
	case "swagger-description":
		item = apiDesc{HTML: html}
	case "swagger-parameter":
		item = swaggerParam(env, b, html)
	case "swagger-response":
		r := newResponse(env, b.Arg("status", ""), argOffset(b.Tag, "status"), "swagger-response")
		if d := strings.TrimSpace(b.Arg("description", "")); d != "" {
			r.Description = env.Markdown(d)
		}
		r.Body = html
		item = r
	}
	if misplaced(env, node, nil, "swagger") {
		return renderAlone(env, item)
	}
	env.Collect(item)
	return nil
}

// swaggerParam reads a swagger-parameter, reporting bad arguments.
func swaggerParam(env Env, b *Block, html template.HTML) apiParam {
	p := apiParam{
		Name:        strings.TrimSpace(unescapeMD(b.Arg("name", ""))),
		Type:        strings.TrimSpace(unescapeMD(b.Arg("type", ""))),
		Description: html,
	}
	if p.Name == "" {
		env.Problem(argOffset(b.Tag, "name"), "swagger-parameter without a name", `add name="…"`)
	}
	in, set := b.Tag.Arg("in")
	switch {
	case !set || in == "":
		p.In = "other"
		env.Problem(argOffset(b.Tag, "in"), strings.TrimSpace("swagger-parameter "+quoteIf(p.Name))+" without a location", `add in="query" (or path, header, cookie, body)`)
	case in == "formdata":
		p.In = "formData"
	default:
		p.In = in
		if !slices.Contains(swaggerLocations, in) {
			p.In = "other"
			env.Problem(argOffset(b.Tag, "in"), "unknown parameter location "+quote(in), "use path, query, header, cookie or body")
		}
	}
	v, set := b.Tag.Arg("required")
	req, ok := parseRequired(v, set)
	if !ok {
		env.Problem(argOffset(b.Tag, "required"), "required should be \"true\" or \"false\", not "+quote(v), "")
	}
	p.Required = req
	return p
}

// renderAlone renders a part found outside its operation: a description
// as it is, a parameter or a response as an operation of its own.
func renderAlone(env Env, item any) error {
	var op apiOperation
	op.add([]any{item})
	if d, ok := item.(apiDesc); ok {
		if d.Summary {
			_, _ = env.WriteString("<p>" + string(op.Summary) + "</p>\n")
			return nil
		}
		_, _ = env.WriteString(string(d.HTML))
		return nil
	}
	return execAPI(env, op)
}

// Degrade writes the operation's heading, summary, description, parameter
// table and responses; a part outside a swagger block is written as such
// an operation on its own.
func (swagger) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	if n.Tag.Name != "swagger" {
		degradeAlone(d, swaggerPart(d, plainPart{Node: n, Inner: dedent(d.Dedent(inner))}))
		return
	}
	op := plainOperation{
		Method:  argValue(n.Tag, "method"),
		Base:    strings.TrimSuffix(argValue(n.Tag, "baseUrl"), "/"),
		Path:    argValue(n.Tag, "path"),
		Summary: argValue(n.Tag, "summary"),
	}
	if op.Base != "" && op.Path != "" && !strings.HasPrefix(op.Path, "/") {
		op.Path = "/" + op.Path
	}
	parts, extra := walkParts(d, n, nil, func(name string) bool { return slices.Contains(swaggerParts, name) })
	op.Extra = extra
	for _, p := range parts {
		op.addPart(swaggerPart(d, p))
	}
	if src, ok := n.Tag.Arg("src"); ok && len(parts) == 0 {
		degradeSpecOperation(d, n, op, src, extra)
		return
	}
	writeOperation(d, op)
}

// swaggerPart returns the plain form of the part p.
func swaggerPart(d *Degrader, p plainPart) any {
	t := p.Node.Tag
	switch t.Name {
	case "swagger-description":
		return p.Inner
	case "swagger-parameter":
		req, _ := parseRequired(argValue(t, "required"), true)
		return plainParam{In: plainLocation(argValue(t, "in"), swaggerLocations), Where: argValue(t, "in"), Name: argValue(t, "name"),
			Type: argValue(t, "type"), Required: req, Description: p.Inner}
	default:
		code, text, _ := parseStatus(argValue(t, "status"))
		return plainResponse{Status: code, Text: text, Description: []byte(argValue(t, "description")), Body: p.Inner}
	}
}

// plainLocation returns the group of a parameter location.
func plainLocation(in string, known []string) string {
	if in == "formdata" {
		return "formData"
	}
	if slices.Contains(known, in) {
		return in
	}
	return "other"
}

// addPart adds a part's plain form to op.
func (op *plainOperation) addPart(part any) {
	switch p := part.(type) {
	case []byte:
		op.Description = append(op.Description, p...)
	case plainParam:
		op.Params = append(op.Params, p)
	case plainResponse:
		op.Responses = append(op.Responses, p)
	}
}

// degradeAlone writes a part found outside its operation.
func degradeAlone(d *Degrader, part any) {
	d.Blank()
	switch p := part.(type) {
	case []byte:
		writeLines(d, p)
	case plainParam:
		writeParams(d, []plainParam{p})
	case plainResponse:
		writeResponse(d, p)
	}
	d.Blank()
}
