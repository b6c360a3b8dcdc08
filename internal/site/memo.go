package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sync"
	"sync/atomic"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/markdown"
)

// The builds of one handbook's versions, and of its public and private
// sites, share most pages. A Memo lets each page that is the same in
// several builds be parsed and rendered once: the first build to reach
// it renders it, telling a recorder of every question the page asked of
// its build (links, images, cards, files, variables, includes) and the
// answer; another build asks its own questions again and takes the
// rendered page when every answer is the same.
//
// Answers hold the build's URL prefix, which differs between versions.
// The recorder hands the renderer the answers with a stand-in for the
// prefix and the rendered page is stored with it; each build puts its
// own prefix back.

// Memo shares rendered pages between builds. The zero Memo is ready to
// use; it is safe for concurrent use.
type Memo struct {
	mu     sync.Mutex
	pages  map[memoKey]*memoEntry
	shared atomic.Int64
}

// Shared is how many times a build took a page another had rendered.
func (m *Memo) Shared() int { return int(m.shared.Load()) }

// memoKey names a page's source in a build of given settings.
type memoKey struct {
	file string
	sum  [sha256.Size]byte
}

// memoEntry is a page rendered by one build.
type memoEntry struct {
	done  chan struct{} // closed once the rest is set
	ok    bool          // rendered without error
	page  rendered      // with stand-ins for the URL prefixes
	calls []memoCall
}

// memoCall is one question a page asked of its build, and the answer.
type memoCall struct {
	twin bool   // asked while writing the Markdown twin
	kind string // "link", "image", "page", "file", "read", "scope", "use", "alt", "include"
	dest string
	from string       // for includes: the file including
	use  markdown.Use // for "use"
	out  string       // the answer, prefixes replaced
	err  string       // the error's message, hint and code
}

// Stand-ins for the URL prefix of a build: relBase for the path, absBase
// for the absolute URL. They are made of characters that pass URL and
// HTML escaping unchanged; a page whose source holds one is not shared.
const (
	relBase = "/hb-memo-7d1c9e-rel/"
	absBase = "https://hb-memo-7d1c9e.invalid/"
)

// rendered is a page parsed and rendered: its tree, its HTML body, the
// problems rendering found and its Markdown body for the twin (nil when
// the build writes no twins).
type rendered struct {
	d     *markdown.Doc
	html  []byte
	probs []markdown.Problem
	twin  []byte
}

// render parses and renders p, sharing the work through the build's
// Memo when it has one.
func (s *builder) render(p *book.Page, inc *includes) (rendered, error) {
	m := s.o.Memo
	if m == nil || bytes.Contains(p.Source, []byte("hb-memo-7d1c9e")) {
		return s.renderWith(p, inc.read, resolver{s, p}, mdResolver{resolver{s, p}})
	}
	key := s.memoKey(p)
	m.mu.Lock()
	if m.pages == nil {
		m.pages = map[memoKey]*memoEntry{}
	}
	e, seen := m.pages[key]
	if !seen {
		e = &memoEntry{done: make(chan struct{})}
		m.pages[key] = e
	}
	m.mu.Unlock()
	if seen {
		<-e.done
		if e.ok && s.replay(e, p, inc) {
			m.shared.Add(1)
			return s.own(e.page), nil
		}
		// What the answers asked so far recorded is recorded again.
		if st := s.state(p); st != nil {
			st.uses, st.deps = nil, nil
		}
		return s.renderWith(p, inc.read, resolver{s, p}, mdResolver{resolver{s, p}})
	}
	defer close(e.done)
	rec := &recorder{s: s, calls: &e.calls}
	include := func(from, path string) (string, []byte, error) {
		file, body, err := inc.read(from, path)
		*rec.calls = append(*rec.calls, memoCall{kind: "include", from: from, dest: path, out: file + "\x00" + sum(body), err: errText(err)})
		return file, body, err
	}
	r, err := s.renderWith(p, include, rec.with(resolver{s, p}, false), rec.with(mdResolver{resolver{s, p}}, true))
	if err != nil {
		return r, err
	}
	e.page, e.ok = r, true
	return s.own(r), nil
}

// renderWith parses and renders p with these resolvers.
func (s *builder) renderWith(p *book.Page, include func(from, path string) (string, []byte, error), res, twin markdown.Resolver) (rendered, error) {
	r := rendered{d: s.md.ParseWith(p.Body, markdown.ParseOptions{Include: include})}
	var body bytes.Buffer
	body.Grow(len(p.Body) * 2)
	probs, err := s.md.Render(&body, r.d, res)
	if err != nil {
		return r, err
	}
	r.html, r.probs = body.Bytes(), probs
	if !s.o.NoMachineReadable {
		var md bytes.Buffer
		if err := s.md.Markdown(&md, r.d, twin); err != nil {
			return r, fmt.Errorf("markdown of %s: %w", p.File, err)
		}
		r.twin = md.Bytes()
	}
	return r, nil
}

// memoKey keys p by its file and source, and by what else makes a
// build render a page differently: its own block templates and whether
// it writes twins or checks.
func (s *builder) memoKey(p *book.Page) memoKey {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%t\x00%t\x00", s.templatesSum, s.o.NoMachineReadable, s.check)
	h.Write(p.Body)
	k := memoKey{file: p.File}
	h.Sum(k.sum[:0])
	return k
}

// replay asks this build the questions the page asked of the build that
// rendered it, and reports whether every answer is the same. Asking has
// the effects rendering would have: files to publish, dependencies,
// links to check.
func (s *builder) replay(e *memoEntry, p *book.Page, inc *includes) bool {
	rec := &recorder{s: s, calls: new([]memoCall)}
	res, twin := rec.with(resolver{s, p}, false), rec.with(mdResolver{resolver{s, p}}, true)
	for _, c := range e.calls {
		var got memoCall
		switch c.kind {
		case "include":
			file, body, err := inc.read(c.from, c.dest)
			got = memoCall{kind: c.kind, from: c.from, dest: c.dest, out: file + "\x00" + sum(body), err: errText(err)}
		default:
			r := res
			if c.twin {
				r = twin
			}
			r.ask(c)
			got = (*rec.calls)[len(*rec.calls)-1]
		}
		if got.out != c.out || got.err != c.err {
			return false
		}
	}
	return true
}

// own turns a shared rendering into this build's: its URL prefixes in
// place of the stand-ins.
func (s *builder) own(r rendered) rendered {
	r.html = s.unstand(r.html)
	if r.twin != nil {
		r.twin = s.unstand(r.twin)
	}
	return r
}

func (s *builder) unstand(b []byte) []byte {
	if s.abs != "" {
		b = bytes.ReplaceAll(b, []byte(absBase), []byte(s.abs+s.base))
	}
	return bytes.ReplaceAll(b, []byte(relBase), []byte(s.base))
}

// stand replaces this build's URL prefix at the start of u.
func (s *builder) stand(u string) string {
	switch {
	case s.abs != "" && len(u) >= len(s.abs+s.base) && u[:len(s.abs+s.base)] == s.abs+s.base:
		return absBase + u[len(s.abs+s.base):]
	case len(u) >= len(s.base) && u[:len(s.base)] == s.base:
		return relBase + u[len(s.base):]
	}
	return u
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return string(h[:])
}

// errText is what an error says, with its hint and code.
func errText(err error) string {
	if err == nil {
		return ""
	}
	t := err.Error()
	if h, ok := err.(interface{ Hint() string }); ok {
		t += "\x00" + h.Hint()
	}
	if c, ok := err.(interface{ Code() string }); ok {
		t += "\x00" + c.Code()
	}
	return t
}

// templatesSum sums the handbook's own block templates, which change how
// pages render.
func templatesSum(tmpl fs.FS) string {
	if tmpl == nil {
		return ""
	}
	h := sha256.New()
	_ = fs.WalkDir(tmpl, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(tmpl, name)
		if err != nil {
			return nil
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		return nil
	})
	return string(h.Sum(nil))
}
