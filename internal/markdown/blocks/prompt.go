package blocks

import (
	"bytes"
	"html/template"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/icons"
	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindPrompt is the kind of prompt blocks (section 4.24).
var KindPrompt = ast.NewNodeKind("Prompt")

// Prompt is the AI prompt card:
//
//	{% prompt description="Summarise a release" icon="rectangle-terminal" defaultExpanded="full" openInAIProviders="true" %}
//	```text
//	Summarise these notes in five bullets.
//	```
//	{% endprompt %}
//
// It shows the description, the prompt, a "Copy prompt" button and, with
// openInAIProviders="true", links that open the prompt in ChatGPT and
// Claude. The prompt is the text of the fence when the block holds only
// one, else the block's Markdown as written.
var Prompt Def = promptDef{}

type promptDef struct{}

// promptLines is how many lines a partly visible prompt shows.
const promptLines = 10

// promptVisibility maps the values of defaultExpanded to how much of the
// prompt shows at first: GitBook's editor offers hidden, partially visible
// (the first ten lines) and fully visible; only "full" is seen in files,
// so the other two names are ours. Without the argument the prompt is
// partly visible.
var promptVisibility = map[string]string{
	"full":    "full",
	"partial": "partial",
	"hidden":  "hidden",
}

// promptProviders are the AI tools a prompt can open in, with the URL
// that takes the prompt as a query.
var promptProviders = []struct{ Name, URL string }{
	{"ChatGPT", "https://chatgpt.com/?q="},
	{"Claude", "https://claude.ai/new?q="},
}

func (promptDef) Names() []string { return []string{"prompt"} }

func (promptDef) Extend(m goldmark.Markdown) {
	extendKind(m, KindPrompt, renderPrompt, "prompt")
}

// Degrade writes the description as a labelled line, then the prompt as
// written: "**Prompt:** Summarise a release" and the fence.
func (promptDef) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	d.Blank()
	label := "**Prompt:**"
	if desc := strings.Join(strings.Fields(tagArg(n.Tag, "description")), " "); desc != "" {
		label += " " + desc
	}
	d.Line(label)
	d.Blank()
	d.Write(bytes.Trim(inner, "\n"))
	d.Blank()
}

// promptData is what templates/prompt.html gets.
type promptData struct {
	Description template.HTML // inline Markdown
	Icon        string        // Font Awesome name
	Text        string        // the prompt, for copying
	Visibility  string        // full, partial or hidden
	Collapsible bool          // partial and longer than promptLines, or hidden
	Lines       int           // lines of the prompt
	Providers   []promptLink
	Body        template.HTML
}

// promptLink opens the prompt in an AI tool.
type promptLink struct {
	Name string
	URL  string
}

func renderPrompt(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if !ok {
		return ast.WalkContinue, nil
	}
	if entering {
		env.Begin()
		return ast.WalkContinue, nil
	}
	body, _ := env.End()
	b := BlockOf(node)
	text := promptText(node, b, src)
	data := promptData{
		Icon:       "terminal",
		Text:       text,
		Visibility: "partial",
		Lines:      strings.Count(text, "\n") + 1,
		Body:       body,
	}
	if text == "" {
		env.Problem(b.Tag.Start, "empty prompt", "write the prompt in a code block between {% prompt %} and {% endprompt %}")
		data.Lines = 0
	}
	if desc := strings.TrimSpace(b.Arg("description", "")); desc != "" {
		data.Description = env.Markdown(desc)
	}
	if name := b.Arg("icon", ""); name != "" {
		// GitBook's icons include Font Awesome Pro ones ("rectangle-terminal",
		// its own example) that the free set lacks: those keep the default.
		if _, ok := icons.SVG(name); ok {
			data.Icon = name
		}
	}
	if v, ok := b.Tag.Arg("defaultExpanded"); ok {
		if vis, known := promptVisibility[v]; known {
			data.Visibility = vis
		} else {
			env.Problem(argOffset(b.Tag, "defaultExpanded"), "unknown prompt visibility "+quote(v),
				`use "full" to show the whole prompt, "partial" for its first ten lines or "hidden"`)
		}
	}
	data.Collapsible = data.Visibility == "hidden" || data.Visibility == "partial" && data.Lines > promptLines
	switch v, _ := b.Tag.Arg("openInAIProviders"); v {
	case "true":
		if text != "" {
			for _, p := range promptProviders {
				data.Providers = append(data.Providers, promptLink{Name: p.Name, URL: p.URL + queryEscape(text)})
			}
		}
	case "false", "":
	default:
		env.Problem(argOffset(b.Tag, "openInAIProviders"), "invalid openInAIProviders value "+quote(v), `use "true" or "false"`)
	}
	return ast.WalkContinue, env.Exec("prompt.html", data)
}

// queryEscape encodes s for a URL query, with spaces as %20, which every
// provider reads.
func queryEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// promptText returns the prompt of the block b (node n): the content of
// its code block when that is all it holds, else its Markdown as written,
// without the indentation of the tag's line.
func promptText(n ast.Node, b *Block, src []byte) string {
	if c := n.FirstChild(); c != nil && c.NextSibling() == nil &&
		(c.Kind() == ast.KindFencedCodeBlock || c.Kind() == ast.KindCodeBlock) {
		var t []byte
		lines := c.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			t = append(t, seg.Value(src)...)
		}
		return strings.TrimSpace(string(t))
	}
	start := lineAfter(src, b.Tag.Stop)
	stop := start
	if b.End != nil {
		stop = max(start, lineStart(src, b.End.Start))
	} else if last := lastLine(n); last > start {
		stop = last
	}
	prefix := src[lineStart(src, b.Tag.Start):b.Tag.Start]
	var t []byte
	for line := range bytes.Lines(src[start:stop]) {
		rest, ok := bytes.CutPrefix(line, prefix)
		if !ok {
			rest = bytes.TrimLeft(line, " \t")
		}
		t = append(t, rest...)
	}
	return strings.TrimSpace(string(t))
}

// lastLine returns where the last line of n's content ends, or 0.
func lastLine(n ast.Node) int {
	stop := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			stop = max(stop, c.Lines().At(c.Lines().Len()-1).Stop)
		}
		return ast.WalkContinue, nil
	})
	return stop
}
