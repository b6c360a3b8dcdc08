package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/pdftest"
)

// answer is one response of a crawl, read in full.
type answer struct {
	method, url string
	status      int
	header      http.Header
	body        []byte
	text        string // the body, or a PDF's extracted text
}

// crawler fetches every URL of one server that it can reach from the
// ones it is given, through one client, and hands each answer to check.
// It does not follow redirects: it queues where they lead instead.
type crawler struct {
	t      *testing.T
	base   *url.URL
	client *http.Client
	header http.Header // sent with every request
	check  func(a *answer)
	// skip, if set, says which URLs to leave unfetched (they are still
	// recorded in found).
	skip  func(u *url.URL) bool
	seen  map[string]bool
	found []string // every URL seen, in order
	queue []string
	// fetched counts the requests made.
	fetched int
	// limit is the most requests a crawl makes.
	limit int
}

// newCrawler returns a crawler of the server at base through client.
func newCrawler(t *testing.T, base string, client *http.Client, check func(a *answer)) *crawler {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", base, err)
	}
	if client.CheckRedirect == nil {
		c := *client
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		client = &c
	}
	return &crawler{t: t, base: u, client: client, check: check, seen: map[string]bool{}, limit: 3000}
}

// add queues the URLs (absolute, or relative to the server's root) that
// were not seen yet.
func (c *crawler) add(refs ...string) {
	for _, ref := range refs {
		u, ok := c.resolve(c.base, ref)
		if ok {
			c.enqueue(u)
		}
	}
}

// enqueue queues u unless it was seen.
func (c *crawler) enqueue(u *url.URL) {
	s := u.String()
	if c.seen[s] {
		return
	}
	c.seen[s] = true
	c.found = append(c.found, s)
	if c.skip != nil && c.skip(u) {
		return
	}
	c.queue = append(c.queue, s)
}

// resolve returns ref, as read in a response from from, when it is a URL
// of the server being crawled, without its fragment.
func (c *crawler) resolve(from *url.URL, ref string) (*url.URL, bool) {
	ref = strings.TrimSpace(html.UnescapeString(ref))
	if ref == "" || strings.HasPrefix(ref, "#") || strings.ContainsAny(ref, " <>{}\\`'\"") {
		return nil, false
	}
	r, err := url.Parse(ref)
	if err != nil {
		return nil, false
	}
	u := from.ResolveReference(r)
	if u.Scheme != c.base.Scheme || u.Host != c.base.Host {
		return nil, false
	}
	u.Fragment, u.RawFragment = "", ""
	return u, true
}

// run fetches the queue until it is empty, queueing the links of every
// answer.
func (c *crawler) run() {
	c.t.Helper()
	for len(c.queue) > 0 {
		if c.fetched >= c.limit {
			c.t.Fatalf("the crawl passed %d requests: the site links without end: %v", c.limit, c.found[len(c.found)-20:])
		}
		u := c.queue[0]
		c.queue = c.queue[1:]
		a := c.do(http.MethodGet, u, nil, nil)
		from, _ := url.Parse(u)
		if loc := a.header.Get("Location"); loc != "" {
			if to, ok := c.resolve(from, loc); ok {
				c.enqueue(to)
			}
		}
		for _, ref := range links(a) {
			if to, ok := c.resolve(from, ref); ok {
				c.enqueue(to)
			}
		}
	}
}

// do makes one request (ref relative to the server's root, or absolute)
// with the crawler's headers and hdr, and checks the answer.
func (c *crawler) do(method, ref string, body []byte, hdr http.Header) *answer {
	c.t.Helper()
	u, err := c.base.Parse(ref)
	if err != nil {
		c.t.Fatalf("parse %s: %v", ref, err)
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	// An endless answer, such as an event stream, fails the crawl
	// rather than holding it up.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		c.t.Fatalf("request %s: %v", u, err)
	}
	for _, h := range []http.Header{c.header, hdr} {
		for k, vs := range h {
			req.Header[k] = vs
		}
	}
	resp, err := c.client.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, u, err)
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		c.t.Fatalf("%s %s: read the body: %v", method, u, err)
	}
	c.fetched++
	a := &answer{method: method, url: u.String(), status: resp.StatusCode, header: resp.Header, body: data, text: string(data)}
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		a.text = pdfText(c.t, data)
	}
	if c.check != nil {
		c.check(a)
	}
	return a
}

// pdfText returns the text of every page of a PDF, without white space.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "answer.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	d := pdftest.Open(t, file)
	var text strings.Builder
	for n := 1; n <= d.NumPages(); n++ {
		text.WriteString(d.Text(n))
	}
	return text.String()
}

var (
	// attrRef is an HTML attribute's value, any attribute: href, src,
	// content, data-nav, data-index, ...
	attrRef = regexp.MustCompile(`(?i)\s([a-z][a-z0-9:-]*)\s*=\s*["']([^"']*)["']`)
	// cssRef is a url() of CSS.
	cssRef = regexp.MustCompile(`url\(\s*["']?([^"')\s]+)`)
	// quotedPath is a quoted local path in a script or style sheet.
	quotedPath = regexp.MustCompile(`["'](/[^"'\s]*)["']`)
	// mdRef is the target of a Markdown link or image.
	mdRef = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)`)
	// bareURL is an absolute URL in text.
	bareURL = regexp.MustCompile(`https?://[^\s<>"'()\]]+`)
	// xmlLoc is a sitemap's <loc>.
	xmlLoc = regexp.MustCompile(`<loc>([^<]+)</loc>`)
)

// links returns every reference an answer holds to another URL: any
// attribute value of HTML, url() and quoted paths of CSS and scripts,
// Markdown links, the string values of JSON that look like paths, and
// absolute URLs anywhere in text.
func links(a *answer) []string {
	if bytes.HasPrefix(a.body, []byte("%PDF-")) {
		return nil
	}
	ct := a.header.Get("Content-Type")
	text := a.text
	var refs []string
	add := func(re *regexp.Regexp, s string) {
		for _, m := range re.FindAllStringSubmatch(s, -1) {
			ref := m[len(m)-1]
			if re == attrRef && !isAbsRef(ref) && !strings.EqualFold(m[1], "href") && !strings.EqualFold(m[1], "src") {
				continue // type="application/pdf" is no link
			}
			refs = append(refs, ref)
		}
	}
	switch {
	case strings.Contains(ct, "json"):
		var v any
		if json.Unmarshal(a.body, &v) == nil {
			jsonStrings(v, func(s string) {
				if strings.HasPrefix(s, "/") || strings.HasPrefix(s, "http") || strings.HasSuffix(s, ".json") {
					refs = append(refs, s)
				}
			})
		}
	case strings.Contains(ct, "html"), strings.Contains(ct, "xml"), strings.Contains(ct, "svg"):
		unescaped := html.UnescapeString(text) // feeds hold HTML escaped once more
		add(attrRef, text)
		add(attrRef, unescaped)
		add(xmlLoc, text)
		add(cssRef, text)
		add(bareURL, unescaped)
	case strings.Contains(ct, "css"), strings.Contains(ct, "javascript"):
		add(cssRef, text)
		add(quotedPath, text)
	default:
		add(mdRef, text)
		add(bareURL, text)
		add(attrRef, text)
	}
	var out []string
	for _, r := range refs {
		if r == "" || strings.HasPrefix(r, "data:") || strings.HasPrefix(r, "mailto:") || strings.HasPrefix(r, "javascript:") {
			continue
		}
		// Attribute values that are words, not URLs ("button",
		// "hb-title") would only make 404s; keep what looks like a path.
		if !strings.ContainsAny(r, "/.") {
			continue
		}
		out = append(out, r)
	}
	return out
}

// isAbsRef reports whether ref is an absolute URL or path.
func isAbsRef(ref string) bool {
	return strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://")
}

// jsonStrings calls f with every string value in v.
func jsonStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, e := range v {
			jsonStrings(e, f)
		}
	case map[string]any:
		for _, e := range v {
			jsonStrings(e, f)
		}
	}
}

// mentions reports where an answer holds s, ignoring case: in its body,
// a PDF's text, or a header.
func mentions(a *answer, s string) []string {
	s = strings.ToLower(s)
	var where []string
	if strings.Contains(strings.ToLower(string(a.body)), s) {
		where = append(where, "body")
	}
	if a.text != string(a.body) && strings.Contains(strings.ToLower(a.text), s) {
		where = append(where, "PDF text")
	}
	for k, vs := range a.header {
		for _, v := range vs {
			if strings.Contains(strings.ToLower(v), s) {
				where = append(where, "header "+k)
			}
		}
	}
	return where
}

// gitInit makes dir a git repository with one commit of everything in it.
func gitInit(t *testing.T, dir string) {
	t.Helper()
	git(t, dir, "init", "-q", "-b", "main")
	gitCommitAll(t, dir, "content")
}

// gitCommitAll commits every change in the repository dir with message msg.
func gitCommitAll(t *testing.T, dir, msg string) {
	t.Helper()
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", msg)
}

// git runs git in dir as a fixed author.
func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}
