package site

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/frontmatter"
	"github.com/handbookhq/handbook/internal/markdown"
)

// This file gives GitBook blocks what they need from the book: page cards
// (titles and descriptions through the table of contents), download cards
// (file sizes), the files blocks read (OpenAPI specs), variables
// (.gitbook/vars.yaml and front matter vars) and reusable content
// (.gitbook/includes).

// varsFile holds the space variables, relative to the content root.
const varsFile = ".gitbook/vars.yaml"

// templatesDir holds a handbook's own block templates, relative to the
// repository: a file there replaces the built-in template of that name.
const templatesDir = ".handbook/blocks"

// Page resolves a page link for a page card.
func (r resolver) Page(dest string) (markdown.PageRef, error) {
	raw, frag := splitDest(dest)
	if isExternal(dest) || raw == "" {
		return markdown.PageRef{}, fmt.Errorf("%q is not a page of this handbook", dest)
	}
	file, ok := book.ResolvePath(r.page.File, raw)
	if !ok {
		return markdown.PageRef{}, fmt.Errorf("%q points outside the repository", dest)
	}
	pg := r.s.pageFor(file, raw)
	if pg != nil {
		r.s.depend(r.page, pg.File)
	}
	if u, ok := r.s.privateFor(file, raw); pg == nil && ok {
		// Nothing of a private page left out is shown but where it is.
		return markdown.PageRef{URL: r.s.href(u) + frag, Title: "Private page", Anchor: strings.TrimPrefix(frag, "#")}, nil
	}
	if pg == nil {
		_, err := r.s.resolve(r.page, dest, false)
		if err == nil {
			err = codedError(diag.BrokenLink, "%q is not a page of this handbook", dest)
		}
		return markdown.PageRef{}, err
	}
	return markdown.PageRef{
		URL:         r.s.href(pg.URL) + frag,
		Title:       pg.LinkTitle,
		Description: pg.FrontMatter.Description,
		Anchor:      strings.TrimPrefix(frag, "#"),
	}, nil
}

// File resolves a file link for a download card.
func (r resolver) File(dest string) (markdown.FileRef, error) {
	u, err := r.s.resolve(r.page, dest, false)
	if he, ok := err.(hintError); ok && he.code == diag.BrokenLink {
		he.code = diag.MissingFile // a download, not a link
		err = he
	}
	if u == "" {
		return markdown.FileRef{}, err
	}
	raw, _ := splitDest(dest)
	ref := markdown.FileRef{URL: u, Name: path.Base(raw), Size: -1}
	if isExternal(dest) {
		return ref, err
	}
	if file, _, ferr := r.s.repoFile(r.page, dest, raw); ferr == nil {
		if fi, serr := fs.Stat(r.s.fsys, r.s.b.SourcePath(file)); serr == nil {
			ref.Size = fi.Size()
		}
	}
	return ref, err
}

// maxReadFile bounds the size of a file a block reads.
const maxReadFile = 10 << 20

// fileRead is a file read for blocks, once per build.
type fileRead struct {
	once sync.Once
	data []byte
	err  error
}

// ReadFile reads a file of the repository a block names, such as the
// OpenAPI spec of an openapi block.
func (r resolver) ReadFile(dest string) ([]byte, error) {
	if isExternal(dest) {
		return nil, fmt.Errorf("%q is not a file of the repository", dest)
	}
	raw, _ := splitDest(dest)
	file, found, err := r.s.repoFile(r.page, dest, raw)
	if err != nil {
		return nil, err
	}
	r.s.depend(r.page, file)
	data, err := r.s.readOnce(file)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", dest, err)
	}
	return data, found
}

// readOnce reads a content-relative file of the repository, once per
// build however many pages read it.
func (s *builder) readOnce(file string) ([]byte, error) {
	v, _ := s.reads.LoadOrStore(file, &fileRead{})
	fr := v.(*fileRead)
	fr.once.Do(func() { fr.data, fr.err = s.readSmall(file) })
	return fr.data, fr.err
}

// readSmall reads a content-relative file of at most maxReadFile bytes.
func (s *builder) readSmall(file string) ([]byte, error) {
	f, err := s.fsys.Open(s.b.SourcePath(file))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxReadFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxReadFile {
		return nil, fmt.Errorf("larger than %d MB", maxReadFile>>20)
	}
	return data, nil
}

// Scope gives expressions the space and page variables; the reader of a
// static site is anonymous, so visitor.claims is empty.
func (r resolver) Scope() map[string]any {
	return map[string]any{
		"space":   map[string]any{"vars": r.s.vars},
		"page":    map[string]any{"vars": r.page.FrontMatter.Vars},
		"visitor": map[string]any{"claims": map[string]any{}},
	}
}

// includes reads the reusable content of one page, and remembers each
// file's source so problems in it can be positioned. A page is parsed by
// one goroutine, so it needs no lock.
type includes struct {
	s    *builder
	page *book.Page
	srcs map[string]included
}

// included is an included file: its whole source and where the body
// starts after front matter.
type included struct {
	src    []byte
	offset int
}

// read implements markdown.ParseOptions.Include.
func (in *includes) read(from, p string) (string, []byte, error) {
	if from == "" {
		from = in.page.File
	}
	if strings.HasPrefix(p, "/") && !strings.HasSuffix(p, ".md") {
		return "", nil, fmt.Errorf("reusable content %q lives in GitBook, not in the repository", p)
	}
	file, ok := book.ResolvePath(from, p)
	if !ok {
		return "", nil, fmt.Errorf("included file %q points outside the repository", p)
	}
	if !in.s.b.HasFile(file) {
		return "", nil, codedError(diag.MissingFile, "included file %q does not exist", p)
	}
	src, err := in.s.readOnce(file)
	if err != nil {
		return "", nil, fmt.Errorf("read included file %q: %w", p, err)
	}
	if in.s.onInclude != nil {
		in.s.onInclude(file)
	}
	in.s.depend(in.page, file)
	_, body, offset := frontmatter.Split(src)
	if in.srcs == nil {
		in.srcs = map[string]included{}
	}
	in.srcs[file] = included{src: src, offset: offset}
	return file, body, nil
}

// pos returns the position of a problem at offset off of the body of the
// included file.
func (in *includes) pos(file string, off int) diag.Pos {
	inc := in.srcs[file]
	return diag.At(in.s.b.SourcePath(file), inc.src, inc.offset+off)
}

// loadVars reads the space variables of .gitbook/vars.yaml, if any.
func (s *builder) loadVars() {
	s.vars = map[string]any{}
	name := s.b.SourcePath(varsFile)
	src, err := fs.ReadFile(s.fsys, name)
	if err != nil {
		return
	}
	if err := yaml.Unmarshal(src, &s.vars); err != nil {
		s.addDiags(diag.Warnf(diag.Pos{File: name, Line: 1}, "%s: %v", varsFile, err).
			WithHint("write one \"name: value\" per line"))
		s.vars = map[string]any{}
	}
	if s.vars == nil {
		s.vars = map[string]any{}
	}
}
