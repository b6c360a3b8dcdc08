package diag

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a position in an author's file. Line and Col are 1-based; Col counts
// characters, not bytes. A zero Line means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as "file:line:col", leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells whether a diagnostic stops a build.
type Severity int

const (
	// Warning is reported but does not fail the command.
	Warning Severity = iota
	// Error fails the command.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one problem in an author's input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string // lowercase, no final period
	Hint     string // optional: what to do about it
	Code     string // optional: the kind of problem, one of the codes in codes.go
}

// String formats the diagnostic as "file:line:col: severity: msg", followed
// by an indented hint line when there is one.
func (d Diagnostic) String() string {
	s := fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
	if d.Hint != "" {
		s += "\n\thint: " + d.Hint
	}
	return s
}

// Errorf makes an error diagnostic at pos.
func Errorf(pos Pos, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)}
}

// Warnf makes a warning diagnostic at pos.
func Warnf(pos Pos, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)}
}

// WithHint returns a copy of d with its hint set.
func (d Diagnostic) WithHint(format string, args ...any) Diagnostic {
	d.Hint = fmt.Sprintf(format, args...)
	return d
}

// List is a set of diagnostics. It implements error so that a list holding
// errors can be returned as one.
type List []Diagnostic

// Add appends diagnostics to the list.
func (l *List) Add(d ...Diagnostic) { *l = append(*l, d...) }

// HasErrors reports whether any diagnostic in the list is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns only the error diagnostics.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Warnings returns only the diagnostics that are not errors.
func (l List) Warnings() List {
	var out List
	for _, d := range l {
		if d.Severity != Error {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders the list by file, line, column and message, so output does
// not depend on the order in which work finished.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Error joins the diagnostics one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// LineCol converts a byte offset in src to a 1-based line and column; the
// column counts UTF-8 characters. An offset past the end maps to the end.
func LineCol(src []byte, off int) (line, col int) {
	off = max(0, min(off, len(src)))
	before := src[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// At returns the position of byte offset off in src, named file.
func At(file string, src []byte, off int) Pos {
	line, col := LineCol(src, off)
	return Pos{File: file, Line: line, Col: col}
}
