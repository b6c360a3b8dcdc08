package site

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/handbookhq/handbook/internal/markdown"
)

// fullResolver is what a page's resolvers answer.
type fullResolver interface {
	markdown.Resolver
	markdown.PageResolver
	markdown.FileResolver
	markdown.FileReader
	markdown.ScopeResolver
	markdown.UseRecorder
	markdown.AltChecker
}

// recorder keeps the questions pages ask and their answers.
type recorder struct {
	s     *builder
	calls *[]memoCall
}

// with is a resolver that answers with inner and records.
func (r *recorder) with(inner fullResolver, twin bool) recording {
	return recording{r: r, inner: inner, twin: twin}
}

// recording is a resolver that records each answer, with the build's
// URL prefix replaced by its stand-in, and answers with the stand-in.
type recording struct {
	r     *recorder
	inner fullResolver
	twin  bool
}

func (c recording) add(kind, dest, out string, err error) {
	*c.r.calls = append(*c.r.calls, memoCall{twin: c.twin, kind: kind, dest: dest, out: out, err: errText(err)})
}

// Link implements markdown.Resolver.
func (c recording) Link(dest string) (string, error) {
	u, err := c.inner.Link(dest)
	u = c.stand(dest, u)
	c.add("link", dest, u, err)
	return u, err
}

// Image implements markdown.Resolver.
func (c recording) Image(dest string) (string, error) {
	u, err := c.inner.Image(dest)
	u = c.stand(dest, u)
	c.add("image", dest, u, err)
	return u, err
}

// stand puts the stand-in for the build's URL prefix in an answer made
// for dest. A URL to another site, answered as written, is the same in
// every build, whatever it starts with.
func (c recording) stand(dest, u string) string {
	if u == dest && isExternal(dest) {
		return u
	}
	return c.r.s.stand(u)
}

// Page implements markdown.PageResolver.
func (c recording) Page(dest string) (markdown.PageRef, error) {
	ref, err := c.inner.Page(dest)
	ref.URL = c.r.s.stand(ref.URL)
	c.add("page", dest, fmt.Sprintf("%q %q %q %q", ref.URL, ref.Title, ref.Description, ref.Anchor), err)
	return ref, err
}

// File implements markdown.FileResolver.
func (c recording) File(dest string) (markdown.FileRef, error) {
	ref, err := c.inner.File(dest)
	ref.URL = c.r.s.stand(ref.URL)
	c.add("file", dest, fmt.Sprintf("%q %q %d", ref.URL, ref.Name, ref.Size), err)
	return ref, err
}

// ReadFile implements markdown.FileReader.
func (c recording) ReadFile(dest string) ([]byte, error) {
	data, err := c.inner.ReadFile(dest)
	c.add("read", dest, sum(data), err)
	return data, err
}

// Scope implements markdown.ScopeResolver.
func (c recording) Scope() map[string]any {
	v := c.inner.Scope()
	c.add("scope", "", fmt.Sprint(v), nil)
	return v
}

// Use implements markdown.UseRecorder.
func (c recording) Use(u markdown.Use) {
	c.inner.Use(u)
	*c.r.calls = append(*c.r.calls, memoCall{twin: c.twin, kind: "use", use: u, out: u.Dest + "\x00" + u.File + "\x00" + strconv.Itoa(u.Offset) + "\x00" + strconv.FormatBool(u.Image)})
}

// CheckAlt implements markdown.AltChecker.
func (c recording) CheckAlt() bool {
	v := c.inner.CheckAlt()
	c.add("alt", "", strconv.FormatBool(v), nil)
	return v
}

// ask asks the question of call c again, recording the answer.
func (c recording) ask(call memoCall) {
	switch call.kind {
	case "link":
		_, _ = c.Link(call.dest)
	case "image":
		_, _ = c.Image(call.dest)
	case "page":
		_, _ = c.Page(call.dest)
	case "file":
		_, _ = c.File(call.dest)
	case "read":
		_, _ = c.ReadFile(call.dest)
	case "scope":
		c.Scope()
	case "use":
		c.Use(call.use)
	case "alt":
		c.CheckAlt()
	default:
		c.add(call.kind, call.dest, "", errors.New("unknown question"))
	}
}
