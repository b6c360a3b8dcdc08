package expr

import (
	"slices"
	"strings"
)

// reservedWords are JavaScript's reserved words, other than the literals.
var reservedWords = strings.Fields(`await break case catch class const continue debugger default
	delete do else enum export extends finally for function if implements import in instanceof
	interface let new package private protected public return static super switch this throw
	try typeof var void while with yield`)

// reservedHints are hints for the reserved words that have a more useful
// one than the default.
var reservedHints = map[string]string{
	"delete":   "expressions cannot change values",
	"for":      "expressions have no loops",
	"while":    "expressions have no loops",
	"do":       "expressions have no loops",
	"function": "expressions cannot define functions",
	"new":      "expressions cannot create objects",
	"this":     "read variables through space, page and visitor",
	"typeof":   "compare with undefined instead, as in x === undefined",
	"var":      "expressions cannot declare variables",
	"let":      "expressions cannot declare variables",
	"const":    "expressions cannot declare variables",
}

// reserved returns an error for a reserved word where a value should be.
func reserved(t token) *Error {
	if !slices.Contains(reservedWords, t.text) {
		return nil
	}
	hint := reservedHints[t.text]
	if hint == "" {
		hint = "an expression is variables, literals and operators; statements and keywords are not supported"
	}
	return errorf(t.pos, hint, "%q is not supported", t.text)
}

// unsupported are the JavaScript operators outside the subset.
var unsupported = map[string]struct{ msg, hint string }{
	"=":   {"assignment is not allowed", "use === to compare values"},
	"=>":  {"arrow functions are not supported", ""},
	"...": {"spread syntax is not supported", ""},
	"++":  {`"++" is not supported`, "expressions cannot change values"},
	"--":  {`"--" is not supported`, "expressions cannot change values"},
	"**":  {`"**" is not supported`, "multiply instead"},
	"&":   {"bitwise operators are not supported", "use && for a logical and"},
	"|":   {"bitwise operators are not supported", "use || for a logical or"},
	"^":   {"bitwise operators are not supported", ""},
	"~":   {"bitwise operators are not supported", ""},
	"<<":  {"bitwise operators are not supported", ""},
	">>":  {"bitwise operators are not supported", ""},
	">>>": {"bitwise operators are not supported", ""},
	";":   {"statements are not supported", "write a single expression"},
	",":   {`unexpected ","`, "write a single expression; commas only separate method arguments"},
	"{":   {"object literals and blocks are not supported", ""},
	"+":   {`unexpected "+"`, "unary + is not supported"},
}

// wordHints help authors used to Liquid's or Python's operators.
var wordHints = map[string]string{
	"and":      "use && for a logical and",
	"or":       "use || for a logical or",
	"not":      "use ! for a logical not",
	"is":       "use === to compare values",
	"contains": `use includes, as in visitor.claims.roles.includes("admin")`,
	"in":       `use includes, as in visitor.claims.roles.includes("admin")`,
}

// unexpected returns the error for the current token where it cannot be.
func (p *parser) unexpected() *Error {
	t := p.tok
	switch t.kind {
	case tokEOF:
		return errorf(t.pos, "the expression is incomplete", "unexpected end of expression")
	case tokIdent:
		if hint, ok := wordHints[t.text]; ok {
			return errorf(t.pos, hint, "unexpected %q", t.text)
		}
		if err := reserved(t); err != nil {
			return err
		}
		return errorf(t.pos, "join values with an operator, or write a path with dots, as in space.vars.name", "unexpected name %q", t.text)
	case tokNumber:
		return errorf(t.pos, "join values with an operator such as + or &&", "unexpected number")
	case tokString:
		return errorf(t.pos, "join values with an operator such as + or &&", "unexpected string")
	case tokBacktick:
		return errorf(t.pos, "join values with an operator such as + or &&", "unexpected template literal")
	}
	if u, ok := unsupported[t.text]; ok {
		msg, hint := u.msg, u.hint
		if hint == "" {
			hint = "an expression is variables, literals, comparisons, && || ?? ! and ?: operators, + - * / % and a few methods"
		}
		return &Error{Offset: t.pos, Msg: msg, Hint: hint}
	}
	if strings.HasSuffix(t.text, "=") && len(t.text) >= 2 && t.text != "==" && t.text != "!=" && t.text != "<=" && t.text != ">=" && t.text != "===" && t.text != "!==" {
		return errorf(t.pos, "use === to compare values", "assignment is not allowed")
	}
	return errorf(t.pos, "", "unexpected %q", t.text)
}
