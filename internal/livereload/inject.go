package livereload

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// scriptTag is what Inject adds to HTML pages.
const scriptTag = `<script src="` + clientPath + `" defer></script>`

// Wrap serves the Hub under Prefix and everything else with next, adding
// the live reload script to its HTML pages (see Inject).
func (h *Hub) Wrap(next http.Handler) http.Handler {
	inject := Inject(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == Prefix || strings.HasPrefix(r.URL.Path, Prefix+"/") {
			h.ServeHTTP(w, r)
			return
		}
		inject.ServeHTTP(w, r)
	})
}

// Inject adds the live reload script tag to the HTML pages that next
// serves: before "</head>", else before "</body>", else at the end, and
// fixes Content-Length. It buffers those pages; every other response
// (not text/html, compressed, HEAD, Range, 1xx, 204, 206, 304) streams
// through untouched. Serve the script itself with a Hub (see Hub.Wrap).
func Inject(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead || r.Header.Get("Range") != "" {
			next.ServeHTTP(w, r)
			return
		}
		iw := &injector{w: w}
		next.ServeHTTP(iw, r)
		iw.finish()
	})
}

// injector is a ResponseWriter that holds back HTML bodies to add the tag.
type injector struct {
	w           http.ResponseWriter
	code        int
	wroteHeader bool // the handler called WriteHeader (or Write)
	decided     bool // whether to buffer is known
	buffer      bool
	buf         bytes.Buffer
}

// Header returns the response's header.
func (i *injector) Header() http.Header { return i.w.Header() }

// WriteHeader records the status; the decision to buffer waits for the
// first Write when the handler did not set Content-Type.
func (i *injector) WriteHeader(code int) {
	if i.wroteHeader {
		return
	}
	if code < 200 {
		i.w.WriteHeader(code) // informational: the real status follows
		return
	}
	i.code = code
	i.wroteHeader = true
	if i.w.Header().Get("Content-Type") != "" || !bodyAllowed(code) {
		i.decide(nil)
	}
}

// Write buffers an HTML body, or passes anything else through.
func (i *injector) Write(p []byte) (int, error) {
	if !i.wroteHeader {
		i.WriteHeader(http.StatusOK)
	}
	if !i.decided {
		i.decide(p)
	}
	if i.buffer {
		return i.buf.Write(p)
	}
	return i.w.Write(p)
}

// Flush sends what was written so far, unless the body is held back.
func (i *injector) Flush() {
	_ = i.FlushError()
}

// FlushError is Flush for http.ResponseController.
func (i *injector) FlushError() error {
	if !i.wroteHeader {
		return nil // nothing to send yet
	}
	if !i.decided {
		i.decide(nil)
	}
	if i.buffer {
		return nil
	}
	return http.NewResponseController(i.w).Flush()
}

// Unwrap gives http.ResponseController the underlying ResponseWriter.
func (i *injector) Unwrap() http.ResponseWriter { return i.w }

// decide chooses between buffering and passing through, sniffing the first
// bytes written when the handler set no Content-Type (as net/http does).
func (i *injector) decide(first []byte) {
	i.decided = true
	hd := i.w.Header()
	ct := hd.Get("Content-Type")
	if ct == "" && len(first) > 0 {
		ct = http.DetectContentType(first)
		hd.Set("Content-Type", ct)
	}
	if bodyAllowed(i.code) && isHTML(ct) && hd.Get("Content-Encoding") == "" && hd.Get("Content-Range") == "" {
		i.buffer = true
		hd.Del("Content-Length")
		return
	}
	i.w.WriteHeader(i.code)
}

// finish sends a held-back body with the tag added.
func (i *injector) finish() {
	if !i.wroteHeader {
		return // nothing written: net/http sends an empty 200
	}
	if !i.decided {
		i.decide(nil)
	}
	if !i.buffer {
		return
	}
	body := addTag(i.buf.Bytes())
	i.w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	i.w.WriteHeader(i.code)
	_, _ = i.w.Write(body) // the browser went away; nothing to do
}

// addTag inserts the script tag before "</head>", else before the last
// "</body>", else at the end; a page that has it already is left alone.
func addTag(page []byte) []byte {
	if bytes.Contains(page, []byte(scriptTag)) {
		return page
	}
	at := indexFold(page, "</head>", false)
	if at < 0 {
		at = indexFold(page, "</body>", true)
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(scriptTag))
	out = append(out, page[:at]...)
	out = append(out, scriptTag...)
	return append(out, page[at:]...)
}

// indexFold finds the first (or last) ASCII case-insensitive occurrence of
// the lower-case tag in page, or -1.
func indexFold(page []byte, tag string, last bool) int {
	found := -1
	for i := 0; i+len(tag) <= len(page); i++ {
		if page[i] != '<' {
			j := bytes.IndexByte(page[i:], '<')
			if j < 0 {
				break
			}
			i += j
			if i+len(tag) > len(page) {
				break
			}
		}
		if bytes.EqualFold(page[i:i+len(tag)], []byte(tag)) {
			found = i
			if !last {
				return found
			}
		}
	}
	return found
}

// bodyAllowed reports whether a response with this status has a body that
// may be changed: not 204, 206 or 304.
func bodyAllowed(code int) bool {
	return code != http.StatusNoContent && code != http.StatusPartialContent && code != http.StatusNotModified
}

// isHTML reports whether a Content-Type is HTML.
func isHTML(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == "text/html"
}

// Interface guards
var (
	_ http.ResponseWriter = (*injector)(nil)
	_ http.Flusher        = (*injector)(nil)
)
