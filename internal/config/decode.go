package config

import (
	"path"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// typeError reports a value of the wrong type at the value's position.
func typeError(doc *yamldiag.Doc, key string, v *yaml.Node, want string) diag.Diagnostic {
	return diag.Errorf(doc.Pos(v), "%q must be %s, not %s", key, want, yamldiag.Describe(v))
}

// unknownKey reports a key that is not in known, with a suggestion when one
// is close, and the list of valid keys.
func unknownKey(doc *yamldiag.Doc, sev diag.Severity, p yamldiag.Pair, where string, known []string) diag.Diagnostic {
	d := diag.Diagnostic{Pos: doc.Pos(p.KeyNode), Severity: sev, Msg: "unknown key " + quote(p.Key) + " in " + where}
	hint := "valid keys are " + strings.Join(known, ", ")
	if s := yamldiag.Suggest(p.Key, known); s != "" {
		hint = "did you mean " + quote(s) + "? " + hint
	}
	return d.WithHint("%s", hint)
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// text reads a string value: any scalar as written, "" for null. A list or
// mapping is reported and gives "".
func text(doc *yamldiag.Doc, ds *diag.List, key string, v *yaml.Node) string {
	if yamldiag.IsNull(v) {
		return ""
	}
	s, ok := yamldiag.Scalar(v)
	if !ok {
		ds.Add(typeError(doc, key, v, "text"))
		return ""
	}
	if yamldiag.CutByComment(v) {
		ds.Add(diag.Warnf(doc.Pos(v), "value of %q ends at \" #\", which starts a comment", key).
			WithHint("put the whole value in quotes if the \"#\" is part of it"))
	}
	return s
}

// positive decodes a whole number of at least 1; a wrong value is
// reported and gives 0, which means the default.
func positive(doc *yamldiag.Doc, ds *diag.List, key string, v *yaml.Node) int {
	if yamldiag.IsNull(v) {
		return 0
	}
	s, ok := yamldiag.Scalar(v)
	n, err := strconv.Atoi(s)
	if !ok || err != nil || n < 1 {
		ds.Add(diag.Errorf(doc.Pos(v), "%s must be a whole number of at least 1, not %s", key, yamldiag.Describe(v)).
			WithHint("write, for example, \"%s: 100\"", key))
		return 0
	}
	return n
}

// cleanPath cleans a repository-relative path: a leading "./" or "/" is
// dropped, and "" becomes ".". It reports false when the path leaves the
// repository.
func cleanPath(p string) (string, bool) {
	c := path.Clean(strings.TrimLeft(strings.TrimSpace(p), "/"))
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", false
	}
	return c, true
}

// mappingPairs reads the value v of key as a mapping: its keys and values
// in order. A null value is an absent mapping; any other value is
// reported as not being what (such as "a mapping with an endpoint"), with
// hint. ok is false when there is no mapping to read.
func mappingPairs(doc *yamldiag.Doc, ds *diag.List, key string, v *yaml.Node, what, hint string) (pairs []yamldiag.Pair, ok bool) {
	if yamldiag.IsNull(v) {
		return nil, false
	}
	if v.Kind != yaml.MappingNode {
		ds.Add(typeError(doc, key, v, what).WithHint("%s", hint))
		return nil, false
	}
	pairs, dd := doc.Pairs(v, diag.Error)
	ds.Add(dd...)
	return pairs, true
}
