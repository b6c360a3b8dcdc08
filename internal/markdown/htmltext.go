package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// htmlMarkdown converts a fragment of GitBook's HTML (a table cell, a
// caption) to one line of Markdown for the plain form of a page: bold,
// italics, code, links and images stay, icons and other markup go, and
// paragraphs, headings and line breaks are joined with sep. ok is false
// when the fragment holds blocks that one line cannot show (lists, code
// blocks, tables, quotes); their text is still in md. Hrefs and sources
// go through links.
func htmlMarkdown(raw []byte, sep string, links mdLinks) (md string, ok bool) {
	c := htmlConv{sep: sep, markdown: true, ok: true, pipes: sep == "<br>", links: links}
	c.run(raw)
	return c.result(), c.ok
}

// htmlText returns the text of a fragment of HTML, as a reader sees it:
// no markup, no icon fallbacks, whitespace collapsed.
func htmlText(raw []byte) string {
	c := htmlConv{sep: " "}
	c.run(raw)
	return c.result()
}

// htmlConv is one conversion of HTML to Markdown or text.
type htmlConv struct {
	sep      string
	markdown bool
	pipes    bool // escape "|", for a table cell
	ok       bool
	links    mdLinks // for Markdown: where links and images point

	out   []byte
	open  []span // emphasis and links being written
	skip  string // dropping content up to this element's end
	depth int
	code  int // inside <code>: text is literal
}

// span is an element whose Markdown wraps its content.
type span struct {
	name  string
	start int    // in out
	dest  string // of a link
}

func (c *htmlConv) run(raw []byte) {
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			if c.skip == "" {
				c.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tag := z.Raw()
			if c.skip != "" {
				if startTagName(tag) == c.skip {
					c.depth++
				}
				continue
			}
			if name := skipsContent(tag); name != "" && tt == html.StartTagToken {
				c.skip, c.depth = name, 1
				continue
			}
			if startTagName(tag) == "i" && isIcon(tag) { // an unknown icon: its fallback goes too
				c.skip, c.depth = "i", 1
				continue
			}
			if htmlfilter.Literal(tag) {
				c.text(string(tag))
				continue
			}
			c.start(tagAttrs(z))
		case html.EndTagToken:
			name, _ := z.TagName()
			if c.skip != "" {
				if string(name) == c.skip {
					if c.depth--; c.depth == 0 {
						c.skip = ""
					}
				}
				continue
			}
			c.end(string(name))
		}
	}
}

func (c *htmlConv) start(name string, attrs map[string]string) {
	switch name {
	case "br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "figcaption", "hr", "dt", "dd":
		c.separate()
	case "ul", "ol", "pre", "table", "blockquote", "dl":
		c.ok = false
		c.separate()
	}
	if !c.markdown {
		return
	}
	switch name {
	case "strong", "b", "em", "i", "s", "del", "kbd":
		c.open = append(c.open, span{name: name, start: len(c.out)})
	case "code":
		c.open = append(c.open, span{name: name, start: len(c.out)})
		c.code++
	case "a":
		c.open = append(c.open, span{name: name, start: len(c.out), dest: strings.TrimSpace(attrs["href"])})
	case "img":
		if src := strings.TrimSpace(attrs["src"]); src != "" {
			c.space()
			c.out = append(c.out, "!["+mdEscape(strings.TrimSpace(attrs["alt"]))+"]("+markdownDest(c.links.image(src))+")"...)
		}
	}
}

func (c *htmlConv) end(name string) {
	switch name {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "figcaption", "dt", "dd",
		"ul", "ol", "pre", "table", "blockquote", "dl":
		c.separate()
	}
	if !c.markdown {
		return
	}
	for i := len(c.open) - 1; i >= 0; i-- {
		if c.open[i].name != name {
			continue
		}
		for len(c.open) > i { // close what is left open inside too
			c.close(c.open[len(c.open)-1])
			c.open = c.open[:len(c.open)-1]
		}
		return
	}
}

// close wraps what span s enclosed in its Markdown.
func (c *htmlConv) close(s span) {
	s.start = min(s.start, len(c.out))
	inner := string(c.out[s.start:])
	lead := inner[:len(inner)-len(strings.TrimLeft(inner, " "))]
	body := strings.TrimSpace(inner)
	trail := ""
	if len(body) > 0 && strings.HasSuffix(inner, " ") {
		trail = " "
	}
	var w string
	switch s.name {
	case "strong", "b":
		w = wrapNonEmpty("**", body)
	case "em", "i":
		w = wrapNonEmpty("*", body)
	case "s", "del":
		w = wrapNonEmpty("~~", body)
	case "kbd":
		w = "<kbd>" + body + "</kbd>"
	case "code":
		c.code--
		fence := "`"
		if strings.Contains(body, "`") {
			fence = "`` "
			w = fence + body + " ``"
		} else {
			w = wrapNonEmpty(fence, body)
		}
	case "a":
		switch {
		case s.dest == "" || body == "":
			w = body
		default:
			w = "[" + body + "](" + markdownDest(c.links.link(s.dest)) + ")"
		}
	}
	c.out = append(c.out[:s.start], lead+w+trail...)
}

func wrapNonEmpty(mark, s string) string {
	if s == "" {
		return ""
	}
	return mark + s + mark
}

// text adds text, whitespace collapsed, escaped for Markdown.
func (c *htmlConv) text(s string) {
	if strings.TrimSpace(s) == "" && s != "" {
		c.space()
		return
	}
	for i, w := range strings.Fields(s) {
		if i > 0 || startsSpace(s) {
			c.space()
		}
		if c.markdown && c.code == 0 {
			w = mdEscape(w)
			if !c.pipes {
				w = strings.ReplaceAll(w, `\|`, "|")
			}
		}
		c.out = append(c.out, w...)
	}
	if endsSpace(s) && strings.TrimSpace(s) != "" {
		c.space()
	}
}

// space adds one space, unless the output ends with one or is empty.
func (c *htmlConv) space() {
	if n := len(c.out); n > 0 && c.out[n-1] != ' ' && !bytes.HasSuffix(c.out, []byte(c.sep)) {
		c.out = append(c.out, ' ')
	}
}

// separate adds the separator between blocks, once.
func (c *htmlConv) separate() {
	trimmed := bytes.TrimRight(c.out, " ")
	if len(trimmed) == 0 || bytes.HasSuffix(trimmed, []byte(c.sep)) {
		c.out = trimmed
		return
	}
	c.out = append(trimmed, c.sep...)
}

func (c *htmlConv) result() string {
	for len(c.open) > 0 {
		c.close(c.open[len(c.open)-1])
		c.open = c.open[:len(c.open)-1]
	}
	s := strings.TrimSpace(string(c.out))
	for {
		t := strings.TrimSpace(strings.TrimSuffix(s, strings.TrimSpace(c.sep)))
		if strings.TrimSpace(c.sep) == "" || t == s {
			return s
		}
		s = t
	}
}

func startsSpace(s string) bool { return s != "" && strings.TrimLeft(s, " \t\r\n") != s }
func endsSpace(s string) bool   { return s != "" && strings.TrimRight(s, " \t\r\n") != s }

// mdEscape escapes what would be read as Markdown in text: emphasis,
// code, links, HTML and table pipes.
func mdEscape(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]<|") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// markdownDest writes a link destination for Markdown: in angle brackets
// when it holds spaces or parentheses.
func markdownDest(d string) string {
	if !strings.ContainsAny(d, " ()<>\t") {
		return d
	}
	return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(d) + ">"
}

// isIcon reports whether start tag raw is a GitBook icon, <i class="fa-…">.
func isIcon(raw []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(raw))
	z.Next()
	_, attrs := tagAttrs(z)
	return htmlfilter.IconName(attrs["class"]) != ""
}
