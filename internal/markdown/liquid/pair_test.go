package liquid

import (
	"fmt"
	"strings"
	"testing"
)

// tree formats nodes as "name{children}" for a node with its end tag,
// "name" for one without, and a "!" after the name of an unclosed paired
// block.
func tree(nodes []*Node) string {
	var parts []string
	for _, n := range nodes {
		s := n.Tag.Name
		if n.End == nil && KindOf(n.Tag.Name) == Paired {
			s += "!"
		}
		if n.End != nil || len(n.Children) > 0 {
			s += "{" + tree(n.Children) + "}"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// paired scans and pairs src, failing on scan errors, and returns the tree
// and the errors as "offset! message | hint" lines.
func paired(t *testing.T, src string) (string, string) {
	t.Helper()
	tags, serrs := Scan([]byte(src))
	if len(serrs) > 0 {
		t.Fatalf("got scan error %v", serrs[0])
	}
	nodes, errs := Pair(tags)
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "%d! %s | %s\n", e.Offset, e.Msg, e.Hint)
	}
	return tree(nodes), b.String()
}

// pairTests are the cases of TestPair; FuzzLiquid is seeded with their inputs.
var pairTests = []struct {
	name, in, tree, errs string
}{
	{"tabs in a hint",
		"{% hint style=\"info\" %}\n{% tabs %}\n{% tab title=\"A\" %}\na\n{% endtab %}\n{% tab title=\"B\" %}\nb\n{% endtab %}\n{% endtabs %}\n{% endhint %}\n",
		"hint{tabs{tab{} tab{}}}", ""},
	{"stepper in tabs",
		"{% tabs %}{% tab title=\"A\" %}{% stepper %}{% step %}x{% endstep %}{% step %}y{% endstep %}{% endstepper %}{% endtab %}{% endtabs %}",
		"tabs{tab{stepper{step{} step{}}}}", ""},
	{"compact tabs", `{% tabs %}{% tab title="A" %} a {% endtab %}{% tab title="B" %} b {% endtab %}{% endtabs %}`,
		"tabs{tab{} tab{}}", ""},
	{"same name nested", "{% tabs %}{% tab %}{% tabs %}{% tab %}{% endtab %}{% endtabs %}{% endtab %}{% endtabs %}",
		"tabs{tab{tabs{tab{}}}}", ""},
	{"embed without caption", "{% embed url=\"https://youtu.be/x\" %}\ntext\n", "embed", ""},
	{"embed with caption", "{% embed url=\"a\" %}\nOptional caption\n{% endembed %}", "embed{}", ""},
	{"legacy embed and a captioned one", `{% embed url="a" caption="" %}{% embed url="b" %}c{% endembed %}`, "embed embed{}", ""},
	{"embed without caption in a hint", `{% hint %}{% embed url="a" %}{% endhint %}`, "hint{embed}", ""},
	{"blocks after an embed move up", `{% embed url="a" %}{% hint %}x{% endhint %}`, "embed hint{}", ""},
	{"hint in an embed caption", `{% embed url="a" %}{% hint %}x{% endhint %}{% endembed %}`, "embed{hint{}}", ""},
	{"file with caption", `{% file src=".gitbook/assets/a.pdf" %}Signed PDF.{% endfile %}{% file src="b" %}`, "file{} file", ""},
	{"include stands alone", `{% include "a.md" %}{% hint %}{% endhint %}`, "include hint{}", ""},
	{"page-ref stands alone", `{% page-ref page="a.md" %}{% content-ref url="b.md" %}[b](b.md){% endcontent-ref %}`, "page-ref content-ref{}", ""},
	{"if with clauses", `{% if a %}x{% elsif b %}y{% else %}z{% endif %}`, "if{elsif else}", ""},
	{"clause after a tentative embed", `{% if a %}{% embed url="x" %}{% else %}{% endif %}`, "if{embed else}", ""},
	{"unknown tag with end", `{% foo x %}y{% endfoo %}`, "foo{}", ""},
	{"unknown tag alone", `{% vars.name %} and {% hint %}{% endhint %}`, "vars.name hint{}", ""},
	{"swagger",
		"{% swagger method=\"get\" path=\"/v1/items\" baseUrl=\"https://api.example.com\" summary=\"List items\" %}\n{% swagger-description %}\nReturns items.\n{% endswagger-description %}\n{% swagger-parameter in=\"query\" name=\"limit\" type=\"integer\" required=\"false\" %}\nMax items.\n{% endswagger-parameter %}\n{% swagger-response status=\"200: OK\" description=\"Items\" %}\n```json\n{\"items\": []}\n```\n{% endswagger-response %}\n{% endswagger %}\n",
		"swagger{swagger-description{} swagger-parameter{} swagger-response{}}", ""},
	{"legacy api-method",
		"{% api-method method=\"get\" host=\"https://a\" path=\"/c\" %}{% api-method-summary %}S{% endapi-method-summary %}{% api-method-spec %}{% api-method-request %}{% api-method-path-parameters %}{% api-method-parameter name=\"id\" type=\"string\" required=true %}ID{% endapi-method-parameter %}{% endapi-method-path-parameters %}{% endapi-method-request %}{% api-method-response %}{% api-method-response-example httpCode=200 %}{% api-method-response-example-description %}OK{% endapi-method-response-example-description %}{% endapi-method-response-example %}{% endapi-method-response %}{% endapi-method-spec %}{% endapi-method %}",
		"api-method{api-method-summary{} api-method-spec{api-method-request{api-method-path-parameters{api-method-parameter{}}} api-method-response{api-method-response-example{api-method-response-example-description{}}}}}", ""},
	{"columns and updates", `{% columns %}{% column width="40%" %}a{% endcolumn %}{% column %}b{% endcolumn %}{% endcolumns %}{% updates format="full" %}{% update date="2025-03-01" %}x{% endupdate %}{% endupdates %}`,
		"columns{column{} column{}} updates{update{}}", ""},
	{"mismatched end tag", "{% hint %}\n{% tabs %}\n{% endhint %}", "hint{tabs!}",
		"11! unclosed \"tabs\" block | add {% endtabs %} before {% endhint %}\n"},
	{"unclosed at the end", "{% hint %}\n{% tabs %}\n{% tab %}x", "hint!{tabs!{tab!}}",
		"0! unclosed \"hint\" block | add {% endhint %} after its content\n" +
			"11! unclosed \"tabs\" block | add {% endtabs %} after its content\n" +
			"22! unclosed \"tab\" block | add {% endtab %} after its content\n"},
	{"stray end tag", "text {% endtab %}", "",
		"5! unexpected end tag \"endtab\": no \"tab\" block is open | remove it, or add {% tab %} before it\n"},
	{"stray end tag in a block", "{% hint %}{% embed url=\"x\" %}{% endtab %}{% endhint %}", "hint{embed}",
		"29! unexpected end tag \"endtab\": no \"tab\" block is open | the innermost open block is \"hint\"; close it with {% endhint %}\n"},
	{"end tag of a single tag", `{% include "a" %}{% endinclude %}`, "include",
		"17! \"include\" takes no end tag | remove {% endinclude %}\n"},
	{"else outside if", `{% hint %}{% else %}{% endhint %}`, "hint{else}",
		"10! \"else\" outside an \"if\" block | use it between {% if … %} and {% endif %}\n"},
	{"end tag closes the inner block of its name", "{% tab %}{% tabs %}{% tab %}{% endtab %}{% endtab %}", "tab{tabs!{tab{}}}",
		"9! unclosed \"tabs\" block | add {% endtabs %} before {% endtab %}\n"},
}

func TestPair(t *testing.T) {
	t.Parallel()
	for _, tc := range pairTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			gotTree, gotErrs := paired(t, tc.in)
			if gotTree != tc.tree {
				t.Errorf("got tree %s, want %s", gotTree, tc.tree)
			}
			if gotErrs != tc.errs {
				t.Errorf("got errors\n%swant\n%s", gotErrs, tc.errs)
			}
		})
	}
}

func TestPairOffsets(t *testing.T) {
	t.Parallel()
	src := "{% hint %}\n{% embed url=\"a\" %}cap{% endembed %}\n{% endhint %}"
	tags, _ := Scan([]byte(src))
	nodes, errs := Pair(tags)
	if len(errs) > 0 || len(nodes) != 1 || len(nodes[0].Children) != 1 {
		t.Fatalf("got %s, %v", tree(nodes), errs)
	}
	hint, embed := nodes[0], nodes[0].Children[0]
	for _, tc := range []struct {
		what        string
		got         *Tag
		start, stop int
	}{
		{"hint", &hint.Tag, 0, 10},
		{"endhint", hint.End, 48, 61},
		{"embed", &embed.Tag, 11, 30},
		{"endembed", embed.End, 33, 47},
	} {
		if tc.got.Start != tc.start || tc.got.Stop != tc.stop {
			t.Errorf("%s: got %d-%d, want %d-%d", tc.what, tc.got.Start, tc.got.Stop, tc.start, tc.stop)
		}
	}
	if !hint.End.End || hint.End.Name != "hint" {
		t.Errorf("got end tag %+v, want endhint", *hint.End)
	}
	// The caller's slice is not shared with the tree.
	tags[len(tags)-1].Name = "changed"
	if hint.End.Name != "hint" {
		t.Errorf("got end tag name %q after changing the input, want %q", hint.End.Name, "hint")
	}
}

func TestKindOf(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		want Kind
	}{
		{"hint", Paired}, {"tab", Paired}, {"code", Paired}, {"if", Paired},
		{"api-method-response-example-description", Paired},
		{"embed", Optional}, {"file", Optional},
		{"include", Single}, {"page-ref", Single},
		{"else", Clause}, {"elsif", Clause},
		{"Hint", Unknown}, {"details", Unknown}, {"", Unknown},
	} {
		if got := KindOf(tc.name); got != tc.want {
			t.Errorf("KindOf(%q): got %v, want %v", tc.name, got, tc.want)
		}
	}
}
