package server

import (
	"net/http"
	"strings"
)

// Audiences serves the readers who may see private pages from one
// server, built with them, and everyone else from another, built
// without: for anyone else, private pages do not exist. signedIn tells
// the two apart.
//
// Every answer varies with the cookie and the Authorization header,
// and the answers of the private server are never kept by shared caches.
func Audiences(public, private http.Handler, signedIn func(*http.Request) bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if signedIn(r) {
			private.ServeHTTP(&audienceWriter{ResponseWriter: w, private: true}, r)
			return
		}
		public.ServeHTTP(&audienceWriter{ResponseWriter: w}, r)
	})
}

// audienceWriter says that a response varies with who asks and, for
// the private server, turns any Cache-Control into one that only the
// reader's own browser may keep.
type audienceWriter struct {
	http.ResponseWriter
	private bool
	wrote   bool
}

func (p *audienceWriter) WriteHeader(code int) {
	if !p.wrote {
		p.wrote = true
		h := p.Header()
		h.Add("Vary", "Cookie")
		h.Add("Vary", "Authorization")
		cc := h.Get("Cache-Control")
		switch {
		case !p.private:
		case cc == "":
			h.Set("Cache-Control", "private, no-cache")
		case strings.Contains(cc, "public"):
			h.Set("Cache-Control", strings.ReplaceAll(cc, "public", "private"))
		case !strings.Contains(cc, "private") && !strings.Contains(cc, "no-store"):
			h.Set("Cache-Control", "private, "+cc)
		}
	}
	p.ResponseWriter.WriteHeader(code)
}

func (p *audienceWriter) Write(b []byte) (int, error) {
	if !p.wrote {
		p.WriteHeader(http.StatusOK)
	}
	return p.ResponseWriter.Write(b)
}

// Flush lets event streams through.
func (p *audienceWriter) Flush() {
	if f, ok := p.ResponseWriter.(http.Flusher); ok {
		if !p.wrote {
			p.WriteHeader(http.StatusOK)
		}
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the writer below.
func (p *audienceWriter) Unwrap() http.ResponseWriter { return p.ResponseWriter }
