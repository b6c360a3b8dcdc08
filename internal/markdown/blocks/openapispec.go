package blocks

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// An OpenAPI spec kept in the repository: OpenAPI 3.0 or 3.1, or Swagger
// 2.0 converted to OpenAPI 3, in YAML or JSON, with the $refs inside the
// file resolved. References to other files are not followed.

// apiSpec is a parsed spec file.
type apiSpec struct {
	doc *openapi3.T
	// order holds the keys of each mapping of the file as written, by
	// their sorted set: the parsed spec keeps properties and examples in
	// maps, and a page shows them in the author's order. Keys no mapping
	// has together (the form fields of Swagger 2, made from parameters)
	// are in the order first holds: where each word first appears.
	order map[string][]string
	first map[string]int
}

// Specs holds the OpenAPI specs parsed so far, by the hash of their
// content, so that every page showing an operation of a file shares one
// parse. The zero value is ready; package markdown keeps one per Engine,
// that is one per build, and hands it to blocks through Env and
// DegradeEnv. It is safe for concurrent use.
type Specs struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte]*specEntry
}

type specEntry struct {
	once sync.Once
	spec *apiSpec
	err  error
}

// parse returns the spec data holds.
func (c *Specs) parse(data []byte) (*apiSpec, error) {
	key := sha256.Sum256(data)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[[sha256.Size]byte]*specEntry{}
	}
	e := c.m[key]
	if e == nil {
		e = &specEntry{}
		c.m[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.spec, e.err = loadSpec(data) })
	return e.spec, e.err
}

// loadSpec parses a spec, never panicking on a malformed one.
func loadSpec(data []byte) (spec *apiSpec, err error) {
	defer func() {
		if r := recover(); r != nil {
			spec, err = nil, fmt.Errorf("malformed spec: %v", r)
		}
	}()
	var root yaml.Node
	var version, swagger string
	if yerr := yaml.Unmarshal(data, &root); yerr == nil {
		version, swagger = topScalar(&root, "openapi"), topScalar(&root, "swagger")
	} else {
		var head struct{ OpenAPI, Swagger any }
		if json.Unmarshal(data, &head) != nil {
			return nil, firstLine(yerr)
		}
		root = yaml.Node{} // JSON that YAML refuses: keys keep no order
		version, swagger = scalarString(head.OpenAPI), scalarString(head.Swagger)
	}
	spec = &apiSpec{order: map[string][]string{}, first: map[string]int{}}
	spec.index(&root)
	switch {
	case swagger != "":
		if swagger != "2.0" && swagger != "2" {
			return nil, fmt.Errorf("swagger version %q is not supported: write 2.0, or use OpenAPI 3", swagger)
		}
		var d2 openapi2.T
		if err := openapi2.UnmarshalFromData(data, &d2); err != nil {
			return nil, firstLine(err)
		}
		if spec.doc, err = openapi2conv.ToV3(&d2); err != nil {
			return nil, firstLine(err)
		}
	case version != "":
		if !strings.HasPrefix(version, "3.") && version != "3" {
			return nil, fmt.Errorf("openapi version %q is not supported: use 3.0, 3.1 or Swagger 2.0", version)
		}
		loader := openapi3.NewLoader()
		if spec.doc, err = loader.LoadFromData(data); err != nil {
			return nil, firstLine(err)
		}
	default:
		return nil, errors.New(`it has neither "openapi: 3…" nor "swagger: 2.0" at its top`)
	}
	return spec, nil
}

// topScalar returns the value of key at the top of the document root, as
// written, or "".
func topScalar(root *yaml.Node, key string) string {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode {
			return strings.TrimSpace(n.Content[i+1].Value)
		}
	}
	return ""
}

// scalarString prints a JSON scalar, or "" for nothing.
func scalarString(v any) string {
	if v == nil {
		return ""
	}
	return toString(v)
}

// firstLine shortens a parser's error to its first line.
func firstLine(err error) error {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return errors.New(strings.TrimPrefix(msg, "failed to unmarshal data: "))
}

// index records the keys of every mapping under n in order, by their
// sorted set (the first mapping of a set wins), and where each scalar
// first appears.
func (s *apiSpec) index(n *yaml.Node) {
	switch n.Kind {
	case yaml.ScalarNode:
		if _, ok := s.first[n.Value]; !ok {
			s.first[n.Value] = len(s.first)
		}
	case yaml.MappingNode:
		if len(n.Content) >= 4 {
			keys := make([]string, 0, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				keys = append(keys, n.Content[i].Value)
			}
			if sig := keySet(keys); s.order[sig] == nil {
				s.order[sig] = keys
			}
		}
	}
	for _, c := range n.Content {
		s.index(c)
	}
}

// keySet is the signature of a set of keys.
func keySet(keys []string) string {
	s := slices.Clone(keys)
	slices.Sort(s)
	return strings.Join(s, "\x00")
}

// ordered returns keys in the order the spec file writes a mapping of
// them, or else in the order they first appear in it.
func (s *apiSpec) ordered(keys []string) []string {
	if o, ok := s.order[keySet(keys)]; ok && len(o) == len(keys) {
		return o
	}
	keys = slices.Clone(keys)
	slices.SortFunc(keys, func(a, b string) int {
		ia, oka := s.first[a]
		ib, okb := s.first[b]
		switch {
		case oka && okb && ia != ib:
			return ia - ib
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return keys
}

// server returns the URL of the first server: the operation's own, its
// path's or the spec's, with its variables set to their defaults.
func (s *apiSpec) server(item *openapi3.PathItem, op *openapi3.Operation) string {
	servers := s.doc.Servers
	if item != nil && len(item.Servers) > 0 {
		servers = item.Servers
	}
	if op != nil && op.Servers != nil && len(*op.Servers) > 0 {
		servers = *op.Servers
	}
	if len(servers) == 0 || servers[0] == nil {
		return ""
	}
	u := servers[0].URL
	for name, v := range servers[0].Variables {
		if v != nil {
			u = strings.ReplaceAll(u, "{"+name+"}", v.Default)
		}
	}
	return u
}

// specMiss is an operation a spec does not have: why, the argument of the
// block that names it and what the spec has instead.
type specMiss struct{ msg, arg, hint string }

// operation finds the operation of method on path in the spec file name.
func (s *apiSpec) operation(name, path, method string) (*openapi3.PathItem, *openapi3.Operation, *specMiss) {
	var item *openapi3.PathItem
	if s.doc.Paths != nil {
		item = s.doc.Paths.Value(path)
	}
	if item == nil {
		var paths []string
		if s.doc.Paths != nil {
			paths = s.doc.Paths.Keys()
		}
		slices.Sort(paths)
		return nil, nil, &specMiss{"path " + quote(path) + " is not in the spec " + quote(name), "path", "the spec has " + listSome(paths, quote)}
	}
	op := item.GetOperation(strings.ToUpper(method))
	if op == nil {
		var methods []string
		for _, m := range apiMethods {
			if item.GetOperation(strings.ToUpper(m)) != nil {
				methods = append(methods, strings.ToUpper(m))
			}
		}
		return item, nil, &specMiss{"the spec " + quote(name) + " has no " + strings.ToUpper(method) + " operation on " + quote(path), "method",
			"the path has " + listSome(methods, nil)}
	}
	return item, op, nil
}

// listSome lists up to six values, each formatted by f if not nil.
func listSome(vs []string, f func(string) string) string {
	if len(vs) == 0 {
		return "none"
	}
	var b bytes.Buffer
	for i, v := range vs {
		if i == 6 {
			fmt.Fprintf(&b, " and %d more", len(vs)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if f != nil {
			v = f(v)
		}
		b.WriteString(v)
	}
	return b.String()
}
