package liquid

import (
	"errors"
	"strings"
	"testing"
)

// wantArg is an expected argument: Raw and RawValue are the source text its
// offsets must cover.
type wantArg struct{ Key, Value, Raw, RawValue string }

// checkArgs compares args, read from src, with want.
func checkArgs(t *testing.T, src string, args []Arg, want []wantArg) {
	t.Helper()
	if len(args) != len(want) {
		t.Fatalf("got %d args %+v, want %d %+v", len(args), args, len(want), want)
	}
	for i, a := range args {
		w := want[i]
		got := wantArg{a.Key, a.Value, src[a.Start:a.Stop], src[a.ValueStart:a.ValueStop]}
		if got != w {
			t.Errorf("arg %d: got %+v, want %+v", i, got, w)
		}
	}
}

// parseTests are the cases of TestParse; FuzzLiquid is seeded with their inputs.
var parseTests = []struct {
	name string
	in   string
	tag  string // the name as written, "end" included
	args []wantArg
	n    int // bytes consumed, the tag's Stop
	trim [2]bool
}{
	{"hint", `{% hint style="info" %}`, "hint", []wantArg{{"style", "info", `style="info"`, "info"}}, 23, [2]bool{}},
	{"hint with icon", `{% hint style="warning" icon="triangle-exclamation" %}`, "hint", []wantArg{
		{"style", "warning", `style="warning"`, "warning"},
		{"icon", "triangle-exclamation", `icon="triangle-exclamation"`, "triangle-exclamation"},
	}, 54, [2]bool{}},
	{"end hint", `{% endhint %}`, "endhint", nil, 13, [2]bool{}},
	{"tab", `{% tab title="Windows" %}`, "tab", []wantArg{{"title", "Windows", `title="Windows"`, "Windows"}}, 25, [2]bool{}},
	{"embed", `{% embed url="https://youtu.be/x" %}`, "embed", []wantArg{{"url", "https://youtu.be/x", `url="https://youtu.be/x"`, "https://youtu.be/x"}}, 36, [2]bool{}},
	{"legacy embed with empty caption", `{% embed url="https://community.mattermost.com" caption="" %}`, "embed", []wantArg{
		{"url", "https://community.mattermost.com", `url="https://community.mattermost.com"`, "https://community.mattermost.com"},
		{"caption", "", `caption=""`, ""},
	}, 61, [2]bool{}},
	{"include", `{% include "../.gitbook/includes/x.md" %}`, "include", []wantArg{{"", "../.gitbook/includes/x.md", `"../.gitbook/includes/x.md"`, "../.gitbook/includes/x.md"}}, 41, [2]bool{}},
	{"include, bare path", `{% include ../a.md %}`, "include", []wantArg{{"", "../a.md", "../a.md", "../a.md"}}, 21, [2]bool{}},
	{"code", `{% code title="a.go" lineNumbers="true" overflow="wrap" %}`, "code", []wantArg{
		{"title", "a.go", `title="a.go"`, "a.go"},
		{"lineNumbers", "true", `lineNumbers="true"`, "true"},
		{"overflow", "wrap", `overflow="wrap"`, "wrap"},
	}, 58, [2]bool{}},
	{"swagger", `{% swagger method="get" path="/x" baseUrl="https://api" summary="S" %}`, "swagger", []wantArg{
		{"method", "get", `method="get"`, "get"},
		{"path", "/x", `path="/x"`, "/x"},
		{"baseUrl", "https://api", `baseUrl="https://api"`, "https://api"},
		{"summary", "S", `summary="S"`, "S"},
	}, 70, [2]bool{}},
	{"swagger parameter", `{% swagger-parameter in="path" name="id" type="string" required="true" %}`, "swagger-parameter", []wantArg{
		{"in", "path", `in="path"`, "path"},
		{"name", "id", `name="id"`, "id"},
		{"type", "string", `type="string"`, "string"},
		{"required", "true", `required="true"`, "true"},
	}, 73, [2]bool{}},
	{"content-ref", `{% content-ref url="page.md" %}`, "content-ref", []wantArg{{"url", "page.md", `url="page.md"`, "page.md"}}, 31, [2]bool{}},
	{"end content-ref", `{% endcontent-ref %}`, "endcontent-ref", nil, 20, [2]bool{}},
	{"file", `{% file src=".gitbook/assets/x.pdf" %}`, "file", []wantArg{{"src", ".gitbook/assets/x.pdf", `src=".gitbook/assets/x.pdf"`, ".gitbook/assets/x.pdf"}}, 38, [2]bool{}},
	{"legacy bare values", `{% api-method-parameter name="id" type="string" required=true %}`, "api-method-parameter", []wantArg{
		{"name", "id", `name="id"`, "id"},
		{"type", "string", `type="string"`, "string"},
		{"required", "true", "required=true", "true"},
	}, 64, [2]bool{}},
	{"legacy response example", `{% api-method-response-example httpCode=200 %}`, "api-method-response-example", []wantArg{{"httpCode", "200", "httpCode=200", "200"}}, 46, [2]bool{}},
	{"if", `{% if visitor.claims.unsigned.beta %}`, "if", []wantArg{{"", "visitor.claims.unsigned.beta", "visitor.claims.unsigned.beta", "visitor.claims.unsigned.beta"}}, 37, [2]bool{}},
	{"if with a string", `{% if visitor.claims.plan === "enterprise" %}`, "if", []wantArg{{"", `visitor.claims.plan === "enterprise"`, `visitor.claims.plan === "enterprise"`, `visitor.claims.plan === "enterprise"`}}, 45, [2]bool{}},
	{"if negated", `{% if !visitor.claims.beta %}`, "if", []wantArg{{"", "!visitor.claims.beta", "!visitor.claims.beta", "!visitor.claims.beta"}}, 29, [2]bool{}},
	{"if with %} in a string", `{% if a == "%}" %}`, "if", []wantArg{{"", `a == "%}"`, `a == "%}"`, `a == "%}"`}}, 18, [2]bool{}},
	{"if over lines", "{% if a &&\n   b %}", "if", []wantArg{{"", "a &&\n   b", "a &&\n   b", "a &&\n   b"}}, 18, [2]bool{}},
	{"elsif", `{% elsif x > 1 %}`, "elsif", []wantArg{{"", "x > 1", "x > 1", "x > 1"}}, 17, [2]bool{}},
	{"else", `{% else %}`, "else", nil, 10, [2]bool{}},
	{"end if", `{% endif %}`, "endif", nil, 11, [2]bool{}},
	{"step", `{% step %}`, "step", nil, 10, [2]bool{}},
	{"single quotes", `{% tab title='Mac "OS"' %}`, "tab", []wantArg{{"title", `Mac "OS"`, `title='Mac "OS"'`, `Mac "OS"`}}, 26, [2]bool{}},
	{"escaped quotes", `{% tab title="say \"hi\" \\ C:\dir" %}`, "tab", []wantArg{{"title", `say "hi" \ C:\dir`, `title="say \"hi\" \\ C:\dir"`, `say \"hi\" \\ C:\dir`}}, 38, [2]bool{}},
	{"escaped single quote", `{% tab title='it\'s' %}`, "tab", []wantArg{{"title", "it's", `title='it\'s'`, `it\'s`}}, 23, [2]bool{}},
	{"spaces and newlines", "{%   hint\n  style = \"info\"\n\ticon='x'  %}", "hint", []wantArg{
		{"style", "info", `style = "info"`, "info"},
		{"icon", "x", `icon='x'`, "x"},
	}, 40, [2]bool{}},
	{"CRLF", "{% hint\r\n style=\"info\" %}", "hint", []wantArg{{"style", "info", `style="info"`, "info"}}, 25, [2]bool{}},
	{"no spaces", `{%hint style="info"%}`, "hint", []wantArg{{"style", "info", `style="info"`, "info"}}, 21, [2]bool{}},
	{"trim markers", `{%- hint style="info" -%}`, "hint", []wantArg{{"style", "info", `style="info"`, "info"}}, 25, [2]bool{true, true}},
	{"trim after a bare value", `{% x a=b-%}`, "x", []wantArg{{"a", "b", "a=b", "b"}}, 11, [2]bool{false, true}},
	{"trim after a name", `{%-endhint-%}`, "endhint", nil, 13, [2]bool{true, true}},
	{"trim after a condition", `{% if x -%}`, "if", []wantArg{{"", "x", "x", "x"}}, 11, [2]bool{false, true}},
	{"compact form", `{% tab title="A" %} text {% endtab %}`, "tab", []wantArg{{"title", "A", `title="A"`, "A"}}, 19, [2]bool{}},
	{"variable", `{% vars.name %}`, "vars.name", nil, 15, [2]bool{}},
	{"unknown", `{% foo-bar x y=1 %}`, "foo-bar", []wantArg{{"", "x", "x", "x"}, {"y", "1", "y=1", "1"}}, 19, [2]bool{}},
	{"end alone", `{% end %}`, "end", nil, 9, [2]bool{}},
	{"names keep their case", `{% EndHint %}`, "EndHint", nil, 13, [2]bool{}},
	{"not utf-8 value", "{% tab title=\"Espa\xf1ol ✓\" %}", "tab", []wantArg{{"title", "Espa\xf1ol ✓", "title=\"Espa\xf1ol ✓\"", "Espa\xf1ol ✓"}}, 29, [2]bool{}},
	{"bare value with =", `{% embed url=https://x?a=b %}`, "embed", []wantArg{{"url", "https://x?a=b", "url=https://x?a=b", "https://x?a=b"}}, 29, [2]bool{}},
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range parseTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tag, n, err := Parse([]byte(tc.in))
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if n != tc.n {
				t.Errorf("got %d bytes consumed, want %d", n, tc.n)
			}
			written := tag.Name
			if tag.End {
				written = "end" + tag.Name
			}
			if written != tc.tag {
				t.Errorf("got name %q (end %v), want %q", tag.Name, tag.End, tc.tag)
			}
			if tag.Start != 0 || tag.Stop != n {
				t.Errorf("got offsets %d-%d, want 0-%d", tag.Start, tag.Stop, n)
			}
			if tag.Trim != tc.trim {
				t.Errorf("got trim %v, want %v", tag.Trim, tc.trim)
			}
			checkArgs(t, tc.in, tag.Args, tc.args)
		})
	}
}

// parseErrorTests are the cases of TestParseErrors; FuzzLiquid is seeded with their inputs.
var parseErrorTests = []struct {
	name   string
	in     string
	offset int
	msg    string
	n      int
}{
	{"not a tag", "hello", 0, `expected "{%"`, 0},
	{"open only", "{%", 0, `unterminated tag: no "%}" before the end of the file`, 2},
	{"unterminated at end of file", `{% hint style="info"`, 0, `unterminated "hint" tag: no "%}" before the end of the file`, 20},
	{"unterminated at blank line", "{% hint style=\"info\"\n\ntext %}", 0, `unterminated "hint" tag: no "%}" before the blank line`, 21},
	{"unterminated at blank line with spaces", "{% hint\n  \t\r\n %}", 0, `unterminated "hint" tag: no "%}" before the blank line`, 12},
	{"unterminated by next tag", `{% hint style="info" {% endhint %}`, 0, `unterminated "hint" tag: another "{%" comes before its "%}"`, 21},
	{"unterminated by a tag in a bare value", `{% hint style=info{% endhint %}`, 0, `unterminated "hint" tag: another "{%" comes before its "%}"`, 18},
	{"unterminated condition", "{% if a\n\n%}", 0, `unterminated "if" tag: no "%}" before the blank line`, 8},
	{"unclosed quote", `{% hint style="info %}`, 14, `unclosed quote in "hint" tag`, 22},
	{"unclosed quote at end of line", "{% hint style=\"info\n\" %}", 14, `unclosed quote in "hint" tag`, 19},
	{"unclosed single quote", `{% tab title='abc %}`, 13, `unclosed quote in "tab" tag`, 20},
	{"apostrophe in single quotes", `{% tab title='it's' %}`, 17, `unexpected "s" in "tab" tag`, 17},
	{"unclosed quote in condition", `{% if x == "a %}`, 11, `unclosed quote in "if" tag`, 16},
	{"missing name", `{% %}`, 3, "missing tag name", 5},
	{"missing name with trim markers", `{%- -%}`, 4, "missing tag name", 7},
	{"quoted name", `{% "x" %}`, 3, `expected a tag name, found "\""`, 3},
	{"name starting with a digit", `{% 1x %}`, 3, `expected a tag name, found "1"`, 3},
	{"name starting with non-ASCII", `{% été %}`, 3, `expected a tag name, found "é"`, 3},
	{"missing value", `{% hint style= %}`, 13, `missing value after "style=" in "hint" tag`, 15},
	{"missing value at end", `{% hint style=%}`, 13, `missing value after "style=" in "hint" tag`, 14},
	{"missing key", `{% hint ="x" %}`, 8, `missing attribute name before "=" in "hint" tag`, 9},
	{"arguments not separated", `{% hint style="info"icon="x" %}`, 20, `unexpected "i" in "hint" tag`, 20},
	{"quote after name", `{% hint"x" %}`, 7, `unexpected "\"" in "hint" tag`, 7},
	{"bad byte after name", `{% hint/ %}`, 7, `unexpected "/" in "hint" tag`, 7},
	{"empty condition", `{% if %}`, 6, `missing condition in "if" tag`, 8},
	{"empty condition with trim", `{% if -%}`, 6, `missing condition in "if" tag`, 9},
	{"condition without space", `{% if(x) %}`, 5, `unexpected "(" in "if" tag`, 5},
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range parseErrorTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tag, n, err := Parse([]byte(tc.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got tag %+v and error %v, want *Error", tag, err)
			}
			if e.Offset != tc.offset || e.Msg != tc.msg {
				t.Errorf("got error at %d %q, want at %d %q", e.Offset, e.Msg, tc.offset, tc.msg)
			}
			if e.Hint == "" && tc.n > 0 {
				t.Errorf("got no hint for %q", e.Msg)
			}
			if strings.HasSuffix(e.Msg, ".") || strings.ToLower(e.Msg[:1]) != e.Msg[:1] {
				t.Errorf("got message %q, want lowercase without final period", e.Msg)
			}
			if n != tc.n {
				t.Errorf("got %d bytes read, want %d", n, tc.n)
			}
		})
	}
}

func TestParseOffsetsInDocument(t *testing.T) {
	t.Parallel()
	src := "ab\n{% tab\n  title=\"A b\" x %}"
	tag, end, err := parse([]byte(src), 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tag.Start != 3 || tag.Stop != 28 || end != 28 {
		t.Errorf("got tag %d-%d, end %d, want 3-28, end 28", tag.Start, tag.Stop, end)
	}
	want := []Arg{
		{Key: "title", Value: "A b", Start: 12, Stop: 23, ValueStart: 19, ValueStop: 22},
		{Value: "x", Start: 24, Stop: 25, ValueStart: 24, ValueStop: 25},
	}
	if len(tag.Args) != len(want) {
		t.Fatalf("got args %+v, want %+v", tag.Args, want)
	}
	for i := range want {
		if tag.Args[i] != want[i] {
			t.Errorf("got arg %+v, want %+v", tag.Args[i], want[i])
		}
	}
}

func TestTagArg(t *testing.T) {
	t.Parallel()
	tag, _, err := Parse([]byte(`{% embed url="u" caption="" url="v" %}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, want string
		ok        bool
	}{
		{"url", "u", true}, // the first of two
		{"caption", "", true},
		{"title", "", false},
		{"URL", "", false},
	} {
		if got, ok := tag.Arg(tc.key); got != tc.want || ok != tc.ok {
			t.Errorf("Arg(%q): got %q, %v, want %q, %v", tc.key, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTagString(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{`{%- hint   style='info' -%}`, `{% hint style="info" %}`},
		{`{% endhint %}`, `{% endhint %}`},
		{`{% include ../a.md %}`, `{% include "../a.md" %}`},
		{`{% tab title="a \"b\" \\" %}`, `{% tab title="a \"b\" \\" %}`},
		{`{% if  a == "b"  %}`, `{% if a == "b" %}`},
	} {
		tag, _, err := Parse([]byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := tag.String(); got != tc.want {
			t.Errorf("String of %s: got %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	e := &Error{Offset: 7, Msg: "missing tag name"}
	if got, want := e.Error(), "offset 7: missing tag name"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
