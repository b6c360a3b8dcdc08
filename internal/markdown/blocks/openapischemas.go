package blocks

import (
	"html/template"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// The openapi-schemas block with its spec file at hand: each schema it
// names as a table of its properties (templates/openapi-schemas.html).

// apiSchemas is what templates/openapi-schemas.html gets.
type apiSchemas struct {
	Schemas []apiSchema
	Extra   template.HTML // the block's content
}

// apiSchema is one schema of a spec.
type apiSchema struct {
	Name        string
	Type        string // "object", "string"
	Description template.HTML
	Props       []apiParam
}

// specSchema is a schema of a spec, its texts in Markdown.
type specSchema struct {
	Name, Type  string
	Description string
	Props       []specField
}

// schemas reads the schemas names names from the components of the spec,
// and returns those it does not have.
func (sp *apiSpec) schemas(names []string) (found []specSchema, missing []string) {
	for _, name := range names {
		var sr *openapi3.SchemaRef
		if sp.doc.Components != nil {
			sr = sp.doc.Components.Schemas[name]
		}
		if sr == nil || sr.Value == nil {
			missing = append(missing, name)
			continue
		}
		found = append(found, specSchema{
			Name:        name,
			Type:        schemaType(&openapi3.SchemaRef{Value: sr.Value}),
			Description: schemaNotes(sr.Value, ""),
			Props:       sp.fields(sr, "", "", false, 0),
		})
	}
	return found, missing
}

// componentNames returns the names of the schemas of the spec.
func (sp *apiSpec) componentNames() []string {
	var names []string
	if sp.doc.Components != nil {
		for n := range sp.doc.Components.Schemas {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// renderSchemas renders an openapi-schemas block, whose content is extra.
func renderSchemas(env Env, b *Block, extra template.HTML) error {
	card := specCard{Label: "OpenAPI schemas", Body: extra, Schemas: schemaNames(b.Arg("schemas", ""))}
	what := "the schemas " + quoteIf(strings.Join(card.Schemas, ", "))
	if len(card.Schemas) == 0 {
		env.Problem(argOffset(b.Tag, "schemas"), "openapi-schemas without schemas", `name them: schemas="User,Team"`)
		specCardSource(env, b, &card, what)
		return env.Exec("openapi.html", card)
	}
	sp, src := blockSpec(env, b, &card, what)
	if sp == nil {
		return env.Exec("openapi.html", card)
	}
	found, missing := sp.schemas(card.Schemas)
	for _, name := range missing {
		env.Problem(argOffset(b.Tag, "schemas"), "schema "+quote(name)+" is not in the spec "+quote(src),
			"the spec has "+listSome(sp.componentNames(), quote))
	}
	if len(found) == 0 {
		specCardSource(env, b, &card, "")
		return env.Exec("openapi.html", card)
	}
	data := apiSchemas{} // the schemas replace GitBook's fallback link in the content
	for _, s := range found {
		out := apiSchema{Name: s.Name, Type: s.Type, Description: blockHTML(env, s.Description)}
		for _, p := range s.Props {
			out.Props = append(out.Props, apiParam{Name: p.Name, Type: p.Type, Required: p.Required, Description: markdownHTML(env, p.Description)})
		}
		data.Schemas = append(data.Schemas, out)
	}
	return env.Exec("openapi-schemas.html", data)
}

// degradeSchemas writes each schema an openapi-schemas block names as a
// heading, its description and a table of its properties, then the
// block's content; or, without the spec file, the schema names.
func degradeSchemas(d *Degrader, n *liquid.Node, src string, inner []byte) {
	sp := degradeSpec(d, src)
	var found []specSchema
	if sp != nil {
		found, _ = sp.schemas(schemaNames(argValue(n.Tag, "schemas")))
	}
	if len(found) == 0 {
		degradeSpecCard(d, n, plainOperation{}, src, inner)
		return
	}
	d.Blank()
	for _, s := range found {
		d.Line("### " + s.Name)
		d.Blank()
		writeLines(d, []byte(s.Description))
		if len(s.Props) == 0 && s.Type != "" {
			d.Line("Type: " + s.Type)
			d.Blank()
		}
		if len(s.Props) > 0 {
			d.Line("| Name | Type | Required | Description |")
			d.Line("| --- | --- | --- | --- |")
			for _, p := range s.Props {
				req := "no"
				if p.Required {
					req = "yes"
				}
				d.Line("| " + codeSpan(p.Name) + " | " + cell(p.Type) + " | " + req + " | " + cell(p.Description) + " |")
			}
			d.Blank()
		}
	}
	writeLines(d, inner)
	d.Blank()
}
