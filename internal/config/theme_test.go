package config

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestParseSiteTheme(t *testing.T) {
	t.Parallel()
	src := `title: Acme
theme:
  logo_dark: .gitbook/assets/logo-white.svg
  accent: "#0A7D5A"
  css: ./.handbook/theme.css
`
	s, ds := ParseSite("handbook.yaml", []byte(src))
	if len(ds) != 0 {
		t.Fatalf("got diagnostics:\n%s\nwant none", ds.Error())
	}
	want := Theme{LogoDark: ".gitbook/assets/logo-white.svg", Accent: "#0A7D5A", CSS: ".handbook/theme.css"}
	if s.Theme != want {
		t.Errorf("got %+v, want %+v", s.Theme, want)
	}
	var pos []string
	for _, k := range slices.Sorted(maps.Keys(s.Pos)) {
		pos = append(pos, k+"="+s.Pos[k].String())
	}
	wantPos := "theme=handbook.yaml:3:3 theme.accent=handbook.yaml:4:11 theme.css=handbook.yaml:5:8 theme.logo_dark=handbook.yaml:3:14 title=handbook.yaml:1:8"
	if got := strings.Join(pos, " "); got != wantPos {
		t.Errorf("positions:\ngot  %s\nwant %s", got, wantPos)
	}

	s, ds = ParseSite("handbook.yaml", []byte("theme:\n  accent: Teal\n"))
	if len(ds) != 0 || s.Theme.Accent != "teal" {
		t.Errorf("a colour name: got %q and %v, want \"teal\" and no diagnostics", s.Theme.Accent, ds)
	}
}

func TestParseSiteThemeDiagnostics(t *testing.T) {
	t.Parallel()
	const accentHint = `	hint: write # and 3 or 6 hexadecimal digits in quotes, such as "#0a7d5a", or a colour name such as teal`
	for _, tc := range []struct {
		name, src, diags string
	}{
		{"null theme", "theme:\n", ""},
		{"null values", "theme:\n  accent:\n  css: ~\n", ""},
		{
			"theme not a mapping",
			"theme: dark\n",
			`handbook.yaml:1:8: error: "theme" must be a mapping with logo_dark, accent or css, not the text "dark"
	hint: write "theme:" with, for example, "accent: \"#0a7d5a\"" indented below it`,
		},
		{
			"unknown key",
			"theme:\n  accent_color: red\n",
			`handbook.yaml:2:3: error: unknown key "accent_color" in theme
	hint: valid keys are logo_dark, accent, css`,
		},
		{
			"typo",
			"theme:\n  logo-dark: x.svg\n",
			`handbook.yaml:2:3: error: unknown key "logo-dark" in theme
	hint: did you mean "logo_dark"? valid keys are logo_dark, accent, css`,
		},
		{
			"accent injecting CSS",
			"theme:\n  accent: \"red;}body{display:none\"\n",
			`handbook.yaml:2:11: error: theme.accent "red;}body{display:none" is not a colour the theme accepts` + "\n" + accentHint,
		},
		{
			"accent as url()",
			"theme:\n  accent: url(x.png)\n",
			`handbook.yaml:2:11: error: theme.accent "url(x.png)" is not a colour the theme accepts` + "\n" + accentHint,
		},
		{
			"accent with four digits",
			"theme:\n  accent: \"#1234\"\n",
			`handbook.yaml:2:11: error: theme.accent "#1234" is not a colour the theme accepts` + "\n" + accentHint,
		},
		{
			"accent as a keyword",
			"theme:\n  accent: inherit\n",
			`handbook.yaml:2:11: error: theme.accent "inherit" is not a colour` + "\n" + accentHint,
		},
		{
			"accent unquoted is a comment",
			"theme:\n  accent: #0a7d5a\n",
			`handbook.yaml:2:3: error: theme.accent has no value: "#0a7d5a" after it is a YAML comment
	hint: put the colour in quotes: accent: "#0a7d5a"`,
		},
		{
			"accent a list",
			"theme:\n  accent: [red]\n",
			`handbook.yaml:2:11: error: "theme.accent" must be text, not a list`,
		},
		{
			"css outside the repository",
			"theme:\n  css: ../theme.css\n",
			`handbook.yaml:2:8: error: theme.css "../theme.css" is not a file in the repository
	hint: write the path of a stylesheet relative to the repository root, such as .handbook/theme.css`,
		},
		{
			"css a URL",
			"theme:\n  css: https://cdn.example.com/x.css\n",
			`handbook.yaml:2:8: error: theme.css "https://cdn.example.com/x.css" is a URL, not a file in the repository
	hint: put the stylesheet in the repository, such as .handbook/theme.css, and write its path`,
		},
		{
			"css not .css",
			"theme:\n  css: .handbook/theme.scss\n",
			`handbook.yaml:2:8: warning: theme.css ".handbook/theme.scss" does not end in .css
	hint: the file is read as CSS whatever its name`,
		},
		{
			"key twice",
			"theme:\n  accent: red\n  accent: blue\n",
			`handbook.yaml:3:3: error: key "accent" is already set on line 2
	hint: remove one of the two; only the first is used`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, ds := ParseSite("handbook.yaml", []byte(tc.src))
			got := ""
			if len(ds) > 0 {
				got = ds.Error()
			}
			if got != tc.diags {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.diags)
			}
		})
	}
}
