package liquid

import "fmt"

// Tag is one "{% ... %}" tag.
type Tag struct {
	// Name is the tag's name as written, without the "end" of an end tag:
	// "hint", "tab", "embed", "content-ref", "api-method-response". GitBook
	// writes names in lower case; they are compared case-sensitively.
	Name string
	// End is set for an end tag: "{% endhint %}" has Name "hint" and End
	// true.
	End bool
	// Args are the tag's arguments in the order written. The condition of
	// an "if" or "elsif" tag is one positional argument holding the raw
	// expression.
	Args []Arg
	// Start and Stop are the byte offsets of "{%" and of the byte just
	// after "%}".
	Start, Stop int
	// Trim records the whitespace-trim markers "{%-" and "-%}". They are
	// accepted and kept; GitBook gives them no meaning.
	Trim [2]bool
}

// Arg is one argument of a tag: key="value", key='value', key=bare, or a
// positional value such as the path in {% include "a.md" %}.
type Arg struct {
	// Key is the attribute name ("style", "title", "url"), or "" for a
	// positional argument.
	Key string
	// Value is the value without its quotes, with the escapes \", \' and \\
	// undone. Other backslashes are kept ("C:\dir" stays as written).
	Value string
	// Start and Stop are the byte offsets of the whole argument, key and
	// quotes included.
	Start, Stop int
	// ValueStart and ValueStop are the byte offsets of the value as
	// written, inside its quotes, for diagnostics that point at the value.
	ValueStart, ValueStop int
}

// Arg returns the value of the first argument named key, and whether there
// is one.
func (t Tag) Arg(key string) (string, bool) {
	for _, a := range t.Args {
		if a.Key == key {
			return a.Value, true
		}
	}
	return "", false
}

// String returns the tag's canonical form, such as {% hint style="info" %}
// or {% endhint %}, for messages and tests.
func (t Tag) String() string {
	b := []byte("{% ")
	if t.End {
		b = append(b, "end"...)
	}
	b = append(b, t.Name...)
	for _, a := range t.Args {
		b = append(b, ' ')
		switch {
		case a.Key == "" && !t.End && isExpr(t.Name):
			b = append(b, a.Value...)
			continue
		case a.Key != "":
			b = append(b, a.Key...)
			b = append(b, '=')
		}
		b = appendQuoted(b, a.Value)
	}
	return string(append(b, " %}"...))
}

// appendQuoted appends v in double quotes, escaping what Parse unescapes.
func appendQuoted(b []byte, v string) []byte {
	b = append(b, '"')
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, v[i])
	}
	return append(b, '"')
}

// Error is a malformed tag (an unterminated "{%", an unclosed quote, bad
// argument syntax, a missing name) or, from Pair, a tag without its
// partner.
type Error struct {
	// Offset is the byte offset the error points at.
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
