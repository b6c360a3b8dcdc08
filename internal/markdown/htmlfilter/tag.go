package htmlfilter

import (
	"bytes"

	"golang.org/x/net/html"
)

// Literal reports whether the single tag raw (one goldmark inline raw HTML
// node) would be printed as text by Write, like "<customer>" or
// "<summary of incident>".
func Literal(raw []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(raw))
	tt := z.Next()
	if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
		return false
	}
	name, hasAttr := z.TagName()
	e, ok := defaultPolicy.elements[string(name)]
	if !ok || e.action == literal {
		return true
	}
	if e.action != allow || tt == html.EndTagToken {
		return false
	}
	for hasAttr {
		var k []byte
		k, _, hasAttr = z.TagAttr()
		if _, known := defaultPolicy.attr(e, string(k)); !known {
			return true
		}
	}
	return false
}

// AnchorID reports whether raw is the start tag of an anchor GitBook writes
// after a heading's text, `<a href="#structure" id="structure">` or
// `<a id="balance-settings">`, and returns its id.
func AnchorID(raw []byte) (string, bool) {
	if len(raw) < 3 || raw[0] != '<' || raw[1]|0x20 != 'a' || !isSpace(raw[2]) {
		return "", false
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	if z.Next() != html.StartTagToken {
		return "", false
	}
	_, hasAttr := z.TagName()
	id := ""
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "id", "name":
			if id == "" {
				id = string(bytes.TrimSpace(v))
			}
		case "href":
			if len(v) > 0 && v[0] != '#' {
				return "", false // a real link, not an anchor
			}
		}
	}
	return id, id != ""
}

// DropsContent returns the lower-cased element name when raw starts with the
// start tag of an element that Write drops together with its content
// (<script>, <style>, <svg>, <iframe>, ...), and "" otherwise. It lets a
// caller that splits HTML into pieces, as goldmark does for inline tags,
// drop the pieces in between.
func DropsContent(raw []byte) string {
	if len(raw) < 3 || raw[0] != '<' || bytes.HasSuffix(raw, []byte("/>")) {
		return ""
	}
	var name [16]byte
	n := 0
	for _, c := range raw[1:] {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9' && n > 0:
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '>' || isSpace(c) || c == '/':
			if e, ok := defaultPolicy.elements[string(name[:n])]; ok && e.action == dropAll && !e.void {
				return string(name[:n])
			}
			return ""
		default:
			return ""
		}
		if n == len(name) {
			return ""
		}
		name[n] = c
		n++
	}
	return ""
}

// IsEndTag reports whether raw is the end tag of element name.
func IsEndTag(raw []byte, name string) bool {
	raw = bytes.TrimRight(raw, " \t\r\n>")
	return len(raw) == len(name)+2 && raw[0] == '<' && raw[1] == '/' && bytes.EqualFold(raw[2:], []byte(name))
}
