package expr

// Lookup returns the value of a variable path such as "space.vars.name" or
// `space.vars["release-date"]` in scope, for the rare {% vars.name %} form
// of section 4.20 (where vars are the space's variables: look up
// "space."+path, or pass a scope holding "vars"). A path is a name followed
// by member accesses with fixed keys, as Paths returns them; anything else,
// like a missing variable, is undefined.
func Lookup(path string, scope map[string]any) Value {
	e, err := Parse(path)
	if err != nil || !isPath(e.root) {
		return undefined
	}
	return e.Eval(scope)
}

// isPath reports whether n is a name followed by member accesses.
func isPath(n *node) bool {
	for n.op == opMember {
		n = n.x
	}
	return n.op == opIdent
}

// NewScope returns the scope expressions of a page are evaluated against:
// space.vars, page.vars and visitor.claims. A nil map leaves its variable
// out, so that everything under it is undefined, as visitor claims are in
// a static build.
func NewScope(spaceVars, pageVars, claims map[string]any) map[string]any {
	scope := make(map[string]any, 3)
	if spaceVars != nil {
		scope["space"] = map[string]any{"vars": spaceVars}
	}
	if pageVars != nil {
		scope["page"] = map[string]any{"vars": pageVars}
	}
	if claims != nil {
		scope["visitor"] = map[string]any{"claims": claims}
	}
	return scope
}
