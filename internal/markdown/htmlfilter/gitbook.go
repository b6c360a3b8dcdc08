package htmlfilter

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// colors are the text and highlight colours GitBook writes in the style
// attribute of <mark>, <span> and icons (`<mark style="color:red;
// background-color:$warning;">`), the only ones a page keeps: each becomes
// a class, hb-color-<name> for the text and hb-bg-<name> for the
// background, so no inline CSS reaches the page. "$primary" and "primary"
// are the same colour.
const colors = "red orange yellow green blue purple primary info success warning danger"

// colorHint lists colors for an author who wrote another colour.
const colorHint = "GitBook's colours are red, orange, yellow, green, blue and purple, and " +
	"$primary, $info, $success, $warning and $danger; other colours are dropped"

// IsColor reports whether name (without "$") is one of the colours GitBook
// writes for text, highlights and select options that a page keeps.
func IsColor(name string) bool {
	for c := range strings.FieldsSeq(colors) {
		if name == c {
			return true
		}
	}
	return false
}

// colorClasses returns the classes for the colours of a style attribute,
// "" when it names none of colors.
func colorClasses(style string) string {
	var classes []string
	for decl := range strings.SplitSeq(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		prefix := ""
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "color":
			prefix = "hb-color-"
		case "background-color", "background":
			prefix = "hb-bg-"
		default:
			continue
		}
		if v = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(v)), "$"); IsColor(v) {
			classes = append(classes, prefix+v)
		}
	}
	return strings.Join(classes, " ")
}

// IconName returns the Font Awesome name in the class of a GitBook icon,
// <i class="fa-github">: the class itself when one of its words starts
// with "fa-", and "" otherwise.
func IconName(class string) string {
	for w := range strings.FieldsSeq(class) {
		if strings.HasPrefix(strings.ToLower(w), "fa-") {
			return class
		}
	}
	return ""
}

// SkipsContent reports which element raw, one start tag, begins when Write
// drops what that element encloses, so that a caller splitting HTML into
// pieces (goldmark gives one node per inline tag) can drop the pieces in
// between: script-like elements (see DropsContent) and a GitBook icon
// (<i class="fa-…">fallback</i>) that icon can draw. It returns "" for any
// other tag.
func SkipsContent(raw []byte, icon func(string) (string, bool)) string {
	if name := DropsContent(raw); name != "" {
		return name
	}
	if len(raw) < 3 || raw[0] != '<' || bytes.HasSuffix(raw, []byte("/>")) {
		return ""
	}
	if raw[1]|0x20 != 'i' || icon == nil { // not <i: no tokenizer needed
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	if z.Next() != html.StartTagToken {
		return ""
	}
	name, hasAttr := z.TagName()
	if string(name) != "i" {
		return ""
	}
	var class string
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "class" {
			class = string(v)
		}
	}
	if IconName(class) != "" {
		if _, ok := icon(IconName(class)); ok {
			return "i"
		}
	}
	return ""
}

// hasEndTag reports whether rest holds an end tag of element name.
func hasEndTag(rest []byte, name string) bool {
	for i := 0; ; {
		j := bytes.Index(rest[i:], []byte("</"))
		if j < 0 {
			return false
		}
		i += j + 2
		if len(rest)-i >= len(name) && bytes.EqualFold(rest[i:i+len(name)], []byte(name)) {
			if k := i + len(name); k == len(rest) || rest[k] == '>' || isSpace(rest[k]) {
				return true
			}
		}
	}
}

// gitbook applies the rules for GitBook's own markup to a start tag that is
// about to be written with attrs: icons drawn in place of <i class="fa-…">,
// action buttons. It returns the attributes to write, or done when it wrote
// (or dropped) the element itself. rest is what follows the tag in the
// fragment.
func (s *state) gitbook(name string, attrs []attr, rest []byte) ([]attr, bool) {
	switch name {
	case "i":
		icon := IconName(attrValue(attrs, "class"))
		if icon == "" || s.f.Icon == nil {
			return attrs, false
		}
		closed := hasEndTag(rest, "i")
		if !closed && len(bytes.TrimSpace(rest)) > 0 {
			return attrs, false // unclosed: the fallback text is all there is
		}
		svg, ok := s.f.Icon(icon)
		if !ok {
			s.unknownIcon(icon, attrOffset(attrs, "class"), "the text inside is shown instead")
			return attrs, false
		}
		s.seen = true
		if c := colorsOf(attrValue(attrs, "class")); c != "" {
			s.str(`<span class="` + c + `">` + svg + `</span>`)
		} else {
			s.str(svg)
		}
		if closed {
			s.skip, s.skipDepth = "i", 1
		}
		return nil, true
	case "button":
		switch strings.ToLower(strings.TrimSpace(attrValue(attrs, "data-action"))) {
		case "search", "ask": // asking opens the search too: there is no assistant
			out := []attr{{name: "type", val: "button"}}
			for _, a := range attrs {
				if a.name != "type" {
					out = append(out, a)
				}
			}
			return out, false
		}
		return nil, true // a form control or an unknown action: its text stays
	}
	return attrs, false
}

// checkColors reports the colours of style, written at offset at, that
// GitBook does not offer: they are dropped.
func (s *state) checkColors(style string, at int) {
	if s.f.Problem == nil {
		return
	}
	off := at
	for decl := range strings.SplitSeq(style, ";") {
		declAt := off
		off += len(decl) + 1
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		what := ""
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "color":
			what = "text colour"
		case "background-color", "background":
			what = "highlight colour"
		default:
			continue
		}
		name := strings.TrimSpace(v)
		if IsColor(strings.TrimPrefix(strings.ToLower(name), "$")) {
			continue
		}
		valueAt := declAt + len(k) + 1 + len(v) - len(strings.TrimLeft(v, " \t"))
		s.f.Problem(valueAt, "unknown "+what+" "+strconv.Quote(name), colorHint)
	}
}

// unknownIcon reports an icon Filter.Icon cannot draw, named at offset at;
// instead says what shows in its place.
func (s *state) unknownIcon(name string, at int, instead string) {
	if s.f.Problem != nil {
		s.f.Problem(at, "unknown icon "+strconv.Quote(name), IconHint+"; "+instead)
	}
}

// IconHint says which icons GitBook's markup may name.
const IconHint = `use the name of a Font Awesome Free icon (solid, regular or brands), such as "fa-rocket" or "fa-github"`

// attrOffset returns the offset of the value of attribute name, or 0.
func attrOffset(attrs []attr, name string) int {
	for _, a := range attrs {
		if a.name == name {
			return a.off
		}
	}
	return 0
}

// colorsOf returns the hb-color-* and hb-bg-* words of class.
func colorsOf(class string) string {
	var out []string
	for w := range strings.FieldsSeq(class) {
		if strings.HasPrefix(w, "hb-color-") || strings.HasPrefix(w, "hb-bg-") {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// attrValue returns the value of attribute name, or "".
func attrValue(attrs []attr, name string) string {
	for _, a := range attrs {
		if a.name == name {
			return a.val
		}
	}
	return ""
}

// withColors adds the classes for the colours of style to attrs.
func withColors(attrs []attr, style string) []attr {
	c := colorClasses(style)
	if c == "" {
		return attrs
	}
	for i, a := range attrs {
		if a.name == "class" {
			attrs[i].val = strings.TrimSpace(a.val + " " + c)
			return attrs
		}
	}
	return append(attrs, attr{name: "class", val: c})
}
