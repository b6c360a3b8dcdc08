package markdown

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// HighlightCSS returns the stylesheet for highlighted code blocks: the light
// rules, then the dark ones twice, under `@media (prefers-color-scheme:
// dark)` (unless the page says data-theme="light") and under
// `[data-theme="dark"]`, so a theme toggle on the root element wins over
// the system setting either way. Where the light style sets a property the
// dark one leaves alone, the dark rules reset it, so no light colour leaks
// into dark mode.
func HighlightCSS() []byte {
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithCSSComments(false))
	light := cssRules(f, styles.Get(lightStyle))
	dark := cssRules(f, styles.Get(darkStyle))

	byName := map[string]string{}
	for _, r := range dark {
		byName[r.sel] = r.decls
	}
	var darkRules []cssRule
	seen := map[string]bool{}
	for _, r := range light {
		seen[r.sel] = true
		d := strings.TrimSpace(resets(r.decls, byName[r.sel]) + byName[r.sel])
		if d != "" && d != r.decls {
			darkRules = append(darkRules, cssRule{r.sel, d})
		}
	}
	for _, r := range dark {
		if !seen[r.sel] {
			darkRules = append(darkRules, r)
		}
	}

	var b bytes.Buffer
	b.WriteString("/* Code highlighting (chroma " + lightStyle + " / " + darkStyle + ") */\n")
	for _, r := range light {
		b.WriteString(r.sel + " { " + r.decls + " }\n")
	}
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	for _, r := range darkRules {
		b.WriteString(`  :root:not([data-theme="light"]) ` + r.sel + " { " + r.decls + " }\n")
	}
	b.WriteString("}\n")
	for _, r := range darkRules {
		b.WriteString(`[data-theme="dark"] ` + r.sel + " { " + r.decls + " }\n")
	}
	return b.Bytes()
}

type cssRule struct{ sel, decls string }

// cssRules reads back the "selector { declarations }" lines chroma writes.
func cssRules(f *chromahtml.Formatter, s *chroma.Style) []cssRule {
	var b bytes.Buffer
	_ = f.WriteCSS(&b, s)
	var out []cssRule
	for line := range strings.Lines(b.String()) {
		sel, decls, ok := strings.Cut(strings.TrimSpace(line), " { ")
		if !ok {
			continue
		}
		decls = strings.TrimSpace(strings.TrimSuffix(decls, "}"))
		if !strings.HasSuffix(decls, ";") {
			decls += ";"
		}
		out = append(out, cssRule{sel, decls})
	}
	return out
}

// resets returns declarations undoing the properties light sets and dark
// does not.
func resets(light, dark string) string {
	reset := map[string]string{
		"color":            "inherit",
		"background-color": "transparent",
		"font-weight":      "inherit",
		"font-style":       "inherit",
		"text-decoration":  "none",
	}
	var b strings.Builder
	for decl := range strings.SplitSeq(light, ";") {
		prop, _, ok := strings.Cut(decl, ":")
		prop = strings.TrimSpace(prop)
		v, resettable := reset[prop]
		if !ok || !resettable || strings.Contains(dark, prop+":") {
			continue
		}
		b.WriteString(prop + ": " + v + "; ")
	}
	return b.String()
}
