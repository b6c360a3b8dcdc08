package config

import (
	"fmt"
	"testing"
)

func TestParseSitePrivate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{
			"list of globs, files and folders",
			"private:\n  - internal/**\n  - people/compensation.md\n  - finance/\n",
			"[internal/** people/compensation.md finance/]",
		},
		{"a single pattern", "private: internal/**\n", "[internal/**]"},
		{"leading ./ and / are trimmed", "private:\n  - ./a/*.md\n  - /b\n  - ' c '\n", "[a/*.md b c]"},
		{"a pattern listed twice is kept once", "private: [a, ./a]\n", "[a]"},
		{"everything", "private: '**'\n", "[**]"},
		{"null", "private:\n", "[]"},
		{"null items are skipped", "private:\n  -\n  - a\n", "[a]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, ds := ParseSite("handbook.yaml", []byte(tc.src))
			if len(ds) != 0 {
				t.Fatalf("got diagnostics:\n%s\nwant none", ds.Error())
			}
			if got := fmt.Sprint(s.Private); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseSitePrivateDiagnostics(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, diags, private string
	}{
		{
			"a mapping",
			"private:\n  internal: true\n",
			`handbook.yaml:2:3: error: "private" must be a list of file and folder patterns, not a mapping
	hint: write one "- pattern" per line, such as "- internal/**"`,
			"[]",
		},
		{
			"an item that is a list",
			"private:\n  - [a, b]\n  - c\n",
			`handbook.yaml:2:5: error: "private.0" must be a file or folder pattern, not a list
	hint: write one "- pattern" per line, such as "- internal/**"`,
			"[c]",
		},
		{
			"invalid glob",
			"private:\n  - 'a/[b'\n  - 'x/{y'\n  - ok\n",
			`handbook.yaml:2:5: error: private pattern "a/[b" is not a valid glob
	hint: check that every "[" has its "]" and every "{" its "}"; "*" matches within a folder, "**" across folders
handbook.yaml:3:5: error: private pattern "x/{y" is not a valid glob
	hint: check that every "[" has its "]" and every "{" its "}"; "*" matches within a folder, "**" across folders`,
			"[ok]",
		},
		{
			"leaves the content root",
			"private:\n  - ../secrets/**\n  - a/../../b\n",
			`handbook.yaml:2:5: error: private pattern "../secrets/**" leaves the content root
	hint: remove "../": patterns are relative to the content root and can only name pages in it
handbook.yaml:3:5: error: private pattern "a/../../b" leaves the content root
	hint: remove "../": patterns are relative to the content root and can only name pages in it`,
			"[]",
		},
		{
			"absolute windows path",
			"private: 'C:/docs/internal'\n",
			`handbook.yaml:1:10: error: private pattern "C:/docs/internal" is an absolute path
	hint: write a path relative to the content root, such as "internal/**"`,
			"[]",
		},
		{
			"home folder",
			"private: ~/docs\n",
			`handbook.yaml:1:10: error: private pattern "~/docs" is an absolute path
	hint: write a path relative to the content root, such as "internal/**"`,
			"[]",
		},
		{
			"names nothing",
			"private:\n  - ./\n  - ''\n",
			`handbook.yaml:2:5: error: private pattern "./" names no file or folder
	hint: write a path relative to the content root, such as "internal/**"; "**" makes every page private
handbook.yaml:3:5: error: private pattern "" names no file or folder
	hint: write a path relative to the content root, such as "internal/**"; "**" makes every page private`,
			"[]",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, ds := ParseSite("handbook.yaml", []byte(tc.src))
			if got := ds.Error(); got != tc.diags {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.diags)
			}
			if got := fmt.Sprint(s.Private); got != tc.private {
				t.Errorf("got private %s, want %s", got, tc.private)
			}
		})
	}
}

func TestPrivateFile(t *testing.T) {
	t.Parallel()
	s := &Site{Private: []string{"internal/**", "people/compensation.md", "finance/", "legal", "*.draft.md", "teams/*/budget.md", "{a,b}/secret"}}
	for _, tc := range []struct {
		file string
		want bool
	}{
		{"internal/x.md", true},
		{"internal/deep/er/x.md", true},
		{"internal.md", false},
		{"internals/x.md", false},
		{"people/compensation.md", true},
		{"people/compensation.md.bak", false},
		{"people/README.md", false},
		{"finance/README.md", true},
		{"finance/x/y.md", true},
		{"legal/contracts/nda.md", true},
		{"legalese.md", false},
		{"plan.draft.md", true},
		{"teams/plan.draft.md", false},
		{"teams/web/budget.md", true},
		{"teams/web/goals.md", false},
		{"a/secret/x.md", true},
		{"c/secret/x.md", false},
		{"./finance/x.md", true},
		{"/finance/x.md", true},
		{"README.md", false},
		{"", false},
	} {
		if got := s.PrivateFile(tc.file); got != tc.want {
			t.Errorf("PrivateFile(%q): got %v, want %v", tc.file, got, tc.want)
		}
	}
}

func TestPrivateFileFolderForms(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"finance", "finance/", "finance/**", "./finance", "/finance/"} {
		s := &Site{Private: []string{p}}
		if !s.PrivateFile("finance/x/y.md") {
			t.Errorf("pattern %q: got finance/x/y.md public, want private", p)
		}
		if s.PrivateFile("finances/y.md") {
			t.Errorf("pattern %q: got finances/y.md private, want public", p)
		}
	}
	var none *Site
	if none.PrivateFile("x.md") {
		t.Error("nil site: got x.md private, want public")
	}
}

func TestPrivateFileFromParsedConfig(t *testing.T) {
	t.Parallel()
	s, ds := ParseSite("handbook.yaml", []byte("private:\n  - /internal/\n  - ./people/*.md\n"))
	if len(ds) != 0 {
		t.Fatalf("got diagnostics:\n%s\nwant none", ds.Error())
	}
	for file, want := range map[string]bool{
		"internal/a/b.md":    true,
		"people/jane.md":     true,
		"people/team/bob.md": false,
		"about.md":           false,
	} {
		if got := s.PrivateFile(file); got != want {
			t.Errorf("PrivateFile(%q): got %v, want %v", file, got, want)
		}
	}
}
