package expr

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// parseErrorTests are expressions Parse rejects, with the offset and the
// start of the message; FuzzExpr is seeded with them.
var parseErrorTests = []struct {
	name string
	in   string
	off  int
	msg  string
}{
	{"empty", "", 0, "expression is empty"},
	{"only spaces", "  \n ", 0, "expression is empty"},
	{"too long", strings.Repeat("a", MaxLen+1), MaxLen, "expression is longer than"},
	{"assignment", "visitor.claims.plan = \"x\"", 20, "assignment is not allowed"},
	{"compound assignment", "a += 1", 2, "assignment is not allowed"},
	{"logical assignment", "a ??= 1", 2, "assignment is not allowed"},
	{"increment", "a++", 1, `"++" is not supported`},
	{"decrement before", "--a", 0, `"--" is not supported`},
	{"arrow function", "a => a", 2, "arrow functions are not supported"},
	{"missing colon", "a ? b", 5, `missing ":" in conditional expression`},
	{"missing paren", "(a", 2, `missing ")"`},
	{"missing bracket", "a[1", 3, `missing "]"`},
	{"empty brackets", "a[]", 2, `unexpected "]"`},
	{"unknown method", "a.b()", 2, `method "b" is not supported`},
	{"unknown string method", `visitor.claims.email.split("@")`, 21, `method "split" is not supported`},
	{"unclosed call", "a.trim(", 7, "unexpected end of expression"},
	{"arguments without comma", "a.includes(1 2)", 13, `missing ")" after arguments`},
	{"function call", "f()", 1, "only methods can be called"},
	{"computed call", `a["trim"]()`, 9, "only methods can be called"},
	{"optional call", "a?.trim?.()", 9, "optional calls are not supported"},
	{"unterminated string", `"abc`, 0, "unterminated string"},
	{"string across lines", "'a\nb'", 0, "unterminated string"},
	{"octal escape", `"\1"`, 1, "octal escape sequences are not allowed"},
	{"octal zero escape", `"\01"`, 1, "octal escape sequences are not allowed"},
	{"short hex escape", `"\x4"`, 1, "invalid escape sequence"},
	{"code point too large", `"\u{110000}"`, 1, "invalid escape sequence"},
	{"short unicode escape", `"\u12"`, 1, "invalid escape sequence"},
	{"backslash at end", `"\`, 0, "unterminated literal"},
	{"unterminated template", "`abc", 0, "unterminated template literal"},
	{"unclosed substitution", "`${a", 4, `missing "}" in template literal`},
	{"empty substitution", "`${}`", 3, `unexpected "}"`},
	{"tagged template", "a`x`", 1, "tagged templates are not supported"},
	{"name after number", "1a", 1, "name or digit directly after number"},
	{"numeric separator", "1_000", 1, "name or digit directly after number"},
	{"bigint", "1n", 1, "name or digit directly after number"},
	{"method on integer", "5.toString()", 2, "name or digit directly after number"},
	{"exponent without digits", "1e", 1, "name or digit directly after number"},
	{"hex without digits", "0x", 0, `missing digits after "0x"`},
	{"bad binary digit", "0b12", 3, "name or digit directly after number"},
	{"legacy octal", "017", 0, "number starts with 0"},
	{"two names", "a b", 2, `unexpected name "b"`},
	{"two strings", `"a" "b"`, 4, "unexpected string"},
	{"liquid and", "a and b", 2, `unexpected "and"`},
	{"liquid contains", `visitor.claims.roles contains "admin"`, 21, `unexpected "contains"`},
	{"in operator", `"a" in b`, 4, `unexpected "in"`},
	{"if statement", "if (a) b", 0, `"if" is not supported`},
	{"function", "function () { return 1 }", 0, `"function" is not supported`},
	{"new", "new Date()", 0, `"new" is not supported`},
	{"this", "this.x", 0, `"this" is not supported`},
	{"typeof", "typeof x === \"string\"", 0, `"typeof" is not supported`},
	{"statement", "a.b;", 3, "statements are not supported"},
	{"comma operator", "a, b", 1, `unexpected ","`},
	{"bitwise and", "a & b", 2, "bitwise operators are not supported"},
	{"bitwise not", "~a", 0, "bitwise operators are not supported"},
	{"exponent", "a ** 2", 2, `"**" is not supported`},
	{"unary plus", "+a", 0, `unexpected "+"`},
	{"spread", "a.includes(...b)", 11, "spread syntax is not supported"},
	{"regular expression", "/x/.test(a)", 0, "regular expressions are not supported"},
	{"line comment", "a // note", 2, "comments are not supported"},
	{"block comment", "a /* note */", 2, "comments are not supported"},
	{"object literal", "{a: 1}", 0, "object literals and blocks are not supported"},
	{"array literal", `["a", "b"].includes(x)`, 0, "array literals are not supported"},
	{"coalesce after or", "a || b ?? c", 7, "?? cannot be mixed with || or && without parentheses"},
	{"and after coalesce", "a ?? b && c", 2, "?? cannot be mixed with || or && without parentheses"},
	{"private name", "a.#b", 2, `missing property name after "."`},
	{"optional without name", "a?.", 3, `missing property name after "?."`},
	{"hash", "#", 0, `unexpected "#"`},
	{"backslash", `a \ b`, 2, `unexpected "\\"`},
	{"curly quotes", "visitor.claims.plan === “enterprise”", 24, `curly quote "“" does not start a string`},
	{"invalid UTF-8", "a\xff", 1, "invalid UTF-8"},
	{"invalid UTF-8 in string", "'a\xff'", 2, "invalid UTF-8"},
	{"close paren alone", ")", 0, `unexpected ")"`},
	{"trailing operator", "a +", 3, "unexpected end of expression"},
	{"trailing paren", "(a))", 3, `unexpected ")"`},
	{"parentheses too deep", strings.Repeat("(", MaxDepth+1) + "a" + strings.Repeat(")", MaxDepth+1), MaxDepth, "expression is nested too deeply"},
	{"negation too deep", strings.Repeat("!", MaxDepth) + "a", MaxDepth - 1, "expression is nested too deeply"},
	{"path too long", "a" + strings.Repeat(".b", MaxDepth), 1 + 2*(MaxDepth-1), "expression is nested too deeply"},
	{"sum too long", strings.Repeat("a+", MaxDepth) + "a", 1 + 2*(MaxDepth-1), "expression is nested too deeply"},
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range parseErrorTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse(tc.in)
			if err == nil {
				t.Fatalf("Parse(%q): got %s, want an error", tc.in, e)
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("got error %T, want *Error", err)
			}
			if pe.Offset != tc.off || !strings.HasPrefix(pe.Msg, tc.msg) {
				t.Errorf("got offset %d %q, want offset %d %q", pe.Offset, pe.Msg, tc.off, tc.msg)
			}
			if pe.Msg == "" || pe.Msg != strings.ToLower(pe.Msg[:1])+pe.Msg[1:] || strings.HasSuffix(pe.Msg, ".") {
				t.Errorf("message %q: want lowercase with no final period", pe.Msg)
			}
		})
	}
}

// stringTests are expressions with their canonical forms; FuzzExpr is
// seeded with them.
var stringTests = []struct {
	name string
	in   string
	want string
}{
	{"path", "space.vars.latest_version", "space.vars.latest_version"},
	{"spaces", " space . vars\n.x ", "space.vars.x"},
	{"bracket name", `a [ 'b' ]`, "a.b"},
	{"bracket key", `space.vars['release-date']`, `space.vars["release-date"]`},
	{"bracket index", "a[0]", "a[0]"},
	{"string index", `a["0"]`, "a[0]"},
	{"not an index", `a["01"]`, `a["01"]`},
	{"number key", "a[1.5]", `a["1.5"]`},
	{"literal key", "a[true]", "a.true"},
	{"reserved word after dot", "a.default.if", "a.default.if"},
	{"unicode name", "space.vars.größe", "space.vars.größe"},
	{"dollar name", "$a._b", "$a._b"},
	{"optional member", `a?.["b"]?.c`, "a?.b?.c"},
	{"optional computed", "a?.[b]", "a?.[b]"},
	{"computed", "a[b + 1]", "a[b + 1]"},
	{"single quotes", `'x'`, `"x"`},
	{"escaped quotes", `'say "hi"'`, `"say \"hi\""`},
	{"escapes", `"tab\there\\"`, `"tab\there\\"`},
	{"line separator", `"\u2028"`, `"\u{2028}"`},
	{"nul", `"\0"`, `"\x00"`},
	{"no-break space", `"\u00a0"`, `"\xa0"`},
	{"surrogate pair", `"\uD83D\uDE00"`, `"😀"`},
	{"lone surrogate", `"\uD83D"`, `"�"`},
	{"identity escape", `"\a\$"`, `"a$"`},
	{"line continuation", "'a\\\nb'", `"ab"`},
	{"decimal", "1.50", "1.5"},
	{"leading dot", ".5", "0.5"},
	{"trailing dot", "5.", "5"},
	{"exponent", "1e3", "1000"},
	{"large", "1e21", "1e+21"},
	{"small", "0.0000001", "1e-7"},
	{"hex", "0xff", "255"},
	{"octal", "0o17", "15"},
	{"binary", "0b101", "5"},
	{"overflow", "1e400", "Infinity"},
	{"underflow", "1e-400", "0"},
	{"literals", "true||false||null||undefined||NaN||Infinity", "true || false || null || undefined || NaN || Infinity"},
	{"precedence", "a+b*c", "a + b * c"},
	{"grouping", "(a+b)*c", "(a + b) * c"},
	{"right grouping", "a-(b-c)", "a - (b - c)"},
	{"left grouping", "(a-b)-c", "a - b - c"},
	{"redundant parentheses", "((a))", "a"},
	{"not and", "!(a && b)", "!(a && b)"},
	{"not member", "!a.b", "!a.b"},
	{"double negation", "-(-a)", "- -a"},
	{"minus negative", "a-(-b)", "a - -b"},
	{"not not", "!!a", "!!a"},
	{"coalesce chain", "a ?? b ?? c", "a ?? b ?? c"},
	{"coalesce right", "a ?? (b ?? c)", "a ?? (b ?? c)"},
	{"coalesce of or", "(a || b) ?? c", "(a || b) ?? c"},
	{"or of coalesce", "a || (b ?? c)", "a || (b ?? c)"},
	{"conditional", "a?b:c", "a ? b : c"},
	{"conditional chain", "a ? b : c ? d : e", "a ? b : c ? d : e"},
	{"conditional in test", "(a ? b : c) ? d : e", "(a ? b : c) ? d : e"},
	{"conditional in consequent", "a ? (b ? c : d) : e", "a ? b ? c : d : e"},
	{"conditional with number", "a?.5:1", "a ? 0.5 : 1"},
	{"call", "x.trim( )", "x.trim()"},
	{"call arguments", "x.includes(a , 1,)", "x.includes(a, 1)"},
	{"optional call receiver", "x?.toUpperCase()", "x?.toUpperCase()"},
	{"method as property", "x.trim", "x.trim"},
	{"template", "`a${b}c`", "`a${b}c`"},
	{"template dollar", "`$${a}`", "`$${a}`"},
	{"template escaped substitution", "`\\${a}`", "`\\${a}`"},
	{"template lines", "`line1\r\nline2`", "`line1\\nline2`"},
	{"nested template", "`a${`b${c}`}`", "`a${`b${c}`}`"},
	{"template backtick", "`\\``", "`\\``"},
	{"number member", "(1).length", "1 .length"},
	{"number member dots", "1..length", "1 .length"},
	{"fraction member", "1.5.length", "1.5 .length"},
	{"exponent member", "(1e21).length", "1e+21 .length"},
	{"parenthesized member", "(a).b", "a.b"},
	{"negated member", "(-a).b", "(-a).b"},
	{"sum member", `("a" + "b").length`, `("a" + "b").length`},
	{"negative infinity", "-Infinity", "-Infinity"},
	{"comparisons", "a<b===c>=d", "a < b === c >= d"},
	{"loose equality", `"1"==1`, `"1" == 1`},
	{"condition", `visitor.claims.plan==="enterprise"`, `visitor.claims.plan === "enterprise"`},
	{"no-break space between tokens", "a\u00a0+\u2028b", "a + b"},
}

func TestString(t *testing.T) {
	t.Parallel()
	for _, tc := range stringTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if got := e.String(); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
			e2, err := Parse(e.String())
			if err != nil {
				t.Fatalf("Parse(%q) of the canonical form: %v", e.String(), err)
			}
			if got := e2.String(); got != tc.want {
				t.Errorf("reparsed: got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestPaths(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   string
		want []string
	}{
		{"one", "space.vars.latest_version", []string{"space.vars.latest_version"}},
		{"two", `space.vars.a + page.vars.b`, []string{"space.vars.a", "page.vars.b"}},
		{"repeated", `visitor.claims.plan === "x" && visitor.claims.plan`, []string{"visitor.claims.plan"}},
		{"order of appearance", "b ? a : b.c", []string{"b", "a", "b.c"}},
		{"bracket key", `space.vars["release-date"]`, []string{`space.vars["release-date"]`}},
		{"index", "a.list[0].name", []string{"a.list[0].name"}},
		{"computed key", "a[b].c", []string{"a", "b"}},
		{"length", "a.list.length", []string{"a.list"}},
		{"method", "a.b.trim().length", []string{"a.b"}},
		{"method argument", "a.b.includes(c.d)", []string{"a.b", "c.d"}},
		{"optional", "a?.b?.c", []string{"a.b.c"}},
		{"template", "`Hi ${visitor.claims.unsigned.first_name ?? \"there\"}`", []string{"visitor.claims.unsigned.first_name"}},
		{"literals only", `"x".length + 1`, nil},
		{"member of literal", `"x".y`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if got := e.Paths(); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNilExpr(t *testing.T) {
	t.Parallel()
	var e *Expr
	if e.String() != "" || e.Paths() != nil || e.Eval(nil).Kind() != Undefined {
		t.Errorf("nil Expr: got %q %q %v, want empty, nil, undefined", e.String(), e.Paths(), e.Eval(nil).Kind())
	}
}
