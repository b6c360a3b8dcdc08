package liquid

import "bytes"

// Scan finds every tag in src in order and returns them with the malformed
// ones as errors. Tags in fenced code blocks and inline code spans are
// literal text and are skipped, as is a "{%" whose "{" is escaped with a
// backslash; "{{ ... }}" is never a tag. Scan takes time linear in the
// size of src and never panics. See the package documentation for how code
// is recognised.
func Scan(src []byte) ([]Tag, []*Error) {
	opens := bytes.Count(src, []byte("{%"))
	if opens == 0 {
		return nil, nil
	}
	// Room for a tag at each "{%", and no more than fit in src: a tag
	// takes at least five bytes.
	s := scanner{src: src, args: &arena{}, tags: make([]Tag, 0, min(opens, len(src)/5))}
	for p := 0; p < len(src); {
		eol := lineEnd(src, p)
		if ch, n, ok := fenceOpen(src, p, eol); ok {
			p = skipFence(src, eol, ch, n)
			continue
		}
		p = s.inline(p, eol)
	}
	if len(s.tags) == 0 {
		return nil, s.errs
	}
	return s.tags, s.errs
}

// scanner holds the state of one Scan.
type scanner struct {
	src  []byte
	tags []Tag
	errs []*Error
	args *arena
	// last[k] is the offset of the last run of exactly k backticks seen by
	// a search for a closing run; searched is where the last failed search
	// stopped, the end of its paragraph. Together they answer "is there a
	// closing run of k backticks?" without searching the paragraph twice
	// (as cmark does).
	last     []int
	searched int
}

// inline scans the line at src[p:eol] (eol is its '\n' or the end of src)
// for tags and code spans, and returns the offset of the next line to
// classify. A tag or a code span may take it past eol.
func (s *scanner) inline(p, eol int) int {
	src := s.src
	brace, tick := indexIn(src, p, eol, '{'), indexIn(src, p, eol, '`')
	for {
		q := min(brace, tick)
		if q >= eol {
			return min(eol+1, len(src))
		}
		if q == brace {
			p = q + 1
			if isOpen(src, q) && !escaped(src, q) {
				t, end, err := parse(src, q, s.args)
				if err != nil {
					s.errs = append(s.errs, err)
				} else {
					s.tags = append(s.tags, t)
				}
				p = end
			}
		} else {
			p = s.codeSpan(q)
		}
		if p > eol {
			if src[p-1] == '\n' {
				return p
			}
			eol = lineEnd(src, p)
		}
		if brace < p {
			brace = indexIn(src, p, eol, '{')
		}
		if tick < p {
			tick = indexIn(src, p, eol, '`')
		}
	}
}

// codeSpan skips the code span whose opening backticks start at q and
// returns the offset after it; a run of backticks without a closing run of
// the same length is literal and only the run is skipped.
func (s *scanner) codeSpan(q int) int {
	src := s.src
	k := run(src, q)
	end := q + k
	if escaped(src, q) { // the first backtick is literal
		k--
		if k == 0 {
			return end
		}
	}
	if c := s.closer(end, k); c >= 0 {
		return c + k
	}
	return end
}

// closer returns the offset of the first run of exactly k backticks from p
// to the end of p's paragraph, or -1.
func (s *scanner) closer(p, k int) int {
	src := s.src
	if p < s.searched && (k >= len(s.last) || s.last[k] < p) {
		return -1
	}
	for p < len(src) {
		switch src[p] {
		case '`':
			r := run(src, p)
			if r >= len(s.last) {
				s.last = append(s.last, make([]int, r+1-len(s.last))...)
			}
			s.last[r] = max(s.last[r], p)
			if r == k {
				return p
			}
			p += r
		case '\n':
			p++
			if p < len(src) && endsParagraph(src, p) {
				s.searched = p
				return -1
			}
		default:
			p++
		}
	}
	s.searched = p
	return -1
}

// run returns the length of the run of backticks at src[p:].
func run(src []byte, p int) int {
	n := 0
	for p+n < len(src) && src[p+n] == '`' {
		n++
	}
	return n
}

// escaped reports whether src[q] follows an odd number of backslashes.
func escaped(src []byte, q int) bool {
	n := 0
	for q-n > 0 && src[q-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// lineEnd returns the offset of the '\n' ending the line at src[p:], or
// len(src).
func lineEnd(src []byte, p int) int {
	if i := bytes.IndexByte(src[p:], '\n'); i >= 0 {
		return p + i
	}
	return len(src)
}

// indexIn returns the offset of the first c in src[p:eol], or eol.
func indexIn(src []byte, p, eol int, c byte) int {
	if p >= eol {
		return eol
	}
	if i := bytes.IndexByte(src[p:eol], c); i >= 0 {
		return p + i
	}
	return eol
}

// containers skips the indentation, blockquote markers and, with items set,
// list markers at the start of the line src[p:eol], and returns the offset
// of its content.
func containers(src []byte, p, eol int, items bool) int {
	for {
		for p < eol && (src[p] == ' ' || src[p] == '\t') {
			p++
		}
		if p == eol {
			return p
		}
		switch c := src[p]; {
		case c == '>':
			p++
		case items && (c == '-' || c == '*' || c == '+') && p+1 < eol && (src[p+1] == ' ' || src[p+1] == '\t'):
			p += 2
		case items && isDigit(c):
			d := p
			for d < eol && d-p < 9 && isDigit(src[d]) {
				d++
			}
			if d+1 < eol && (src[d] == '.' || src[d] == ')') && (src[d+1] == ' ' || src[d+1] == '\t') {
				p = d + 2
				continue
			}
			return p
		default:
			return p
		}
	}
}

// fenceOpen reports whether the line src[p:eol] opens a fenced code block,
// with its fence character and length.
func fenceOpen(src []byte, p, eol int) (byte, int, bool) {
	p = containers(src, p, eol, true)
	if p == eol || src[p] != '`' && src[p] != '~' {
		return 0, 0, false
	}
	ch := src[p]
	n := 0
	for p+n < eol && src[p+n] == ch {
		n++
	}
	if n < 3 || ch == '`' && bytes.IndexByte(src[p+n:eol], '`') >= 0 {
		return 0, 0, false
	}
	return ch, n, true
}

// skipFence returns the offset after the fence closing the block whose
// opening line ends at eol, or len(src) when the block runs to the end.
func skipFence(src []byte, eol int, ch byte, n int) int {
	for p := eol + 1; p < len(src); {
		e := lineEnd(src, p)
		if fenceCloses(src, p, e, ch, n) {
			return min(e+1, len(src))
		}
		p = e + 1
	}
	return len(src)
}

// fenceCloses reports whether the line src[p:eol] closes a fence of at
// least n characters ch.
func fenceCloses(src []byte, p, eol int, ch byte, n int) bool {
	p = containers(src, p, eol, false)
	m := 0
	for p+m < eol && src[p+m] == ch {
		m++
	}
	if m < n {
		return false
	}
	for p += m; p < eol; p++ {
		if !isSpace(src[p]) {
			return false
		}
	}
	return true
}

// endsParagraph reports whether the line starting at p cannot continue the
// paragraph above it, so no code span crosses into it: a blank line, a
// fence, a tag at the start of the line, a heading, a thematic break or
// setext underline, or a list item.
func endsParagraph(src []byte, p int) bool {
	eol := lineEnd(src, p)
	c := containers(src, p, eol, false)
	if c == eol || src[c] == '\r' {
		return true
	}
	switch src[c] {
	case '{':
		return isOpen(src, c)
	case '#':
		h := c
		for h < eol && src[h] == '#' {
			h++
		}
		return h-c <= 6 && (h == eol || isSpace(src[h]))
	case '`', '~':
		_, _, ok := fenceOpen(src, p, eol)
		return ok
	case '-', '*', '_', '=':
		if rule(src[c:eol]) {
			return true
		}
	}
	return containers(src, c, eol, true) != c
}

// rule reports whether line is a thematic break or a setext underline:
// three or more of one of "-*_=" and spaces.
func rule(line []byte) bool {
	ch, n := line[0], 0
	for _, c := range line {
		switch {
		case c == ch:
			n++
		case !isSpace(c):
			return false
		}
	}
	return n >= 3 || ch == '=' && n >= 1
}
