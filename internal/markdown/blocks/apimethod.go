package blocks

import (
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Kinds of the api-method block and of its parts.
var (
	// KindAPIMethod is the api-method block (sections 4.8 and 4.26).
	KindAPIMethod = ast.NewNodeKind("APIMethod")
	// KindAPIMethodPart is one of the api-method-* tags inside it.
	KindAPIMethodPart = ast.NewNodeKind("APIMethodPart")
)

// APIMethod is the API block of GitBook's first years:
//
//	{% api-method method="get" host="https://api.example.com" path="/v1/items" %}
//	{% api-method-summary %} List items {% endapi-method-summary %}
//	{% api-method-description %} … {% endapi-method-description %}
//	{% api-method-spec %}
//	{% api-method-request %}
//	{% api-method-query-parameters %}
//	{% api-method-parameter name="limit" type="integer" required=false %} … {% endapi-method-parameter %}
//	{% endapi-method-query-parameters %}
//	{% endapi-method-request %}
//	{% api-method-response %}
//	{% api-method-response-example httpCode=200 %}
//	{% api-method-response-example-description %} … {% endapi-method-response-example-description %}
//	```json … ```
//	{% endapi-method-response-example %}
//	{% endapi-method-response %}
//	{% endapi-method-spec %}
//	{% endapi-method %}
//
// It renders as an API operation, like swagger (templates/api.html).
var APIMethod Def = apiMethod{}

type apiMethod struct{}

// apiMethodGroups are the parameter lists and the location of their
// parameters.
var apiMethodGroups = map[string]string{
	"api-method-path-parameters":      "path",
	"api-method-query-parameters":     "query",
	"api-method-headers":              "header",
	"api-method-body-parameters":      "body",
	"api-method-form-data-parameters": "formData",
}

// apiMethodPass reports whether name is a tag that only holds other parts.
func apiMethodPass(name string) bool {
	switch name {
	case "api-method-spec", "api-method-request", "api-method-response":
		return true
	}
	return apiMethodGroups[name] != ""
}

// apiMethodPart reports whether name is a part the operation collects.
func apiMethodPart(name string) bool {
	switch name {
	case "api-method-summary", "api-method-description", "api-method-parameter", "api-method-response-example":
		return true
	}
	return false
}

func (apiMethod) Names() []string {
	return []string{"api-method", "api-method-summary", "api-method-description", "api-method-spec",
		"api-method-request", "api-method-path-parameters", "api-method-query-parameters",
		"api-method-headers", "api-method-body-parameters", "api-method-form-data-parameters",
		"api-method-parameter", "api-method-response", "api-method-response-example",
		"api-method-response-example-description"}
}

func (a apiMethod) Extend(m goldmark.Markdown) {
	extend(m, apiParser{NewTagParser(func(n *liquid.Node) ast.Node {
		if n.Tag.Name == "api-method" {
			return NewBlock(KindAPIMethod, n)
		}
		return NewBlock(KindAPIMethodPart, n)
	}, a.Names()...)}, kindRenderers{
		KindAPIMethod:     captured(renderAPIMethod),
		KindAPIMethodPart: renderAPIMethodPart,
	})
}

func renderAPIMethod(env Env, _ ast.Node, b *Block, html template.HTML, items []any) error {
	var op apiOperation
	switch m := b.Arg("method", ""); {
	case strings.TrimSpace(m) == "":
		env.Problem(b.Tag.Start, "api-method block without a method", `add method="get" (or post, put, delete…)`)
	case !op.setMethod(m):
		env.Problem(argOffset(b.Tag, "method"), "unknown HTTP method "+quote(m), "use get, post, put, patch, delete, head or options")
	}
	op.setURL(b.Arg("host", ""), b.Arg("path", ""))
	if op.URL == "" {
		env.Problem(b.Tag.Start, "api-method block without a path", `add host="https://api.example.com" and path="/v1/items"`)
	}
	op.add(items)
	op.Extra = trimHTML(html)
	return execAPI(env, op)
}

func renderAPIMethodPart(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if !ok {
		return ast.WalkContinue, nil
	}
	b := BlockOf(node)
	name := b.Tag.Name
	if apiMethodPass(name) {
		if entering {
			misplaced(env, node, apiMethodPass, "api-method")
		}
		return ast.WalkContinue, nil
	}
	if entering {
		env.Begin()
		return ast.WalkContinue, nil
	}
	html, items := env.End()
	html = trimHTML(html)
	var item any
	parent, pass := "api-method", apiMethodPass
	switch name {
	case "api-method-summary":
		item = apiDesc{HTML: html, Summary: true}
	case "api-method-description":
		item = apiDesc{HTML: html}
	case "api-method-parameter":
		item = apiMethodParam(env, node, b, html)
	case "api-method-response-example":
		code, _ := b.Tag.Arg("httpCode")
		r := newResponse(env, code, argOffset(b.Tag, "httpCode"), "api-method-response-example")
		for _, it := range items {
			if d, ok := it.(apiDesc); ok {
				r.Description += d.HTML
			}
		}
		r.Body = html
		item = r
	case "api-method-response-example-description":
		item = apiDesc{HTML: html}
		parent, pass = "api-method-response-example", nil
	}
	if misplaced(env, node, pass, parent) {
		return ast.WalkContinue, renderAlone(env, item)
	}
	env.Collect(item)
	return ast.WalkContinue, nil
}

// apiMethodParam reads an api-method-parameter; its location is the list
// it is in.
func apiMethodParam(env Env, node ast.Node, b *Block, html template.HTML) apiParam {
	p := apiParam{
		Name:        strings.TrimSpace(unescapeMD(b.Arg("name", ""))),
		Type:        strings.TrimSpace(unescapeMD(b.Arg("type", ""))),
		Description: html,
		In:          "other",
	}
	if a := apiAncestor(node, nil); a != nil && apiMethodGroups[a.Tag.Name] != "" {
		p.In = apiMethodGroups[a.Tag.Name]
	} else {
		env.Problem(b.Tag.Start, "api-method-parameter "+quoteIf(p.Name)+"outside a parameter list",
			"put it in api-method-path-parameters, -query-parameters, -headers, -body-parameters or -form-data-parameters")
	}
	v, set := b.Tag.Arg("required")
	req, ok := parseRequired(v, set)
	if !ok {
		env.Problem(argOffset(b.Tag, "required"), "required should be true or false, not "+quote(v), "")
	}
	p.Required = req
	return p
}

// Degrade writes the operation as swagger's does; a part outside an
// api-method block is written on its own.
func (apiMethod) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	name := n.Tag.Name
	switch {
	case name == "api-method":
	case apiMethodGroups[name] != "":
		parts, extra := walkParts(d, n, nil, func(s string) bool { return s == "api-method-parameter" })
		var op plainOperation
		for _, p := range parts {
			op.addPart(apiMethodPlain(d, p))
		}
		d.Blank()
		writeLines(d, extra)
		writeParams(d, op.Params)
		d.Blank()
		return
	case apiMethodPass(name):
		d.Write(inner)
		return
	default:
		degradeAlone(d, apiMethodPlain(d, plainPart{Node: n, Inner: dedent(d.Dedent(inner))}))
		return
	}
	op := plainOperation{
		Method: argValue(n.Tag, "method"),
		Base:   strings.TrimSuffix(argValue(n.Tag, "host"), "/"),
		Path:   argValue(n.Tag, "path"),
	}
	if op.Base != "" && op.Path != "" && !strings.HasPrefix(op.Path, "/") {
		op.Path = "/" + op.Path
	}
	parts, extra := walkParts(d, n, apiMethodPass, apiMethodPart)
	op.Extra = extra
	for _, p := range parts {
		if p.Node.Tag.Name == "api-method-summary" {
			op.Summary = cell(string(p.Inner))
			continue
		}
		op.addPart(apiMethodPlain(d, p))
	}
	writeOperation(d, op)
}

// apiMethodPlain returns the plain form of the part p.
func apiMethodPlain(d *Degrader, p plainPart) any {
	t := p.Node.Tag
	switch t.Name {
	case "api-method-parameter":
		req, _ := parseRequired(argValue(t, "required"), true)
		in := apiMethodGroups[p.Parent]
		if in == "" {
			in = "other"
		}
		return plainParam{In: in, Name: argValue(t, "name"), Type: argValue(t, "type"), Required: req, Description: p.Inner}
	case "api-method-response-example":
		code, text, _ := parseStatus(argValue(t, "httpCode"))
		descs, body := walkParts(d, p.Node, nil, func(name string) bool { return name == "api-method-response-example-description" })
		r := plainResponse{Status: code, Text: text, Body: body}
		for _, dp := range descs {
			r.Description = append(r.Description, dp.Inner...)
		}
		return r
	}
	return p.Inner
}
