package config

import (
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// Theme is the theme mapping of handbook.yaml: how the site changes the
// look of the default theme.
type Theme struct {
	// LogoDark is the logo shown in dark mode, written like Site.Logo: the
	// path of an image file or an image URL; "" shows the logo.
	LogoDark string
	// Accent is the accent colour of links, focus rings and current
	// items: "#rgb" or "#rrggbb", as written, or a CSS colour name in
	// lower case; "" keeps the theme's.
	Accent string
	// CSS is the path, relative to the repository root and cleaned, of a
	// stylesheet loaded after the theme's; "" for none.
	CSS string
}

var (
	themeKeys = []string{"logo_dark", "accent", "css"}

	hexColourRE  = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	nameColourRE = regexp.MustCompile(`^[a-z]+$`)

	// cssKeywords match a colour name's form but are not a colour an
	// accent can be.
	cssKeywords = []string{"inherit", "initial", "unset", "revert", "currentcolor", "transparent", "none"}
)

// themeConfig decodes the theme mapping: {logo_dark, accent, css}.
func themeConfig(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, v *yaml.Node) Theme {
	var t Theme
	pairs, ok := mappingPairs(doc, ds, "theme", v, "a mapping with logo_dark, accent or css",
		"write \"theme:\" with, for example, \"accent: \\\"#0a7d5a\\\"\" indented below it")
	if !ok {
		return t
	}
	for _, p := range pairs {
		key := "theme." + p.Key
		switch p.Key {
		case "logo_dark":
			t.LogoDark = strings.TrimSpace(text(doc, ds, key, p.Value))
		case "accent":
			if c := commentedColour(p); c != "" {
				ds.Add(diag.Errorf(doc.Pos(p.KeyNode), "theme.accent has no value: %q after it is a YAML comment", c).
					WithHint("put the colour in quotes: accent: \"%s\"", c))
			}
			t.Accent = accent(doc, ds, p.Value)
		case "css":
			t.CSS = stylesheet(doc, ds, p.Value)
		default:
			ds.Add(unknownKey(doc, diag.Error, p, "theme", themeKeys))
			continue
		}
		pos[key] = doc.Pos(p.Value)
	}
	return t
}

// commentedColour returns the colour of "accent: #0a7d5a", which YAML
// reads as a key with no value and a comment; "" for any other pair.
func commentedColour(p yamldiag.Pair) string {
	if !yamldiag.IsNull(p.Value) {
		return ""
	}
	for _, c := range []string{p.Value.LineComment, p.KeyNode.LineComment} {
		if c, _, _ = strings.Cut(strings.TrimSpace(c), " "); hexColourRE.MatchString(c) {
			return c
		}
	}
	return ""
}

// accent reads theme.accent: "#rgb", "#rrggbb" or a colour name. The
// value goes into a stylesheet, so nothing else is let through.
func accent(doc *yamldiag.Doc, ds *diag.List, v *yaml.Node) string {
	raw := strings.TrimSpace(text(doc, ds, "theme.accent", v))
	hint := "write # and 3 or 6 hexadecimal digits in quotes, such as \"#0a7d5a\", or a colour name such as teal"
	switch name := strings.ToLower(raw); {
	case raw == "":
		return ""
	case hexColourRE.MatchString(raw):
		return raw
	case nameColourRE.MatchString(name) && slices.Contains(cssKeywords, name):
		ds.Add(diag.Errorf(doc.Pos(v), "theme.accent %q is not a colour", raw).WithHint("%s", hint))
	case nameColourRE.MatchString(name):
		return name
	default:
		ds.Add(diag.Errorf(doc.Pos(v), "theme.accent %q is not a colour the theme accepts", raw).WithHint("%s", hint))
	}
	return ""
}

// stylesheet reads theme.css: a path in the repository, cleaned.
func stylesheet(doc *yamldiag.Doc, ds *diag.List, v *yaml.Node) string {
	raw := strings.TrimSpace(text(doc, ds, "theme.css", v))
	if raw == "" {
		return ""
	}
	if isURL(raw) {
		ds.Add(diag.Errorf(doc.Pos(v), "theme.css %q is a URL, not a file in the repository", raw).
			WithHint("put the stylesheet in the repository, such as .handbook/theme.css, and write its path"))
		return ""
	}
	p, ok := cleanPath(raw)
	if !ok || p == "." {
		ds.Add(diag.Errorf(doc.Pos(v), "theme.css %q is not a file in the repository", raw).
			WithHint("write the path of a stylesheet relative to the repository root, such as .handbook/theme.css"))
		return ""
	}
	if !strings.HasSuffix(strings.ToLower(p), ".css") {
		ds.Add(diag.Warnf(doc.Pos(v), "theme.css %q does not end in .css", raw).
			WithHint("the file is read as CSS whatever its name"))
	}
	return p
}

// isURL reports whether s starts with a URL scheme such as "https:".
func isURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	return ok && scheme != "" && !strings.ContainsAny(scheme, "/.") && len(scheme) > 1
}
