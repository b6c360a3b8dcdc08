package yamldiag

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/diag"
)

// Doc is a parsed YAML document and the file it came from.
type Doc struct {
	File  string
	Line0 int        // file line of the document's first line
	Root  *yaml.Node // the top-level value, nil when the document is empty
	src   []byte
}

// Parse parses the first YAML document in src. line0 is the file line of
// src's first line (1 for a whole file). A syntax error gives a nil Root and
// one error diagnostic; a second document in src gives a warning.
func Parse(file string, src []byte, line0 int) (*Doc, diag.List) {
	d := &Doc{File: file, Line0: max(line0, 1), src: src}
	var ds diag.List
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		if !errors.Is(err, io.EOF) {
			ds.Add(d.syntaxError(err))
		}
		return d, ds
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		d.Root = n.Content[0]
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		ds.Add(diag.Warnf(d.Pos(&next), "only the first YAML document is read").
			WithHint("remove the \"---\" line and what follows it, or merge the documents"))
	}
	return d, ds
}

// Pos returns the file position of a node.
func (d *Doc) Pos(n *yaml.Node) diag.Pos {
	if n == nil || n.Line == 0 {
		return diag.Pos{File: d.File, Line: d.Line0}
	}
	return diag.Pos{File: d.File, Line: n.Line + d.Line0 - 1, Col: n.Column}
}

// Pair is one key and its value in a mapping.
type Pair struct {
	Key     string     // the key's text
	KeyNode *yaml.Node // the key, for its position
	Value   *yaml.Node // the value, aliases resolved
}

// Pairs returns the entries of a mapping in file order, with aliases
// resolved. A key set twice is reported with severity sev, and only its
// first value is returned. A key that is not a scalar is an error.
func (d *Doc) Pairs(m *yaml.Node, sev diag.Severity) ([]Pair, diag.List) {
	m = Resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	var out []Pair
	var ds diag.List
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], Resolve(m.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			ds.Add(diag.Errorf(d.Pos(k), "a key must be a plain name, not %s", Describe(k)))
			continue
		}
		if first, ok := seen[k.Value]; ok {
			ds.Add(diag.Diagnostic{Pos: d.Pos(k), Severity: sev,
				Msg: "key " + strconv.Quote(k.Value) + " is already set on line " + strconv.Itoa(d.Pos(first).Line)}.
				WithHint("remove one of the two; only the first is used"))
			continue
		}
		seen[k.Value] = k
		out = append(out, Pair{Key: k.Value, KeyNode: k, Value: v})
	}
	return out, ds
}

// Resolve follows an alias to the node it names.
func Resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// IsNull reports whether n is absent or an explicit null ("~", "null" or
// nothing after the colon).
func IsNull(n *yaml.Node) bool {
	n = Resolve(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// Scalar returns the text of a scalar that is not null: strings, and also
// numbers and booleans as written ("2024", "true"). It reports false for
// null, lists and mappings.
func Scalar(n *yaml.Node) (string, bool) {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return "", false
	}
	return n.Value, true
}

// Bool returns the value of a YAML boolean (true or false). Strings such as
// "yes" or "on", which YAML 1.2 reads as text, are not booleans.
func Bool(n *yaml.Node) (v, ok bool) {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		return false, false
	}
	v, err := strconv.ParseBool(strings.ToLower(n.Value))
	return v, err == nil
}

// Describe names what a node is, for messages: "a list", "a mapping",
// "a number", "true or false", "null", or the quoted text of a string.
func Describe(n *yaml.Node) string {
	n = Resolve(n)
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return n.Value
	case "!!int", "!!float":
		return "the number " + n.Value
	}
	if len(n.Value) > 40 {
		return "the text " + strconv.Quote(n.Value[:37]+"...")
	}
	return "the text " + strconv.Quote(n.Value)
}

// CutByComment reports whether a plain (unquoted) scalar was cut short by a
// " #", which YAML reads as the start of a comment: "Use C # daily" is the
// text "Use C".
func CutByComment(n *yaml.Node) bool {
	n = Resolve(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.Style == 0 && n.LineComment != "" && n.ShortTag() == "!!str"
}

// Suggest returns the known name closest to key: one that differs only by
// case, or by at most two edits (one for names of up to four letters). It
// returns "" when none is close.
func Suggest(key string, known []string) string {
	for _, k := range known {
		if strings.EqualFold(k, key) {
			return k
		}
	}
	norm := func(s string) string { return strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(s)) }
	best, bestD := "", 3
	for _, k := range known {
		limit := 2
		if len(k) <= 4 {
			limit = 1
		}
		if norm(k) == norm(key) {
			return k
		}
		if d := distance(strings.ToLower(key), strings.ToLower(k)); d <= limit && d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

var errLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)
