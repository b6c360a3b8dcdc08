package config

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// Version is one item of the versions list of handbook.yaml: a git branch
// or tag published as a version of the handbook.
type Version struct {
	Ref   string   // git branch or tag the version is built from
	Title string   // shown in the version selector; defaults to Ref
	Path  string   // URL segment under /v/; defaults to Ref made safe
	Pos   diag.Pos // position of the list item
}

var (
	versionKeys = []string{"ref", "title", "path"}

	versionPathRE   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	versionUnsafeRE = regexp.MustCompile(`[^A-Za-z0-9._-]+`)
)

// versionPath derives a version's URL segment from its ref: every run of
// characters other than letters, digits, ".", "_" and "-" becomes one "-",
// and leading and trailing "-" are removed ("release/0.2.0" gives
// "release-0.2.0").
func versionPath(ref string) string {
	return strings.Trim(versionUnsafeRE.ReplaceAllString(ref, "-"), "-")
}

// validVersionPath reports whether p can be a URL segment under /v/.
func validVersionPath(p string) bool {
	return p != "." && p != ".." && versionPathRE.MatchString(p)
}

// versions decodes the versions list. Items with a problem are reported
// and left out, so that the rest can still be published.
func versions(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, v *yaml.Node) []Version {
	if yamldiag.IsNull(v) {
		return nil
	}
	hint := "write a list with one \"- ref: <branch or tag>\" per version, the default version first"
	if v.Kind != yaml.SequenceNode {
		ds.Add(typeError(doc, "versions", v, "a list of versions, each with a ref").WithHint("%s", hint))
		return nil
	}
	var out []Version
	refs, paths := map[string]Version{}, map[string]Version{}
	for i, item := range v.Content {
		item = yamldiag.Resolve(item)
		key := "versions." + strconv.Itoa(i)
		pos[key] = doc.Pos(item)
		if item.Kind != yaml.MappingNode {
			ds.Add(typeError(doc, key, item, "a version with a ref").WithHint("%s", hint))
			continue
		}
		ver, ok := version(doc, ds, pos, key, i, item)
		if !ok {
			continue
		}
		if first, dup := refs[ver.Ref]; dup {
			ds.Add(diag.Errorf(ver.Pos, "version ref %q is already listed on line %d", ver.Ref, first.Pos.Line).
				WithHint("list each branch or tag once"))
			continue
		}
		if first, dup := paths[ver.Path]; dup {
			ds.Add(diag.Errorf(ver.Pos, "version path %q is already used by the version on line %d", ver.Path, first.Pos.Line).
				WithHint("give one of the two versions a different path"))
			continue
		}
		refs[ver.Ref], paths[ver.Path] = ver, ver
		out = append(out, ver)
	}
	return out
}

// version decodes one item of the versions list, the i-th, whose
// position key is key. It reports false when the item cannot be used.
func version(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, key string, i int, item *yaml.Node) (Version, bool) {
	ver := Version{Pos: doc.Pos(item)}
	pairs, dd := doc.Pairs(item, diag.Error)
	ds.Add(dd...)
	var pathNode *yaml.Node
	for _, p := range pairs {
		switch p.Key {
		case "ref":
			ver.Ref = strings.TrimSpace(text(doc, ds, key+".ref", p.Value))
		case "title":
			ver.Title = strings.TrimSpace(text(doc, ds, key+".title", p.Value))
		case "path":
			ver.Path = strings.TrimSpace(text(doc, ds, key+".path", p.Value))
			pathNode = p.Value
		default:
			ds.Add(unknownKey(doc, diag.Error, p, "a version", versionKeys))
			continue
		}
		pos[key+"."+p.Key] = doc.Pos(p.Value)
	}
	if ver.Ref == "" {
		ds.Add(diag.Errorf(ver.Pos, "version %d has no ref", i+1).
			WithHint("give every version a ref: the git branch or tag it is built from, such as \"ref: release/1.0\""))
		return ver, false
	}
	if strings.HasPrefix(ver.Ref, "-") || strings.IndexFunc(ver.Ref, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		ds.Add(diag.Errorf(pos[key+".ref"], "version ref %q is not a git branch or tag name", ver.Ref).
			WithHint("a branch or tag name has no spaces and does not start with \"-\""))
		return ver, false
	}
	if ver.Title == "" {
		ver.Title = ver.Ref
	}
	if ver.Path != "" {
		if !validVersionPath(ver.Path) {
			ds.Add(diag.Errorf(doc.Pos(pathNode), "version path %q is not a URL segment", ver.Path).
				WithHint("start the path with a letter or digit and use only letters, digits, \".\", \"_\" and \"-\", such as \"path: 1.0\""))
			return ver, false
		}
		return ver, true
	}
	ver.Path = versionPath(ver.Ref)
	if !validVersionPath(ver.Path) {
		ds.Add(diag.Errorf(pos[key+".ref"], "version ref %q gives no URL path", ver.Ref).
			WithHint("give the version a path of letters, digits, \".\", \"_\" and \"-\", such as \"path: 1.0\""))
		return ver, false
	}
	return ver, true
}
