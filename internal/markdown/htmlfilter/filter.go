package htmlfilter

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
)

// Writer is where a Filter writes; *bufio.Writer and goldmark's
// util.BufWriter satisfy it.
type Writer interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// URL is one URL-valued attribute found in a tag, handed to Filter.URL.
type URL struct {
	Tag    string // element name, lower case: "a", "img", "source"
	Attr   string // "href", "src", "srcset" (one candidate at a time) or "poster"
	Image  bool   // true for src, srcset and poster; false for href
	Value  string // the value as written, entities decoded
	Offset int    // byte offset of Value in the fragment given to Write
}

// Filter sanitizes fragments of raw HTML written into a page against the
// allow-list. One Filter serves one rendering of one document: it tracks the
// elements that fragments opened, so a stray end tag cannot close the page's
// own markup, and Close ends what is still open. It is not safe for
// concurrent use.
type Filter struct {
	// URL rewrites a URL attribute (for instance resolving a relative path).
	// It returns the value to write, or false to drop the attribute; an <img>
	// whose src is dropped is replaced by its alt text. Unsafe URLs are
	// dropped before URL is called. A nil URL keeps values as they are.
	URL func(URL) (string, bool)

	// Icon draws a Font Awesome icon by name, as trusted inline SVG: a
	// GitBook icon (<i class="fa-github">:github:</i>) is written as its
	// SVG instead of the fallback text, and an element with data-icon (a
	// button) gets the SVG as its first child. A nil Icon, or a name it
	// does not know, leaves the markup as written.
	Icon func(name string) (svg string, ok bool)

	// Problem is told of GitBook markup the filter cannot show as
	// written: a colour GitBook does not offer, an icon Icon cannot draw.
	// off is the offset in the fragment given to Write. A nil Problem
	// keeps quiet.
	Problem func(off int, msg, hint string)

	open  []string
	floor int // end tags close no element below this depth of open
	buf   bytes.Buffer
}

// maxOpen bounds how many elements fragments may leave open; start tags
// beyond it are dropped.
const maxOpen = 256

var defaultPolicy = newPolicy()

// Write filters one fragment of raw HTML (a goldmark HTML block or inline
// tag) to w. With block set, text that starts the fragment is wrapped in a
// paragraph, as the fragment then stands where a block belongs.
//
// What comes out: allowed elements with their allowed attributes; text,
// escaped; tags that are not real HTML (an unknown name, or an attribute no
// HTML element has, as in "<summary of incident>") printed literally as
// escaped text. Script-like elements are dropped with their content,
// comments and doctypes are dropped, event handlers and unsafe URLs never
// pass.
func (f *Filter) Write(w Writer, frag []byte, block bool) error {
	if !block {
		return f.write(w, frag, false)
	}
	// A block is written through a buffer so that the whitespace around
	// what survives can be trimmed: a block of dropped elements leaves
	// nothing, not blank lines.
	f.buf.Reset()
	if err := f.write(&f.buf, frag, true); err != nil {
		return err
	}
	out := bytes.TrimSpace(f.buf.Bytes())
	if len(out) == 0 {
		return nil
	}
	if _, err := w.Write(out); err != nil {
		return err
	}
	return w.WriteByte('\n')
}

func (f *Filter) write(w Writer, frag []byte, block bool) error {
	s := state{f: f, w: w, wrap: block}
	if name, end, selfClosing, ok := simpleTag(frag); ok {
		// Most inline HTML is a bare tag (<br>, </td>, <b>): skip the
		// tokenizer and its buffers.
		if end {
			s.endTag(name, frag)
		} else {
			s.startTag(nil, name, false, frag, 0, selfClosing)
		}
		s.finish()
		return s.err
	}
	z := html.NewTokenizer(bytes.NewReader(frag))
	pos := 0
	for {
		tt := z.Next()
		n := len(z.Raw())
		raw := frag[pos : pos+n] // the bytes as written: z lower-cases in place
		start := pos
		pos += n
		switch tt {
		case html.ErrorToken:
			if start < len(frag) && s.skip == "" { // an unfinished tag at the end
				s.text(frag[start:])
			}
			s.finish()
			return s.err
		case html.TextToken:
			if s.skip == "" {
				s.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			s.rest = frag[pos:]
			name, hasAttr := z.TagName()
			s.startTag(z, name, hasAttr, raw, start, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			s.endTag(name, raw)
		}
	}
}

// Close writes end tags, on one line, for the elements that fragments left
// open.
func (f *Filter) Close(w Writer) error {
	if len(f.open) == 0 {
		return nil
	}
	for i := len(f.open) - 1; i >= 0; i-- {
		if err := writeStrings(w, "</", f.open[i], ">"); err != nil {
			return err
		}
	}
	f.open, f.floor = f.open[:0], 0
	_, err := w.WriteString("\n")
	return err
}

// Reset forgets the elements fragments left open, to start a document.
func (f *Filter) Reset() { f.open, f.floor = f.open[:0], 0 }

// Nesting is what Nest returns, for Unnest.
type Nesting struct{ open, floor int }

// Nest starts a run of fragments that stands inside markup the caller
// writes itself, such as one table cell: end tags in it cannot close
// elements that were open before, and Unnest closes what it leaves open.
func (f *Filter) Nest() Nesting {
	n := Nesting{open: len(f.open), floor: f.floor}
	f.floor = len(f.open)
	return n
}

// Unnest ends the run of fragments n started: it writes end tags for the
// elements they left open.
func (f *Filter) Unnest(w Writer, n Nesting) error {
	for i := len(f.open) - 1; i >= n.open; i-- {
		if err := writeStrings(w, "</", f.open[i], ">"); err != nil {
			return err
		}
	}
	f.open, f.floor = f.open[:min(n.open, len(f.open))], n.floor
	return nil
}

// state is the progress through one fragment.
type state struct {
	f   *Filter
	w   Writer
	err error

	skip      string // dropping everything up to this element's end tag
	skipDepth int

	rest []byte // what follows the tag being handled, in the fragment

	wrap   bool // wrap leading text in <p>
	seen   bool // something significant was written
	inPara bool // the <p> opened by wrap is still open
}

func (s *state) finish() {
	if s.inPara {
		if b, ok := s.w.(*bytes.Buffer); ok { // no space before </p>
			b.Truncate(len(bytes.TrimRight(b.Bytes(), " \t\r\n")))
		}
		s.str("</p>")
	}
}

func (s *state) str(v string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(v)
	}
}

// text writes decoded text, escaped.
func (s *state) text(b []byte) {
	if !s.seen && len(bytes.TrimSpace(b)) > 0 {
		s.seen = true
		if s.wrap {
			s.str("<p>")
			s.inPara = true
		}
	}
	if s.err == nil {
		s.err = escape(s.w, b)
	}
}

// literal writes a tag as written, as text (character references in it
// are read as such, like in the text around it).
func (s *state) literal(raw []byte) {
	if bytes.IndexByte(raw, '&') >= 0 {
		raw = []byte(html.UnescapeString(string(raw)))
	}
	s.text(raw)
}

// element is written: a block element closes the wrapping paragraph.
func (s *state) element(e element) {
	s.seen = true
	if e.block && s.inPara {
		s.str("</p>\n")
		s.inPara = false
	}
}

// startTag handles a start tag named nameB (lower case); z, positioned on
// the tag, yields its attributes when hasAttr is set.
func (s *state) startTag(z *html.Tokenizer, nameB []byte, hasAttr bool, raw []byte, start int, selfClosing bool) {
	e, ok := defaultPolicy.elements[string(nameB)]
	if s.skip != "" {
		if ok && string(nameB) == s.skip && !selfClosing {
			s.skipDepth++
		}
		return
	}
	switch {
	case !ok || e.action == literal:
		s.literal(raw)
		return
	case e.action == dropAll:
		if !e.void && !selfClosing {
			s.skip, s.skipDepth = string(nameB), 1
		}
		return
	case e.action == dropTag:
		return
	}
	name := string(nameB)
	var attrs []attr
	align, style, styleAt := "", "", 0
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		allowed, known := defaultPolicy.attr(e, string(k))
		if !known {
			s.literal(raw)
			return
		}
		if string(k) == "style" {
			style, styleAt = string(v), start+valueOffset(raw, k, v)
			align = textAlign(style)
		}
		if !allowed || hasAttrNamed(attrs, string(k)) {
			continue
		}
		attrs = append(attrs, attr{name: string(k), val: string(v), off: start + valueOffset(raw, k, v)})
	}
	if align != "" && !hasAttrNamed(attrs, "align") {
		attrs = append(attrs, attr{name: "align", val: align})
	}
	if style != "" && (name == "mark" || name == "span" || name == "i") {
		attrs = withColors(attrs, style)
		s.checkColors(style, styleAt)
	}
	attrs, done := s.gitbook(name, attrs, s.rest)
	if done {
		return
	}
	attrs, keep := s.urls(name, attrs)
	if !keep { // an image that cannot be shown: its alt text stands in
		for _, a := range attrs {
			if a.name == "alt" {
				s.text([]byte(a.val))
			}
		}
		return
	}
	if !e.void && len(s.f.open) >= maxOpen {
		return
	}
	s.element(e)
	s.str("<")
	s.str(name)
	for _, a := range attrs {
		s.str(" ")
		s.str(a.name)
		s.str(`="`)
		if s.err == nil {
			s.err = escapeString(s.w, a.val)
		}
		s.str(`"`)
	}
	switch name {
	case "a":
		for _, a := range attrs {
			if a.name == "href" && External(a.val) {
				s.str(` rel="noopener"`)
			}
		}
	case "img":
		if !hasAttrNamed(attrs, "loading") {
			s.str(` loading="lazy"`)
		}
		if !hasAttrNamed(attrs, "decoding") {
			s.str(` decoding="async"`)
		}
	}
	s.str(">")
	if icon := attrValue(attrs, "data-icon"); icon != "" && !e.void && s.f.Icon != nil {
		if svg, ok := s.f.Icon(icon); ok {
			s.str(svg)
		} else {
			s.unknownIcon(icon, attrOffset(attrs, "data-icon"), "the button shows without one")
		}
	}
	switch {
	case e.void:
	case selfClosing: // <a id="x"/>: the author meant an empty element
		s.str("</" + name + ">")
	default:
		s.f.open = append(s.f.open, name)
	}
}

func (s *state) endTag(nameB, raw []byte) {
	e, ok := defaultPolicy.elements[string(nameB)]
	if s.skip != "" {
		if string(nameB) == s.skip {
			s.skipDepth--
			if s.skipDepth == 0 {
				s.skip = ""
			}
		}
		return
	}
	switch {
	case !ok || e.action == literal:
		s.literal(raw)
		return
	case e.action != allow || e.void:
		return
	}
	// Close up to the matching open element; an end tag that matches
	// nothing a fragment opened is dropped.
	for i := len(s.f.open) - 1; i >= s.f.floor; i-- {
		if s.f.open[i] != string(nameB) {
			continue
		}
		s.element(e)
		for j := len(s.f.open) - 1; j >= i; j-- {
			s.str("</")
			s.str(s.f.open[j])
			s.str(">")
		}
		s.f.open = s.f.open[:i]
		return
	}
}
