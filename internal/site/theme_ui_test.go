package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// TestThemeUIInBuiltSite builds a handbook and finds the reader comforts
// of the theme in its pages and its stylesheet: the colour scheme toggle,
// which the code highlighting follows as the theme's colours do, the
// named sidebar the menu button controls, and the print rules.
func TestThemeUIInBuiltSite(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home

§§§go
func main() {}
§§§
-- guide.md --
# Guide
`)
	for _, page := range []string{"index.html", "guide/index.html", "404.html"} {
		b.AssertFile(page,
			`<button class="hb-theme-toggle" type="button" aria-label="Switch to dark mode" title="Switch to dark mode" hidden>`,
			`<nav class="hb-sidebar" id="hb-sidebar" aria-label="Table of contents"`,
			`<label class="hb-menu-toggle" for="hb-nav-toggle" aria-label="Menu">☰</label>`,
		)
	}
	b.AssertFile("index.html", `<span class="kd">func</span>`) // highlighted with classes

	css := builtStylesheet(t, b.Out)
	for _, want := range []string{
		// The theme's colours and the code highlighting, dark under the
		// system's preference unless the page says light, and under the
		// toggle's data-theme="dark".
		":root:not([data-theme=light]){--hb-bg:",
		"[data-theme=dark]{--hb-bg:",
		// Printing hides the controls.
		".hb-theme-toggle,.hb-menu-toggle,.hb-copy-page,.code-copy,",
		`attr(href)`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the stylesheet lacks %s", want)
		}
	}
	// The minifier joins the selectors of equal rules.
	for _, want := range []string{`:root:not\(\[data-theme=light\]\) \.chroma \.kd[,{]`, `(^|[,}])\[data-theme=dark\] \.chroma \.kd[,{]`} {
		if !regexp.MustCompile(want).MatchString(css) {
			t.Errorf("the stylesheet has no rule for %s", want)
		}
	}
}

// builtStylesheet returns the theme's stylesheet of the site built in out.
func builtStylesheet(t *testing.T, out string) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(out, "_handbook", "style.*.css"))
	if err != nil || len(paths) != 1 {
		t.Fatalf("the site has stylesheets %q (%v), want one _handbook/style.*.css", paths, err)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
