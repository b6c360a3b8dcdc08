package blocks

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/handbookhq/handbook/internal/markdown/icons"
)

//go:embed templates/*.html
var defaultTemplates embed.FS

//go:embed assets/*.css
var styles embed.FS

//go:embed assets/*.js
var scripts embed.FS

// Templates returns the block templates: one per block, named after its
// file in templates/ ("hint.html"). A file of the same name in override (a
// handbook's own theme folder; may be nil) replaces the built-in one, so a
// handbook can change one block's look without the others. An override
// that does not parse is an error naming the file.
func Templates(override fs.FS) (*template.Template, error) {
	root := template.New("blocks").Funcs(funcs())
	entries, err := fs.ReadDir(defaultTemplates, "templates")
	if err != nil {
		return nil, fmt.Errorf("read block templates: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		src, err := fs.ReadFile(defaultTemplates, path.Join("templates", name))
		if err != nil {
			return nil, fmt.Errorf("read block template %s: %w", name, err)
		}
		from := "built-in"
		if override != nil {
			if o, err := fs.ReadFile(override, name); err == nil {
				src, from = o, name
			}
		}
		if _, err := root.New(name).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("parse %s block template %s: %w", from, name, err)
		}
	}
	return root, nil
}

// CSS returns the stylesheet of every block, for the theme.
func CSS() []byte { return concat(styles, "assets", ".css") }

// JS returns the script of every block, for the theme. It runs after the
// page has loaded and does nothing on a page without blocks.
func JS() []byte { return concat(scripts, "assets", ".js") }

func concat(fsys embed.FS, dir, ext string) []byte {
	entries, _ := fs.ReadDir(fsys, dir)
	var b []byte
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ext) {
			continue
		}
		src, _ := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		b = append(b, src...)
		b = append(b, '\n')
	}
	return b
}

// funcs are the functions block templates may call.
func funcs() template.FuncMap {
	return template.FuncMap{
		"icon": iconHTML,
	}
}

// iconHTML returns the inline SVG of a Font Awesome icon, or nothing.
func iconHTML(name string) template.HTML {
	svg, _ := icons.SVG(name)
	return template.HTML(svg) // #nosec: built from the embedded icon set
}
