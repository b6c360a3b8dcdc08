package yamldiag

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/handbookhq/handbook/internal/diag"
)

// syntaxError turns a yaml.v3 parse error ("yaml: line 3: mapping values
// are not allowed in this context") into a positioned diagnostic. yaml.v3
// gives a line, not always the right one and never a column, so known
// causes are looked for in the text: first on the reported line, then, when
// the error has no line (yaml.v3 leaves it out on the first line), on every
// line in order.
func (d *Doc) syntaxError(err error) diag.Diagnostic {
	msg, line := err.Error(), 0
	if m := errLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	lines := splitLines(d.src)
	line = min(line, len(lines))
	at := func(l, col int) diag.Pos {
		if l == 0 {
			l = 1
		}
		return diag.Pos{File: d.File, Line: l + d.Line0 - 1, Col: col}
	}
	find := func(match func(string) (col int, ok bool)) (l, col int, ok bool) {
		if line > 0 {
			if col, ok := match(lines[line-1]); ok {
				return line, col, true
			}
			return 0, 0, false
		}
		for i, s := range lines {
			if col, ok := match(s); ok {
				return i + 1, col, true
			}
		}
		return 0, 0, false
	}
	switch {
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		var key, value string
		if l, col, ok := find(func(s string) (int, bool) {
			var col int
			key, value, col = colonInValue(s)
			return col, col > 0
		}); ok {
			return diag.Errorf(at(l, col), "value of %q contains \": \" and must be quoted", key).
				WithHint("write %s: %s, in quotes", key, strconv.Quote(value))
		}
		return diag.Errorf(at(line, firstNonSpace(lines, line)), "invalid YAML: %s", msg).
			WithHint("check the indentation: a line indented more than the one above cannot start a new key; quote values that contain \": \"")
	case strings.HasPrefix(msg, "found character that cannot start any token"):
		if l, col, ok := find(tabIndent); ok {
			return diag.Errorf(at(l, col), "tab character in indentation").
				WithHint("indent with spaces; YAML does not allow tabs")
		}
		var key, c string
		if l, col, ok := find(func(s string) (int, bool) {
			var col int
			key, c, col = reservedStart(s)
			return col, col > 0
		}); ok {
			return diag.Errorf(at(l, col), "value of %q starts with %q, which YAML reserves", key, c).
				WithHint("put the value in quotes")
		}
	case strings.HasPrefix(msg, "unknown anchor"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if i := bytes.Index(d.src, []byte("*"+name)); i >= 0 {
			l, col := diag.LineCol(d.src, i)
			return diag.Errorf(at(l, col), "alias %q refers to an anchor that is not defined", "*"+name).
				WithHint("define the anchor first with &%s, or quote the value if \"*\" is meant as text", name)
		}
	case strings.HasPrefix(msg, "found unexpected end of stream"):
		return diag.Errorf(at(line, 0), "invalid YAML: %s", msg).
			WithHint("a quoted value or a bracket is not closed")
	}
	return diag.Errorf(at(line, firstNonSpace(lines, line)), "invalid YAML: %s", msg).
		WithHint("check the indentation, and that each line is \"key: value\"; quote values that contain \":\", \"#\" or start with a special character")
}

// splitLines splits src into lines without their line endings.
func splitLines(src []byte) []string {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return []string{""}
	}
	return strings.Split(s, "\n")
}

func firstNonSpace(lines []string, line int) int {
	if line < 1 || line > len(lines) {
		return 0
	}
	s := lines[line-1]
	n := len(s) - len(strings.TrimLeft(s, " \t"))
	if n == len(s) {
		return 0
	}
	return utf8.RuneCountInString(s[:n]) + 1
}

// keyValueRE matches "key: value" lines, with an optional list dash. The
// key is a plain scalar; the value starts with a character that begins a
// plain scalar.
var keyValueRE = regexp.MustCompile(`^(\s*(?:-\s+)?)([^\s#'"\[\]{}&*!|>%@` + "`" + `-][^:]*?):[ \t]+(.*)$`)

// colonInValue finds an unquoted value that contains ": " or ends in ":".
// It returns the key, the value and the column of that colon, or col 0.
func colonInValue(s string) (key, value string, col int) {
	m := keyValueRE.FindStringSubmatchIndex(s)
	if m == nil {
		return "", "", 0
	}
	key, vstart := s[m[4]:m[5]], m[6]
	value = s[vstart:]
	if value == "" || strings.ContainsRune(`"'[{|>&*!`, rune(value[0])) {
		return "", "", 0
	}
	if i := strings.Index(value, " #"); i >= 0 {
		value = value[:i]
	}
	value = strings.TrimRight(value, " \t")
	i := strings.Index(value, ": ")
	if i < 0 {
		if !strings.HasSuffix(value, ":") {
			return "", "", 0
		}
		i = len(value) - 1
	}
	return key, value, utf8.RuneCountInString(s[:vstart+i]) + 1
}

// tabIndent returns the column of a tab in the indentation of s.
func tabIndent(s string) (int, bool) {
	indent := s[:len(s)-len(strings.TrimLeft(s, " \t"))]
	i := strings.IndexByte(indent, '\t')
	return i + 1, i >= 0
}

// reservedStart finds a value starting with "@" or "`", which YAML reserves.
func reservedStart(s string) (key, c string, col int) {
	m := keyValueRE.FindStringSubmatchIndex(s)
	if m == nil || m[6] >= len(s) || !strings.ContainsRune("@`", rune(s[m[6]])) {
		return "", "", 0
	}
	return s[m[4]:m[5]], s[m[6] : m[6]+1], utf8.RuneCountInString(s[:m[6]]) + 1
}
