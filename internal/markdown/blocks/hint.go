package blocks

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindHint is the kind of hint blocks (section 4.1).
var KindHint = ast.NewNodeKind("Hint")

// Hint is the hint block: {% hint style="warning" %} … {% endhint %}, a
// coloured callout holding any Markdown.
var Hint Def = hint{}

type hint struct{}

// hintStyles are the styles GitBook offers, with their label and icon.
var hintStyles = map[string][2]string{
	"info":    {"Info", "circle-info"},
	"success": {"Success", "circle-check"},
	"warning": {"Warning", "circle-exclamation"},
	"danger":  {"Danger", "triangle-exclamation"},
}

func (hint) Names() []string { return []string{"hint"} }

func (hint) Extend(m goldmark.Markdown) {
	extendKind(m, KindHint, captured(renderHint), "hint")
}

// hintStyle returns the style of b, and whether it is one GitBook knows.
func hintStyle(t liquid.Tag) (string, bool) {
	s, ok := t.Arg("style")
	if !ok || s == "" {
		return "info", true
	}
	_, known := hintStyles[s]
	if !known {
		return "info", false
	}
	return s, true
}

// Degrade writes a blockquote that starts with the style's label:
// "> **Warning:** text".
func (hint) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	style, _ := hintStyle(n.Tag)
	label := "**" + hintStyles[style][0] + ":**"
	body := bytes.TrimLeft(d.Dedent(inner), "\n")
	first, rest, _ := bytes.Cut(body, []byte("\n"))
	d.Blank()
	if plainLine(first) {
		d.Quote("> ", append([]byte(label+" "), first...))
		body = rest
	} else {
		d.Line("> " + label)
		d.Line(">")
	}
	var b []byte
	for line := range bytes.Lines(body) {
		b = append(append(b, d.indent...), line...)
	}
	d.Quote("> ", bytes.TrimRight(b, "\n"))
	d.Blank()
}

// plainLine reports whether line is the start of an ordinary paragraph,
// which a label can precede on the same line.
func plainLine(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return false
	}
	return !strings.ContainsRune("#-*+>|<`~{=0123456789", rune(line[0]))
}

// hintData is what templates/hint.html gets.
type hintData struct {
	Style string // info, success, warning or danger
	Label string // "Info", "Warning"...
	Icon  string // Font Awesome name
	Body  template.HTML
}

func renderHint(env Env, _ ast.Node, b *Block, body template.HTML, _ []any) error {
	style, known := hintStyle(b.Tag)
	if !known {
		v, _ := b.Tag.Arg("style")
		env.Problem(argOffset(b.Tag, "style"), "unknown hint style "+quote(v), "use info, success, warning or danger")
	}
	return env.Exec("hint.html", hintData{
		Style: style,
		Label: hintStyles[style][0],
		Icon:  b.Arg("icon", hintStyles[style][1]),
		Body:  body,
	})
}
