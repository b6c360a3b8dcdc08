package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// TemplateNames are the theme's template files, which Options.Overrides
// may replace. head.html defines the templates "head", "header",
// "footer" and "top" that page.html, 404.html and changes.html use.
var TemplateNames = []string{"page.html", "head.html", "404.html", "changes.html", "redirect.html", "print.html"}

// customCSS is the asset name of Options.CustomCSS.
const customCSS = "custom.css"

// TemplateError is a template override that cannot be used: a file that
// is not one of TemplateNames, or one that does not parse.
type TemplateError struct {
	File string // the override's file name, such as "page.html"
	Line int    // the line at fault, from 1; 0 when unknown
	Msg  string
}

// Error returns "file:line: message".
func (e *TemplateError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// readOverrides reads the *.html files at the top of fsys; other files
// and folders are left alone.
func readOverrides(fsys fs.FS) (map[string][]byte, error) {
	if fsys == nil {
		return nil, nil
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read theme overrides: %w", err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".html" {
			continue
		}
		if !slices.Contains(TemplateNames, name) {
			return nil, &TemplateError{File: name, Msg: "is not a template of the theme; the templates are " + strings.Join(TemplateNames, ", ")}
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read theme override %s: %w", name, err)
		}
		out[name] = data
	}
	return out, nil
}

// parseErrorRE matches the errors of text/template's parser:
// "template: page.html:12: unexpected ...".
var parseErrorRE = regexp.MustCompile(`(?s)^template: [^:]*:(\d+): (.*)$`)

// parseError turns the parser's error for the override file into a
// *TemplateError with the line it names.
func parseError(file string, err error) error {
	te := &TemplateError{File: file, Msg: err.Error()}
	if m := parseErrorRE.FindStringSubmatch(err.Error()); m != nil {
		te.Line, _ = strconv.Atoi(m[1])
		te.Msg = m[2]
	}
	return te
}

// execError names the template that failed when executed, and says when
// the handbook overrides it.
func (t *Theme) execError(name string, err error) error {
	var te *TemplateError
	if errors.As(err, &te) {
		return err
	}
	if len(t.overridden) > 0 {
		var own []string
		for _, n := range TemplateNames {
			if t.overridden[n] {
				own = append(own, n)
			}
		}
		return fmt.Errorf("execute template %s (the handbook overrides %s): %w", name, strings.Join(own, ", "), err)
	}
	return fmt.Errorf("execute template %s: %w", name, err)
}

// CustomCSS returns the path, relative to the site root, of the
// handbook's own stylesheet (Options.CustomCSS), or "" when it has none.
func (t *Theme) CustomCSS() string { return t.urls[customCSS] }

var (
	hexColourRE  = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	nameColourRE = regexp.MustCompile(`^[a-zA-Z]+$`)
)

// notColours are the CSS keywords that match a colour name's form but
// are not a colour an accent can be.
var notColours = []string{"inherit", "initial", "unset", "revert", "currentcolor", "transparent", "none"}

// validColour reports why c is not an accent colour: "#rgb", "#rrggbb" or
// a CSS colour name, letters only. It returns "" for a valid colour.
func validColour(c string) string {
	switch {
	case hexColourRE.MatchString(c):
		return ""
	case nameColourRE.MatchString(c) && slices.Contains(notColours, strings.ToLower(c)):
		return fmt.Sprintf("%q is not a colour", c)
	case nameColourRE.MatchString(c):
		return ""
	case strings.HasPrefix(c, "#"):
		return fmt.Sprintf("%q is not a colour: write # and 3 or 6 hexadecimal digits", c)
	}
	return fmt.Sprintf("%q is not a colour: write #rgb, #rrggbb or a colour name such as teal", c)
}

// The page backgrounds of the theme's two colour schemes, which the
// accent's tinted background is mixed with.
var (
	lightBG = rgb{0xff, 0xff, 0xff}
	darkBG  = rgb{0x0f, 0x11, 0x15}
)

// accentCSS returns the rules that set the accent colour c, and its
// tinted background, in both colour schemes, to follow the theme's
// stylesheet; "" for no colour. A hex colour gets a lighter variant for
// dark mode, so that it stays readable on a dark background; a colour
// name is used as it is in both.
func accentCSS(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	if why := validColour(c); why != "" {
		return "", fmt.Errorf("accent colour %s", why)
	}
	light, dark := strings.ToLower(c), strings.ToLower(c)
	lightTint := "color-mix(in srgb," + light + " 10%,#fff)"
	darkTint := "color-mix(in srgb," + dark + " 15%,#0f1115)"
	if hexColourRE.MatchString(c) {
		col := parseHex(c)
		d := col.atLeastLightness(0.68)
		dark = d.String()
		lightTint = col.mix(lightBG, 0.08).String()
		darkTint = d.mix(darkBG, 0.15).String()
	}
	vars := func(accent, tint string) string {
		return "{--hb-accent:" + accent + ";--hb-accent-bg:" + tint + "}"
	}
	return "\n:root" + vars(light, lightTint) +
		"\n@media (prefers-color-scheme: dark){:root:not([data-theme=\"light\"])" + vars(dark, darkTint) + "}" +
		"\n[data-theme=\"dark\"]" + vars(dark, darkTint) + "\n", nil
}

// rgb is a colour with channels from 0 to 255.
type rgb struct{ r, g, b float64 }

// parseHex reads "#rgb" or "#rrggbb", which the caller has checked.
func parseHex(s string) rgb {
	s = s[1:]
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	n, _ := strconv.ParseUint(s, 16, 32)
	return rgb{float64(n >> 16 & 0xff), float64(n >> 8 & 0xff), float64(n & 0xff)}
}

// String returns "#rrggbb".
func (c rgb) String() string {
	ch := func(v float64) int { return int(math.Round(min(max(v, 0), 255))) }
	return fmt.Sprintf("#%02x%02x%02x", ch(c.r), ch(c.g), ch(c.b))
}

// mix returns w parts of c and 1-w parts of bg.
func (c rgb) mix(bg rgb, w float64) rgb {
	return rgb{c.r*w + bg.r*(1-w), c.g*w + bg.g*(1-w), c.b*w + bg.b*(1-w)}
}

// atLeastLightness returns c with its HSL lightness raised to at least
// l, keeping its hue and saturation.
func (c rgb) atLeastLightness(l float64) rgb {
	r, g, b := c.r/255, c.g/255, c.b/255
	hi, lo := max(r, g, b), min(r, g, b)
	light := (hi + lo) / 2
	if light >= l {
		return c
	}
	var h, s float64
	if d := hi - lo; d > 0 {
		s = d / (1 - math.Abs(2*light-1))
		switch hi {
		case r:
			h = math.Mod((g-b)/d, 6)
		case g:
			h = (b-r)/d + 2
		default:
			h = (r-g)/d + 4
		}
		h *= 60
		if h < 0 {
			h += 360
		}
	}
	// Back from HSL with the new lightness.
	ch := (1 - math.Abs(2*l-1)) * s
	x := ch * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - ch/2
	var r1, g1, b1 float64
	switch {
	case h < 60:
		r1, g1 = ch, x
	case h < 120:
		r1, g1 = x, ch
	case h < 180:
		g1, b1 = ch, x
	case h < 240:
		g1, b1 = x, ch
	case h < 300:
		r1, b1 = x, ch
	default:
		r1, b1 = ch, x
	}
	return rgb{(r1 + m) * 255, (g1 + m) * 255, (b1 + m) * 255}
}
