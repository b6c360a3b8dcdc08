package icons

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed icons.gen.txt.gz
var data string

// Styles, in the order a bare name looks for them.
const (
	solid = iota
	regular
	brands
	numStyles
)

// icon holds the rendered <svg> of one name in each style; "" when the
// name has no icon in that style.
type icon [numStyles]string

// load decodes the embedded data on first use.
var load = sync.OnceValue(func() map[string]icon { return decode(data) })

// SVG returns an inline <svg> for the Font Awesome icon named by class or
// name ("fa-github", "github", "fa-solid fa-bolt", "triangle-exclamation"),
// with aria-hidden="true", class="icon", fill="currentColor", width and
// height 1em, and whether it exists.
func SVG(name string) (string, bool) {
	icons := load()
	var (
		found icon
		ok    bool
		style = -1
	)
	for word := range strings.FieldsSeq(name) {
		word = lower(word)
		if s, isStyle := styleWord(word); isStyle {
			style = s
			continue
		}
		if !ok {
			found, ok = icons[strings.TrimPrefix(word, "fa-")]
		}
	}
	if !ok {
		return "", false
	}
	if style >= 0 && found[style] != "" {
		return found[style], true
	}
	for _, svg := range found {
		if svg != "" {
			return svg, true
		}
	}
	return "", false
}

// styleWord reports the style a class word chooses.
func styleWord(w string) (int, bool) {
	switch w {
	case "fa-solid", "fas":
		return solid, true
	case "fa-regular", "far":
		return regular, true
	case "fa-brands", "fab":
		return brands, true
	}
	return 0, false
}

// lower lowercases ASCII letters, without allocating when there are none.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
