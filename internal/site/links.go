package site

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/markdown"
)

// This file keeps what each rendered page holds and links to, for what
// can only be checked once every page is rendered: links to headings of
// other pages. A check also gathers the links to other sites.

// pageState is what the build remembers of one rendered page.
type pageState struct {
	uses    []markdown.Use      // the links and images it writes, as rendering reported them
	ids     map[string]struct{} // every id="…" of its body: the anchors links may name
	anchors []anchorUse         // its links to anchors, with where they are written
	links   []ExternalLink      // its links and images to other sites (checks only)
	diags   diag.List           // what rendering it found
	load    diag.List           // what reading its front matter found (live sites)
	deps    map[string]struct{} // content-relative files it shows part of: included files, pages its cards describe
}

// anchorUse is a link to an anchor of a page.
type anchorUse struct {
	pos    diag.Pos
	dest   string     // as written
	target *book.Page // the page linked to; the page itself for "#x"
	anchor string     // the fragment, percent-decoded
}

// Use implements markdown.UseRecorder: it remembers the link for the
// checks made once the page is rendered.
func (r resolver) Use(u markdown.Use) {
	if st := r.s.state(r.page); st != nil && (strings.Contains(u.Dest, "#") || r.s.check && isExternal(u.Dest)) {
		st.uses = append(st.uses, u)
	}
}

// CheckAlt implements markdown.AltChecker: checks report images without
// alt text, builds do not.
func (r resolver) CheckAlt() bool { return r.s.check }

// depend records that page p shows part of the content-relative file,
// so that a change to the file renders p again.
func (s *builder) depend(p *book.Page, file string) {
	st := s.state(p)
	if st == nil || file == p.File {
		return
	}
	if st.deps == nil {
		st.deps = map[string]struct{}{}
	}
	st.deps[file] = struct{}{}
}

// state returns what the build remembers of p, or nil when it does not
// (a print view).
func (s *builder) state(p *book.Page) *pageState {
	if p.Index >= len(s.pages) || s.b.Pages[p.Index] != p {
		return nil
	}
	return &s.pages[p.Index]
}

// settleUses turns the uses rendering reported into anchor links and
// external links, positioned with pos, and remembers the IDs of body.
func (s *builder) settleUses(p *book.Page, body []byte, pos func(file string, off int) diag.Pos) {
	st := s.state(p)
	if st == nil {
		return
	}
	st.ids = idsOf(body)
	st.anchors, st.links = st.anchors[:0], st.links[:0]
	for _, u := range st.uses {
		at := pos(u.File, u.Offset)
		if isExternal(u.Dest) {
			if s.check && (strings.HasPrefix(u.Dest, "http://") || strings.HasPrefix(u.Dest, "https://")) {
				st.links = append(st.links, ExternalLink{URL: u.Dest, Pos: at})
			}
			continue
		}
		if u.Image {
			continue
		}
		if a, ok := s.anchorOf(p, u.File, u.Dest); ok {
			a.pos = at
			st.anchors = append(st.anchors, a)
		}
	}
	st.uses = nil
}

// anchorOf returns the page and anchor a link written in page p (or in
// the file it includes) names; ok is false for a link that names no
// anchor or no page (that is reported when the link is resolved).
func (s *builder) anchorOf(p *book.Page, file, dest string) (anchorUse, bool) {
	raw, frag := splitDest(dest)
	if len(frag) < 2 {
		return anchorUse{}, false
	}
	anchor := frag[1:]
	if dec, err := url.PathUnescape(anchor); err == nil {
		anchor = dec
	}
	if raw == "" {
		return anchorUse{dest: dest, target: p, anchor: anchor}, true
	}
	from := p.File
	if file != "" {
		from = file
	}
	f, ok := book.ResolvePath(from, raw)
	if !ok {
		return anchorUse{}, false
	}
	target := s.pageFor(f, raw)
	if target == nil || target.Missing {
		return anchorUse{}, false
	}
	return anchorUse{dest: dest, target: target, anchor: anchor}, true
}

// hasAnchor reports whether a page with these IDs has the anchor, as the
// theme finds it: the ID itself, or one equal to it once case and
// everything but letters and digits are set aside, since GitBook's
// heading IDs have changed over the years ("country-region" for
// "Country/Region", now "countryregion").
func hasAnchor(ids map[string]struct{}, anchor string) bool {
	if _, ok := ids[anchor]; ok {
		return true
	}
	key := foldAnchor(anchor)
	if key == "" {
		return false
	}
	for id := range ids {
		if foldAnchor(id) == key {
			return true
		}
	}
	return false
}

// foldAnchor lowercases s and keeps only its letters and digits.
func foldAnchor(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// idsOf returns every id attribute of an HTML body.
func idsOf(body []byte) map[string]struct{} {
	ids := map[string]struct{}{}
	const attr = ` id="`
	for rest := body; ; {
		i := bytes.Index(rest, []byte(attr))
		if i < 0 {
			return ids
		}
		rest = rest[i+len(attr):]
		j := bytes.IndexByte(rest, '"')
		if j < 0 {
			return ids
		}
		ids[html.UnescapeString(string(rest[:j]))] = struct{}{}
		rest = rest[j:]
	}
}

// anchorDiags reports the links to anchors their page does not have.
func (s *builder) anchorDiags() diag.List {
	var out diag.List
	for i := range s.pages {
		for _, a := range s.pages[i].anchors {
			ids := s.pages[a.target.Index].ids
			if ids == nil || hasAnchor(ids, a.anchor) {
				continue
			}
			var d diag.Diagnostic
			if a.target == s.b.Pages[i] && strings.HasPrefix(a.dest, "#") {
				d = diag.Warnf(a.pos, "anchor %q does not exist on this page", "#"+a.anchor)
			} else {
				d = diag.Warnf(a.pos, "anchor %q does not exist in %q", "#"+a.anchor, s.b.SourcePath(a.target.File))
			}
			out.Add(d.WithHint("%s", anchorHint(a.anchor, ids)).WithCode(diag.BrokenAnchor))
		}
	}
	return out
}

// anchorHint suggests the anchor of the page closest to the one a link
// names.
func anchorHint(anchor string, ids map[string]struct{}) string {
	if len(ids) == 0 {
		return "the page has no headings to link to"
	}
	known := make([]string, 0, len(ids))
	for id := range ids {
		known = append(known, id)
	}
	slices.Sort(known)
	if s := yamldiag.Suggest(anchor, known); s != "" {
		return fmt.Sprintf("did you mean %q?", "#"+s)
	}
	return "link to a heading of the page, by the ID its \"#\" link shows"
}
