package summary

import (
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/diag"
)

// lines formats diagnostics as "line:col: severity: msg", one per element.
func lines(ds diag.List) []string {
	var out []string
	for _, d := range ds {
		out = append(out, strings.TrimPrefix(d.String(), "SUMMARY.md:"))
	}
	return out
}

func checkParse(t *testing.T, src, want string, wantDiags []string) *Summary {
	t.Helper()
	s, ds := Parse("SUMMARY.md", []byte(src))
	if got := s.String(); got != want {
		t.Errorf("outline:\ngot:\n%s\nwant:\n%s", got, want)
	}
	got := lines(ds)
	if strings.Join(got, "\n") != strings.Join(wantDiags, "\n") {
		t.Errorf("diagnostics:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantDiags, "\n"))
	}
	if ds.HasErrors() {
		t.Errorf("got errors, want only warnings")
	}
	return s
}

func TestGroups(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		src   string
		want  string
		diags []string
	}{
		{
			name: "title and gitbook groups",
			src: `# Table of contents

* [Welcome](README.md)

## Company <a href="#company" id="company"></a>

* [About us](company/about.md)

## Engineering

* [On-call](/engineering/on-call.md)
`,
			want: `# Table of contents
---
* Welcome -> README.md
## Company {#company}
* About us -> company/about.md
## Engineering
* On-call -> /engineering/on-call.md
`,
		},
		{
			name: "no title",
			src:  "* [A](a.md)\n",
			want: "---\n* A -> a.md\n",
		},
		{
			name: "empty file",
			src:  "",
			want: "",
		},
		{
			name: "title only",
			src:  "# Summary\n",
			want: "# Summary\n",
		},
		{
			name: "level-3 headings are separators",
			src:  "# T\n\n### Part one\n\n* [A](a.md)\n\n### Part two\n\n* [B](b.md)\n",
			want: "# T\n## Part one\n* A -> a.md\n## Part two\n* B -> b.md\n",
		},
		{
			name: "thematic breaks start untitled groups",
			src:  "* [A](a.md)\n\n---\n\n* [B](b.md)\n\n***\n\n* [C](c.md)\n",
			want: "---\n* A -> a.md\n---\n* B -> b.md\n---\n* C -> c.md\n",
		},
		{
			name: "a break after a heading replaces it",
			src:  "## Lonely\n\n---\n\n* [B](b.md)\n",
			want: "## Lonely\n---\n* B -> b.md\n",
			diags: []string{
				"1:1: warning: group \"Lonely\" has no entries\n\thint: add a list of links under the heading, or remove it",
			},
		},
		{
			name: "trailing break is dropped",
			src:  "* [A](a.md)\n\n---\n",
			want: "---\n* A -> a.md\n",
		},
		{
			name: "setext heading is a group",
			src:  "Company\n-------\n\n* [A](a.md)\n",
			want: "## Company\n* A -> a.md\n",
		},
		{
			name: "heading formatting stripped and escapes undone",
			src:  "## *Sales* & `Ops` \\#1\n\n* [A](a.md)\n",
			want: "## Sales & Ops #1\n* A -> a.md\n",
		},
		{
			name: "anchor with single quotes and only href",
			src:  "## One <a href='#uno'></a>\n\n* [A](a.md)\n\n## Two <a id=\"dos\" href=\"#x\"></a>\n\n* [B](b.md)\n",
			want: "## One {#uno}\n* A -> a.md\n## Two {#dos}\n* B -> b.md\n",
		},
		{
			name: "anchor with content is part of the title",
			src:  "## One <a id=\"x\">more</a>\n\n* [A](a.md)\n",
			want: "## One more\n* A -> a.md\n",
		},
		{
			name: "later level-1 heading is a group",
			src:  "# T\n\n* [A](a.md)\n\n# Other\n\n* [B](b.md)\n",
			want: "# T\n---\n* A -> a.md\n## Other\n* B -> b.md\n",
			diags: []string{
				"5:1: warning: level-1 heading \"Other\" after the start of the table of contents\n\thint: only the first heading may be \"#\", the title; write \"## Other\" for a group",
			},
		},
		{
			name: "level-4 heading",
			src:  "#### Deep\n\n* [A](a.md)\n",
			want: "## Deep\n* A -> a.md\n",
			diags: []string{
				"1:1: warning: level-4 heading \"Deep\" is not a group heading\n\thint: write \"## Deep\" to start a group",
			},
		},
		{
			name: "empty group heading",
			src:  "##\n\n* [A](a.md)\n",
			want: "---\n* A -> a.md\n",
			diags: []string{
				"1:1: warning: group heading is empty\n\thint: give the group a title, or use \"---\" for an untitled separator",
			},
		},
		{
			name: "group with no entries at the end",
			src:  "* [A](a.md)\n\n## Empty\n",
			want: "---\n* A -> a.md\n## Empty\n",
			diags: []string{
				"3:1: warning: group \"Empty\" has no entries\n\thint: add a list of links under the heading, or remove it",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkParse(t, tc.src, tc.want, tc.diags)
		})
	}
}

func TestLists(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		src   string
		want  string
		diags []string
	}{
		{
			name: "two-space nesting with stars",
			src:  "* [A](a.md)\n  * [B](b.md)\n    * [C](c.md)\n* [D](d.md)\n",
			want: "---\n* A -> a.md\n  * B -> b.md\n    * C -> c.md\n* D -> d.md\n",
		},
		{
			name: "four-space nesting with dashes",
			src:  "- [A](a.md)\n    - [B](b.md)\n        - [C](c.md)\n",
			want: "---\n* A -> a.md\n  * B -> b.md\n    * C -> c.md\n",
		},
		{
			name: "tab nesting with pluses",
			src:  "+ [A](a.md)\n\t+ [B](b.md)\n\t\t+ [C](c.md)\n",
			want: "---\n* A -> a.md\n  * B -> b.md\n    * C -> c.md\n",
		},
		{
			name: "mixed markers start new lists in the same group",
			src:  "* [A](a.md)\n- [B](b.md)\n+ [C](c.md)\n",
			want: "---\n* A -> a.md\n* B -> b.md\n* C -> c.md\n",
		},
		{
			name: "ordered list",
			src:  "1. [A](a.md)\n   1. [B](b.md)\n2. [C](c.md)\n",
			want: "---\n* A -> a.md\n  * B -> b.md\n* C -> c.md\n",
		},
		{
			name: "loose list",
			src:  "* [A](a.md)\n\n  * [B](b.md)\n\n* [C](c.md)\n",
			want: "---\n* A -> a.md\n  * B -> b.md\n* C -> c.md\n",
		},
		{
			name: "deep nesting",
			src:  "* [1](1.md)\n  * [2](2.md)\n    * [3](3.md)\n      * [4](4.md)\n        * [5](5.md)\n          * [6](6.md)\n",
			want: "---\n* 1 -> 1.md\n  * 2 -> 2.md\n    * 3 -> 3.md\n      * 4 -> 4.md\n        * 5 -> 5.md\n          * 6 -> 6.md\n",
		},
		{
			name: "CRLF line endings",
			src:  "# T\r\n\r\n* [A](a.md)\r\n  * [B](b.md)\r\n\r\n## G\r\n\r\n* [C](c.md)\r\n",
			want: "# T\n---\n* A -> a.md\n  * B -> b.md\n## G\n* C -> c.md\n",
		},
		{
			name: "byte order mark",
			src:  "\uFEFF# T\n\n* [](a.md)\n",
			want: "# T\n---\n*  -> a.md\n",
			diags: []string{
				"3:3: warning: sidebar entry \"a.md\" has an empty title\n\thint: write the title between the brackets: [Title](page.md)",
			},
		},
		{
			name: "plain text entry keeps its children",
			src:  "* Guides\n  * [A](a.md)\n",
			want: "---\n* Guides -> \n  * A -> a.md\n",
			diags: []string{
				"1:3: warning: sidebar entry \"Guides\" has no link\n\thint: write it as * [Guides](page.md) to make it a page; it is shown as a label",
			},
		},
		{
			name: "empty item lifts its children",
			src:  "* [A](a.md)\n*\n  * [B](b.md)\n",
			want: "---\n* A -> a.md\n* B -> b.md\n",
			diags: []string{
				"2:1: warning: empty sidebar entry\n\thint: write the entry as * [Title](page.md), or remove the marker",
			},
		},
		{
			name: "text after the link",
			src:  "* [A](a.md) (old)\n",
			want: "---\n* A -> a.md\n",
			diags: []string{
				"1:3: warning: sidebar entry \"A\" has text outside its link\n\thint: only the first link is used; put each entry in its own list item",
			},
		},
		{
			name: "nested entry indented too far",
			src:  "- [A](a.md)\n      - [B](b.md)\n",
			want: "---\n* A -> a.md\n",
			diags: []string{
				"1:3: warning: sidebar entry \"A\" has text outside its link\n\thint: a line that starts with a list marker is indented too far to nest; indent nested entries by 2 or 4 spaces more than their parent",
			},
		},
		{
			name: "paragraph and code block outside lists",
			src:  "Intro text.\n\n* [A](a.md)\n\n```yaml\nx: 1\n```\n",
			want: "---\n* A -> a.md\n",
			diags: []string{
				"1:1: warning: text outside a list is ignored\n\thint: the table of contents holds only headings and lists of links: * [Title](page.md)",
				"5:1: warning: code block outside a list is ignored\n\thint: the table of contents holds only headings and lists of links: * [Title](page.md)",
			},
		},
		{
			name: "html comment is silent, other html is not",
			src:  "<!-- generated -->\n\n* [A](a.md)\n\n<div>x</div>\n",
			want: "---\n* A -> a.md\n",
			diags: []string{
				"5:1: warning: HTML outside a list is ignored\n\thint: the table of contents holds only headings and lists of links: * [Title](page.md)",
			},
		},
		{
			name: "second paragraph in an item",
			src:  "* [A](a.md)\n\n  more\n",
			want: "---\n* A -> a.md\n",
			diags: []string{
				"3:3: warning: text inside a sidebar entry is ignored\n\thint: the table of contents holds only headings and lists of links: * [Title](page.md)",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkParse(t, tc.src, tc.want, tc.diags)
		})
	}
}

func TestEntries(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		src   string
		want  Item
		diags []string
	}{
		{"escaped parentheses", `* [Mattermost Leadership Team \(MLT\)](mlt.md)`, Item{Title: "Mattermost Leadership Team (MLT)", Target: "mlt.md"}, nil},
		{"other escapes", `* [\[draft\] a\_b \*c\* \#d](a.md)`, Item{Title: "[draft] a_b *c* #d", Target: "a.md"}, nil},
		{"formatting stripped", "* [**Bold** _em_ `co*de*`](a.md)", Item{Title: "Bold em co*de*", Target: "a.md"}, nil},
		{"entities", `* [R&amp;D &#169; &copy;](a.md)`, Item{Title: "R&D © ©", Target: "a.md"}, nil},
		{"image counts as alt text", `* [![icon](i.png) Start](a.md)`, Item{Title: "icon Start", Target: "a.md"}, nil},
		{"quotes in title", `* ["How to" guides](a.md)`, Item{Title: `"How to" guides`, Target: "a.md"}, nil},
		{"link title double quotes", `* [Glossary \(A–Z\)](g.md "Glossary")`, Item{Title: "Glossary (A–Z)", LinkTitle: "Glossary", Target: "g.md"}, nil},
		{"link title single quotes", `* [T](g.md 'Short')`, Item{Title: "T", LinkTitle: "Short", Target: "g.md"}, nil},
		{"link title parentheses", `* [T](g.md (Short \(x\)))`, Item{Title: "T", LinkTitle: "Short (x)", Target: "g.md"}, nil},
		{"root-relative target", `* [T](/ops/tech_writing.md)`, Item{Title: "T", Target: "/ops/tech_writing.md"}, nil},
		{"dot-relative target", `* [T](./a.md)`, Item{Title: "T", Target: "./a.md"}, nil},
		{"fragment kept", `* [T](a.md#some-section)`, Item{Title: "T", Target: "a.md#some-section"}, nil},
		{"angle brackets", `* [T](<my page (1).md>)`, Item{Title: "T", Target: "my page (1).md"}, nil},
		{"percent-encoding decoded", `* [T](my%20page%20%281%29.md#a%20b)`, Item{Title: "T", Target: "my page (1).md#a b"}, nil},
		{"encoded hash stays encoded in the path", `* [T](c%23.md#x%23y)`, Item{Title: "T", Target: "c%23.md#x#y"}, nil},
		{"lone percent kept", `* [T](50%.md)`, Item{Title: "T", Target: "50%.md"}, nil},
		{"invalid UTF-8 after decoding kept as written", `* [T](a%FF.md)`, Item{Title: "T", Target: "a%FF.md"}, nil},
		{"escape in destination", `* [T](a\_b.md)`, Item{Title: "T", Target: "a_b.md"}, nil},
		{"https is external and kept as written", `* [Status](https://status.example.com/a%20b)`, Item{Title: "Status", Target: "https://status.example.com/a%20b", External: true}, nil},
		{"mailto is external", `* [Mail](mailto:a@example.com)`, Item{Title: "Mail", Target: "mailto:a@example.com", External: true}, nil},
		{"protocol-relative is external", `* [CDN](//cdn.example.com/x)`, Item{Title: "CDN", Target: "//cdn.example.com/x", External: true}, nil},
		{"colon in a file name is not a scheme", `* [T](c:a.md)`, Item{Title: "T", Target: "c:a.md"}, nil},
		{"autolink", `* <https://example.com>`, Item{Title: "https://example.com", Target: "https://example.com", External: true}, nil},
		{"reference link", "* [T][ref]\n\n[ref]: a.md \"Short\"", Item{Title: "T", LinkTitle: "Short", Target: "a.md"}, nil},
		{
			"empty target", `* [T]()`, Item{Title: "T"},
			[]string{"1:3: warning: sidebar entry \"T\" has an empty link target\n\thint: write the path of a Markdown file between the parentheses"},
		},
		{
			"unresolved reference is text", `* [T]`, Item{Title: "[T]"},
			[]string{"1:3: warning: sidebar entry \"[T]\" has no link\n\thint: write it as * [[T]](page.md) to make it a page; it is shown as a label"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, ds := Parse("SUMMARY.md", []byte(tc.src))
			if len(s.Groups) != 1 || len(s.Groups[0].Items) != 1 {
				t.Fatalf("got %q, want one entry", s.String())
			}
			it := s.Groups[0].Items[0]
			got := [4]any{it.Title, it.LinkTitle, it.Target, it.External}
			want := [4]any{tc.want.Title, tc.want.LinkTitle, tc.want.Target, tc.want.External}
			if got != want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if g, w := strings.Join(lines(ds), "\n"), strings.Join(tc.diags, "\n"); g != w {
				t.Errorf("got diagnostics %q, want %q", g, w)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	t.Parallel()
	src := "# Contents\n\n* [A](a.md)\n  * [Ç](c.md)\n\n## Group\n\n---\n\n- Text\n"
	s, _ := Parse("docs/SUMMARY.md", []byte(src))
	for _, tc := range []struct {
		name string
		got  diag.Pos
		want string
	}{
		{"leading group at its list", s.Groups[0].Pos, "docs/SUMMARY.md:3:1"},
		{"entry at its bracket", s.Groups[0].Items[0].Pos, "docs/SUMMARY.md:3:3"},
		{"nested entry", s.Groups[0].Items[0].Children[0].Pos, "docs/SUMMARY.md:4:5"},
		{"group at its heading", s.Groups[1].Pos, "docs/SUMMARY.md:6:1"},
		{"break group at the break", s.Groups[2].Pos, "docs/SUMMARY.md:8:1"},
		{"plain entry at its text", s.Groups[2].Items[0].Pos, "docs/SUMMARY.md:10:3"},
	} {
		if got := tc.got.String(); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestBOMColumns(t *testing.T) {
	t.Parallel()
	s, _ := Parse("SUMMARY.md", []byte("\uFEFF* [A](a.md)\n"))
	if got, want := s.Groups[0].Items[0].Pos.String(), "SUMMARY.md:1:3"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
