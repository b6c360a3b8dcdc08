package markdown

import (
	"io"
	"slices"

	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
)

// Markdown writes the plain-Markdown form of d, what the .md twin of a page
// and llms-full.txt serve: the Markdown as written, with each GitBook block
// replaced by its plain form (a hint becomes a blockquote, tabs labelled
// sections, a page link a list item with the page's title) and includes
// inlined.
//
// Every link and image goes through r as in Render: the destination of an
// inline link or image, of a link reference definition, and of the links
// and images the plain form of GitBook's HTML writes (figures, cards, rich
// tables, buttons) is replaced by the URL r gives, and an autolink when r
// maps its URL elsewhere; text and titles stay as written. A destination
// r gives no URL for (a broken link), an unsafe one, and raw HTML kept in
// the plain form stay as written. Links in included files are resolved as
// Render resolves them. r also resolves pages, files and variables for the
// blocks; with a nil r every destination stays as written.
func (e *Engine) Markdown(w io.Writer, d *Doc, r Resolver) error {
	_, err := w.Write(e.degrade(d, r))
	return err
}

func (e *Engine) degrade(d *Doc, r Resolver) []byte {
	env := degradeEnv{e: e, d: d, r: r}
	return blocks.Degrade(d.prep, e.defs, env, replacements(d, env.Scope(), mdLinks{r: r}))
}

// replacements are the parts of d's source whose plain form differs from
// the source outside block tags: variables and expressions written inline,
// GitBook's raw HTML (see htmlReplacements), and, with a resolver, the
// destinations of links and images it maps elsewhere.
func replacements(d *Doc, scope map[string]any, links mdLinks) []blocks.Replacement {
	var repl []blocks.Replacement
	inButton := 0 // how many buttons the node is in
	var ends map[ast.Node]int
	if links.r != nil {
		ends = map[ast.Node]int{}
	}
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*button); ok {
			if entering {
				inButton++
				repl = append(repl, buttonReplacements(b, d.src, links)...)
			} else {
				inButton--
			}
			return ast.WalkContinue, nil
		}
		if ends != nil {
			if r, ok := destReplacement(n, entering, d.src, links, ends); ok {
				repl = append(repl, r)
			}
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := n.(*blocks.InlineTag); ok {
			if v, ok := blocks.Variable(t.Tag, scope); ok {
				repl = append(repl, blocks.Replacement{Start: t.Tag.Start, Stop: t.Tag.Stop, Text: escapeMarkdown(v.String())})
			}
		}
		if x, ok := n.(*expression); ok {
			repl = append(repl, expressionReplacement(x, scope))
		}
		if r, ok := n.(*ast.RawHTML); ok && inButton > 0 {
			repl = append(repl, labelReplacements(r, d.src, links)...)
		} else {
			repl = append(repl, htmlReplacements(n, d.src, links)...)
		}
		return ast.WalkContinue, nil
	})
	slices.SortStableFunc(repl, func(a, b blocks.Replacement) int { return a.Start - b.Start })
	return dropOverlaps(repl)
}

// destReplacement is the plain form of the destination of node n when it
// is a link, an image, an autolink or a link reference definition whose
// destination the resolver maps elsewhere. A link or image is looked at
// when the walk leaves it, after the images it holds.
func destReplacement(n ast.Node, entering bool, src []byte, links mdLinks, ends map[ast.Node]int) (blocks.Replacement, bool) {
	switch n := n.(type) {
	case *ast.Link, *ast.Image:
		if !entering && !pageRefLink(n) {
			return linkReplacement(n, src, links, ends)
		}
	case *ast.AutoLink:
		if entering {
			return autoLinkReplacement(n, src, links)
		}
	case *ast.LinkReferenceDefinition:
		if entering {
			return definitionReplacement(n, src, links)
		}
	}
	return blocks.Replacement{}, false
}

// degradeEnv resolves what the plain form needs through the Resolver.
type degradeEnv struct {
	e *Engine
	d *Doc
	r Resolver
}

func (de degradeEnv) Page(dest string) (PageRef, bool) {
	if pr, ok := de.r.(PageResolver); ok {
		ref, err := pr.Page(dest)
		return ref, err == nil || ref.URL != ""
	}
	return PageRef{URL: de.Link(dest), Title: dest}, true
}

func (de degradeEnv) File(dest string) (FileRef, bool) {
	if fr, ok := de.r.(FileResolver); ok {
		ref, err := fr.File(dest)
		return ref, err == nil || ref.URL != ""
	}
	return FileRef{URL: de.Link(dest), Name: baseName(dest), Size: -1}, true
}

func (de degradeEnv) Specs() *blocks.Specs { return &de.e.specs }

func (de degradeEnv) ReadFile(dest string) ([]byte, bool) {
	if fr, ok := de.r.(FileReader); ok {
		data, _ := fr.ReadFile(dest)
		return data, data != nil
	}
	return nil, false
}

func (de degradeEnv) Link(dest string) string {
	if de.r == nil {
		return dest
	}
	if u, err := de.r.Link(dest); err == nil || u != "" {
		return u
	}
	return dest
}

func (de degradeEnv) Scope() map[string]any {
	if sr, ok := de.r.(ScopeResolver); ok {
		if s := sr.Scope(); s != nil {
			return s
		}
	}
	return map[string]any{}
}

func (de degradeEnv) Include(off int) ([]byte, bool) {
	for inc, sub := range de.d.includes {
		if inc.Tag.Start == off {
			return de.e.degrade(sub, de.r), true
		}
	}
	return nil, false
}

// pageRefLink reports whether link n is all a page link block
// ({% content-ref %}) holds: the link GitBook writes for the page, which
// the block's plain form resolves as a page.
func pageRefLink(n ast.Node) bool {
	p := n.Parent()
	if p == nil || p.Kind() != ast.KindParagraph || p.Parent() == nil || p.Parent().Kind() != blocks.KindContentRef {
		return false
	}
	return p.PreviousSibling() == nil && p.NextSibling() == nil
}
