package blocks

import (
	"html/template"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindCode is the kind of code option blocks (section 4.4).
var KindCode = ast.NewNodeKind("Code")

// Code is the code options block: {% code title="deploy.sh"
// overflow="wrap" lineNumbers="true" expandable="true" %} around a fenced
// code block. The fence is highlighted as any other; the block adds a
// title bar, wrapped lines, line numbers and a collapsed view with a
// "Show all N lines" control. Every code block of a page, in this block
// or not, gets a copy button from assets/code.js.
var Code Def = code{}

type code struct{}

// codeArgs are the arguments a code block takes.
var codeArgs = []string{"title", "overflow", "lineNumbers", "expandable", "fullWidth"}

// codeCollapsed is how many lines an expandable code block shows until
// the reader asks for all of them.
const codeCollapsed = 10

func (code) Names() []string { return []string{"code"} }

func (code) Extend(m goldmark.Markdown) {
	extendKind(m, KindCode, captured(renderCode), "code")
}

// Degrade writes the fence as written, with the title as a bold line
// before it.
func (code) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	d.Blank()
	if title, _ := n.Tag.Arg("title"); strings.TrimSpace(title) != "" {
		d.Line("**" + escapeMarkdown(strings.TrimSpace(title)) + "**")
		d.Blank()
	}
	d.Write(inner)
	d.Blank()
}

// codeData is what templates/code.html gets.
type codeData struct {
	Title       string
	Wrap        bool // overflow="wrap": long lines wrap instead of scrolling
	LineNumbers bool
	// Expandable is set when the block asks to collapse the code and it
	// is longer than the codeCollapsed lines assets/code.css shows.
	Expandable bool
	Lines      int // lines of code
	FullWidth  bool
	Body       template.HTML // the highlighted fence
}

func renderCode(env Env, node ast.Node, b *Block, body template.HTML, _ []any) error {
	lines, fences := 0, 0
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			fences++
			lines += c.Lines().Len()
		}
	}
	args := &argReader{env: env, block: "code", tag: b.Tag}
	switch {
	case fences == 0:
		args.problem(b.Tag.Start, "code block without a fenced code block", "put a ``` fence between {% code %} and {% endcode %}")
	case fences > 1:
		args.problem(b.Tag.Start, "code block with more than one fenced code block", "give each fence its own {% code %} block")
	}
	data := codeData{
		Title:       args.str("title"),
		LineNumbers: args.flag("lineNumbers"),
		FullWidth:   args.flag("fullWidth"),
		Lines:       lines,
		Body:        body,
	}
	switch v := args.str("overflow"); v {
	case "wrap":
		data.Wrap = true
	case "", "scroll":
	default:
		args.problem(argOffset(b.Tag, "overflow"), "unknown code overflow "+quote(v), `use overflow="wrap", or leave it out to scroll`)
	}
	data.Expandable = args.flag("expandable") && lines > codeCollapsed
	args.done(codeArgs...)
	if data.LineNumbers {
		data.Body = template.HTML(numberLines(string(body))) // #nosec: rendered by the engine; only spans added
	}
	return env.Exec("code.html", data)
}

// numberLines wraps each line of a code block written without
// highlighting in the spans chroma writes around highlighted lines
// (<span class="line"><span class="cl">…</span></span>), so that line
// numbers, CSS counters on .line, show on every code block. Highlighted
// code is returned as it is.
func numberLines(body string) string {
	if strings.Contains(body, `<span class="line">`) {
		return body
	}
	const open = `<pre tabindex="0"><code`
	i := strings.Index(body, open)
	if i < 0 {
		return body
	}
	i += len(open)
	j := strings.IndexByte(body[i:], '>')
	if j < 0 {
		return body
	}
	start := i + j + 1
	k := strings.Index(body[start:], "</code></pre>")
	if k < 0 {
		return body
	}
	var b strings.Builder
	b.WriteString(body[:start])
	for line := range strings.Lines(body[start : start+k]) {
		b.WriteString(`<span class="line"><span class="cl">` + line + `</span></span>`)
	}
	b.WriteString(body[start+k:])
	return b.String()
}

// argReader reads the arguments of a block's start tag, checking each
// as it goes, and reports what is wrong in the order written.
type argReader struct {
	env      Env
	block    string // the block's name, for messages
	tag      liquid.Tag
	problems []Problem
}

// str returns the argument key, trimmed, or "".
func (r *argReader) str(key string) string {
	v, _ := r.tag.Arg(key)
	return strings.TrimSpace(v)
}

// flag returns whether the argument key is "true", reporting a value
// other than "true" or "false".
func (r *argReader) flag(key string) bool {
	switch v := r.str(key); v {
	case "true":
		return true
	case "", "false":
		return false
	default:
		r.problem(argOffset(r.tag, key), r.block+" "+key+" is "+quote(v)+`, not "true" or "false"`, "write "+key+`="true" or leave it out`)
		return false
	}
}

// problem records a problem, reported by done.
func (r *argReader) problem(off int, msg, hint string) {
	r.problems = append(r.problems, Problem{Offset: off, Msg: msg, Hint: hint})
}

// done reports the arguments not named in known, which GitBook ignores
// too, and every problem found, by position.
func (r *argReader) done(known ...string) {
	for _, a := range r.tag.Args {
		switch {
		case a.Key == "":
			r.problem(a.Start, r.block+" argument without a name: "+quote(a.Value), `write name="value"; `+r.block+" takes "+strings.Join(known, ", "))
		case !slices.Contains(known, a.Key):
			r.problem(a.Start, "unknown "+r.block+" argument "+quote(a.Key), r.block+" takes "+strings.Join(known, ", "))
		}
	}
	slices.SortStableFunc(r.problems, func(a, b Problem) int { return a.Offset - b.Offset })
	for _, p := range r.problems {
		r.env.Problem(p.Offset, p.Msg, p.Hint)
	}
	r.problems = nil
}

// escapeMarkdown backslash-escapes what would make plain text inline
// Markdown: emphasis, code, links, HTML and backslashes.
func escapeMarkdown(s string) string {
	return backslashEscape(s, "\\`*_[]<>#|~")
}
