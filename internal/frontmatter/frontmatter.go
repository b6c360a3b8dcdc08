package frontmatter

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// FrontMatter is what a page's front matter changes about the page.
type FrontMatter struct {
	Description string         // shown under the title and used for meta, search and llms.txt
	Hidden      bool           // left out of the sidebar and previous/next, still published
	NoIndex     bool           // kept out of search engines, sitemap and llms.txt
	Private     bool           // visibility: private; shown only to signed-in readers
	Icon        string         // Font Awesome name or emoji shown before the title
	Vars        map[string]any // page variables, read by expressions as page.vars
	Layout      Layout
}

// Layout says which parts of the page chrome are shown. Each part is
// visible unless the front matter hides it.
type Layout struct {
	Title, Description, TableOfContents, Outline, Pagination, Metadata bool
	Width                                                              string // "default" or "wide"
}

// Default returns the front matter of a page that has none: everything
// visible, default width.
func Default() FrontMatter {
	return FrontMatter{Layout: Layout{
		Title: true, Description: true, TableOfContents: true,
		Outline: true, Pagination: true, Metadata: true,
		Width: "default",
	}}
}

var (
	knownKeys = []string{
		"description", "icon", "cover", "coverY", "coverHeight", "hidden",
		"noIndex", "noRobotsIndex", "if", "vars", "tags", "layout",
		"visibility",
	}
	layoutKeys = []string{
		"width", "cover", "title", "description", "tableOfContents",
		"outline", "pagination", "metadata", "tags", "actions",
	}
	widths = []string{"default", "wide"}
)

// Parse decodes the YAML of a front matter block, as returned by Split.
// line0 is the file line of the first YAML line (2 when it follows "---" on
// line 1), so that diagnostics carry the file's lines. It always returns a
// FrontMatter: what is absent or invalid keeps its default. Diagnostics are
// sorted by position.
func Parse(file string, yml []byte, line0 int) (FrontMatter, diag.List) {
	fm, ds := parse(file, yml, line0)
	for i := range ds {
		if ds[i].Code == "" {
			ds[i].Code = diag.FrontMatter
		}
	}
	return fm, ds
}

func parse(file string, yml []byte, line0 int) (FrontMatter, diag.List) {
	fm := Default()
	doc, ds := yamldiag.Parse(file, yml, line0)
	if yamldiag.IsNull(doc.Root) {
		return fm, ds
	}
	d := decoder{doc: doc, diags: ds}
	if doc.Root.Kind != yaml.MappingNode {
		d.diags.Add(diag.Errorf(doc.Pos(doc.Root), "front matter must be a mapping of keys to values, not %s", yamldiag.Describe(doc.Root)).
			WithHint("write one \"key: value\" per line between the \"---\" lines, such as \"description: What this page is about\""))
		return fm, d.diags
	}
	for _, p := range d.pairs(doc.Root) {
		switch p.Key {
		case "description":
			fm.Description = strings.TrimSpace(d.text(p.Key, p.Value))
		case "icon":
			fm.Icon = strings.TrimSpace(d.text(p.Key, p.Value))
		case "cover", "if":
			d.text(p.Key, p.Value)
		case "coverY", "coverHeight":
			d.number(p.Key, p.Value)
		case "hidden":
			fm.Hidden = d.boolean(p.Key, p.Value, false)
		case "noIndex":
			fm.NoIndex = d.boolean(p.Key, p.Value, false)
		case "noRobotsIndex":
			d.boolean(p.Key, p.Value, false)
		case "vars":
			if d.mapping(p.Key, p.Value) {
				_ = p.Value.Decode(&fm.Vars) // a mapping always decodes
			}
		case "tags":
			d.tags(p.Value)
		case "layout":
			d.layout(&fm.Layout, p.Value)
		case "visibility":
			fm.Private = d.visibility(p.Value)
		default:
			if yamldiag.Suggest(p.Key, knownKeys) == "visibility" {
				// A misspelt visibility would publish a page meant to
				// be private, so it is an error, not a warning.
				d.diags.Add(diag.Errorf(doc.Pos(p.KeyNode), "unknown front matter key %q", p.Key).
					WithHint("did you mean \"visibility\"? the page is public until the key is spelt right"))
				continue
			}
			d.unknown(p, "front matter key", knownKeys)
		}
	}
	d.diags.Sort()
	return fm, d.diags
}

type decoder struct {
	doc   *yamldiag.Doc
	diags diag.List
}

func (d *decoder) pairs(m *yaml.Node) []yamldiag.Pair {
	pairs, ds := d.doc.Pairs(m, diag.Error)
	d.diags.Add(ds...)
	return pairs
}

// wrongType reports a value of the wrong type for a known key.
func (d *decoder) wrongType(key string, v *yaml.Node, want, hint string) {
	d.diags.Add(diag.Errorf(d.doc.Pos(v), "front matter key %q must be %s, not %s", key, want, yamldiag.Describe(v)).
		WithHint("%s", hint))
}

func (d *decoder) unknown(p yamldiag.Pair, what string, known []string) {
	w := diag.Warnf(d.doc.Pos(p.KeyNode), "unknown %s %q", what, p.Key)
	if s := yamldiag.Suggest(p.Key, known); s != "" {
		w = w.WithHint("did you mean %q?", s)
	} else {
		w = w.WithHint("GitBook ignores it; known keys are %s", strings.Join(known, ", "))
	}
	d.diags.Add(w.WithCode(diag.UnknownFrontMatter))
}

// text reads a text value; numbers and booleans count as written.
func (d *decoder) text(key string, v *yaml.Node) string {
	if yamldiag.IsNull(v) {
		return ""
	}
	s, ok := yamldiag.Scalar(v)
	if !ok {
		d.wrongType(key, v, "text", "write the text on the same line, in quotes if it contains \": \", or as a block: "+key+": >-")
		return ""
	}
	if yamldiag.CutByComment(v) {
		d.diags.Add(diag.Warnf(d.doc.Pos(v), "value of %q ends at \" #\", which starts a comment", key).
			WithHint("put the whole value in quotes if the \"#\" is part of it"))
	}
	return s
}

func (d *decoder) boolean(key string, v *yaml.Node, def bool) bool {
	if yamldiag.IsNull(v) {
		return def
	}
	b, ok := yamldiag.Bool(v)
	if !ok {
		name := key[strings.LastIndexByte(key, '.')+1:]
		d.wrongType(key, v, "true or false", "write "+name+": true or "+name+": false")
		return def
	}
	return b
}

// visibility reads the visibility key: "public" (the default) or
// "private". Any other value is an error, and the page is made private,
// so that a misspelt "private" does not publish the page.
func (d *decoder) visibility(v *yaml.Node) (private bool) {
	if yamldiag.IsNull(v) {
		return false
	}
	switch s, _ := yamldiag.Scalar(v); strings.TrimSpace(s) {
	case "public":
		return false
	case "private":
		return true
	}
	d.wrongType("visibility", v, "private or public", "write private or public")
	return true
}

func (d *decoder) number(key string, v *yaml.Node) {
	if yamldiag.IsNull(v) {
		return
	}
	if t := yamldiag.Resolve(v).ShortTag(); t != "!!int" && t != "!!float" {
		d.wrongType(key, v, "a number", "write a number of pixels, such as "+key+": 0")
	}
}

func (d *decoder) mapping(key string, v *yaml.Node) bool {
	if yamldiag.IsNull(v) {
		return false
	}
	if v.Kind != yaml.MappingNode {
		d.wrongType(key, v, "a mapping", "indent \"name: value\" lines under "+key+":")
		return false
	}
	return true
}

// tags checks page tags: a list of tag names or of {tag, primary} mappings.
func (d *decoder) tags(v *yaml.Node) {
	if yamldiag.IsNull(v) {
		return
	}
	hint := "write a list of tag names, such as tags: [guide, setup]"
	if v.Kind != yaml.SequenceNode {
		d.wrongType("tags", v, "a list", hint)
		return
	}
	for _, t := range v.Content {
		t = yamldiag.Resolve(t)
		if t.Kind == yaml.MappingNode {
			for _, p := range d.pairs(t) {
				switch p.Key {
				case "tag":
					d.text("tags.tag", p.Value)
				case "primary":
					d.boolean("tags.primary", p.Value, false)
				default:
					d.unknown(p, "tag key", []string{"tag", "primary"})
				}
			}
			continue
		}
		if _, ok := yamldiag.Scalar(t); !ok {
			d.wrongType("tags", t, "a tag name", hint)
		}
	}
}

// layout reads the layout mapping into l.
func (d *decoder) layout(l *Layout, v *yaml.Node) {
	if !d.mapping("layout", v) {
		return
	}
	visible := map[string]*bool{
		"title": &l.Title, "description": &l.Description, "tableOfContents": &l.TableOfContents,
		"outline": &l.Outline, "pagination": &l.Pagination, "metadata": &l.Metadata,
		"tags": nil, "actions": nil,
	}
	for _, p := range d.pairs(v) {
		key := "layout." + p.Key
		switch p.Key {
		case "width":
			w := strings.TrimSpace(d.text(key, p.Value))
			switch {
			case w == "":
			case w == widths[0] || w == widths[1]:
				l.Width = w
			default:
				d.diags.Add(diag.Warnf(d.doc.Pos(p.Value), "unknown layout width %q", w).
					WithHint("use \"default\" or \"wide\"; the page uses the default width"))
			}
		case "cover":
			d.part(key, p.Value, map[string]string{"visible": "bool", "size": "text", "mask": "text"})
		default:
			dst, ok := visible[p.Key]
			if !ok {
				d.unknown(p, "layout key", layoutKeys)
				continue
			}
			if b, set := d.part(key, p.Value, map[string]string{"visible": "bool"}); set && dst != nil {
				*dst = b
			}
		}
	}
}

// part reads a layout part such as "title: {visible: false}", whose keys
// have the given kinds ("bool" or "text"). It returns the value of visible
// and whether it was set.
func (d *decoder) part(key string, v *yaml.Node, kinds map[string]string) (visible, set bool) {
	if yamldiag.IsNull(v) {
		return false, false
	}
	if v.Kind != yaml.MappingNode {
		d.wrongType(key, v, "a mapping", "write "+strings.TrimPrefix(key, "layout.")+": { visible: false }, indented under layout:")
		return false, false
	}
	known := make([]string, 0, len(kinds))
	for _, k := range []string{"visible", "size", "mask"} {
		if kinds[k] != "" {
			known = append(known, k)
		}
	}
	for _, p := range d.pairs(v) {
		switch kinds[p.Key] {
		case "bool":
			if yamldiag.IsNull(p.Value) {
				continue
			}
			b := d.boolean(key+"."+p.Key, p.Value, true)
			if _, ok := yamldiag.Bool(p.Value); ok && p.Key == "visible" {
				visible, set = b, true
			}
		case "text":
			d.text(key+"."+p.Key, p.Value)
		default:
			d.unknown(p, key+" key", known)
		}
	}
	return visible, set
}
