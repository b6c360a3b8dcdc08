package summary

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// plainText returns the text of n's inline children with formatting
// dropped, escapes and entities undone, raw HTML left out and runs of
// white space collapsed to one space.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	var raw []byte // pending Text segments, unescaped together
	flush := func() {
		b.WriteString(unescape(raw))
		raw = raw[:0]
	}
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				raw = append(raw, c.Segment.Value(src)...)
				if c.SoftLineBreak() || c.HardLineBreak() {
					raw = append(raw, ' ')
				}
			case *ast.String:
				flush()
				b.Write(c.Value)
			case *ast.CodeSpan:
				flush()
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if t, ok := t.(*ast.Text); ok {
						b.Write(t.Segment.Value(src))
					}
				}
			case *ast.RawHTML:
				flush()
			case *ast.AutoLink:
				flush()
				b.Write(c.Label(src))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	flush()
	return strings.Join(strings.Fields(b.String()), " ")
}

// unescape undoes CommonMark backslash escapes and resolves entity and
// numeric character references, as a renderer does for text.
func unescape(s []byte) string {
	var b strings.Builder
	run := 0 // start of the current unescaped run
	flush := func(end int) {
		v := util.ResolveNumericReferences(s[run:end])
		b.Write(util.ResolveEntityNames(v))
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
			flush(i)
			b.WriteByte(s[i+1])
			i++
			run = i + 1
		}
	}
	flush(len(s))
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{1,31}:`)

// isExternal reports whether a destination is an absolute URL: it has a
// scheme of two or more letters, or starts with "//".
func isExternal(dest string) bool {
	return strings.HasPrefix(dest, "//") || schemeRE.MatchString(dest)
}

// decodeTarget percent-decodes a local target. In the path, "%23" stays
// encoded so that the first "#" always starts the fragment. Input whose
// decoding is not valid UTF-8 is returned as written.
func decodeTarget(s string) string {
	path, frag, hasFrag := strings.Cut(s, "#")
	path = percentDecode(path, true)
	if hasFrag {
		path += "#" + percentDecode(frag, false)
	}
	if !utf8.ValidString(path) {
		return s
	}
	return path
}

// percentDecode replaces each "%XX" with its byte; a "%" not followed by
// two hex digits is kept. With keepHash, "%23" is kept.
func percentDecode(s string, keepHash bool) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			c := unhex(s[i+1])<<4 | unhex(s[i+2])
			if !(keepHash && c == '#') {
				b.WriteByte(c)
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

var (
	closeARE = regexp.MustCompile(`(?i)^</a\s*>$`)
	openARE  = regexp.MustCompile(`(?is)^<a(\s[^>]*)?>$`)
	attrRE   = regexp.MustCompile(`(?is)(?:^|\s)(id|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
)

func isCloseA(s string) bool { return closeARE.MatchString(s) }

// anchorID returns the id of an opening <a> tag, or the fragment of its
// href when it has no id.
func anchorID(tag string) (string, bool) {
	m := openARE.FindStringSubmatch(tag)
	if m == nil {
		return "", false
	}
	var id, href string
	for _, a := range attrRE.FindAllStringSubmatch(m[1], -1) {
		v := html.UnescapeString(a[2] + a[3] + a[4])
		if strings.EqualFold(a[1], "id") {
			id = v
		} else {
			href = v
		}
	}
	if id == "" && strings.HasPrefix(href, "#") {
		id = href[1:]
	}
	return id, id != ""
}
