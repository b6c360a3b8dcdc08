package liquid

import (
	"fmt"
	"strings"
	"testing"
)

// scanned lists the tags of src as "start:source" and then the errors as
// "offset! message", one a line.
func scanned(src string) string {
	tags, errs := Scan([]byte(src))
	var b strings.Builder
	for _, t := range tags {
		fmt.Fprintf(&b, "%d:%s\n", t.Start, src[t.Start:t.Stop])
	}
	for _, e := range errs {
		fmt.Fprintf(&b, "%d! %s\n", e.Offset, e.Msg)
	}
	return b.String()
}

// scanTests are the cases of TestScan; FuzzLiquid is seeded with their inputs.
var scanTests = []struct {
	name string
	in   string
	want string
}{
	{"none", "Plain *text* with {{ book.var }} and { % x % }.\n", ""},
	{"hint", "Intro.\n\n{% hint style=\"info\" %}\nText.\n{% endhint %}\n",
		"8:{% hint style=\"info\" %}\n38:{% endhint %}\n"},
	{"backtick fence", "```liquid\n{% hint %}\n```\n{% tab %}\n", "25:{% tab %}\n"},
	{"tilde fence with longer close", "~~~~\n{% a %}\n~~~\n{% b %}\n~~~~~\n{% c %}", "31:{% c %}\n"},
	{"fence in a list item", "1. Step:\n   ```bash\n   {% no %}\n   ```\n   {% hint style=\"info\" %}\n",
		"42:{% hint style=\"info\" %}\n"},
	{"fence opened by a list marker", "- ```\n  {% no %}\n  ```\n- {% yes %}\n", "25:{% yes %}\n"},
	{"fence in a blockquote", "> ```\n> {% no %}\n> ```\n{% yes %}", "23:{% yes %}\n"},
	{"fence runs to the end", "{% a %}\n```\n{% no %}\n", "0:{% a %}\n"},
	{"backtick in info string is no fence", "``` a`b\n{% x %}\n", "8:{% x %}\n"},
	{"CRLF fence", "```\r\n{% no %}\r\n```\r\n{% y %}", "20:{% y %}\n"},
	{"code span", "Write `{% hint %}` to get {% x %}.", "26:{% x %}\n"},
	{"double backtick span", "``a ` {% no %}`` {% z %}", "17:{% z %}\n"},
	{"unmatched backtick", "a ` b {% x %}", "6:{% x %}\n"},
	{"unmatched longer run", "``` a {% x %} ` {% y %} `", "6:{% x %}\n"},
	{"code span over lines", "a `b\nc {% no %}` d {% y %}", "19:{% y %}\n"},
	{"tag line ends a paragraph", "a `b\n{% x %}` c", "5:{% x %}\n"},
	{"blank line ends a paragraph", "a `b\n\n{% x %} `", "6:{% x %}\n"},
	{"list item ends a paragraph", "a `b\n- {% x %} `", "7:{% x %}\n"},
	{"heading ends a paragraph", "a `b\n## {% x %} `", "8:{% x %}\n"},
	{"escaped brace", `\{% no %} \\{% yes %}`, "12:{% yes %}\n"},
	{"escaped backtick", "\\`{% x %}`", "2:{% x %}\n"},
	{"escaped backtick then span", "\\``{% no %}`", ""},
	{"tag holding backticks", "{% code title=\"`a`\" %}`{% b %}`", "0:{% code title=\"`a`\" %}\n"},
	{"many tags per line", `{% tab title="A" %} text {% endtab %}{% tab title="B" %}x{% endtab %}`,
		"0:{% tab title=\"A\" %}\n25:{% endtab %}\n37:{% tab title=\"B\" %}\n57:{% endtab %}\n"},
	{"tags in list items", "* a\n  {% hint style=\"info\" %}\n  b\n  {% endhint %}\n",
		"6:{% hint style=\"info\" %}\n36:{% endhint %}\n"},
	{"tags in a blockquote", "> {% hint %}\n> x\n> {% endhint %}", "2:{% hint %}\n19:{% endhint %}\n"},
	{"tag over lines", "{% swagger method=\"get\"\n  path=\"/x\" %}\n```\n{% x %}\n```\n{% endswagger %}",
		"0:{% swagger method=\"get\"\n  path=\"/x\" %}\n55:{% endswagger %}\n"},
	{"tag over lines then a fence line", "{% a\n%}```\n{% b %}", "0:{% a\n%}\n11:{% b %}\n"},
	{"unclosed quote", "{% hint style=\"info\n{% endhint %}", "20:{% endhint %}\n14! unclosed quote in \"hint\" tag\n"},
	{"unterminated before a blank line", "50{% off\n\n{% hint %}", "10:{% hint %}\n2! unterminated \"off\" tag: no \"%}\" before the blank line\n"},
	{"unterminated by the next tag", "{% hint style=\"x\"\n{% endhint %}", "18:{% endhint %}\n0! unterminated \"hint\" tag: another \"{%\" comes before its \"%}\"\n"},
	{"unterminated at the end", "text {%", "5! unterminated tag: no \"%}\" before the end of the file\n"},
	{"error then tag on the line", "{% %} {% a %}", "6:{% a %}\n3! missing tag name\n"},
	{"open brace runs", "{{%{%%}", "1! unterminated tag: another \"{%\" comes before its \"%}\"\n5! missing tag name\n"},
}

func TestScan(t *testing.T) {
	t.Parallel()
	for _, tc := range scanTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := scanned(tc.in); got != tc.want {
				t.Errorf("Scan(%q):\ngot\n%swant\n%s", tc.in, got, tc.want)
			}
		})
	}
}
