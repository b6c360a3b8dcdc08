package theme

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/style.css assets/app.js assets/init.js assets/favicon.svg assets/search.css assets/search.js assets/print.css assets/vendor/mermaid.min.js
var assetFS embed.FS

// Asset is a static file of the theme, named by its content.
type Asset struct {
	Path string // output path relative to the site root, e.g. "_handbook/style.1a2b3c4d.css"
	Data []byte
}

// Theme is a compiled set of layouts and their static files.
type Theme struct {
	page, redirect, notFound, changes, print *template.Template
	assets, printAssets                      []Asset
	urls                                     map[string]string // logical name → path relative to the site root
	overridden                               map[string]bool   // template files replaced by Options.Overrides
}

// Options say how to compile the theme for a site.
type Options struct {
	Base string // the site's URL path prefix, ending in "/"
	// ExtraCSS is appended to the stylesheet (the code highlighting
	// rules, the blocks' styles) and ExtraJS to the script (the blocks'
	// behaviour).
	ExtraCSS, ExtraJS []byte
	// Accent is the accent colour of links, focus rings and current
	// items: "#rgb", "#rrggbb" or a CSS colour name; "" keeps the
	// theme's.
	Accent string
	// CustomCSS is a stylesheet of the handbook's own, loaded after the
	// theme's (see Theme.CustomCSS); nil for none. CustomCSSName names it
	// in errors, as its path in the repository.
	CustomCSS     []byte
	CustomCSSName string
	// Overrides holds templates, at its top, that replace the theme's of
	// the same name (see TemplateNames); nil for none.
	Overrides fs.FS
}

// New compiles the default theme with no customization. extraCSS is
// appended to the stylesheet and extraJS to the script; base is the
// site's URL path prefix.
func New(base string, extraCSS, extraJS []byte) (*Theme, error) {
	return Compile(Options{Base: base, ExtraCSS: extraCSS, ExtraJS: extraJS})
}

// Compile compiles the theme as o customizes it. Stylesheets and scripts
// are minified, then named by their content. An error names the asset or
// the template at fault; a template that cannot be parsed gives a
// *TemplateError.
func Compile(o Options) (*Theme, error) {
	t := &Theme{urls: map[string]string{}, overridden: map[string]bool{}}
	accent, err := accentCSS(o.Accent)
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"style.css", "app.js", "init.js"} {
		data, err := assetFS.ReadFile("assets/" + name)
		if err != nil {
			return nil, fmt.Errorf("read theme asset %s: %w", name, err)
		}
		switch name {
		case "style.css":
			data = slices.Concat(data, []byte{'\n'}, mustAsset("search.css"), o.ExtraCSS, []byte(accent))
		case "app.js":
			data = slices.Concat(data, []byte{'\n'}, mustAsset("search.js"), o.ExtraJS)
		}
		if err := t.addMinified(name, data); err != nil {
			return nil, err
		}
	}
	t.AddAsset("favicon.svg", mustAsset("favicon.svg"))
	if o.CustomCSS != nil {
		label := cmp.Or(o.CustomCSSName, customCSS)
		out, err := minifyAs(customCSS, label, o.CustomCSS)
		if err != nil {
			return nil, err
		}
		t.AddAsset(customCSS, out)
	}
	printCSS, err := minify("print.css", mustAsset("print.css"))
	if err != nil {
		return nil, err
	}
	t.printAssets = []Asset{{Path: hashedPath("print.css", printCSS), Data: printCSS}}
	t.urls["print.css"] = t.printAssets[0].Path
	diagrams, err := mermaid()
	if err != nil {
		return nil, err
	}
	t.urls["mermaid.min.js"] = diagrams.Path
	t.assets = append(t.assets, diagrams)
	if err := t.parseTemplates(o.Base, o.Overrides); err != nil {
		return nil, err
	}
	return t, nil
}

// addMinified minifies a stylesheet or script and adds it as an asset.
func (t *Theme) addMinified(name string, data []byte) error {
	out, err := minify(name, data)
	if err != nil {
		return err
	}
	t.AddAsset(name, out)
	return nil
}

// parseTemplates compiles the layouts, each file from overrides when it
// has one, else the theme's own.
func (t *Theme) parseTemplates(base string, overrides fs.FS) error {
	own, err := readOverrides(overrides)
	if err != nil {
		return err
	}
	funcs := template.FuncMap{
		"asset": func(name string) string { return base + t.urls[name] },
	}
	parse := func(files ...string) (*template.Template, error) {
		var tm *template.Template
		for i, f := range files {
			src, ok := own[f]
			if ok {
				t.overridden[f] = true
			} else if src, err = templateFS.ReadFile("templates/" + f); err != nil {
				return nil, fmt.Errorf("read theme template %s: %w", f, err)
			}
			next := template.New(f).Funcs(funcs)
			if i > 0 {
				next = tm.New(f)
			} else {
				tm = next
			}
			if _, err := next.Parse(string(src)); err != nil {
				if ok {
					return nil, parseError(f, err)
				}
				return nil, fmt.Errorf("parse theme templates: %w", err)
			}
		}
		return tm, nil
	}
	if t.page, err = parse("page.html", "head.html"); err != nil {
		return err
	}
	if t.redirect, err = parse("redirect.html"); err != nil {
		return err
	}
	if t.notFound, err = parse("404.html", "head.html"); err != nil {
		return err
	}
	if t.changes, err = parse("changes.html", "head.html"); err != nil {
		return err
	}
	if t.print, err = parse("print.html"); err != nil {
		return err
	}
	return nil
}

// mustAsset reads an embedded file that is part of another asset.
func mustAsset(name string) []byte {
	data, err := assetFS.ReadFile("assets/" + name)
	if err != nil {
		panic(err)
	}
	return append(data, '\n')
}

// mermaid is the diagram library, named by its content like the other
// assets. It is 3.5 MB, so its name is worked out once per process rather
// than for every build.
var mermaid = sync.OnceValues(func() (Asset, error) {
	const name = "vendor/mermaid.min.js"
	data, err := assetFS.ReadFile("assets/" + name)
	if err != nil {
		return Asset{}, fmt.Errorf("read theme asset %s: %w", name, err)
	}
	return Asset{Path: hashedPath(path.Base(name), data), Data: data}, nil
})

// hashedPath returns the output path of the asset name with content data.
func hashedPath(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return "_handbook/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// AddAsset adds a static file named by a hash of its content, such as the
// sidebar tree, and returns its path relative to the site root.
func (t *Theme) AddAsset(name string, data []byte) string {
	p := hashedPath(name, data)
	t.urls[name] = p
	t.assets = append(t.assets, Asset{Path: p, Data: data})
	return p
}

// Assets returns the theme's static files.
func (t *Theme) Assets() []Asset { return t.assets }

// Optional reports whether the asset is needed only by pages that ask for
// it (the diagram library), so a site with no such page can leave it out.
func (a Asset) Optional() bool { return strings.Contains(a.Path, "/mermaid.min.") }

// RenderPage renders a page into a buffer sized for it.
func (t *Theme) RenderPage(p *Page) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(p.Content) + len(p.Sidebar) + 12<<10)
	if err := t.page.Execute(&buf, p); err != nil {
		return nil, t.execError("page.html", err)
	}
	return buf.Bytes(), nil
}

// Redirect renders a redirect page.
func (t *Theme) Redirect(w io.Writer, r *Redirect) error {
	if err := t.redirect.Execute(w, r); err != nil {
		return t.execError("redirect.html", err)
	}
	return nil
}

// NotFound renders the 404 page.
func (t *Theme) NotFound(w io.Writer, n *NotFound) error {
	if err := t.notFound.Execute(w, n); err != nil {
		return t.execError("404.html", err)
	}
	return nil
}

// Changes renders the "Recently updated" page.
func (t *Theme) Changes(w io.Writer, c *Changes) error {
	if err := t.changes.Execute(w, c); err != nil {
		return t.execError("changes.html", err)
	}
	return nil
}

// Render runs fn into a buffer and returns the bytes.
func Render[T any](fn func(io.Writer, T) error, v T) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	if err := fn(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
