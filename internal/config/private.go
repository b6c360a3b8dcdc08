package config

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// driveRE matches a pattern that starts with a Windows drive, such as
// "C:/docs" or "C:\docs".
var driveRE = regexp.MustCompile(`^[A-Za-z]:([/\\]|$)`)

// PrivateFile reports whether file, a slash-separated path relative to the
// content root, is private: whether a private pattern matches the file
// itself or a folder above it. So "finance", "finance/" and "finance/**"
// all make finance/x/y.md private.
func (s *Site) PrivateFile(file string) bool {
	if s == nil || len(s.Private) == 0 {
		return false
	}
	file = path.Clean(trimPatternPrefix(file))
	if file == "." || file == "" {
		return false
	}
	for _, p := range s.Private {
		p = path.Clean(trimPatternPrefix(p))
		for name := file; name != "." && name != "/" && name != ""; name = path.Dir(name) {
			if ok, err := doublestar.Match(p, name); err == nil && ok {
				return true
			}
		}
	}
	return false
}

// trimPatternPrefix removes leading spaces, "./" and "/" from a pattern or
// a file path: both are relative to the content root.
func trimPatternPrefix(p string) string {
	p = strings.TrimSpace(p)
	for {
		switch {
		case strings.HasPrefix(p, "./"):
			p = p[2:]
		case strings.HasPrefix(p, "/"):
			p = p[1:]
		default:
			return p
		}
	}
}

// private decodes the private key: a list of glob patterns, or a single
// pattern. Invalid patterns are reported and left out.
func private(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, v *yaml.Node) []string {
	if yamldiag.IsNull(v) {
		return nil
	}
	if v.Kind == yaml.ScalarNode {
		pos["private.0"] = doc.Pos(v)
		if p, ok := privatePattern(doc, ds, "private", v); ok {
			return []string{p}
		}
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		ds.Add(typeError(doc, "private", v, "a list of file and folder patterns").
			WithHint("write one \"- pattern\" per line, such as \"- internal/**\""))
		return nil
	}
	var out []string
	for i, item := range v.Content {
		item = yamldiag.Resolve(item)
		key := "private." + strconv.Itoa(i)
		pos[key] = doc.Pos(item)
		if item.Kind != yaml.ScalarNode {
			ds.Add(typeError(doc, key, item, "a file or folder pattern").
				WithHint("write one \"- pattern\" per line, such as \"- internal/**\""))
			continue
		}
		if p, ok := privatePattern(doc, ds, key, item); ok && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// privatePattern reads and checks one private pattern.
func privatePattern(doc *yamldiag.Doc, ds *diag.List, key string, v *yaml.Node) (string, bool) {
	raw := strings.TrimSpace(text(doc, ds, key, v))
	if raw == "" && yamldiag.IsNull(v) {
		return "", false
	}
	p := trimPatternPrefix(raw)
	switch {
	case p == "" || path.Clean(p) == ".":
		ds.Add(diag.Errorf(doc.Pos(v), "private pattern %q names no file or folder", raw).
			WithHint("write a path relative to the content root, such as \"internal/**\"; \"**\" makes every page private"))
	case driveRE.MatchString(p) || strings.HasPrefix(p, "~"):
		ds.Add(diag.Errorf(doc.Pos(v), "private pattern %q is an absolute path", raw).
			WithHint("write a path relative to the content root, such as \"internal/**\""))
	case slices.Contains(strings.Split(p, "/"), ".."):
		ds.Add(diag.Errorf(doc.Pos(v), "private pattern %q leaves the content root", raw).
			WithHint("remove \"../\": patterns are relative to the content root and can only name pages in it"))
	case !doublestar.ValidatePattern(p):
		ds.Add(diag.Errorf(doc.Pos(v), "private pattern %q is not a valid glob", raw).
			WithHint("check that every \"[\" has its \"]\" and every \"{\" its \"}\"; \"*\" matches within a folder, \"**\" across folders"))
	default:
		return p, true
	}
	return "", false
}
