package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

const customBook = `
-- handbook.yaml --
title: Acme
logo: .gitbook/assets/logo.svg
theme:
  logo_dark: .gitbook/assets/logo-white.svg
  accent: "#0a7d5a"
  css: .handbook/theme.css
-- .handbook/theme.css --
/* Acme's colours */
.hb-header {
  background: #003366;
}
-- .handbook/theme/page.html --
<!doctype html>
<html lang="{{.Site.Lang}}">
<head>{{template "head" .Site}}{{if .Site.ExtraCSS}}<link rel="stylesheet" href="{{.Site.ExtraCSS}}">{{end}}
<title>{{.Title}}</title></head>
<body class="acme">{{template "header" .Site}}
<picture>{{if .Site.LogoDarkURL}}<source srcset="{{.Site.LogoDarkURL}}" media="(prefers-color-scheme: dark)">{{end}}<img src="{{.Site.LogoURL}}" alt=""></picture>
<main>{{.Content}}</main>
{{template "footer" .Site}}</body></html>
-- .handbook/theme/notes.txt --
Not a template: left alone.
-- .gitbook/assets/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- .gitbook/assets/logo-white.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home

Hello.
-- guide.md --
# Guide
`

func TestThemeCustomizedFromTheRepository(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, customBook)
	custom := glob(t, b.Out, "_handbook/custom.*.css")
	style := glob(t, b.Out, "_handbook/style.*.css")
	for _, page := range []string{"index.html", "guide/index.html"} {
		b.AssertFile(page,
			`<body class="acme">`,
			`<main>`,
			`! hb-sidebar`,
			`<link rel="stylesheet" href="/`+style+`">`,
			`<link rel="stylesheet" href="/`+custom+`">`,
			`<source srcset="/_assets/logo-white.svg" media="(prefers-color-scheme: dark)"><img src="/_assets/logo.svg"`,
			`<header class="hb-header">`, // the theme's header, from head.html
		)
	}
	b.AssertFile("index.html", "<main><p>Hello.</p>")
	b.AssertFile(custom, ".hb-header{background:#036}", "! Acme's colours")
	b.AssertFile(style, ":root{--hb-accent:#0a7d5a;", "[data-theme=dark]{--hb-accent:#68f3c9;")
	b.AssertExists("_assets/logo-white.svg")
	// The pages not overridden keep the theme's layout.
	b.AssertFile("404.html", `class="hb-layout`, `! class="acme"`)
	if d := b.Diags(); d != "" {
		t.Errorf("diagnostics:\n%s", d)
	}
}

func TestThemeOverrideErrors(t *testing.T) {
	t.Parallel()
	const book = `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home
`
	for _, tc := range []struct {
		name, files, want string
	}{
		{"syntax error", "-- .handbook/theme/page.html --\n<p>\n{{if .Title}}\n{{end}\n", `.handbook/theme/page.html:3: bad character U+007D '}'`},
		{"unknown file", "-- .handbook/theme/home.html --\n<p>\n", ".handbook/theme/home.html: is not a template of the theme; the templates are page.html, head.html"},
		{"execution", "-- .handbook/theme/page.html --\n<p>{{.Site.Colour}}</p>\n",
			`render README.md: execute template page.html (the handbook overrides page.html): template: page.html:1:10: executing "page.html" at <.Site.Colour>: can't evaluate field Colour`},
		{"head with a syntax error", "-- .handbook/theme/head.html --\n{{define \"head\"}}{{.Nope}\n", `.handbook/theme/head.html:1: bad character U+007D '}'`},
		{"not a folder", "-- .handbook/theme --\npage.html\n", ".handbook/theme is a file; it must be a folder of templates"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := hbtest.Build(t, book+tc.files, hbtest.ExpectError())
			if !strings.Contains(b.Err.Error(), tc.want) {
				t.Errorf("got %q, want it to contain %q", b.Err, tc.want)
			}
		})
	}
}

func TestThemeFilesThatAreMissing(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- handbook.yaml --
theme:
  logo_dark: .gitbook/assets/none.svg
  css: .handbook/none.css
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home
`)
	b.AssertDiags(
		`handbook.yaml:2:14: warning: theme.logo_dark: image ".gitbook/assets/none.svg" does not exist`,
		`handbook.yaml:3:8: warning: theme.css: .handbook/none.css does not exist`,
	)
	b.AssertExists("index.html")
	if m, _ := filepath.Glob(filepath.Join(b.Out, "_handbook", "custom.*.css")); len(m) != 0 {
		t.Errorf("a stylesheet that cannot be read is published: %q", m)
	}
}

// glob returns the one output file matching pattern, relative to out.
func glob(t *testing.T, out, pattern string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(out, filepath.FromSlash(pattern)))
	if err != nil || len(m) != 1 {
		t.Fatalf("output %s: %d files (%v)", pattern, len(m), err)
	}
	rel, err := filepath.Rel(out, m[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(m[0]); err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}
