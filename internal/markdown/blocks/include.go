package blocks

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindInclude is the kind of reusable content blocks (section 4.22).
var KindInclude = ast.NewNodeKind("Include")

// Include is {% include "../.gitbook/includes/x.md" %}: the content of
// another file, parsed on its own by package markdown and rendered in
// place.
type Include struct {
	*Block
	// Path is the path as written, relative to the including file.
	Path string
}

// NewInclude returns the include node of tag n.
func NewInclude(n *liquid.Node) ast.Node {
	inc := &Include{Block: NewBlock(KindInclude, n)}
	for _, a := range n.Tag.Args {
		if a.Key == "" {
			inc.Path = a.Value
			break
		}
	}
	return inc
}

// IncludeDef is the reusable content block.
var IncludeDef Def = includeDef{}

type includeDef struct{}

func (includeDef) Names() []string { return []string{"include"} }

func (includeDef) Extend(m goldmark.Markdown) {
	extend(m, NewTagParser(NewInclude, "include"), includeRenderer{})
}

// Degrade inlines the included file's plain-Markdown form.
func (includeDef) Degrade(d *Degrader, n *liquid.Node, _ []byte) {
	md, ok := d.env.Include(n.Tag.Start)
	if !ok {
		return
	}
	d.Blank()
	d.Write(md)
	d.Blank()
}

type includeRenderer struct{}

func (includeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindInclude, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		env, ok := w.(Env)
		if !entering || !ok {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkSkipChildren, env.RenderInclude(n.(*Include))
	})
}
