package theme

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"path"
	"strings"
	"sync"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/style.css assets/app.js assets/init.js assets/search.css assets/search.js assets/print.css assets/vendor/mermaid.min.js
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
}

// New compiles the default theme. extraCSS is appended to the stylesheet
// (the code highlighting rules, the blocks' styles) and extraJS to the
// script (the blocks' behaviour). base is the site's URL path prefix.
func New(base string, extraCSS, extraJS []byte) (*Theme, error) {
	t := &Theme{urls: map[string]string{}}
	for _, name := range []string{"style.css", "app.js", "init.js"} {
		data, err := assetFS.ReadFile("assets/" + name)
		if err != nil {
			return nil, fmt.Errorf("read theme asset %s: %w", name, err)
		}
		switch name {
		case "style.css":
			data = append(append(append(data, '\n'), mustAsset("search.css")...), extraCSS...)
		case "app.js":
			data = append(append(append(data, '\n'), mustAsset("search.js")...), extraJS...)
		}
		t.AddAsset(path.Base(name), data)
	}
	printCSS := mustAsset("print.css")
	t.printAssets = []Asset{{Path: hashedPath("print.css", printCSS), Data: printCSS}}
	t.urls["print.css"] = t.printAssets[0].Path
	diagrams, err := mermaid()
	if err != nil {
		return nil, err
	}
	t.urls["mermaid.min.js"] = diagrams.Path
	t.assets = append(t.assets, diagrams)
	funcs := template.FuncMap{
		"asset": func(name string) string { return base + t.urls[name] },
	}
	parse := func(files ...string) (*template.Template, error) {
		tm, err := template.New(files[0]).Funcs(funcs).ParseFS(templateFS, prefixed(files)...)
		if err != nil {
			return nil, fmt.Errorf("parse theme templates: %w", err)
		}
		return tm, nil
	}
	if t.page, err = parse("page.html", "head.html"); err != nil {
		return nil, err
	}
	if t.redirect, err = parse("redirect.html"); err != nil {
		return nil, err
	}
	if t.notFound, err = parse("404.html", "head.html"); err != nil {
		return nil, err
	}
	if t.changes, err = parse("changes.html", "head.html"); err != nil {
		return nil, err
	}
	if t.print, err = parse("print.html"); err != nil {
		return nil, err
	}
	return t, nil
}

// mustAsset reads an embedded file that is part of another asset.
func mustAsset(name string) []byte {
	data, err := assetFS.ReadFile("assets/" + name)
	if err != nil {
		panic(err)
	}
	return append(data, '\n')
}

func prefixed(files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = "templates/" + f
	}
	return out
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
		return nil, err
	}
	return buf.Bytes(), nil
}

// Redirect renders a redirect page.
func (t *Theme) Redirect(w io.Writer, r *Redirect) error { return t.redirect.Execute(w, r) }

// NotFound renders the 404 page.
func (t *Theme) NotFound(w io.Writer, n *NotFound) error { return t.notFound.Execute(w, n) }

// Changes renders the "Recently updated" page.
func (t *Theme) Changes(w io.Writer, c *Changes) error { return t.changes.Execute(w, c) }

// Render runs fn into a buffer and returns the bytes.
func Render[T any](fn func(io.Writer, T) error, v T) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	if err := fn(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
