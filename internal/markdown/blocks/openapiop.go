package blocks

import (
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// An operation of a spec file, read into the shape the swagger block has:
// it renders with templates/api.html and degrades as a swagger block does.

// specOp is an operation of a spec, its texts in Markdown.
type specOp struct {
	Method, Base, Path string
	Summary            string
	Description        string
	Params             []specField
	Responses          []specResponse
}

// specResponse is a response of an operation, with its example.
type specResponse struct {
	Status, Text string
	Description  string
	Example      string // a fenced code block, or ""
}

// readOperation reads the operation op of item, at path.
func (sp *apiSpec) readOperation(item *openapi3.PathItem, op *openapi3.Operation, method, path string) specOp {
	o := specOp{Method: method, Base: sp.server(item, op), Path: path, Summary: strings.TrimSpace(op.Summary)}
	o.Description = strings.TrimSpace(op.Description)
	if o.Description == "" {
		o.Description = strings.TrimSpace(item.Description)
	}
	if o.Summary == "" {
		o.Summary = strings.TrimSpace(item.Summary)
	}
	if op.Deprecated {
		o.Description = strings.TrimSpace("**Deprecated.** " + o.Description)
	}
	// Parameters of the path, unless the operation has its own of the
	// same name and location, then the operation's.
	var params []*openapi3.Parameter
	for _, pr := range append(slices.Clone(item.Parameters), op.Parameters...) {
		if pr == nil || pr.Value == nil {
			continue
		}
		p := pr.Value
		params = slices.DeleteFunc(params, func(q *openapi3.Parameter) bool { return q.Name == p.Name && q.In == p.In })
		params = append(params, p)
	}
	for _, p := range params {
		schema := p.Schema
		if schema == nil {
			if _, mt := pickMedia(p.Content); mt != nil {
				schema = mt.Schema
			}
		}
		var s *openapi3.Schema
		if schema != nil {
			s = schema.Value
		}
		desc := schemaNotes(s, p.Description)
		if p.Deprecated {
			desc = strings.TrimSpace("**Deprecated.** " + desc)
		}
		o.Params = append(o.Params, specField{In: p.In, Name: p.Name, Type: schemaType(schema), Required: p.Required || p.In == "path", Description: desc})
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		o.addBody(sp, op.RequestBody.Value)
	}
	if op.Responses != nil {
		codes := op.Responses.Keys()
		slices.SortFunc(codes, func(a, b string) int { return statusRank(a) - statusRank(b) })
		for _, code := range codes {
			if r := op.Responses.Value(code); r != nil && r.Value != nil {
				o.Responses = append(o.Responses, sp.readResponse(code, r.Value))
			}
		}
	}
	return o
}

// addBody adds the properties of the request body as parameters: "body",
// or "formData" for a form.
func (o *specOp) addBody(sp *apiSpec, rb *openapi3.RequestBody) {
	ct, mt := pickMedia(rb.Content)
	in := "body"
	if strings.HasPrefix(ct, "multipart/form-data") || strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		in = "formData"
	}
	desc := strings.TrimSpace(rb.Description)
	var schema *openapi3.SchemaRef
	if mt != nil {
		schema = mt.Schema
	}
	fields := sp.fields(schema, in, "", true, 0)
	if len(fields) == 0 {
		if schema == nil && desc == "" {
			return
		}
		var s *openapi3.Schema
		if schema != nil {
			s = schema.Value
		}
		o.Params = append(o.Params, specField{In: in, Name: "body", Type: schemaType(schema), Required: rb.Required, Description: schemaNotes(s, desc)})
		return
	}
	if desc != "" {
		o.Description = strings.TrimSpace(o.Description + "\n\n" + desc)
	}
	o.Params = append(o.Params, fields...)
}

// readResponse reads the response of status code.
func (sp *apiSpec) readResponse(code string, r *openapi3.Response) specResponse {
	out := specResponse{Status: strings.ToUpper(code)}
	if code == "default" {
		out.Status = code
	}
	if c, text, ok := parseStatus(code); ok {
		out.Status, out.Text = c, text
	}
	if r.Description != nil {
		out.Description = strings.TrimSpace(*r.Description)
	}
	ct, mt := pickMedia(r.Content)
	if mt == nil {
		return out
	}
	var ex any
	switch {
	case mt.Example != nil:
		ex = mt.Example
	case len(mt.Examples) > 0:
		names := make([]string, 0, len(mt.Examples))
		for n := range mt.Examples {
			names = append(names, n)
		}
		for _, n := range sp.ordered(names) {
			if e := mt.Examples[n]; e != nil && e.Value != nil && e.Value.Value != nil {
				ex = e.Value.Value
				break
			}
		}
	}
	if ex == nil {
		ex = sp.example(mt.Schema, 0, nil)
	}
	if ex == nil {
		return out
	}
	lang := mediaLang(ct)
	text, isText := ex.(string)
	if !isText || lang == "json" {
		text, lang = sp.encodeJSON(ex), "json"
	}
	out.Example = fence(lang, text)
	return out
}

// pickMedia returns the media type of content a page shows: JSON if
// there is one, else the first by name.
func pickMedia(content openapi3.Content) (string, *openapi3.MediaType) {
	if len(content) == 0 {
		return "", nil
	}
	types := make([]string, 0, len(content))
	for ct := range content {
		types = append(types, ct)
	}
	slices.Sort(types)
	best := types[0]
	for _, ct := range types {
		if mediaLang(ct) == "json" {
			best = ct
			break
		}
	}
	return best, content[best]
}

// mediaLang returns the code language of a media type.
func mediaLang(ct string) string {
	ct, _, _ = strings.Cut(strings.ToLower(ct), ";")
	switch _, sub, _ := strings.Cut(strings.TrimSpace(ct), "/"); {
	case sub == "json" || strings.HasSuffix(sub, "+json") || ct == "*/*":
		return "json"
	case sub == "xml" || strings.HasSuffix(sub, "+xml"):
		return "xml"
	case sub == "yaml" || sub == "x-yaml":
		return "yaml"
	case sub == "html", sub == "csv":
		return sub
	}
	return "text"
}

// statusRank orders response codes: 1XX to 5XX, then default.
func statusRank(code string) int {
	code = strings.ToUpper(code)
	if n, err := strconv.Atoi(code); err == nil {
		return n * 10
	}
	if len(code) == 3 && code[1:] == "XX" && code[0] >= '1' && code[0] <= '5' {
		return int(code[0]-'0')*1000 + 999
	}
	return 100000
}

// fence returns text as a fenced code block of lang.
func fence(lang, text string) string {
	f := "```"
	for strings.Contains(text, f) {
		f += "`"
	}
	return f + lang + "\n" + strings.TrimRight(text, "\n") + "\n" + f
}

// html returns the operation as templates/api.html shows it.
func (o specOp) html(env Env) apiOperation {
	var op apiOperation
	op.setMethod(o.Method)
	op.setURL(o.Base, o.Path)
	if o.Summary != "" {
		op.Summary = env.Markdown(o.Summary)
	}
	op.Description = blockHTML(env, o.Description)
	var params []apiParam
	for _, p := range o.Params {
		params = append(params, apiParam{In: plainLocation(p.In, swaggerLocations), Name: p.Name, Type: p.Type, Required: p.Required, Description: markdownHTML(env, p.Description)})
	}
	op.Groups = groupParams(params)
	for _, r := range o.Responses {
		op.Responses = append(op.Responses, apiResponse{Status: r.Status, Text: r.Text, Class: statusClass(r.Status),
			Description: markdownHTML(env, r.Description), Body: markdownHTML(env, r.Example)})
	}
	return op
}

// plain returns the operation as its plain form needs it.
func (o specOp) plain() plainOperation {
	op := plainOperation{Method: o.Method, Base: strings.TrimSuffix(o.Base, "/"), Path: o.Path, Summary: o.Summary, Description: []byte(o.Description)}
	for _, p := range o.Params {
		op.Params = append(op.Params, plainParam{In: plainLocation(p.In, swaggerLocations), Where: p.In, Name: p.Name, Type: p.Type, Required: p.Required, Description: []byte(p.Description)})
	}
	for _, r := range o.Responses {
		op.Responses = append(op.Responses, plainResponse{Status: r.Status, Text: r.Text, Description: []byte(r.Description), Body: []byte(r.Example)})
	}
	return op
}

// markdownHTML renders Markdown of a spec, or nothing for none.
func markdownHTML(env Env, src string) template.HTML {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	return env.Markdown(src)
}

// blockStart matches HTML that starts with a block element.
var blockStart = regexp.MustCompile(`^<(?:p|h[1-6]|ul|ol|pre|div|blockquote|table|hr|figure|details|dl|section)[\s>/]`)

// blockHTML renders Markdown of a spec as blocks: a single paragraph,
// which env.Markdown gives inline, in <p>.
func blockHTML(env Env, src string) template.HTML {
	h := strings.TrimSpace(string(markdownHTML(env, src)))
	switch {
	case h == "":
		return ""
	case !blockStart.MatchString(h):
		h = "<p>" + h + "</p>"
	}
	return template.HTML(h + "\n") // #nosec: rendered Markdown
}
