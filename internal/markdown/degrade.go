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
// inlined. Links are kept as written. r resolves pages, files and
// variables as for Render; it may be nil.
func (e *Engine) Markdown(w io.Writer, d *Doc, r Resolver) error {
	_, err := w.Write(e.degrade(d, r))
	return err
}

func (e *Engine) degrade(d *Doc, r Resolver) []byte {
	env := degradeEnv{e: e, d: d, r: r}
	return blocks.Degrade(d.prep, e.defs, env, replacements(d, env.Scope()))
}

// replacements are the parts of d's source whose plain form differs from
// the source outside block tags: variables and expressions written inline,
// and GitBook's raw HTML (see htmlReplacements).
func replacements(d *Doc, scope map[string]any) []blocks.Replacement {
	var repl []blocks.Replacement
	inButton := 0 // how many buttons the node is in
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*button); ok {
			if entering {
				inButton++
				repl = append(repl, buttonReplacements(b, d.src)...)
			} else {
				inButton--
			}
			return ast.WalkContinue, nil
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
			repl = append(repl, labelReplacements(r, d.src)...)
		} else {
			repl = append(repl, htmlReplacements(n, d.src)...)
		}
		return ast.WalkContinue, nil
	})
	slices.SortStableFunc(repl, func(a, b blocks.Replacement) int { return a.Start - b.Start })
	return dropOverlaps(repl)
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
