package expr

import "fmt"

// Limits on what Parse accepts.
const (
	// MaxLen is the longest expression, in bytes.
	MaxLen = 8 << 10
	// MaxDepth is the deepest nesting: of the syntax tree (each operator,
	// member access and call is one level) and of parentheses.
	MaxDepth = 100
)

// Error is an expression Parse rejects: a syntax error or a part of
// JavaScript outside the supported subset.
type Error struct {
	// Offset is the byte offset in the expression the error points at.
	Offset int
	// Msg says what is wrong: lowercase, no final period.
	Msg string
	// Hint says what to do about it; it may be empty.
	Hint string
}

// Error returns the message prefixed with its byte offset.
func (e *Error) Error() string {
	return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg)
}

func errorf(off int, hint, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...), Hint: hint}
}
