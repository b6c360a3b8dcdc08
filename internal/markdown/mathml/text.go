package mathml

import (
	"strings"
	"unicode/utf8"
)

// textStyle is a set of text font changes, made by \textbf and the like.
// They are set with CSS, since MathML Core has no mathvariant for mtext.
type textStyle uint8

const (
	textBold textStyle = 1 << iota
	textItalic
	textSans
	textMono
	textUpright // cancels textItalic, as \textup does
)

// css returns the style attribute value for st, or "".
func (st textStyle) css() string {
	var parts []string
	if st&textBold != 0 {
		parts = append(parts, "font-weight:bold")
	}
	if st&textItalic != 0 {
		parts = append(parts, "font-style:italic")
	}
	switch {
	case st&textMono != 0:
		parts = append(parts, "font-family:monospace")
	case st&textSans != 0:
		parts = append(parts, "font-family:sans-serif")
	}
	return strings.Join(parts, ";")
}

// textCommands are the commands whose argument is text, with the style they
// add to the text around them.
var textCommands = map[string]textStyle{
	"text": 0, "textrm": 0, "textnormal": 0, "mbox": 0, "hbox": 0,
	"textmd": 0, "textup": textUpright, "textbf": textBold,
	"textit": textItalic, "emph": textItalic, "textsl": textItalic,
	"textsf": textSans, "texttt": textMono,
}

// textSymbols are the commands that stand for characters in text.
var textSymbols = map[string]string{
	"{": "{", "}": "}", "$": "$", "&": "&", "%": "%", "#": "#", "_": "_",
	" ": "\u00a0", ",": "\u2009", ":": "\u205f", ";": "\u2004", "!": "",
	`\`: "\u00a0", "ldots": "…", "dots": "…", "textellipsis": "…",
	"quad": "\u2003", "qquad": "\u2003\u2003", "enspace": "\u2002",
	"textbackslash": `\`, "textasciitilde": "~", "textasciicircum": "^",
	"textendash": "–", "textemdash": "—", "textquoteleft": "‘",
	"textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"S": "§", "P": "¶", "dag": "†", "ddag": "‡", "textdagger": "†",
	"textdaggerdbl": "‡", "copyright": "©", "textcopyright": "©",
	"textregistered": "®", "pounds": "£", "textsterling": "£",
	"textdollar": "$", "textunderscore": "_", "textbar": "|",
	"textless": "<", "textgreater": ">", "relax": "", "space": "\u00a0",
	"nobreakspace": "\u00a0", "textbullet": "•", "textdegree": "°",
	"i": "ı", "j": "ȷ",
}

// textAccents are the accent commands of text, as in \'{e}, with the
// combining marks they add.
var textAccents = map[string]string{
	"'": "\u0301", "`": "\u0300", "^": "\u0302", "\"": "\u0308", "~": "\u0303",
	"=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
	"r": "\u030a", "c": "\u0327",
}

// text reads the argument of \text and its kin, in style st added to the
// current one: a braced group of text, or one token. Math between $ signs
// in it is read as math.
func (p *parser) text(add textStyle) *node {
	return p.textIn(0, add)
}

// textIn reads a text argument in style cur plus add.
func (p *parser) textIn(cur, add textStyle) *node {
	st := cur | add
	if add&textUpright != 0 {
		st &^= textItalic | textUpright
	}
	t := p.peek()
	if t.kind != tOpen {
		if t.isStop(0) || t.kind == tSup || t.kind == tSub {
			p.fail(t.pos, "missing argument")
			return emptyRow()
		}
		// One token: a character or a command, as in \text a.
		p.next()
		s := p.src[t.pos:t.end]
		if t.kind == tCmd {
			if r, ok := textSymbols[t.name]; ok {
				s = r
			} else {
				p.fail(t.pos, "unknown command %q", s)
				return unknown(s)
			}
		}
		return styled(s, st)
	}
	if !p.enter() {
		return tooDeep()
	}
	defer p.leave()
	p.next()
	var parts []*node
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			parts = append(parts, styled(b.String(), st))
			b.Reset()
		}
	}
	space := false // the last thing written was a space
	depth := 0
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '}' && depth == 0:
			p.pos++
			flush()
			return row(orEmpty(parts))
		case c == '}':
			depth--
			p.pos++
		case c == '{':
			depth++
			p.pos++
		case isSpace(c):
			for p.pos < len(p.src) && isSpace(p.src[p.pos]) {
				p.pos++
			}
			if !space {
				b.WriteString("\u00a0")
				space = true
			}
			continue
		case c == '%':
			// A comment runs to the end of the line, and takes the line
			// break with it.
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
			if p.pos < len(p.src) {
				p.pos++
			}
			continue
		case c == '~':
			b.WriteString("\u00a0")
			p.pos++
		case c == '$':
			flush()
			parts = append(parts, p.inlineMath())
		case c == '\\':
			cmd := p.next()
			if r, ok := textSymbols[cmd.name]; ok {
				b.WriteString(r)
			} else if mark, ok := textAccents[cmd.name]; ok {
				b.WriteString(p.accented(mark))
				space = false
				continue
			} else if add, ok := textCommands[cmd.name]; ok {
				flush()
				parts = append(parts, p.textIn(st, add))
			} else {
				flush()
				p.fail(cmd.pos, "unknown command %q", p.src[cmd.pos:cmd.end])
				parts = append(parts, unknown(p.src[cmd.pos:cmd.end]))
			}
			if cmd.end > cmd.pos+1 && isLetter(p.src[cmd.pos+1]) {
				// Spaces after a control word are not text.
				for p.pos < len(p.src) && isSpace(p.src[p.pos]) {
					p.pos++
				}
			}
		case c == '-' && strings.HasPrefix(p.src[p.pos:], "---"):
			b.WriteString("—")
			p.pos += 3
		case c == '-' && strings.HasPrefix(p.src[p.pos:], "--"):
			b.WriteString("–")
			p.pos += 2
		case c == '`' && strings.HasPrefix(p.src[p.pos:], "``"):
			b.WriteString("“")
			p.pos += 2
		case c == '\'' && strings.HasPrefix(p.src[p.pos:], "''"):
			b.WriteString("”")
			p.pos += 2
		case c == '`':
			b.WriteString("‘")
			p.pos++
		case c == '\'':
			b.WriteString("’")
			p.pos++
		default:
			r, size := utf8.DecodeRuneInString(p.src[p.pos:])
			b.WriteRune(r)
			p.pos += size
		}
		space = false
	}
	p.fail(t.pos, `unclosed "{"`)
	flush()
	return row(orEmpty(parts))
}

// inlineMath reads $…$ in text, from the first $.
func (p *parser) inlineMath() *node {
	start := p.pos
	p.pos++
	display := p.display
	p.display = false
	items := p.parseRow(stopDollar)
	p.display = display
	if t := p.peek(); t.kind == tChar && t.r == '$' {
		p.next()
	} else {
		p.fail(start, `unclosed "$"`)
	}
	return row(orEmpty(items))
}

// orEmpty returns nodes, or an empty mtext in place of none.
func orEmpty(nodes []*node) []*node {
	if len(nodes) == 0 {
		return []*node{tok("mtext", "")}
	}
	return nodes
}

// styled returns an mtext holding s in style st.
func styled(s string, st textStyle) *node {
	n := tok("mtext", s)
	if css := st.css(); css != "" {
		n.attrs = []attr{{"style", css}}
	}
	return n
}

// accented reads the letter after a text accent command, braced or not, and
// returns it with the combining mark after its first character. \i and \j
// stand for the dotless i and j.
func (p *parser) accented(mark string) string {
	s, ok := p.rawGroup()
	if !ok {
		i := p.skip(p.pos)
		switch {
		case i >= len(p.src) || p.src[i] == '}':
			return mark
		case p.src[i] == '\\':
			p.pos = i
			s = p.src[i:p.next().end]
		default:
			_, size := utf8.DecodeRuneInString(p.src[i:])
			s, p.pos = p.src[i:i+size], i+size
		}
	}
	switch s = strings.TrimSpace(s); s {
	case `\i`:
		s = "ı"
	case `\j`:
		s = "ȷ"
	}
	_, size := utf8.DecodeRuneInString(s)
	return s[:size] + mark + s[size:]
}
