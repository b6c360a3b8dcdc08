package blocks

import (
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestParseSpecErrors checks the reasons a spec file cannot be shown:
// each is one line naming what is wrong.
func TestParseSpecErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", `it has neither "openapi: 3…" nor "swagger: 2.0" at its top`},
		{"not a spec", "title: Release notes\n", `it has neither "openapi: 3…" nor "swagger: 2.0" at its top`},
		{"list", "- a\n- b\n", `it has neither "openapi: 3…" nor "swagger: 2.0" at its top`},
		{"bad yaml", "openapi: 3.0.0\npaths: [1, 2\n", "yaml: line 3: did not find expected ',' or ']'"},
		{"swagger 1.2", "swagger: '1.2'\n", `swagger version "1.2" is not supported: write 2.0, or use OpenAPI 3`},
		{"openapi 2", `{"openapi": "2.0"}`, `openapi version "2.0" is not supported: use 3.0, 3.1 or Swagger 2.0`},
		{"missing ref", "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Nope'}\n",
			`failed to resolve "components" in fragment in URI: "#/components/responses/Nope"`},
		{"other file", "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200': {$ref: 'common.yaml#/Ok'}\n",
			`encountered disallowed external reference: "common.yaml#/Ok"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := new(Specs).parse([]byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v, want one line with %q", err, tc.want)
			}
		})
	}
}

// TestParseSpecOnce checks that a spec is parsed once for every page that
// shows it, and that JSON YAML refuses (tabs) is read, keys in order.
func TestParseSpecOnce(t *testing.T) {
	t.Parallel()
	src := []byte("{\n\t\"openapi\": \"3.0.0\",\n\t\"info\": {\"title\": \"x\", \"version\": \"1\"},\n\t\"paths\": {}\n}")
	var specs Specs
	a, err := specs.parse(src)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := specs.parse(append([]byte(nil), src...))
	if a != b {
		t.Error("the same spec was parsed twice")
	}
	if got := a.ordered([]string{"zeta", "alpha"}); strings.Join(got, ",") != "alpha,zeta" {
		t.Errorf("ordered keys unknown to the spec: got %v, want them sorted", got)
	}
}

// TestSpecExampleRecursive checks that a schema that contains itself
// gives a finite example and type.
func TestSpecExampleRecursive(t *testing.T) {
	t.Parallel()
	sp, err := new(Specs).parse([]byte(`openapi: 3.1.0
info: {title: x, version: '1'}
paths: {}
components:
  schemas:
    Node:
      type: object
      properties:
        name: {type: string}
        children:
          type: array
          items: {$ref: '#/components/schemas/Node'}
        parent: {$ref: '#/components/schemas/Node'}
`))
	if err != nil {
		t.Fatal(err)
	}
	sr := sp.doc.Components.Schemas["Node"]
	got := sp.encodeJSON(sp.example(sr, 0, nil))
	want := "{\n  \"name\": \"text\",\n  \"children\": []\n}"
	if got != want {
		t.Errorf("example:\n%s\nwant:\n%s", got, want)
	}
	found, _ := sp.schemas([]string{"Node"})
	if len(found) != 1 || len(found[0].Props) != 3 || found[0].Props[1].Type != "array of Node" || found[0].Props[2].Type != "Node" {
		t.Errorf("schema table: %+v", found)
	}
}

// FuzzSpec reads arbitrary spec files, seeded from the specs of the golden
// cases, and every operation and schema in them: it must not panic.
func FuzzSpec(f *testing.F) {
	for _, file := range []string{"testdata/openapi.txtar", "testdata/swagger.txtar"} {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if strings.HasSuffix(s.Name, ".yaml") || strings.HasSuffix(s.Name, ".json") {
				f.Add(s.Data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sp, err := new(Specs).parse(data)
		if err != nil {
			return
		}
		if sp.doc.Paths != nil {
			for _, path := range sp.doc.Paths.Keys() {
				for _, m := range apiMethods {
					if item, op, miss := sp.operation("spec.yaml", path, m); miss == nil {
						o := sp.readOperation(item, op, m, path)
						_ = o.plain()
					}
				}
			}
		}
		_, _ = sp.schemas(sp.componentNames())
	})
}
