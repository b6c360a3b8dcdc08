package expr

import (
	"testing"
)

// testScope is the scope of TestEval, as decoding vars.yaml, front matter
// and claims would give it.
func testScope() map[string]any {
	return NewScope(
		map[string]any{
			"latest_version": "2.3.1",
			"count":          3,
			"price":          9.5,
			"zero":           0.0,
			"empty":          "",
			"flag":           true,
			"nothing":        nil,
			"tags":           []any{"a", "b", nil, 1.0},
			"release-date":   "2025-03-01",
			"nested":         map[string]any{"deep": map[string]any{"x": "y"}},
			"numstr":         "42",
			"names":          []string{"x", "y"},
			"smap":           map[string]string{"k": "v"},
			"emoji":          "a😀b",
			"matrix":         []any{[]any{1.0, 2.0}, []any{3.0}},
		},
		map[string]any{"title": "Install"},
		map[string]any{
			"plan":     "enterprise",
			"beta":     false,
			"seats":    10.0,
			"roles":    []any{"admin", "dev"},
			"unsigned": map[string]any{"first_name": "Ada"},
		},
	)
}

// evalTests are expressions with the kind and printed form of their value
// in testScope; FuzzExpr is seeded with them.
var evalTests = []struct {
	name string
	in   string
	kind Kind
	want string
}{
	// Variables and paths (section 4.20).
	{"space variable", "space.vars.latest_version", String, "2.3.1"},
	{"page variable", "page.vars.title", String, "Install"},
	{"claim", "visitor.claims.plan", String, "enterprise"},
	{"unsigned claim", `visitor.claims.unsigned.first_name ?? "there"`, String, "Ada"},
	{"missing unsigned claim", `visitor.claims.unsigned.last_name ?? "there"`, String, "there"},
	{"missing variable", "space.vars.missing", Undefined, ""},
	{"missing path", "space.vars.missing.deeper.still", Undefined, ""},
	{"missing root", "nothere.x", Undefined, ""},
	{"property of null", "space.vars.nothing.x", Undefined, ""},
	{"property of string", "visitor.claims.plan.x", Undefined, ""},
	{"null variable", "space.vars.nothing", Null, ""},
	{"integer variable", "space.vars.count", Number, "3"},
	{"object", "space.vars.nested", Object, "[object Object]"},
	{"array", "space.vars.tags", Array, "a,b,,1"},
	{"nested arrays", "space.vars.matrix", Array, "1,2,3"},
	{"bracket key", `space.vars["release-date"]`, String, "2025-03-01"},
	{"bracket path", `space.vars.nested["deep"]["x"]`, String, "y"},
	{"computed key", `space.vars["latest" + "_version"]`, String, "2.3.1"},
	{"computed missing key", "space.vars[visitor.claims.plan]", Undefined, ""},
	{"string map", "space.vars.smap.k", String, "v"},
	{"prototype property", "space.vars.nested.constructor", Undefined, ""},
	{"optional member", "space.vars?.latest_version", String, "2.3.1"},
	{"optional missing", "space.vars.missing?.x.y", Undefined, ""},
	{"optional bracket", `space.vars?.["release-date"]`, String, "2025-03-01"},

	// Indexes and lengths.
	{"index", "space.vars.tags[1]", String, "b"},
	{"string index", `space.vars.tags["1"]`, String, "b"},
	{"null element", "space.vars.tags[2]", Null, ""},
	{"index out of range", "space.vars.tags[5]", Undefined, ""},
	{"negative index", "space.vars.tags[-1]", Undefined, ""},
	{"fractional index", "space.vars.tags[1.5]", Undefined, ""},
	{"string slice index", "space.vars.names[0]", String, "x"},
	{"computed index", "space.vars.tags[space.vars.count - 2]", String, "b"},
	{"array length", "space.vars.tags.length", Number, "4"},
	{"string length", "space.vars.latest_version.length", Number, "5"},
	{"UTF-16 length", "space.vars.emoji.length", Number, "4"},
	{"character", `"abc"[1]`, String, "b"},
	{"half a surrogate pair", "space.vars.emoji[1]", String, "\uFFFD"},
	{"object length", "space.vars.nested.length", Undefined, ""},
	{"number property", "space.vars.count.length", Undefined, ""},

	// ?? || && ! ?: (sections 4.20, 4.21).
	{"coalesce null", `null ?? "x"`, String, "x"},
	{"coalesce undefined", `undefined ?? "x"`, String, "x"},
	{"coalesce null variable", `space.vars.nothing ?? "x"`, String, "x"},
	{"coalesce zero", "space.vars.zero ?? 5", Number, "0"},
	{"coalesce empty", `space.vars.empty ?? "d"`, String, ""},
	{"or zero", "space.vars.zero || 5", Number, "5"},
	{"or first", `visitor.claims.plan || "free"`, String, "enterprise"},
	{"and", `visitor.claims.plan === "enterprise" && "yes"`, String, "yes"},
	{"and stops", `visitor.claims.beta && "yes"`, Bool, "false"},
	{"not false", "!visitor.claims.beta", Bool, "true"},
	{"not missing", "!visitor.claims.missing", Bool, "true"},
	{"not empty string", "!space.vars.empty", Bool, "true"},
	{"not not array", "!!space.vars.tags", Bool, "true"},
	{"conditional", `visitor.claims.seats > 5 ? "big" : "small"`, String, "big"},
	{"conditional chain", `visitor.claims.plan === "free" ? 1 : visitor.claims.plan === "enterprise" ? 2 : 3`, Number, "2"},

	// Equality.
	{"loose number string", `"1" == 1`, Bool, "true"},
	{"strict number string", `"1" === 1`, Bool, "false"},
	{"loose boolean", "1 == true", Bool, "true"},
	{"loose boolean string", `"1" == true`, Bool, "true"},
	{"loose empty zero", `"" == 0`, Bool, "true"},
	{"loose null undefined", "null == undefined", Bool, "true"},
	{"strict null undefined", "null === undefined", Bool, "false"},
	{"loose null zero", "null == 0", Bool, "false"},
	{"loose missing null", "space.vars.missing == null", Bool, "true"},
	{"strict missing undefined", "space.vars.missing === undefined", Bool, "true"},
	{"NaN", "NaN == NaN", Bool, "false"},
	{"NaN not equal", "NaN !== NaN", Bool, "true"},
	{"zero and negative zero", "0 === -0", Bool, "true"},
	{"same array", "space.vars.tags === space.vars.tags", Bool, "true"},
	{"array and string", `space.vars.names == "x,y"`, Bool, "true"},
	{"array and array", "space.vars.names == space.vars.tags", Bool, "false"},
	{"object and string", `space.vars.nested == "[object Object]"`, Bool, "true"},
	{"object and boolean", "space.vars.nested == true", Bool, "false"},
	{"number string claim", "space.vars.numstr == 42", Bool, "true"},
	{"not equal", `visitor.claims.plan != "free"`, Bool, "true"},
	{"strict not equal", `visitor.claims.plan !== "enterprise"`, Bool, "false"},

	// Comparison.
	{"greater or equal", "visitor.claims.seats >= 10", Bool, "true"},
	{"less", "visitor.claims.seats < 10", Bool, "false"},
	{"strings compare as strings", `"10" < "9"`, Bool, "true"},
	{"string and number compare as numbers", `"10" < 9`, Bool, "false"},
	{"undefined less", "undefined < 1", Bool, "false"},
	{"undefined greater or equal", "undefined >= 1", Bool, "false"},
	{"null greater or equal zero", "null >= 0", Bool, "true"},
	{"string order", `"a" < "b"`, Bool, "true"},
	{"UTF-16 order", `"\uFF61" < "\u{1F600}"`, Bool, "false"},
	{"NaN less or equal", "NaN <= NaN", Bool, "false"},

	// Arithmetic and concatenation.
	{"concatenate number", `"v" + 1`, String, "v1"},
	{"add then concatenate", `1 + 2 + "3"`, String, "33"},
	{"concatenate all", `"1" + 2 + 3`, String, "123"},
	{"concatenate then subtract", `1 + "2" - 1`, Number, "11"},
	{"concatenate variable", `"Version " + space.vars.latest_version`, String, "Version 2.3.1"},
	{"concatenate integer variable", `space.vars.count + " seats"`, String, "3 seats"},
	{"concatenate null", `"a" + null`, String, "anull"},
	{"concatenate undefined", `"a" + space.vars.missing`, String, "aundefined"},
	{"concatenate array", `space.vars.tags + ""`, String, "a,b,,1"},
	{"concatenate object", `"x" + space.vars.nested`, String, "x[object Object]"},
	{"multiply strings", `"3" * "4"`, Number, "12"},
	{"boolean plus number", "true + 1", Number, "2"},
	{"null plus number", "null + 1", Number, "1"},
	{"undefined plus number", "undefined + 1", Number, "NaN"},
	{"divide", "10 / 4", Number, "2.5"},
	{"remainder", "7 % 3", Number, "1"},
	{"negative remainder", "-7 % 3", Number, "-1"},
	{"divide by zero", "1 / 0", Number, "Infinity"},
	{"negative divide by zero", "-1 / 0", Number, "-Infinity"},
	{"zero by zero", "0 / 0", Number, "NaN"},
	{"floating point", "0.1 + 0.2", Number, "0.30000000000000004"},
	{"large product", "123456789 * 1000", Number, "123456789000"},
	{"huge", "1e21 * 10", Number, "1e+22"},
	{"tiny", "1 / 10000000", Number, "1e-7"},
	{"negative zero prints as zero", "-space.vars.zero", Number, "0"},
	{"float variable", "space.vars.price + 0.5", Number, "10"},
	{"subtract string", `space.vars.numstr - 2`, Number, "40"},
	{"negate string", `-"3"`, Number, "-3"},
	{"negate word", `-"abc"`, Number, "NaN"},
	{"array times", "space.vars.names.length * 2", Number, "4"},

	// Methods.
	{"upper case", "visitor.claims.plan.toUpperCase()", String, "ENTERPRISE"},
	{"lower case", `"ÀB".toLowerCase()`, String, "àb"},
	{"trim", `"  x ".trim()`, String, "x"},
	{"trim JavaScript space", `"\u00a0x\n\u2028".trim()`, String, "x"},
	{"array includes", `visitor.claims.roles.includes("admin")`, Bool, "true"},
	{"array excludes", `visitor.claims.roles.includes("x")`, Bool, "false"},
	{"array includes number", "space.vars.tags.includes(1)", Bool, "true"},
	{"array includes strictly", `space.vars.tags.includes("1")`, Bool, "false"},
	{"array includes null", "space.vars.tags.includes(null)", Bool, "true"},
	{"array does not include undefined", "space.vars.tags.includes(undefined)", Bool, "false"},
	{"array includes from", `space.vars.tags.includes("a", 1)`, Bool, "false"},
	{"array includes from end", `space.vars.tags.includes(1, -1)`, Bool, "true"},
	{"string slice includes", `space.vars.names.includes("y")`, Bool, "true"},
	{"join", "space.vars.tags.join()", String, "a,b,,1"},
	{"join separator", `space.vars.tags.join(" | ")`, String, "a | b |  | 1"},
	{"join strings", `space.vars.names.join("+")`, String, "x+y"},
	{"join nested", `space.vars.matrix.join(";")`, String, "1,2;3"},
	{"chained methods", `visitor.claims.roles.join(", ").toUpperCase()`, String, "ADMIN, DEV"},
	{"starts with", `visitor.claims.plan.startsWith("enter")`, Bool, "true"},
	{"starts with position", `"enterprise".startsWith("prise", 5)`, Bool, "true"},
	{"ends with", `visitor.claims.plan.endsWith("prise")`, Bool, "true"},
	{"ends with position", `"enterprise".endsWith("enter", 5)`, Bool, "true"},
	{"string includes", `visitor.claims.plan.includes("terp")`, Bool, "true"},
	{"string includes empty", `"abc".includes("")`, Bool, "true"},
	{"string includes from", `"abc".includes("a", 1)`, Bool, "false"},
	{"string includes undefined", `"is undefined".includes()`, Bool, "true"},
	{"starts with after pair", `space.vars.emoji.startsWith("b", 3)`, Bool, "true"},
	{"starts with inside pair", `space.vars.emoji.startsWith("b", 2)`, Bool, "false"},
	{"ends with before pair", `space.vars.emoji.endsWith("a", 1)`, Bool, "true"},
	{"method of number", "space.vars.count.toUpperCase()", Undefined, ""},
	{"method of missing", "space.vars.missing.trim()", Undefined, ""},
	{"string method of array", "space.vars.tags.trim()", Undefined, ""},
	{"array method of string", `"abc".join()`, Undefined, ""},
	{"method as property", "visitor.claims.plan.trim", Undefined, ""},
	{"method result length", `"  ab ".trim().length`, Number, "2"},

	// Template literals.
	{"template", "`v${space.vars.latest_version}`", String, "v2.3.1"},
	{"template undefined", "`${space.vars.missing}`", String, "undefined"},
	{"template sum", "`a${1 + 1}b`", String, "a2b"},
	{"template nested", "`<${`${visitor.claims.plan}!`}>`", String, "<enterprise!>"},

	// Literals.
	{"true", "true", Bool, "true"},
	{"null", "null", Null, ""},
	{"undefined", "undefined", Undefined, ""},
	{"infinity", "Infinity", Number, "Infinity"},
	{"hex", "0x1F + 0b11", Number, "34"},
}

func TestEval(t *testing.T) {
	t.Parallel()
	scope := testScope()
	for _, tc := range evalTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			v := e.Eval(scope)
			if v.Kind() != tc.kind || v.String() != tc.want {
				t.Errorf("%s: got %v %q, want %v %q", tc.in, v.Kind(), v.String(), tc.kind, tc.want)
			}
		})
	}
}

func TestEvalNilScope(t *testing.T) {
	t.Parallel()
	e, err := Parse(`visitor.claims.plan === "enterprise"`)
	if err != nil {
		t.Fatal(err)
	}
	if v := e.Eval(nil); v.Kind() != Bool || v.Truthy() {
		t.Errorf("got %v %v, want false", v.Kind(), v)
	}
}

func TestEvalLimits(t *testing.T) {
	t.Parallel()
	big := make([]any, 1<<10)
	for i := range big {
		big[i] = string(make([]byte, 1<<10))
	}
	self := []any{nil, "x"}
	self[0] = self
	scope := map[string]any{"big": big, "self": self}
	for _, tc := range []struct {
		name string
		in   string
		kind Kind
		want string
	}{
		{"join over the limit", `big.join(",")`, Undefined, ""},
		{"join under the limit", `big.join("")`, String, string(make([]byte, 1<<20))},
		{"concatenation over the limit", `big.join("") + "x"`, Undefined, ""},
		{"template over the limit", "`${big.join(\"\")}x`", Undefined, ""},
		{"array containing itself", `self.join("-")`, String, "-x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			v := e.Eval(scope)
			if v.Kind() != tc.kind || v.String() != tc.want {
				t.Errorf("got %v of length %d, want %v of length %d", v.Kind(), len(v.String()), tc.kind, len(tc.want))
			}
		})
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	scope := testScope()
	for _, tc := range []struct {
		path string
		kind Kind
		want string
	}{
		{"space.vars.latest_version", String, "2.3.1"},
		{`space.vars["release-date"]`, String, "2025-03-01"},
		{"space.vars.tags[1]", String, "b"},
		{"space.vars.tags.length", Number, "4"},
		{"space.vars.missing", Undefined, ""},
		{"space", Object, "[object Object]"},
		{"space.vars.count + 1", Undefined, ""},
		{"space.vars.latest_version.trim()", Undefined, ""},
		{`"literal"`, Undefined, ""},
		{"", Undefined, ""},
		{"space.vars.", Undefined, ""},
	} {
		if v := Lookup(tc.path, scope); v.Kind() != tc.kind || v.String() != tc.want {
			t.Errorf("Lookup(%q): got %v %q, want %v %q", tc.path, v.Kind(), v.String(), tc.kind, tc.want)
		}
	}
	vars := map[string]any{"vars": map[string]any{"name": "Acme"}}
	if v := Lookup("vars.name", vars); v.String() != "Acme" {
		t.Errorf("Lookup(vars.name): got %q, want Acme", v.String())
	}
}

func TestNewScope(t *testing.T) {
	t.Parallel()
	scope := NewScope(map[string]any{"a": "1"}, nil, nil)
	if _, ok := scope["page"]; ok {
		t.Error("got a page variable for nil page vars")
	}
	if _, ok := scope["visitor"]; ok {
		t.Error("got a visitor variable for nil claims")
	}
	if v := Lookup("space.vars.a", scope); v.String() != "1" {
		t.Errorf("got %q, want 1", v.String())
	}
}
