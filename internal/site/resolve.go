package site

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
)

// resolver resolves the links and images of one page.
type resolver struct {
	s    *builder
	page *book.Page
}

// Link resolves a link destination.
func (r resolver) Link(dest string) (string, error) { return r.s.resolve(r.page, dest, false) }

// Image resolves an image source.
func (r resolver) Image(dest string) (string, error) { return r.s.resolve(r.page, dest, true) }

func isExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	i := strings.IndexByte(dest, ':')
	if i <= 0 {
		return false
	}
	for _, c := range dest[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// resolve maps a destination written in page p to a URL. Page files become
// page URLs (fragment kept), folders their README's page, other files are
// published under _assets/ or _files/ and linked there.
func (s *builder) resolve(p *book.Page, dest string, image bool) (string, error) {
	if dest == "" || strings.HasPrefix(dest, "#") {
		return dest, nil
	}
	if isExternal(dest) {
		return s.ownURL(dest), nil
	}
	raw, frag := splitDest(dest)
	b := s.b
	file, ok := book.ResolvePath(p.File, raw)
	if !ok || !b.HasFile(file) {
		// GitBook finds an upload by its name, so a path to
		// .gitbook/assets/ with the wrong number of "../" still shows the
		// file there. Do the same, and tell the author.
		if asset, found := s.assetByName(raw); found {
			return s.fileURL(asset), hintError{
				msg:  fmt.Sprintf("%q is found only by its name, as %q", dest, asset),
				hint: "fix the path: it is relative to the page's folder",
			}
		}
	}
	if !ok {
		code := diag.BrokenLink
		if image {
			code = diag.MissingImage
		}
		return "", codedError(code, "%q points outside the repository", dest)
	}
	if !image {
		if pg := s.pageFor(file, raw); pg != nil {
			return s.href(pg.URL) + frag, nil
		}
		if u, ok := s.privateFor(file, raw); ok {
			return s.href(u) + frag, nil
		}
		if strings.HasSuffix(strings.ToLower(file), ".md") && b.HasFile(file) {
			return "", codedError(diag.BrokenLink, "link target %q is not in the table of contents", dest)
		}
	}
	if b.HasFile(file) {
		return s.fileURL(file), nil
	}
	if image {
		return "", codedError(diag.MissingImage, "image %q does not exist", dest)
	}
	return "", codedError(diag.BrokenLink, "link target %q does not exist", dest)
}

// splitDest splits a destination written in a page into its path, with
// the query dropped and percent-encoding undone, and its fragment, with
// its "#" ("" when there is none).
func splitDest(dest string) (raw, frag string) {
	raw, frag, hasFrag := strings.Cut(dest, "#")
	raw, _, _ = strings.Cut(raw, "?")
	if hasFrag {
		frag = "#" + frag
	}
	if dec, err := url.PathUnescape(raw); err == nil {
		raw = dec
	}
	return raw, frag
}

// repoFile finds the content-relative file that the path raw, written as
// dest in page p, names: the path itself or, as GitBook does, an upload
// under .gitbook/assets/ found by its name. In that last case warn tells
// the author; err is set when there is no such file.
func (s *builder) repoFile(p *book.Page, dest, raw string) (file string, warn, err error) {
	file, ok := book.ResolvePath(p.File, raw)
	if ok && s.b.HasFile(file) {
		return file, nil, nil
	}
	if asset, found := s.assetByName(raw); found {
		return asset, hintError{
			msg:  fmt.Sprintf("%q is found only by its name, as %q", dest, asset),
			hint: "fix the path: it is relative to the page's folder",
		}, nil
	}
	if !ok {
		return "", nil, codedError(diag.MissingFile, "%q points outside the repository", dest)
	}
	return "", nil, hintError{msg: fmt.Sprintf("file %q does not exist", dest), hint: "the path is relative to the page's folder", code: diag.MissingFile}
}

// ownURL rewrites an absolute link to this handbook's own published site
// (base_url) into a link within the build, so that it works in previews
// and under "handbook serve", and stays in the version being built;
// other URLs are returned as they are.
func (s *builder) ownURL(dest string) string {
	if s.abs == "" {
		return dest
	}
	u, err := url.Parse(dest)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, s.host) {
		return dest
	}
	// A link to the site's root is a link to the default version: the
	// page is taken from the version being built, to stay in it.
	p, ok := strings.CutPrefix(u.Path+"/", s.base)
	if !ok {
		if p, ok = strings.CutPrefix(u.Path+"/", s.rootBase); !ok {
			return dest
		}
	}
	p = "/" + strings.TrimSuffix(p, "/")
	frag := ""
	if u.Fragment != "" {
		frag = "#" + u.EscapedFragment()
	}
	if pg := s.b.PageByURL(p); pg != nil {
		return s.href(pg.URL) + frag
	}
	return dest
}

// hintError is a resolver error with a hint for the author and the kind
// of problem it is (a code of internal/diag).
type hintError struct{ msg, hint, code string }

func (e hintError) Error() string { return e.msg }

// Hint says what to do about the error.
func (e hintError) Hint() string { return e.hint }

// Code says what kind of problem the error is.
func (e hintError) Code() string { return e.code }

// codedError makes a resolver error of the given code.
func codedError(code, format string, args ...any) error {
	return hintError{msg: fmt.Sprintf(format, args...), code: code}
}

// assetByName finds ".gitbook/assets/NAME" for a path that names NAME
// under any .gitbook/assets/ folder.
func (s *builder) assetByName(raw string) (string, bool) {
	const dir = ".gitbook/assets/"
	i := strings.LastIndex(raw, dir)
	if i < 0 {
		return "", false
	}
	asset := dir + raw[i+len(dir):]
	return asset, s.b.HasFile(asset)
}

// pageFor finds the page a file link means: the file itself, a folder's
// README, or the file with ".md" added.
func (s *builder) pageFor(file, raw string) *book.Page {
	b := s.b
	if pg := b.PageByFile(file); pg != nil {
		return pg
	}
	if b.HasDir(file) || strings.HasSuffix(raw, "/") {
		if pg := b.PageByFile(path.Join(file, "README.md")); pg != nil {
			return pg
		}
	}
	if !b.HasFile(file) {
		return b.PageByFile(file + ".md")
	}
	return nil
}

// privateFor finds the URL of a private page left out of the book that
// a file link means, as pageFor finds pages.
func (s *builder) privateFor(file, raw string) (string, bool) {
	b := s.b
	if u, ok := b.PrivateURL(file); ok {
		return u, true
	}
	if b.HasDir(file) || strings.HasSuffix(raw, "/") {
		if u, ok := b.PrivateURL(path.Join(file, "README.md")); ok {
			return u, true
		}
	}
	return b.PrivateURL(file + ".md")
}

// fileURL publishes a content file and returns its URL. GitBook's uploads
// (.gitbook/assets/) go under _assets/, other files under _files/.
func (s *builder) fileURL(file string) string {
	out := "_files/" + file
	if rest, ok := strings.CutPrefix(file, ".gitbook/assets/"); ok {
		out = "_assets/" + rest
	}
	s.files.Store(out, file)
	return s.href("/" + out)
}
