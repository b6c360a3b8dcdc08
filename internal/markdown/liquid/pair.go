package liquid

import (
	"fmt"
	"slices"
)

// Kind says how a tag pairs with an end tag.
type Kind uint8

const (
	// Unknown is a name GitBook does not define. Pair treats it as
	// Optional, so a new block with an end tag still nests; the block layer
	// decides what to show and warns.
	Unknown Kind = iota
	// Single is a tag that never has an end tag, such as include.
	Single
	// Paired is a block that needs its end tag, such as hint or tabs.
	Paired
	// Optional is a tag that is paired when its end tag follows at the same
	// level (an embed or file with a caption) and single otherwise.
	Optional
	// Clause is a tag that splits the body of an enclosing if block: else
	// and elsif. It has no end tag of its own.
	Clause
)

// String returns the kind's name in lower case.
func (k Kind) String() string {
	switch k {
	case Single:
		return "single"
	case Paired:
		return "paired"
	case Optional:
		return "optional"
	case Clause:
		return "clause"
	}
	return "unknown"
}

// KindOf returns how the tag named name (without "end") pairs. The names
// and the spec sections they come from are listed in the package
// documentation.
func KindOf(name string) Kind {
	switch name {
	case "hint", "tabs", "tab", "code", "content-ref",
		"openapi", "openapi-operation", "openapi-schemas",
		"swagger", "swagger-description", "swagger-parameter", "swagger-response",
		"api-method", "api-method-summary", "api-method-description", "api-method-spec",
		"api-method-request", "api-method-path-parameters", "api-method-query-parameters",
		"api-method-headers", "api-method-body-parameters", "api-method-form-data-parameters",
		"api-method-parameter", "api-method-response", "api-method-response-example",
		"api-method-response-example-description",
		"stepper", "step", "columns", "column", "if", "updates", "update", "prompt",
		"code-tabs", "code-tabs-item":
		return Paired
	case "embed", "file":
		return Optional
	case "include", "page-ref":
		return Single
	case "else", "elsif":
		return Clause
	}
	return Unknown
}

// Node is a tag with its end tag, if any, and the tags between them.
type Node struct {
	Tag Tag
	// End is the matching end tag; nil for a single tag, for an optional
	// or unknown tag that has none, and for an unclosed block (reported).
	End *Tag
	// Children are the tags between Tag and End, in order. The else and
	// elsif clauses of an if block are children of it.
	Children []*Node
}

// Pair matches start and end tags, as Scan returns them, into a tree of
// nodes in source order. Paired blocks take their end tag; optional and
// unknown tags take one if it follows at the same level and stand alone
// otherwise, their would-be children moving up beside them; single tags and
// clauses stand alone. An end tag without an open tag, a block left
// unclosed and a clause outside an if block are errors, sorted by offset,
// each with a hint; the tree is still built around them. Pair takes time
// linear in the number of tags.
func Pair(tags []Tag) ([]*Node, []*Error) {
	if len(tags) == 0 {
		return nil, nil
	}
	p := pairer{own: slices.Clone(tags), open: map[string][]int{}}
	nodes := make([]Node, len(p.own))
	for i := range p.own {
		t := &p.own[i]
		k := KindOf(t.Name)
		if t.End {
			p.end(t, k)
			continue
		}
		n := &nodes[i]
		n.Tag = *t
		if k == Clause {
			p.clause(n)
		}
		p.pending = append(p.pending, n)
		if k != Single && k != Clause {
			p.push(frame{n: n, kind: k, first: len(p.pending)})
		}
	}
	for len(p.stack) > 0 {
		p.pop(nil)
	}
	slices.SortStableFunc(p.errs, func(a, b *Error) int { return a.Offset - b.Offset })
	return p.pending, p.errs
}

// pairer holds the state of one Pair. Nodes not yet placed in a closed
// block wait in pending; each open block is a frame on the stack whose
// children are pending[first:], so a tentative block that closes without
// an end tag leaves them to its parent without copying.
type pairer struct {
	own     []Tag
	pending []*Node
	stack   []frame
	open    map[string][]int // positions in stack of the open blocks of each name
	errs    []*Error
}

// frame is an open block.
type frame struct {
	n     *Node
	kind  Kind
	first int // where its children start in pending
	inner int // position in stack of the innermost paired block, this one or below; -1 if none
}

// push opens the block f.
func (p *pairer) push(f frame) {
	f.inner = -1
	switch {
	case f.kind == Paired:
		f.inner = len(p.stack)
	case len(p.stack) > 0:
		f.inner = p.stack[len(p.stack)-1].inner
	}
	p.open[f.n.Tag.Name] = append(p.open[f.n.Tag.Name], len(p.stack))
	p.stack = append(p.stack, f)
}

// pop closes the innermost open block without an end tag of its own: by
// is the end tag of an enclosing block, or nil at the end of the input or
// at a clause.
func (p *pairer) pop(by *Tag) {
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	name := f.n.Tag.Name
	p.open[name] = p.open[name][:len(p.open[name])-1]
	if f.kind != Paired {
		return // a tentative block: its children stay pending for its parent
	}
	p.errs = append(p.errs, unclosed(f.n.Tag, by))
	f.n.Children = children(p.pending[f.first:])
	p.pending = p.pending[:f.first]
}

// end handles the end tag t, of kind k.
func (p *pairer) end(t *Tag, k Kind) {
	at := p.open[t.Name]
	if len(at) == 0 {
		p.errs = append(p.errs, stray(*t, k, p.stack))
		return
	}
	for j := at[len(at)-1]; len(p.stack) > j+1; {
		p.pop(t)
	}
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	p.open[t.Name] = at[:len(at)-1]
	f.n.End = t
	f.n.Children = children(p.pending[f.first:])
	p.pending = p.pending[:f.first]
}

// clause checks that the else or elsif n is directly inside an if block,
// closing the tentative blocks around it first.
func (p *pairer) clause(n *Node) {
	for len(p.stack) > 0 && p.stack[len(p.stack)-1].kind != Paired {
		p.pop(nil)
	}
	if len(p.stack) == 0 || p.stack[len(p.stack)-1].n.Tag.Name != "if" {
		p.errs = append(p.errs, &Error{
			Offset: n.Tag.Start,
			Msg:    fmt.Sprintf("%q outside an \"if\" block", n.Tag.Name),
			Hint:   "use it between {% if … %} and {% endif %}",
		})
	}
}

// unclosed reports the block t left open, closed by the end tag by of an
// enclosing block or, when by is nil, by the end of the input.
func unclosed(t Tag, by *Tag) *Error {
	hint := fmt.Sprintf("add {%% end%s %%} after its content", t.Name)
	if by != nil {
		hint = fmt.Sprintf("add {%% end%s %%} before {%% end%s %%}", t.Name, by.Name)
	}
	return &Error{Offset: t.Start, Msg: fmt.Sprintf("unclosed %q block", t.Name), Hint: hint}
}

// stray reports the end tag t, of kind k, which closes no open block.
func stray(t Tag, k Kind, stack []frame) *Error {
	e := &Error{Offset: t.Start}
	if k == Single || k == Clause {
		e.Msg = fmt.Sprintf("%q takes no end tag", t.Name)
		e.Hint = fmt.Sprintf("remove {%% end%s %%}", t.Name)
		return e
	}
	e.Msg = fmt.Sprintf("unexpected end tag %q: no %q block is open", "end"+t.Name, t.Name)
	e.Hint = fmt.Sprintf("remove it, or add {%% %s %%} before it", t.Name)
	if len(stack) > 0 && stack[len(stack)-1].inner >= 0 {
		name := stack[stack[len(stack)-1].inner].n.Tag.Name
		e.Hint = fmt.Sprintf("the innermost open block is %q; close it with {%% end%s %%}", name, name)
	}
	return e
}

// children returns a copy of nodes, or nil when there are none.
func children(nodes []*Node) []*Node {
	if len(nodes) == 0 {
		return nil
	}
	return slices.Clone(nodes)
}
