package config

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// GitBook is the content of a .gitbook.yaml file.
type GitBook struct {
	Root      string     // cleaned, slash-separated, relative; "." is the repository root (the default)
	Readme    string     // first page, relative to Root; default "README.md"
	Summary   string     // table of contents, relative to Root; default "SUMMARY.md"
	Redirects []Redirect // in file order
}

// Redirect maps an old URL path to a file.
type Redirect struct {
	From string   // URL path as written, leading "/" removed; may carry "#fragment" or end in "/README"
	To   string   // target file as written ("x.md", "./x.md", "/x.md"), may carry "#anchor"
	Pos  diag.Pos // position of the key
}

var (
	gitbookKeys   = []string{"root", "structure", "redirects"}
	structureKeys = []string{"readme", "summary"}
)

// DefaultGitBook returns the configuration GitBook uses when a repository
// has no .gitbook.yaml.
func DefaultGitBook() *GitBook {
	return &GitBook{Root: ".", Readme: "README.md", Summary: "SUMMARY.md"}
}

// ParseGitBook decodes a .gitbook.yaml file named file. It always returns a
// configuration; what is missing or invalid keeps its default. Diagnostics
// are sorted by position.
func ParseGitBook(file string, src []byte) (*GitBook, diag.List) {
	gb := DefaultGitBook()
	doc, ds := yamldiag.Parse(file, src, 1)
	if doc.Root == nil {
		return gb, ds
	}
	if doc.Root.Kind != yaml.MappingNode {
		ds.Add(diag.Errorf(doc.Pos(doc.Root), "%s must be a mapping of keys to values, not %s", file, yamldiag.Describe(doc.Root)).
			WithHint("write lines such as \"root: ./\" and \"redirects:\""))
		return gb, ds
	}
	pairs, dd := doc.Pairs(doc.Root, diag.Warning)
	ds.Add(dd...)
	for _, p := range pairs {
		switch p.Key {
		case "root":
			gb.Root = gitbookPath(doc, &ds, p, ".")
		case "structure":
			if yamldiag.IsNull(p.Value) {
				continue
			}
			if p.Value.Kind != yaml.MappingNode {
				ds.Add(typeError(doc, "structure", p.Value, "a mapping with readme and summary"))
				continue
			}
			sub, dd := doc.Pairs(p.Value, diag.Warning)
			ds.Add(dd...)
			for _, q := range sub {
				switch q.Key {
				case "readme":
					gb.Readme = gitbookPath(doc, &ds, q, gb.Readme)
				case "summary":
					gb.Summary = gitbookPath(doc, &ds, q, gb.Summary)
				default:
					ds.Add(unknownKey(doc, diag.Warning, q, "structure", structureKeys))
				}
			}
		case "redirects":
			gb.Redirects = redirects(doc, &ds, p.Value)
		default:
			ds.Add(unknownKey(doc, diag.Warning, p, file, gitbookKeys))
		}
	}
	ds.Sort()
	return gb, ds
}

// gitbookPath reads root, structure.readme or structure.summary.
func gitbookPath(doc *yamldiag.Doc, ds *diag.List, p yamldiag.Pair, def string) string {
	s := text(doc, ds, p.Key, p.Value)
	if strings.TrimSpace(s) == "" {
		return def
	}
	c, ok := cleanPath(s)
	if !ok {
		ds.Add(diag.Errorf(doc.Pos(p.Value), "%s %q is outside the repository", p.Key, s).
			WithHint("use a path inside the repository, such as \"./docs/\"; it is relative to the repository root"))
		return def
	}
	if p.Key != "root" && c == "." {
		return def
	}
	return c
}

// redirects reads the redirects mapping.
func redirects(doc *yamldiag.Doc, ds *diag.List, v *yaml.Node) []Redirect {
	if yamldiag.IsNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		ds.Add(typeError(doc, "redirects", v, "a mapping of old paths to files").
			WithHint("write one \"old/path: new/file.md\" per line, indented under \"redirects:\""))
		return nil
	}
	pairs, dd := doc.Pairs(v, diag.Warning)
	ds.Add(dd...)
	var out []Redirect
	for _, p := range pairs {
		from := strings.TrimLeft(strings.TrimSpace(p.Key), "/")
		to, ok := yamldiag.Scalar(p.Value)
		to = strings.TrimSpace(to)
		switch {
		case from == "":
			ds.Add(diag.Errorf(doc.Pos(p.KeyNode), "redirect has an empty path").
				WithHint("write the old URL path, without the site address, before the colon"))
			continue
		case !ok && !yamldiag.IsNull(p.Value):
			ds.Add(typeError(doc, "redirect "+from, p.Value, "the path of a file"))
			continue
		case to == "":
			ds.Add(diag.Errorf(doc.Pos(p.KeyNode), "redirect %q has no target", from).
				WithHint("write the file it redirects to after the colon: %s: path/to/page.md", p.Key))
			continue
		}
		out = append(out, Redirect{From: from, To: to, Pos: doc.Pos(p.KeyNode)})
	}
	return out
}
