package theme

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// uiSite is a site with everything the header can show.
func uiSite() *Site {
	return &Site{
		Title: "Acme", Base: "/", HomeURL: "/", Lang: "en", NavURL: "/_handbook/nav.json",
		LogoURL: "/logo.svg", LogoDarkURL: "/logo-white.svg", ExtraCSS: "/_handbook/custom.1234abcd.css",
	}
}

func TestHeaderHasColourSchemeToggle(t *testing.T) {
	t.Parallel()
	th, err := New("/", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	site := uiSite()
	page, err := th.RenderPage(&Page{
		Site: site, Title: "Setup", ShowSidebar: true, ShowTitle: true, Sidebar: "<ul></ul>",
		PDFURL: "/setup.pdf", MarkdownURL: "/setup.md", EditURL: "https://example.com/edit", EditLabel: "Edit",
	})
	if err != nil {
		t.Fatal(err)
	}
	notFound, err := Render(th.NotFound, &NotFound{Site: site})
	if err != nil {
		t.Fatal(err)
	}
	changes, err := Render(th.Changes, &Changes{Site: site, Title: "Recently updated"})
	if err != nil {
		t.Fatal(err)
	}
	for name, html := range map[string]string{"page": string(page), "404": string(notFound), "changes": string(changes)} {
		for _, want := range []string{
			// Hidden until the script can make it work; without it the
			// system's scheme applies.
			`<button class="hb-theme-toggle" type="button" aria-label="Switch to dark mode" title="Switch to dark mode" hidden>`,
			`<label class="hb-menu-toggle" for="hb-nav-toggle" aria-label="Menu">☰</label>`,
			`<input type="checkbox" id="hb-nav-toggle" class="hb-nav-toggle" aria-label="Menu" aria-controls="hb-sidebar">`,
			`<nav class="hb-sidebar" id="hb-sidebar" aria-label="Table of contents"`,
			`<img class="hb-logo hb-logo-light" src="/logo.svg" alt="" height="28"><img class="hb-logo hb-logo-dark" src="/logo-white.svg" alt="" height="28">`,
			`<link rel="stylesheet" href="/_handbook/custom.1234abcd.css">`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		// init.js applies the stored choice before the stylesheets paint,
		// and the handbook's stylesheet comes after the theme's.
		initJS, style, custom := strings.Index(html, `/_handbook/init.`), strings.Index(html, `/_handbook/style.`), strings.Index(html, "custom.1234abcd.css")
		if initJS < 0 || initJS > style || style > custom {
			t.Errorf("%s: init.js at %d, style.css at %d, the handbook's stylesheet at %d; want them in that order", name, initJS, style, custom)
		}
		if n := strings.Count(html, "<main"); n != 1 {
			t.Errorf("%s has %d main landmarks, want 1", name, n)
		}
	}

	// "Copy page as Markdown" follows "Export as PDF".
	html := string(page)
	pdf, copyMD, view := strings.Index(html, ">Export as PDF</a>"), strings.Index(html, ">Copy page as Markdown</button>"), strings.Index(html, ">View as Markdown</a>")
	if pdf < 0 || copyMD < pdf || view < copyMD || strings.Contains(html[pdf:copyMD], "<a ") {
		t.Errorf("the actions are Export as PDF at %d, Copy page as Markdown at %d, View as Markdown at %d; want them side by side in that order", pdf, copyMD, view)
	}
	if !strings.Contains(html, `<button class="hb-action hb-copy-page" type="button" data-src="/setup.md" hidden>`) {
		t.Error("the Copy page as Markdown button is not hidden until the script shows it")
	}
}

func TestHeaderWithoutDarkLogo(t *testing.T) {
	t.Parallel()
	th, err := New("/", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	page, err := th.RenderPage(&Page{Site: &Site{Title: "Acme", Base: "/", LogoURL: "/logo.svg"}, Title: "A"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	if !strings.Contains(html, `<img class="hb-logo" src="/logo.svg"`) || strings.Contains(html, "hb-logo-dark") {
		t.Errorf("a site with one logo does not show it alone:\n%s", html)
	}
	if strings.Contains(html, "custom.") || strings.Contains(html, `id="hb-sidebar"`) {
		t.Error("a page without a stylesheet of the handbook's or a sidebar links one or names the sidebar")
	}
	// Without a sidebar the menu checkbox takes no focus.
	if want := `<input type="checkbox" id="hb-nav-toggle" class="hb-nav-toggle" aria-label="Menu" hidden>`; !strings.Contains(html, want) {
		t.Errorf("a page without a sidebar lacks %s", want)
	}
}

func TestUpdatedTimeKeepsDateInTitle(t *testing.T) {
	t.Parallel()
	th, err := New("/", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	page, err := th.RenderPage(&Page{Site: uiSite(), Title: "A", ShowMetadata: true,
		Updated: time.Date(2024, 8, 22, 15, 4, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	want := `<p class="hb-updated">Last updated <time datetime="2024-08-22T15:04:00Z" title="Aug 22, 2024">on Aug 22, 2024</time></p>`
	if !strings.Contains(string(page), want) {
		t.Errorf("page lacks %s", want)
	}
}

// styleSource is the theme's own stylesheet as written.
func styleSource(t *testing.T) string {
	t.Helper()
	data, err := assetFS.ReadFile("assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// block returns the body of the first rule or at-rule whose prelude is
// head, up to its matching brace.
func block(t *testing.T, css, head string) string {
	t.Helper()
	i := strings.Index(css, head+" {")
	if i < 0 {
		t.Fatalf("the stylesheet has no %q block", head)
	}
	depth, start := 0, i+len(head)+2
	for j := start - 1; j < len(css); j++ {
		switch css[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return css[start:j]
			}
		}
	}
	t.Fatalf("the %q block is not closed", head)
	return ""
}

func TestStylesheetFollowsColourSchemeChoice(t *testing.T) {
	t.Parallel()
	css := styleSource(t)
	// Dark under the system's preference unless the page says light, and
	// whenever the page says dark; both set the same colours.
	media := block(t, css, "@media (prefers-color-scheme: dark)")
	system := block(t, media, `:root:not([data-theme="light"])`)
	forced := block(t, css, `[data-theme="dark"]`)
	if vars(system)["--hb-bg"] == "" || !mapsEqual(vars(system), vars(forced)) {
		t.Errorf("the system's dark colours %v differ from the toggle's %v", vars(system), vars(forced))
	}
	for _, want := range []string{
		`:root:not([data-theme="light"]) .hb-icon-sun { display: block; }`,
		`[data-theme="dark"] .hb-icon-sun, [data-theme="dark"] .hb-logo-dark { display: block; }`,
		`.hb-theme-toggle[hidden] { display: none; }`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the stylesheet lacks %s", want)
		}
	}
	// The shipped stylesheet keeps the rules once minified.
	th, err := New("/", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := string(asset(t, th.Assets(), "_handbook/style.").Data)
	for _, want := range []string{"[data-theme=dark]{", ":root:not([data-theme=light]){", ".hb-theme-toggle[hidden]", "@media print{", "prefers-reduced-motion:reduce"} {
		if !strings.Contains(out, want) {
			t.Errorf("the minified stylesheet lacks %s", want)
		}
	}
}

func TestStylesheetAccessibility(t *testing.T) {
	t.Parallel()
	css := styleSource(t)
	focus := block(t, css, ":focus-visible")
	if !strings.Contains(focus, "outline: 2px solid var(--hb-accent)") || !strings.Contains(focus, "outline-offset: 2px") {
		t.Errorf("the focus ring is %q, want 2px of the accent colour with an offset", focus)
	}
	motion := block(t, css, "@media (prefers-reduced-motion: reduce)")
	if !strings.Contains(motion, "transition-duration: .01ms !important") || !strings.Contains(motion, "animation-duration: .01ms !important") {
		t.Errorf("reduced motion does not stop transitions and animations: %q", motion)
	}
	if !strings.Contains(css, ".hb-content a:not([class]), ") || !strings.Contains(css, "text-decoration: underline; ") {
		t.Error("links in running text are not underlined")
	}
}

// TestMutedTextContrast requires text colours to contrast with the
// backgrounds they are shown on by at least 4.5:1 (WCAG AA), in both
// colour schemes.
func TestMutedTextContrast(t *testing.T) {
	t.Parallel()
	css := styleSource(t)
	light := vars(block(t, css, ":root"))
	dark := vars(block(t, css, `[data-theme="dark"]`))
	for _, scheme := range []struct {
		name string
		v    map[string]string
	}{{"light", light}, {"dark", dark}} {
		for _, pair := range [][2]string{
			{"--hb-muted", "--hb-bg"}, {"--hb-muted", "--hb-subtle"}, {"--hb-muted", "--hb-code-bg"},
			{"--hb-fg", "--hb-bg"}, {"--hb-accent", "--hb-bg"}, {"--hb-accent", "--hb-accent-bg"}, {"--hb-danger", "--hb-bg"},
		} {
			fg, bg := scheme.v[pair[0]], scheme.v[pair[1]]
			if fg == "" || bg == "" {
				t.Errorf("%s: %s is %q and %s %q, want colours", scheme.name, pair[0], fg, pair[1], bg)
				continue
			}
			if r := contrast(t, fg, bg); r < 4.5 {
				t.Errorf("%s: %s %s on %s %s contrasts %.2f:1, want at least 4.5:1", scheme.name, pair[0], fg, pair[1], bg, r)
			}
		}
	}
}

func TestPrintStylesheet(t *testing.T) {
	t.Parallel()
	print := block(t, styleSource(t), "@media print")
	for _, hidden := range []string{".hb-header", ".hb-sidebar", ".hb-outline", ".hb-actions", ".hb-feedback", ".hb-pagination",
		".hb-theme-toggle", ".hb-menu-toggle", ".hb-copy-page", ".code-copy", ".hb-content .anchor"} {
		if !regexp.MustCompile(`(^|[\s,])` + regexp.QuoteMeta(hidden) + `[\s,][^{]*\{ display: none !important; \}`).MatchString(print) {
			t.Errorf("printing does not hide %s", hidden)
		}
	}
	if !strings.Contains(print, `.hb-content a[href^="http"]:not(.anchor)::after`) || !strings.Contains(print, `content: " (" attr(href) ")"`) {
		t.Error("printing does not write the address after external links")
	}
}

var cssVar = regexp.MustCompile(`(--hb-[a-z-]+):\s*(#[0-9a-fA-F]{6})\b`)

// vars returns the colour variables (#rrggbb) a block sets.
func vars(css string) map[string]string {
	m := map[string]string{}
	for _, v := range cssVar.FindAllStringSubmatch(css, -1) {
		m[v[1]] = strings.ToLower(v[2])
	}
	return m
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// contrast returns the WCAG contrast ratio of two "#rrggbb" colours.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	lum := func(hex string) float64 {
		var c [3]float64
		for i := range c {
			n, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			if err != nil {
				t.Fatalf("colour %q: %v", hex, err)
			}
			x := float64(n) / 255
			if x <= 0.03928 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
