package mathml

import (
	"math"
	"strconv"
	"strings"
)

// color reads the braced color argument of \color or \textcolor: a name
// such as red, or #rgb, #rrggbb and the like.
func (p *parser) color(t token) (string, bool) {
	s, ok := p.rawGroup()
	if !ok {
		p.fail(t.pos, "missing color after %q", `\`+t.name)
		return "", false
	}
	s = strings.TrimSpace(s)
	if !validColor(s) {
		p.fail(t.pos, "invalid color %q", s)
		return "", false
	}
	return s, true
}

// validColor reports whether s is a color name or a hex color.
func validColor(s string) bool {
	if h, ok := strings.CutPrefix(s, "#"); ok {
		switch len(h) {
		case 3, 4, 6, 8:
		default:
			return false
		}
		for i := 0; i < len(h); i++ {
			c := h[i]
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
		return true
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return true
}

// units are the TeX units a dimension may have, with the CSS unit and the
// factor that turn it into CSS.
var units = map[string]struct {
	css    string
	factor float64
}{
	"em": {"em", 1}, "ex": {"ex", 1}, "pt": {"pt", 1}, "px": {"px", 1},
	"pc": {"pc", 1}, "bp": {"pt", 1}, "mm": {"mm", 1}, "cm": {"cm", 1},
	"in": {"in", 1}, "mu": {"em", 1.0 / 18},
}

// dimension reads a dimension such as 1em or -3mu, braced for \hspace or
// bare for \kern, and returns it as a CSS length.
func (p *parser) dimension(t token, braced bool) (string, bool) {
	var s string
	if braced {
		g, ok := p.rawGroup()
		if !ok {
			p.fail(t.pos, "missing dimension after %q", `\`+t.name)
			return "", false
		}
		s = g
	} else {
		i := p.skip(p.pos)
		j := i
		for j < len(p.src) && strings.IndexByte("+-.0123456789 ", p.src[j]) >= 0 {
			j++
		}
		if j+2 <= len(p.src) {
			j += 2
		}
		s = p.src[i:j]
		if _, ok := cssLength(s); ok {
			p.pos = j
		}
	}
	w, ok := cssLength(s)
	if !ok {
		p.fail(t.pos, "invalid dimension %q", strings.TrimSpace(s))
	}
	return w, ok
}

// cssLength turns a TeX dimension into a CSS length.
func cssLength(s string) (string, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if len(s) < 3 {
		return "", false
	}
	u, ok := units[s[len(s)-2:]]
	if !ok {
		return "", false
	}
	num := s[:len(s)-2]
	if strings.Trim(num, "+-.0123456789") != "" || strings.LastIndexAny(num, "+-") > 0 {
		return "", false
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v > 1e6 || v < -1e6 {
		return "", false
	}
	v = math.Round(v*u.factor*1e4) / 1e4
	return strconv.FormatFloat(v, 'f', -1, 64) + u.css, true
}
