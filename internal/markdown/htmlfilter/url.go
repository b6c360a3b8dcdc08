package htmlfilter

import "strings"

// Scheme returns the lower-cased scheme of u ("https", "javascript"), or ""
// for a relative reference. Like a browser, it ignores leading spaces and
// control characters and tabs or newlines inside the scheme, so
// "java\tscript:" is still "javascript".
func Scheme(u string) string {
	var b [32]byte
	n := 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c <= ' ' && n == 0, c == '\t', c == '\n', c == '\r':
			continue
		case c == ':':
			if n == 0 {
				return ""
			}
			return string(b[:n])
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
		case n > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return ""
		}
		if n == len(b) {
			return ""
		}
		b[n] = c
		n++
	}
	return ""
}

// Unsafe reports whether u must never reach a page: javascript:, vbscript:
// and data: URLs, except data:image/ ones where image is true (an <img>
// does not run scripts).
func Unsafe(u string, image bool) bool {
	switch Scheme(u) {
	case "javascript", "vbscript", "livescript", "mocha":
		return true
	case "data":
		if !image {
			return true
		}
		rest := strings.TrimLeft(u[strings.IndexByte(u, ':')+1:], " \t\n\r")
		return len(rest) < 6 || !strings.EqualFold(rest[:6], "image/")
	}
	return false
}

// External reports whether u leaves the site: an http or https URL,
// including protocol-relative "//host/..." ones.
func External(u string) bool {
	switch Scheme(u) {
	case "http", "https":
		return true
	case "":
		return strings.HasPrefix(strings.TrimLeft(u, " \t\n\r"), "//")
	}
	return false
}

// candidate is one "url descriptor" entry of a srcset.
type candidate struct {
	url, desc string
	off       int // offset of url in the srcset value
}

// parseSrcset splits a srcset value into candidates, following the HTML
// algorithm loosely: URLs run to the next space; a URL ending in commas ends
// its candidate; descriptors run to the next comma outside parentheses.
func parseSrcset(s string) []candidate {
	var out []candidate
	i := 0
	for i < len(s) {
		for i < len(s) && (isSpace(s[i]) || s[i] == ',') {
			i++
		}
		if i == len(s) {
			break
		}
		start := i
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		c := candidate{url: s[start:i], off: start}
		if strings.HasSuffix(c.url, ",") {
			c.url = strings.TrimRight(c.url, ",")
			out = append(out, c)
			continue
		}
		depth := 0
		ds := i
		for i < len(s) && (depth > 0 || s[i] != ',') {
			switch s[i] {
			case '(':
				depth++
			case ')':
				depth = max(0, depth-1)
			}
			i++
		}
		c.desc = strings.TrimSpace(s[ds:i])
		out = append(out, c)
	}
	return out
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// urls passes URL attributes through the scheme check and Filter.URL. It
// returns false when the element itself must go (an <img> without src).
func (s *state) urls(tag string, attrs []attr) ([]attr, bool) {
	out := attrs[:0]
	keep := true
	for _, a := range attrs {
		switch a.name {
		case "href", "src", "poster":
			v, ok := s.rewrite(URL{Tag: tag, Attr: a.name, Image: a.name != "href", Value: a.val, Offset: a.off})
			if !ok {
				if tag == "img" && a.name == "src" {
					keep = false
				}
				continue
			}
			a.val = v
		case "srcset":
			var b strings.Builder
			for _, c := range parseSrcset(a.val) {
				v, ok := s.rewrite(URL{Tag: tag, Attr: a.name, Image: true, Value: c.url, Offset: a.off + c.off})
				if !ok {
					continue
				}
				if b.Len() > 0 {
					b.WriteString(", ")
				}
				b.WriteString(v)
				if c.desc != "" {
					b.WriteByte(' ')
					b.WriteString(c.desc)
				}
			}
			if b.Len() == 0 {
				continue
			}
			a.val = b.String()
		}
		out = append(out, a)
	}
	return out, keep
}

func (s *state) rewrite(u URL) (string, bool) {
	if Unsafe(u.Value, u.Image) {
		return "", false
	}
	if s.f.URL == nil {
		return u.Value, true
	}
	v, ok := s.f.URL(u)
	if !ok || Unsafe(v, u.Image) {
		return "", false
	}
	return v, true
}
