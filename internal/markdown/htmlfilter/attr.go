package htmlfilter

import (
	"bytes"
	"strings"
)

// attr is an attribute kept on a tag.
type attr struct {
	name, val string
	off       int // offset of the value in the fragment
}

// simpleTag recognises a fragment that is one tag without attributes:
// <name>, </name>, <name/> or <name />. The name comes back lower-cased.
func simpleTag(frag []byte) (name []byte, end, selfClosing, ok bool) {
	n := len(frag)
	if n < 3 || frag[0] != '<' || frag[n-1] != '>' {
		return nil, false, false, false
	}
	body := frag[1 : n-1]
	if body[0] == '/' {
		end, body = true, body[1:]
	} else if b, ok := bytes.CutSuffix(body, []byte("/")); ok {
		selfClosing, body = true, bytes.TrimRight(b, " ")
	}
	if len(body) == 0 || len(body) > 16 {
		return nil, false, false, false
	}
	var buf [16]byte
	for i, c := range body {
		switch {
		case 'a' <= c && c <= 'z', i > 0 && '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			return nil, false, false, false
		}
		buf[i] = c
	}
	return buf[:len(body)], end, selfClosing, true
}

func hasAttrNamed(attrs []attr, name string) bool {
	for _, a := range attrs {
		if a.name == name {
			return true
		}
	}
	return false
}

// valueOffset finds where an attribute's value starts in the raw tag, for
// positioned problems; it falls back to the name, then to the tag start.
func valueOffset(raw, name, val []byte) int {
	at := indexFold(raw, name)
	if at < 0 {
		return 0
	}
	if len(val) > 0 {
		if i := bytes.Index(raw[at:], val); i >= 0 {
			return at + i
		}
	}
	if i := bytes.IndexByte(raw[at:], '='); i >= 0 {
		j := at + i + 1
		for j < len(raw) && (isSpace(raw[j]) || raw[j] == '"' || raw[j] == '\'') {
			j++
		}
		return j
	}
	return at
}

// indexFold finds lower-case name in raw, ignoring ASCII case.
func indexFold(raw, name []byte) int {
	for i := 1; i+len(name) <= len(raw); i++ {
		if isSpace(raw[i-1]) && bytes.EqualFold(raw[i:i+len(name)], name) {
			return i
		}
	}
	return -1
}

// textAlign extracts a text-align value from a style attribute, the only
// part of inline CSS that is kept (as align).
func textAlign(style string) string {
	for decl := range strings.SplitSeq(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "text-align") {
			continue
		}
		switch v = strings.ToLower(strings.TrimSpace(v)); v {
		case "left", "right", "center", "justify":
			return v
		}
	}
	return ""
}
