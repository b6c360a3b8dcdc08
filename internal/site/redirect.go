package site

import (
	"fmt"
	"html/template"
	"maps"
	"path"
	"slices"

	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/theme"
)

// Redirects from .gitbook.yaml become static pages at the old URLs. An old
// URL that carried a #fragment can only be honoured in the browser: the
// page or redirect page at its path carries a fragment-to-URL map.

type redirectSet struct {
	to     string            // where the path itself goes ("" if only fragments redirect)
	hashes map[string]string // fragment → URL
}

func (s *builder) redirectSets() map[string]*redirectSet {
	sets := map[string]*redirectSet{}
	for _, r := range s.b.Redirects {
		from := "/" + r.From
		rs := sets[from]
		if rs == nil {
			rs = &redirectSet{hashes: map[string]string{}}
			sets[from] = rs
		}
		if r.Fragment != "" {
			rs.hashes[r.Fragment] = s.href(r.To)
		} else if rs.to == "" {
			rs.to = s.href(r.To)
		}
	}
	return sets
}

// hashRedirects returns, for each page URL that old fragment URLs point
// at, the JSON map its page carries.
func (s *builder) hashRedirects() map[string]string {
	out := map[string]string{}
	for from, rs := range s.redirectSets() {
		if s.b.PageByURL(from) != nil && len(rs.hashes) > 0 {
			out[from] = mustJSON(rs.hashes)
		}
	}
	return out
}

// writeRedirects writes a redirect page at each old URL where no page lives.
func (s *builder) writeRedirects() error {
	sets := s.redirectSets()
	for _, from := range slices.Sorted(maps.Keys(sets)) {
		rs := sets[from]
		if s.b.PageByURL(from) != nil {
			continue
		}
		to := rs.to
		if to == "" {
			to = rs.hashes[slices.Sorted(maps.Keys(rs.hashes))[0]]
		}
		v := &theme.Redirect{Site: s.site, To: to}
		if len(rs.hashes) > 0 {
			v.Hashes = template.JS(mustJSON(rs.hashes))
		}
		html, err := theme.Render(s.theme.Redirect, v)
		if err != nil {
			return fmt.Errorf("render redirect %s: %w", from, err)
		}
		if err := s.out.WriteFile(path.Join(from[1:], "index.html"), html); err != nil {
			s.addDiags(diag.Warnf(diag.Pos{File: ".gitbook.yaml"}, "redirect from %q cannot be written: %v", from, err))
		}
	}
	return nil
}

// redirectMap returns old path → new URL for redirects a server can
// answer itself (those without a fragment, where no page lives).
func (s *builder) redirectMap() map[string]string {
	m := map[string]string{}
	for from, rs := range s.redirectSets() {
		if rs.to != "" && s.b.PageByURL(from) == nil {
			m[s.href(from)] = rs.to
		}
	}
	return m
}
