package blocks

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Schemas of a spec file as a page shows them: a type name ("string ·
// date-time", "array of User"), the properties of an object as rows of a
// table, and an example generated from the schema when the spec gives
// none.

// maxSchemaDepth bounds how deep nested schemas are followed.
const maxSchemaDepth = 6

// refName returns the name of the component a $ref points to.
func refName(ref string) string {
	if i := strings.LastIndexByte(ref, '/'); i >= 0 {
		return ref[i+1:]
	}
	return ref
}

// schemaType returns the type of a schema as the parameter tables show it.
func schemaType(sr *openapi3.SchemaRef) string {
	return schemaTypeDepth(sr, 0)
}

func schemaTypeDepth(sr *openapi3.SchemaRef, depth int) string {
	if sr == nil || sr.Value == nil || depth > maxSchemaDepth {
		return ""
	}
	s := sr.Value
	var types []string
	if s.Type != nil {
		for _, t := range s.Type.Slice() {
			if t != "null" {
				types = append(types, t)
			}
		}
	}
	object := slices.Contains(types, "object") || len(types) == 0 && (len(s.Properties) > 0 || len(s.AllOf) > 0)
	switch {
	case sr.Ref != "" && (object || len(s.OneOf)+len(s.AnyOf) > 0):
		return refName(sr.Ref)
	case len(types) == 1 && types[0] == "array":
		if it := schemaTypeDepth(s.Items, depth+1); it != "" {
			return "array of " + it
		}
		return "array"
	case len(types) == 0 && len(s.OneOf)+len(s.AnyOf) > 0:
		var alts []string
		for _, a := range append(slices.Clone(s.OneOf), s.AnyOf...) {
			if t := schemaTypeDepth(a, depth+1); t != "" && !slices.Contains(alts, t) {
				alts = append(alts, t)
			}
		}
		return strings.Join(alts, " or ")
	case len(types) == 0 && len(s.AllOf) == 1:
		return schemaTypeDepth(s.AllOf[0], depth+1)
	case object && len(types) == 0:
		return "object"
	}
	t := strings.Join(types, " or ")
	if s.Format != "" {
		t += " · " + s.Format
	}
	return t
}

// schemaNotes returns a schema's description followed by its possible
// and default values, as Markdown.
func schemaNotes(s *openapi3.Schema, desc string) string {
	var parts []string
	if s != nil && s.Deprecated {
		parts = append(parts, "**Deprecated.**")
	}
	if d := strings.TrimSpace(desc); d != "" {
		parts = append(parts, d)
	} else if s != nil && strings.TrimSpace(s.Description) != "" {
		parts = append(parts, strings.TrimSpace(s.Description))
	}
	if s == nil {
		return strings.Join(parts, "\n\n")
	}
	if len(s.Enum) > 0 {
		var vs []string
		for _, v := range s.Enum {
			vs = append(vs, codeSpan(scalarText(v)))
		}
		parts = append(parts, "Possible values: "+strings.Join(vs, ", ")+".")
	}
	if s.Default != nil {
		parts = append(parts, "Default: "+codeSpan(scalarText(s.Default))+".")
	}
	return strings.Join(parts, "\n\n")
}

// scalarText prints an enum or default value: a string as it is, anything
// else as JSON.
func scalarText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := marshalJSON(v)
	if err != nil {
		return toString(v)
	}
	return string(b)
}

// marshalJSON returns v as compact JSON, with <, > and & as they are.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// specField is a property of an object schema, or a parameter.
type specField struct {
	In, Name, Type string
	Required       bool
	Description    string // Markdown
}

// objectProps returns the properties of s, with those of its allOf
// parts, in the order the spec writes them, and the required ones.
func (sp *apiSpec) objectProps(s *openapi3.Schema, depth int) (names []string, props map[string]*openapi3.SchemaRef, required map[string]bool) {
	props, required = map[string]*openapi3.SchemaRef{}, map[string]bool{}
	var add func(s *openapi3.Schema, depth int)
	add = func(s *openapi3.Schema, depth int) {
		if s == nil || depth > maxSchemaDepth {
			return
		}
		for _, a := range s.AllOf {
			if a != nil {
				add(a.Value, depth+1)
			}
		}
		keys := make([]string, 0, len(s.Properties))
		for k := range s.Properties {
			keys = append(keys, k)
		}
		for _, k := range sp.ordered(keys) {
			if _, ok := props[k]; !ok {
				names = append(names, k)
			}
			props[k] = s.Properties[k]
		}
		for _, r := range s.Required {
			required[r] = true
		}
	}
	add(s, depth)
	return names, props, required
}

// fields returns the rows of an object schema's table: its properties,
// and those of inline objects inside it as "parent.child" ("items[].id"
// in arrays). readOnly properties are left out of a request.
func (sp *apiSpec) fields(sr *openapi3.SchemaRef, in, prefix string, request bool, depth int) []specField {
	if sr == nil || sr.Value == nil || depth > maxSchemaDepth {
		return nil
	}
	names, props, required := sp.objectProps(sr.Value, depth)
	var out []specField
	for _, name := range names {
		p := props[name]
		if p == nil || p.Value == nil || request && p.Value.ReadOnly {
			continue
		}
		out = append(out, specField{In: in, Name: prefix + name, Type: schemaType(p), Required: required[name],
			Description: schemaNotes(p.Value, "")})
		if p.Ref != "" {
			continue // a named schema is described on its own
		}
		switch {
		case len(p.Value.Properties) > 0 || len(p.Value.AllOf) > 0:
			out = append(out, sp.fields(p, in, prefix+name+".", request, depth+1)...)
		case p.Value.Items != nil && p.Value.Items.Ref == "" && p.Value.Items.Value != nil && len(p.Value.Items.Value.Properties) > 0:
			out = append(out, sp.fields(p.Value.Items, in, prefix+name+"[].", request, depth+1)...)
		}
	}
	return out
}

// orderedMap is a JSON object whose keys keep their order.
type orderedMap struct {
	keys []string
	vals map[string]any
}

// example returns an example of a schema: its own example, default or
// first possible value, or one made from its type.
func (sp *apiSpec) example(sr *openapi3.SchemaRef, depth int, seen []*openapi3.Schema) any {
	if sr == nil || sr.Value == nil || depth > maxSchemaDepth || slices.Contains(seen, sr.Value) {
		return nil
	}
	s := sr.Value
	switch {
	case s.Example != nil:
		return s.Example
	case len(s.Examples) > 0:
		return s.Examples[0]
	case s.Const != nil:
		return s.Const
	case s.Default != nil:
		return s.Default
	case len(s.Enum) > 0:
		return s.Enum[0]
	}
	seen = append(seen, s)
	if len(s.OneOf) > 0 {
		return sp.example(s.OneOf[0], depth+1, seen)
	}
	if len(s.AnyOf) > 0 {
		return sp.example(s.AnyOf[0], depth+1, seen)
	}
	t := ""
	if s.Type != nil {
		for _, v := range s.Type.Slice() {
			if v != "null" {
				t = v
				break
			}
		}
	}
	switch {
	case t == "array":
		if it := sp.example(s.Items, depth+1, seen); it != nil {
			return []any{it}
		}
		return []any{}
	case t == "object" || t == "" && (len(s.Properties) > 0 || len(s.AllOf) > 0):
		names, props, _ := sp.objectProps(s, depth)
		m := orderedMap{vals: map[string]any{}}
		for _, name := range names {
			if p := props[name]; p != nil && p.Value != nil && !p.Value.WriteOnly {
				if v := sp.example(p, depth+1, seen); v != nil {
					m.keys = append(m.keys, name)
					m.vals[name] = v
				}
			}
		}
		return m
	case t == "string":
		return stringExample(s.Format)
	case t == "integer", t == "number":
		if s.Min != nil {
			return *s.Min
		}
		return 0
	case t == "boolean":
		return true
	}
	return nil
}

// stringExample returns an example string of a format.
func stringExample(format string) string {
	switch format {
	case "date-time":
		return "2025-01-01T00:00:00Z"
	case "date":
		return "2025-01-01"
	case "time":
		return "12:00:00"
	case "email":
		return "name@example.com"
	case "uri", "url":
		return "https://example.com"
	case "uuid":
		return "3fa85f64-5717-4562-b3fc-2c963f66afa6"
	}
	return "text"
}

// encodeJSON returns v as indented JSON, objects in the order the spec
// writes them.
func (sp *apiSpec) encodeJSON(v any) string {
	var b bytes.Buffer
	sp.writeJSON(&b, v, "")
	return b.String()
}

func (sp *apiSpec) writeJSON(b *bytes.Buffer, v any, indent string) {
	var keys []string
	var vals func(string) any
	switch v := v.(type) {
	case orderedMap:
		keys, vals = v.keys, func(k string) any { return v.vals[k] }
	case map[string]any:
		for k := range v {
			keys = append(keys, k)
		}
		keys, vals = sp.ordered(keys), func(k string) any { return v[k] }
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range v {
			b.WriteString(indent + "  ")
			sp.writeJSON(b, e, indent+"  ")
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
		return
	default:
		data, err := marshalJSON(v)
		if err != nil {
			data = []byte("null")
		}
		b.Write(data)
		return
	}
	if len(keys) == 0 {
		b.WriteString("{}")
		return
	}
	b.WriteString("{\n")
	for i, k := range keys {
		name, _ := marshalJSON(k)
		b.WriteString(indent + "  ")
		b.Write(name)
		b.WriteString(": ")
		sp.writeJSON(b, vals(k), indent+"  ")
		if i < len(keys)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "}")
}
