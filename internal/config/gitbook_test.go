package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/testcorpus"
)

// redirectList formats redirects as "from -> to @line:col", one per line.
func redirectList(rs []Redirect) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%s -> %s @%d:%d\n", r.From, r.To, r.Pos.Line, r.Pos.Col)
	}
	return b.String()
}

func TestParseGitBook(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name                  string
		src                   string
		root, readme, summary string
		redirects             string
		diags                 string
	}{
		{
			name: "empty file gives defaults",
			src:  "",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
		},
		{
			name: "documented example",
			src: `root: ./handbook/
structure:
  readme: README.md
  summary: SUMMARY.md
redirects:
  old/path: new/place.md
  team/old-page: /company/team.md
  faq#billing: ./billing/README.md#faq
`,
			root: "handbook", readme: "README.md", summary: "SUMMARY.md",
			redirects: "old/path -> new/place.md @6:3\nteam/old-page -> /company/team.md @7:3\nfaq#billing -> ./billing/README.md#faq @8:3\n",
		},
		{
			name: "trailing spaces and three-space indents",
			src:  "root: ./\n\nstructure:  \n   summary: SUMMARY.md\n    \nredirects:  \n   a/b/README: /x/README.md\n   /lead: y.md   \n",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
			redirects: "a/b/README -> /x/README.md @7:4\nlead -> y.md @8:4\n",
		},
		{
			name: "nested structure paths are cleaned",
			src:  "root: /docs\nstructure:\n  readme: ./intro/README.md\n  summary: ./product/SUMMARY.md\n",
			root: "docs", readme: "intro/README.md", summary: "product/SUMMARY.md",
		},
		{
			name: "empty and null values keep defaults",
			src:  "root: ''\nstructure:\n  readme:\n  summary: ~\n",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
		},
		{
			name: "root leaving the repository",
			src:  "root: ../shared/\nstructure:\n  summary: docs/../../SUMMARY.md\n",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
			diags: `.gitbook.yaml:1:7: error: root "../shared/" is outside the repository
	hint: use a path inside the repository, such as "./docs/"; it is relative to the repository root
.gitbook.yaml:3:12: error: summary "docs/../../SUMMARY.md" is outside the repository
	hint: use a path inside the repository, such as "./docs/"; it is relative to the repository root`,
		},
		{
			name: "unknown keys are warnings",
			src:  "Root: ./\nredirect:\n  a: b.md\nstructure:\n  sumary: S.md\n",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
			diags: `.gitbook.yaml:1:1: warning: unknown key "Root" in .gitbook.yaml
	hint: did you mean "root"? valid keys are root, structure, redirects
.gitbook.yaml:2:1: warning: unknown key "redirect" in .gitbook.yaml
	hint: did you mean "redirects"? valid keys are root, structure, redirects
.gitbook.yaml:5:3: warning: unknown key "sumary" in structure
	hint: did you mean "summary"? valid keys are readme, summary`,
		},
		{
			name: "wrong types are errors at the value",
			src:  "root: [a]\nstructure: docs\nredirects: foo\n",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
			diags: `.gitbook.yaml:1:7: error: "root" must be text, not a list
.gitbook.yaml:2:12: error: "structure" must be a mapping with readme and summary, not the text "docs"
.gitbook.yaml:3:12: error: "redirects" must be a mapping of old paths to files, not the text "foo"
	hint: write one "old/path: new/file.md" per line, indented under "redirects:"`,
		},
		{
			name: "bad redirects are dropped",
			src:  "redirects:\n  a: x.md\n  a: y.md\n  b:\n  c: [x]\n  /: z.md\n  d: e.md\n",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
			redirects: "a -> x.md @2:3\nd -> e.md @7:3\n",
			diags: `.gitbook.yaml:3:3: warning: key "a" is already set on line 2
	hint: remove one of the two; only the first is used
.gitbook.yaml:4:3: error: redirect "b" has no target
	hint: write the file it redirects to after the colon: b: path/to/page.md
.gitbook.yaml:5:6: error: "redirect c" must be the path of a file, not a list
.gitbook.yaml:6:3: error: redirect has an empty path
	hint: write the old URL path, without the site address, before the colon`,
		},
		{
			name: "not a mapping",
			src:  "- root\n",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
			diags: `.gitbook.yaml:1:1: error: .gitbook.yaml must be a mapping of keys to values, not a list
	hint: write lines such as "root: ./" and "redirects:"`,
		},
		{
			name: "syntax error",
			src:  "redirects:\n  a: b.md\n  c: d: e.md\n",
			root: ".", readme: "README.md", summary: "SUMMARY.md",
			diags: `.gitbook.yaml:3:7: error: value of "c" contains ": " and must be quoted
	hint: write c: "d: e.md", in quotes`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			gb, ds := ParseGitBook(".gitbook.yaml", []byte(tc.src))
			if gb.Root != tc.root || gb.Readme != tc.readme || gb.Summary != tc.summary {
				t.Errorf("got root=%q readme=%q summary=%q, want %q %q %q", gb.Root, gb.Readme, gb.Summary, tc.root, tc.readme, tc.summary)
			}
			if got := redirectList(gb.Redirects); got != tc.redirects {
				t.Errorf("redirects:\ngot:\n%s\nwant:\n%s", got, tc.redirects)
			}
			if got := ds.Error(); got != tc.diags {
				t.Errorf("diagnostics:\ngot:\n%s\nwant:\n%s", got, tc.diags)
			}
		})
	}
}

func TestMattermostGitBook(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(testcorpus.Dir(t), ".gitbook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	gb, ds := ParseGitBook(".gitbook.yaml", src)
	if len(ds) != 0 {
		t.Errorf("got diagnostics:\n%s\nwant none", ds.Error())
	}
	if gb.Root != "." || gb.Readme != "README.md" || gb.Summary != "SUMMARY.md" {
		t.Errorf("got root=%q readme=%q summary=%q, want \".\" \"README.md\" \"SUMMARY.md\"", gb.Root, gb.Readme, gb.Summary)
	}
	if got, want := len(gb.Redirects), 23; got != want {
		t.Fatalf("got %d redirects, want %d", got, want)
	}
	for _, tc := range []struct {
		i        int
		from, to string
		pos      string
	}{
		{0, "company/how-to-guides-for-staff/how-to-spend-company-money", "/operations/finance/how-to-spend-company-money/README.md", ".gitbook.yaml:7:4"},
		{9, "company/how-to-guides-for-staff/how-to-purchase/how-to-on-board-as-a-vendor/README", "/operations/finance/spending-company-money/procurement/how-to-on-board-as-a-vendor/README.md", ".gitbook.yaml:16:4"},
		{12, "company/about-mattermost/mindsets#likes-and-wishes", "/company/about-mattermost/mindsets.md", ".gitbook.yaml:19:4"},
		{13, "contributors/onboarding/staff-on-boarding-guide#leadership-principles", "./company/about-mattermost/README.md#leadership-principles", ".gitbook.yaml:20:4"},
		{15, "contributors/mattercon", "/contributors/join-us/recruiting.md#working-and-meeting-across-the-globe", ".gitbook.yaml:22:4"},
	} {
		r := gb.Redirects[tc.i]
		if r.From != tc.from || r.To != tc.to || r.Pos.String() != tc.pos {
			t.Errorf("redirect %d: got %q -> %q at %s, want %q -> %q at %s", tc.i, r.From, r.To, r.Pos, tc.from, tc.to, tc.pos)
		}
	}
}

func FuzzGitBookConfig(f *testing.F) {
	for _, s := range []string{
		"root: ./handbook/\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\nredirects:\n  old/path: new/place.md\n  faq#billing: ./b/README.md#faq\n",
		"root: ./\n\nstructure:  \n   summary: SUMMARY.md\n    \nredirects:  \n   a/README: /x.md\n",
		"root: ../x\nredirects: foo\nstructure: [1]\n",
		"redirects:\n  a: &x b.md\n  c: *x\n  a: d\n  ? [k]\n  : v\n",
		"a: b: c\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		gb, ds := ParseGitBook(".gitbook.yaml", src)
		if gb == nil {
			t.Fatal("got nil configuration")
		}
		if gb.Root == "" || gb.Root == ".." || strings.HasPrefix(gb.Root, "../") || strings.HasPrefix(gb.Root, "/") {
			t.Errorf("got root %q, want a clean relative path", gb.Root)
		}
		for _, d := range ds {
			if d.Pos.Line < 1 {
				t.Errorf("got diagnostic without a line: %v", d)
			}
		}
	})
}
