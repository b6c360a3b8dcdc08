package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
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
	raw, frag, _ := strings.Cut(dest, "#")
	if isExternal(dest) || raw == "" {
		return markdown.PageRef{}, fmt.Errorf("%q is not a page of this handbook", dest)
	}
	raw, _, _ = strings.Cut(raw, "?")
	if dec, err := url.PathUnescape(raw); err == nil {
		raw = dec
	}
	file, ok := book.ResolvePath(r.page.File, raw)
	if !ok {
		return markdown.PageRef{}, fmt.Errorf("%q points outside the repository", dest)
	}
	pg := r.s.pageFor(file, raw)
	if pg == nil {
		_, err := r.s.resolve(r.page, dest, false)
		if err == nil {
			err = fmt.Errorf("%q is not a page of this handbook", dest)
		}
		return markdown.PageRef{}, err
	}
	ref := markdown.PageRef{URL: r.s.href(pg.URL), Title: pg.LinkTitle, Description: pg.FrontMatter.Description, Anchor: frag}
	if frag != "" {
		ref.URL += "#" + frag
	}
	return ref, nil
}

// File resolves a file link for a download card.
func (r resolver) File(dest string) (markdown.FileRef, error) {
	u, err := r.s.resolve(r.page, dest, false)
	if u == "" {
		return markdown.FileRef{}, err
	}
	raw, _, _ := strings.Cut(dest, "#")
	raw, _, _ = strings.Cut(raw, "?")
	if dec, err := url.PathUnescape(raw); err == nil {
		raw = dec
	}
	ref := markdown.FileRef{URL: u, Name: path.Base(raw), Size: -1}
	if isExternal(dest) {
		return ref, err
	}
	file, ok := book.ResolvePath(r.page.File, raw)
	if !ok || !r.s.b.HasFile(file) {
		file, _ = r.s.assetByName(raw)
	}
	if fi, serr := fs.Stat(r.s.fsys, r.s.b.SourcePath(file)); serr == nil {
		ref.Size = fi.Size()
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
// OpenAPI spec of an openapi block. Each file is read once per build.
func (r resolver) ReadFile(dest string) ([]byte, error) {
	if isExternal(dest) {
		return nil, fmt.Errorf("%q is not a file of the repository", dest)
	}
	raw, _, _ := strings.Cut(dest, "#")
	raw, _, _ = strings.Cut(raw, "?")
	if dec, err := url.PathUnescape(raw); err == nil {
		raw = dec
	}
	file, ok := book.ResolvePath(r.page.File, raw)
	if !ok {
		return nil, fmt.Errorf("%q points outside the repository", dest)
	}
	var found error
	if !r.s.b.HasFile(file) {
		asset, ok := r.s.assetByName(raw)
		if !ok {
			return nil, hintError{msg: fmt.Sprintf("file %q does not exist", dest), hint: "the path is relative to the page's folder"}
		}
		file, found = asset, hintError{
			msg:  fmt.Sprintf("%q is found only by its name, as %q", dest, asset),
			hint: "fix the path: it is relative to the page's folder",
		}
	}
	v, _ := r.s.reads.LoadOrStore(file, &fileRead{})
	fr := v.(*fileRead)
	fr.once.Do(func() { fr.data, fr.err = r.s.readSmall(file) })
	if fr.err != nil {
		return nil, fmt.Errorf("read %q: %w", dest, fr.err)
	}
	return fr.data, found
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
// file's source so problems in it can be positioned.
type includes struct {
	s    *builder
	page *book.Page
	mu   sync.Mutex
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
		return "", nil, errors.New("reusable content " + fmt.Sprintf("%q", p) + " lives in GitBook, not in the repository")
	}
	file, ok := book.ResolvePath(from, p)
	if !ok {
		return "", nil, fmt.Errorf("included file %q points outside the repository", p)
	}
	if !in.s.b.HasFile(file) {
		return "", nil, fmt.Errorf("included file %q does not exist", p)
	}
	src, err := fs.ReadFile(in.s.fsys, in.s.b.SourcePath(file))
	if err != nil {
		return "", nil, fmt.Errorf("read included file %q: %w", p, err)
	}
	_, body, offset := frontmatter.Split(src)
	in.mu.Lock()
	if in.srcs == nil {
		in.srcs = map[string]included{}
	}
	in.srcs[file] = included{src: src, offset: offset}
	in.mu.Unlock()
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
