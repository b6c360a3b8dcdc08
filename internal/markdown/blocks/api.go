package blocks

import (
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// API operations (section 4.8). The swagger block (swagger.go) and the
// older api-method family (apimethod.go) describe an operation in full:
// their parts collect into an apiOperation, which templates/api.html
// renders as GitBook does — method badge, URL, parameters by location and
// responses with their examples. The openapi blocks (openapi.go) read
// the operation from a spec file of the repository into the same shape;
// a spec the build cannot read is shown as a card linking to it.

// apiParser is the tag parser of an API block family. Some repositories
// indent api-method parts under their tags, several levels deep: a line's
// indentation up to the column of its block's tag is not content, so that
// such content is not taken for indented code.
type apiParser struct{ parser.BlockParser }

// Continue implements parser.BlockParser.
func (p apiParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	state := p.BlockParser.Continue(node, reader, pc)
	b := BlockOf(node)
	if b == nil || state&parser.Continue == 0 || state&parser.HasChildren == 0 {
		return state
	}
	src := reader.Source()
	line, seg := reader.PeekLine()
	ls := lineStart(src, seg.Start)
	if ls <= b.Tag.Start || firstNonSpace(line) < 0 {
		return state // the tag's own line, or a blank one
	}
	n := 0
	for want := b.Tag.Start - lineStart(src, b.Tag.Start) - (seg.Start - ls); n < want && n < len(line) && line[n] == ' '; n++ {
	}
	if n > 0 {
		reader.Advance(n)
	}
	return state
}

// apiOperation is what templates/api.html gets.
type apiOperation struct {
	Method      string        // lower case, for the badge's class: "get"; "other" for an unknown one
	MethodLabel string        // as shown: "GET"; "" when the block has none
	Base        string        // server part of the URL
	Path        template.HTML // path with its variables in <span class="api-path-var">
	URL         string        // Base and path as text
	Summary     template.HTML
	Description template.HTML
	Extra       template.HTML // content of the block outside its parts
	Groups      []apiGroup
	Responses   []apiResponse
}

// apiGroup is the parameters of one location.
type apiGroup struct {
	In     string // path, query, header, cookie, body, formData or other
	Label  string // "Query parameters"
	Params []apiParam
}

// apiParam is one parameter of an operation.
type apiParam struct {
	In          string
	Name        string
	Type        string
	Required    bool
	Description template.HTML
}

// apiResponse is one response of an operation, with its example.
type apiResponse struct {
	Status      string // "200", "default"
	Text        string // "OK"
	Class       string // 2xx, 3xx, 4xx, 5xx or other, for the chip's colour
	Description template.HTML
	Body        template.HTML
}

// apiDesc is a description or summary part, collected by its operation.
type apiDesc struct {
	HTML    template.HTML
	Summary bool
}

// apiLocations are the parameter locations in the order GitBook lists
// them, with their labels.
var apiLocations = [][2]string{
	{"path", "Path parameters"},
	{"query", "Query parameters"},
	{"header", "Headers"},
	{"cookie", "Cookies"},
	{"body", "Body"},
	{"formData", "Form data"},
	{"other", "Parameters"},
}

// apiMethods are the HTTP methods an operation may have.
var apiMethods = []string{"get", "post", "put", "patch", "delete", "head", "options", "trace"}

// setMethod sets the badge of op from the method m as written, and reports
// whether it is an HTTP method.
func (op *apiOperation) setMethod(m string) bool {
	m = strings.TrimSpace(unescapeMD(m))
	if m == "" {
		return true
	}
	op.MethodLabel = strings.ToUpper(m)
	op.Method = strings.ToLower(m)
	if !slices.Contains(apiMethods, op.Method) {
		op.Method = "other"
		return false
	}
	return true
}

// setURL sets the URL of op from its server and path as written.
func (op *apiOperation) setURL(base, path string) {
	op.Base = strings.TrimSpace(unescapeMD(base))
	path = strings.TrimSpace(unescapeMD(path))
	switch {
	case strings.HasSuffix(op.Base, "/") && strings.HasPrefix(path, "/"):
		op.Base = strings.TrimSuffix(op.Base, "/")
	case op.Base != "" && path != "" && !strings.HasPrefix(path, "/"):
		path = "/" + path
	}
	op.Path = formatPath(path)
	op.URL = op.Base + path
}

// add sorts the collected parts of an operation into it.
func (op *apiOperation) add(items []any) {
	var params []apiParam
	for _, it := range items {
		switch it := it.(type) {
		case apiDesc:
			if it.Summary {
				op.Summary = inlineHTML(it.HTML)
			} else {
				op.Description += it.HTML
			}
		case apiParam:
			params = append(params, it)
		case apiResponse:
			op.Responses = append(op.Responses, it)
		}
	}
	op.Groups = groupParams(params)
}

// groupParams groups params by location, in GitBook's order.
func groupParams(params []apiParam) []apiGroup {
	var groups []apiGroup
	for _, loc := range apiLocations {
		g := apiGroup{In: loc[0], Label: loc[1]}
		for _, p := range params {
			if p.In == loc[0] {
				g.Params = append(g.Params, p)
			}
		}
		if len(g.Params) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// empty reports whether op has no parts: a spec-backed block.
func (op *apiOperation) empty() bool {
	return op.Description == "" && len(op.Groups) == 0 && len(op.Responses) == 0
}

// title names an operation in messages: "GET /v1/items".
func (op *apiOperation) title() string {
	return strings.TrimSpace(op.MethodLabel + " " + op.URL)
}

// formatPath returns path as HTML with its variables, {id} or :id,
// wrapped in <span class="api-path-var">.
func formatPath(path string) template.HTML {
	var b strings.Builder
	for i := 0; i < len(path); {
		j := pathVarEnd(path, i)
		if j < 0 {
			b.WriteString(template.HTMLEscapeString(path[i : i+1]))
			i++
			continue
		}
		b.WriteString(`<span class="api-path-var">`)
		b.WriteString(template.HTMLEscapeString(path[i:j]))
		b.WriteString(`</span>`)
		i = j
	}
	return template.HTML(b.String()) // #nosec: escaped above
}

// pathVarEnd returns the end of the path variable starting at i, or -1.
func pathVarEnd(path string, i int) int {
	switch {
	case path[i] == '{':
		j := strings.IndexAny(path[i+1:], "{}/")
		if j > 0 && path[i+1+j] == '}' {
			return i + j + 2
		}
	case path[i] == ':' && i > 0 && path[i-1] == '/':
		j := i + 1
		for j < len(path) && (isWordByte(path[j]) || path[j] == '-' && j > i+1) {
			j++
		}
		if j > i+1 {
			return j
		}
	}
	return -1
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// parseStatus splits a response status as written, "200: OK" or "200",
// into its code and text; ok is false when it is not an HTTP status.
func parseStatus(s string) (code, text string, ok bool) {
	code, text, _ = strings.Cut(strings.TrimSpace(s), ":")
	code, text = strings.TrimSpace(code), strings.TrimSpace(text)
	switch {
	case code == "default":
		return code, text, true
	case len(code) != 3 || code[0] < '1' || code[0] > '5':
		return code, text, false
	}
	for _, c := range code[1:] {
		if (c < '0' || c > '9') && c != 'X' && c != 'x' {
			return code, text, false
		}
	}
	code = strings.ToUpper(code)
	if text == "" {
		n := int(code[0]-'0')*100 + int(code[1]-'0')*10 + int(code[2]-'0')
		if code[1] <= '9' && code[2] <= '9' {
			text = http.StatusText(n)
		}
	}
	return code, text, true
}

// statusClass returns the colour class of a status code.
func statusClass(code string) string {
	if len(code) == 3 && code[0] >= '2' && code[0] <= '5' {
		return code[:1] + "xx"
	}
	return "other"
}

// newResponse returns the response of status as written, reporting a
// status that is not an HTTP one at off.
func newResponse(env Env, status string, off int, tag string) apiResponse {
	code, text, ok := parseStatus(status)
	if !ok {
		if code == "" {
			env.Problem(off, tag+" without a status", `write the HTTP status code, such as "200: OK"`)
		} else {
			env.Problem(off, "unknown HTTP status "+quote(status)+" in "+tag, `write a code such as "200", "404: Not Found" or "default"`)
		}
	}
	return apiResponse{Status: code, Text: text, Class: statusClass(code)}
}

// parseRequired reads a required="true|false" argument; ok is false for
// another value.
func parseRequired(v string, set bool) (required, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true":
		return true, true
	case "false":
		return false, true
	case "":
		return false, !set
	}
	return false, false
}

// unescapeMD removes the Markdown backslash escapes GitBook wrote in tag
// arguments (path="/v1/live\_entities").
func unescapeMD(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// inlineHTML returns h without the paragraph around it, for a summary.
func inlineHTML(h template.HTML) template.HTML {
	s := strings.TrimSpace(string(h))
	if inner, ok := strings.CutPrefix(s, "<p>"); ok && strings.HasSuffix(inner, "</p>") && !strings.Contains(inner, "<p>") {
		return template.HTML(strings.TrimSuffix(inner, "</p>")) // #nosec: rendered Markdown
	}
	return template.HTML(s) // #nosec: rendered Markdown
}

// quoteIf returns s quoted and followed by a space, or nothing when s is
// empty, for a name in a message.
func quoteIf(s string) string {
	if s == "" {
		return ""
	}
	return quote(s) + " "
}

// trimHTML returns h, or nothing when it is only white space.
func trimHTML(h template.HTML) template.HTML {
	if strings.TrimSpace(string(h)) == "" {
		return ""
	}
	return h
}

// apiAncestor returns the nearest block above n that pass does not skip,
// or nil: the block a part of an operation is in.
func apiAncestor(n ast.Node, pass func(name string) bool) *Block {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if b := BlockOf(p); b != nil && (pass == nil || !pass(b.Tag.Name)) {
			return b
		}
	}
	return nil
}

// misplaced reports, as a problem, a part of an operation whose nearest
// block above, skipping those pass names, is not named parent.
func misplaced(env Env, node ast.Node, pass func(string) bool, parent string) bool {
	if a := apiAncestor(node, pass); a != nil && a.Tag.Name == parent {
		return false
	}
	b := BlockOf(node)
	env.Problem(b.Tag.Start, quote(b.Tag.Name)+" is outside any "+quote(parent)+" block",
		"put it between {% "+parent+" %} and {% end"+parent+" %}")
	return true
}

// execAPI renders op with templates/api.html.
func execAPI(env Env, op apiOperation) error { return env.Exec("api.html", op) }
