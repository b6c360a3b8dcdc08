package server

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/handbookhq/handbook/internal/llms"
)

// Agents read a handbook as Markdown: every page has a twin at its URL +
// ".md", which the server also gives for the page URL itself when the
// request prefers text/markdown. An unknown ".md" path is answered with
// status 200 and a short Markdown page naming the closest pages, because
// agents drop the body of a 404.

// markdownType is the media type of twins and of llms.txt.
const markdownType = "text/markdown; charset=utf-8"

// closestPages is how many pages a "Page Not Found" answer suggests.
const closestPages = 5

// textFile reports the media type to give a machine-readable file by its
// name, or "" to let the file server decide.
func textFile(name string) string {
	switch {
	case strings.HasSuffix(name, ".md"):
		return markdownType
	case strings.HasPrefix(name, "llms") && strings.HasSuffix(name, ".txt"):
		return "text/plain; charset=utf-8"
	}
	return ""
}

// twinFor returns the output file of the Markdown twin of the page whose
// HTML is at the output path html ("a/b/index.html", or "index.html" for
// the first page).
func twinFor(html string) string {
	dir, ok := strings.CutSuffix(html, "/index.html")
	if !ok {
		return "index.md"
	}
	return dir + ".md"
}

// fullBatch maps GitBook's address of an llms-full file, "/llms-full.txt/N"
// (N counted from 0), to the file's name here; ok is false for other paths.
func fullBatch(rel string) (string, bool) {
	n, ok := strings.CutPrefix(rel, "llms-full.txt/")
	if !ok {
		return "", false
	}
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || strconv.Itoa(i) != n {
		return "", false
	}
	return llms.FullName(i), true
}

// aliases are other names agents ask for, answered with a file of the
// site, as GitBook does.
var aliases = map[string]string{
	"sitemap.md":             "llms.txt",
	".well-known/sitemap.md": "llms.txt",
	".well-known/llms.txt":   "llms.txt",
}

// prefersMarkdown reports whether an Accept header ranks text/markdown
// above text/html: by quality, then, at equal quality, by which is named
// first. Wildcards give their quality to what they match.
func prefersMarkdown(accept string) bool {
	if accept == "" || !strings.Contains(accept, "markdown") {
		return false
	}
	md, html := -1.0, -1.0 // quality; -1 when not named
	mdAt, htmlAt := 0, 0   // position; explicit names beat wildcards
	wildText, wildAll := -1.0, -1.0
	for i, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		switch mt {
		case "text/markdown", "text/x-markdown":
			if q > md {
				md, mdAt = q, i
			}
		case "text/html":
			if q > html {
				html, htmlAt = q, i
			}
		case "text/*":
			wildText = max(wildText, q)
		case "*/*":
			wildAll = max(wildAll, q)
		}
	}
	if md < 0 || md == 0 {
		return false
	}
	if html < 0 {
		html, htmlAt = max(wildText, wildAll, 0), len(accept)
	}
	return md > html || md == html && mdAt < htmlAt
}

// serveMarkdown answers a request for a ".md" path that is not a file of
// the site: the first page's other names, or "Page Not Found".
func (s *Server) serveMarkdown(w http.ResponseWriter, r *http.Request, site *Site, rel string) {
	var buf bytes.Buffer
	_ = llms.WriteNotFound(&buf, "/"+rel, llms.Closest(site.Pages, "/"+rel, closestPages), "/llms.txt")
	w.Header().Set("Content-Type", markdownType)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}
