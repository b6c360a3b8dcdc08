package theme

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOverrideReplacesPageTemplate(t *testing.T) {
	t.Parallel()
	th, err := Compile(Options{Base: "/docs/", Overrides: fstest.MapFS{
		"page.html": {Data: []byte(`<!doctype html><head>{{template "head" .Site}}</head>` +
			`<main class="acme-page"><h1>{{.Title}}</h1>{{.Content}}</main>{{template "footer" .Site}}`)},
		"README.md":      {Data: []byte("not a template")},
		"parts/x.html":   {Data: []byte("{{")}, // folders are not read
		"notes.html.bak": {Data: []byte("{{")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	site := &Site{Title: "Acme", Base: "/docs/", Footer: "© Acme"}
	html, err := th.RenderPage(&Page{Site: site, Title: "Hello & welcome", Content: "<p>Body</p>"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<main class="acme-page"><h1>Hello &amp; welcome</h1><p>Body</p></main>`,
		`href="/docs/_handbook/style.`, // the theme's head, with its assets
		`© Acme`,                       // and its footer
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("page lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(string(html), "hb-sidebar") {
		t.Error("the page still has the theme's own layout")
	}
	// The templates not overridden are the theme's.
	var nf strings.Builder
	if err := th.NotFound(&nf, &NotFound{Site: site}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(nf.String(), "hb-header") {
		t.Errorf("404 page is not the theme's:\n%s", nf.String())
	}
}

func TestOverrideHeadChangesEveryPage(t *testing.T) {
	t.Parallel()
	th, err := Compile(Options{Base: "/", Overrides: fstest.MapFS{
		"head.html": {Data: []byte(`{{define "head"}}<meta name="acme">{{end}}{{define "header"}}<header class="acme">{{.Title}}</header>{{end}}` +
			`{{define "footer"}}{{end}}{{define "top"}}{{template "header" .Site}}{{end}}`)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	site := &Site{Title: "Acme", Base: "/"}
	page, err := th.RenderPage(&Page{Site: site, Title: "A"})
	if err != nil {
		t.Fatal(err)
	}
	var nf strings.Builder
	if err := th.NotFound(&nf, &NotFound{Site: site}); err != nil {
		t.Fatal(err)
	}
	for name, html := range map[string]string{"page": string(page), "404": nf.String()} {
		if !strings.Contains(html, `<meta name="acme">`) || !strings.Contains(html, `<header class="acme">Acme</header>`) {
			t.Errorf("%s does not use the overridden head.html:\n%s", name, html)
		}
	}
}

func TestBadOverride(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  string // the error
		line  int
	}{
		{"syntax error", fstest.MapFS{"page.html": {Data: []byte("<p>\n{{.Title}}\n{{if .Title}}")}},
			"page.html:3: unexpected EOF", 3},
		{"unknown function", fstest.MapFS{"404.html": {Data: []byte("{{nope .Site}}")}},
			`404.html:1: function "nope" not defined`, 1},
		{"unknown file", fstest.MapFS{"pages.html": {Data: []byte("<p>")}},
			"pages.html: is not a template of the theme; the templates are page.html, head.html, 404.html, changes.html, redirect.html, print.html", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := Compile(Options{Base: "/", Overrides: tc.files})
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("got %v, want a *TemplateError", err)
			}
			if err.Error() != tc.want || te.Line != tc.line {
				t.Errorf("got %q (line %d), want %q (line %d)", err, te.Line, tc.want, tc.line)
			}
		})
	}
}

func TestOverrideFailingWhenExecutedNamesTemplate(t *testing.T) {
	t.Parallel()
	th, err := Compile(Options{Base: "/", Overrides: fstest.MapFS{
		"page.html": {Data: []byte("<p>{{.Site.Nope}}</p>")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = th.RenderPage(&Page{Site: &Site{}, Title: "A"})
	if err == nil {
		t.Fatal("a page with an unknown field rendered")
	}
	for _, want := range []string{"execute template page.html", "the handbook overrides page.html", "Nope"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestAccent(t *testing.T) {
	t.Parallel()
	th, err := Compile(Options{Base: "/", Accent: "#0A7D5A"})
	if err != nil {
		t.Fatal(err)
	}
	css := string(asset(t, th.Assets(), "_handbook/style.").Data)
	light := strings.LastIndex(css, ":root{--hb-accent:#0a7d5a;--hb-accent-bg:")
	dark := strings.LastIndex(css, `[data-theme=dark]{--hb-accent:`)
	media := strings.LastIndex(css, `:root:not([data-theme=light]){--hb-accent:`)
	theme := strings.Index(css, "--hb-accent:")
	if light < 0 || dark < 0 || media < 0 || theme < 0 || light < theme || dark < theme || media < theme {
		t.Errorf("the accent rules do not follow the theme's (light %d, dark %d, media %d, theme %d):\n%s", light, dark, media, theme, css[max(0, len(css)-400):])
	}

	th, err = Compile(Options{Base: "/", Accent: "Teal"})
	if err != nil {
		t.Fatal(err)
	}
	css = string(asset(t, th.Assets(), "_handbook/style.").Data)
	if !strings.Contains(css, "--hb-accent:teal;--hb-accent-bg:color-mix(") {
		t.Errorf("a colour name is not used as written:\n%s", css[max(0, len(css)-400):])
	}

	for _, bad := range []string{"red;}body{display:none", "url(x)", "#12", "#1234", "inherit", "rgb(1,2,3)", "red }"} {
		if _, err := Compile(Options{Base: "/", Accent: bad}); err == nil || !strings.Contains(err.Error(), "accent colour") {
			t.Errorf("accent %q: got %v, want an error", bad, err)
		}
	}
}

func TestAccentDarkVariant(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ light, dark string }{
		{"#2563eb", "#6a94f1"}, // the theme's blue, close to its own dark #6ea1ff
		{"#0a7d5a", "#68f3c9"},
		{"#000", "#adadad"}, // grey stays grey
		{"#ffcc00", "#ffde5c"},
		{"#abc", "#aabbcc"}, // short form
		{"#b00000", "#ff5c5c"},
	} {
		if got := parseHex(tc.light).atLeastLightness(0.68).String(); got != tc.dark {
			t.Errorf("%s in dark mode: got %s, want %s", tc.light, got, tc.dark)
		}
	}
	if got := parseHex("#2563eb").mix(lightBG, 0.08).String(); got != "#eef3fd" {
		t.Errorf("tint of #2563eb: got %s, want #eef3fd (the theme's own is #eef3fe)", got)
	}
}

func TestCustomCSS(t *testing.T) {
	t.Parallel()
	th, err := Compile(Options{Base: "/", CustomCSS: []byte("/* Acme */\n.hb-header {\n  background: #003366;\n}\n")})
	if err != nil {
		t.Fatal(err)
	}
	p := th.CustomCSS()
	a := asset(t, th.Assets(), "_handbook/custom.")
	if p != a.Path || p != hashedPath("custom.css", a.Data) {
		t.Errorf("CustomCSS() = %q, asset %q", p, a.Path)
	}
	if got := strings.TrimSpace(string(a.Data)); got != ".hb-header{background:#036}" {
		t.Errorf("custom.css = %q, want it minified", got)
	}
	if th, _ := New("/", nil, nil); th.CustomCSS() != "" {
		t.Errorf("a theme with no stylesheet of the handbook's has CustomCSS() %q", th.CustomCSS())
	}
}
