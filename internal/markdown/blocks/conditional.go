package blocks

import (
	"bytes"
	"errors"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/expr"
	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Kinds of the conditional content nodes (section 4.21).
var (
	// KindIf is an if block. Once parsed, its children are its branches.
	KindIf = ast.NewNodeKind("If")
	// KindIfBranch is one branch of an if block: the content after the if
	// tag, or after an elsif or else clause, up to the next clause.
	KindIfBranch = ast.NewNodeKind("IfBranch")
	// KindClause is an else or elsif tag while its if block is parsed; one
	// left in the tree is misplaced (in a list or quote inside the block).
	KindClause = ast.NewNodeKind("Clause")
)

// If is conditional content:
//
//	{% if visitor.claims.plan === "enterprise" %}
//	Enterprise customers can request SSO.
//	{% elsif space.vars.edition == "cloud" %}
//	…
//	{% else %}
//	…
//	{% endif %}
//
// The condition is a JavaScript expression (package expr) over space.vars,
// page.vars and visitor.claims, as Env.Scope gives them; only the first
// branch whose condition holds is rendered, or the else branch. For the
// anonymous reader of a static build visitor.claims is empty. GitBook
// hides content whose condition it cannot evaluate: a condition that does
// not parse is reported and counts as false.
var If Def = ifDef{}

type ifDef struct{}

// IfBranch is one branch of an if block. Its Tag is the if, elsif or else
// tag that opens it.
type IfBranch struct {
	*Block
	// Cond is the branch's condition; nil for an else branch and for a
	// condition that does not parse.
	Cond *expr.Expr
	// Err is why the condition does not parse, at an offset of the
	// source; nil when it does (or is missing, which the tag lexer
	// reports).
	Err *Problem
}

// Else reports whether b is an else branch, which holds when no other
// does.
func (b *IfBranch) Else() bool { return b.Tag.Name == "else" }

func (ifDef) Names() []string { return []string{"if", "elsif", "else"} }

func (ifDef) Extend(m goldmark.Markdown) {
	extend(m, &ifParser{tagParser{names: []string{"if"}, newNode: func(n *liquid.Node) ast.Node {
		return NewBlock(KindIf, n)
	}}}, ifRenderer{})
	extend(m, NewTagParser(func(n *liquid.Node) ast.Node { return NewBlock(KindClause, n) }, "elsif", "else"), nil)
}

// ifParser splits an if block into its branches as it closes.
//
// Rendering must skip the branches not taken, and goldmark's walker
// renders every child of a node unless its renderer skips them all. So
// the block's children become branches, each a node of its own whose
// renderer decides, by evaluating its condition and those of the branches
// before it, whether to render its content or skip it. This keeps Render
// from modifying the tree (a page may be rendered for several readers)
// and needs nothing more from Env than the scope.
type ifParser struct{ tagParser }

// Close implements parser.BlockParser.
func (p *ifParser) Close(node ast.Node, _ text.Reader, _ parser.Context) {
	cur := newBranch(BlockOf(node).Node)
	branches := []*IfBranch{cur}
	for c := node.FirstChild(); c != nil; {
		next := c.NextSibling()
		node.RemoveChild(node, c)
		if c.Kind() == KindClause {
			cur = newBranch(BlockOf(c).Node)
			branches = append(branches, cur)
		} else {
			cur.AppendChild(cur, c)
		}
		c = next
	}
	for _, b := range branches {
		node.AppendChild(node, b)
	}
}

// newBranch returns the branch the tag of n opens, with its condition
// parsed.
func newBranch(n *liquid.Node) *IfBranch {
	b := &IfBranch{Block: NewBlock(KindIfBranch, n)}
	if b.Else() {
		return b
	}
	b.Cond, b.Err = parseCondition(n.Tag)
	return b
}

// parseCondition parses the condition of an if or elsif tag t. A missing
// condition gives neither an expression nor a problem: the tag lexer
// reports it.
func parseCondition(t liquid.Tag) (*expr.Expr, *Problem) {
	a, ok := condArg(t)
	if !ok {
		return nil, nil
	}
	e, err := expr.Parse(a.Value)
	if err == nil {
		return e, nil
	}
	p := &Problem{Offset: a.ValueStart, Msg: "invalid condition: " + err.Error(),
		Hint: "content whose condition cannot be read is hidden; conditions are JavaScript expressions over space.vars, page.vars and visitor.claims"}
	var xe *expr.Error
	if errors.As(err, &xe) {
		p.Offset = a.ValueStart + min(max(xe.Offset, 0), a.ValueStop-a.ValueStart)
		p.Msg = "invalid condition: " + xe.Msg
		if xe.Hint != "" {
			p.Hint = xe.Hint + "; content whose condition cannot be read is hidden"
		}
	}
	return nil, p
}

// condArg returns the condition argument of t, the raw expression.
func condArg(t liquid.Tag) (liquid.Arg, bool) {
	for _, a := range t.Args {
		if a.Key == "" && strings.TrimSpace(a.Value) != "" {
			return a, true
		}
	}
	return liquid.Arg{}, false
}

// holds reports whether the condition of branch b holds in scope.
func (b *IfBranch) holds(scope map[string]any) bool {
	return b.Else() || b.Cond != nil && b.Cond.Eval(scope).Truthy()
}

// taken reports whether b is the branch its if block renders in scope:
// its condition holds and that of no branch before it does.
func (b *IfBranch) taken(scope map[string]any) bool {
	if !b.holds(scope) {
		return false
	}
	for s := b.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		if p, ok := s.(*IfBranch); ok && p.holds(scope) {
			return false
		}
	}
	return true
}

type ifRenderer struct{}

func (ifRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindIf, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil // the branches decide
	})
	reg.Register(KindIfBranch, renderIfBranch)
	reg.Register(KindClause, renderClause)
}

// renderIfBranch renders the content of the branch taken, inline, and
// skips the others. Each branch reports its own condition's problem.
func renderIfBranch(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if !ok || !entering {
		return ast.WalkContinue, nil
	}
	b := node.(*IfBranch)
	if b.Err != nil {
		env.Problem(b.Err.Offset, b.Err.Msg, b.Err.Hint)
	}
	if len(b.Tag.Args) > 0 && b.Else() {
		env.Problem(b.Tag.Args[0].Start, quote("else")+" takes no condition", "write {% elsif condition %} for another condition, or remove it")
	}
	if !b.taken(env.Scope()) {
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

// renderClause reports an else or elsif tag that did not split its if
// block because it sits in a list or quote inside it (one outside any if
// block is reported when tags are paired). It renders nothing.
func renderClause(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if !ok || !entering {
		return ast.WalkContinue, nil
	}
	for p := node.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == KindIfBranch {
			t := BlockOf(node).Tag
			env.Problem(t.Start, quote(t.Name)+" inside a list or quote of its "+quote("if")+" block",
				"put {% "+t.Name+" %} on a line of its own at the level of {% if %}")
			break
		}
	}
	return ast.WalkContinue, nil
}

// Degrade writes the plain form of an if block. When no condition reads
// visitor claims, the content is fixed for every reader: the branch taken
// is written inline. Otherwise every branch is written, each in a note
// that says when it shows:
//
//	> Shown only when: visitor.claims.plan === "enterprise"
//	>
//	> Enterprise customers can request SSO.
//
// then "> Shown otherwise, when: …" for an elsif branch and "> Shown
// otherwise" for else. Branches whose condition does not parse never show
// and are left out. An else or elsif tag itself writes nothing.
func (ifDef) Degrade(d *Degrader, n *liquid.Node, _ []byte) {
	if n.Tag.Name != "if" {
		return
	}
	type branch struct {
		tag     liquid.Tag
		cond    *expr.Expr
		bad     bool
		content []byte
	}
	start := lineAfter(d.src, n.Tag.Stop)
	stop := len(d.src)
	if n.End != nil {
		stop = max(start, lineStart(d.src, n.End.Start))
	}
	var branches []branch
	visitor := false
	open := func(t liquid.Tag) {
		b := branch{tag: t}
		if t.Name != "else" {
			var p *Problem
			b.cond, p = parseCondition(t)
			b.bad = b.cond == nil || p != nil
			if b.cond != nil {
				for _, path := range b.cond.Paths() {
					visitor = visitor || path == "visitor" || strings.HasPrefix(path, "visitor.") || strings.HasPrefix(path, "visitor[")
				}
			}
		}
		branches = append(branches, b)
	}
	open(n.Tag)
	a := start
	for _, c := range n.Children {
		if c.Tag.Name != "else" && c.Tag.Name != "elsif" || !atLineStart(d.src, c.Tag.Start) {
			continue
		}
		branches[len(branches)-1].content = d.piece(a, lineStart(d.src, c.Tag.Start), n.Children)
		a = min(stop, lineAfter(d.src, c.Tag.Stop))
		open(c.Tag)
	}
	branches[len(branches)-1].content = d.piece(a, stop, n.Children)

	if !visitor {
		scope := d.env.Scope()
		for _, b := range branches {
			if b.tag.Name == "else" || !b.bad && b.cond.Eval(scope).Truthy() {
				d.Blank()
				d.Write(b.content)
				d.Blank()
				return
			}
		}
		return
	}
	for _, b := range branches {
		if b.bad || len(bytes.TrimSpace(b.content)) == 0 {
			continue
		}
		label := "Shown otherwise"
		if a, ok := condArg(b.tag); ok {
			cond := strings.Join(strings.Fields(a.Value), " ")
			label = "Shown only when: " + cond
			if b.tag.Name == "elsif" {
				label = "Shown otherwise, when: " + cond
			}
		}
		note := append(append(bytes.Clone(d.indent), label...), '\n', '\n')
		d.Blank()
		d.Quote("> ", append(note, b.content...))
		d.Blank()
	}
}
