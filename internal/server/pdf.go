package server

import (
	"context"
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// PDFPrefix is the URL path under which the server makes PDFs: PDFPrefix
// + "/" is the whole handbook, PDFPrefix + a page's path that page.
const PDFPrefix = "/_pdf"

// PDFs makes the PDF of the page at a URL path ("" for the whole
// handbook), with the pages below it when section is set. It returns the
// PDF's file, a file name for the reader and a tag that changes with its
// content. An unknown page is an error matching fs.ErrNotExist.
type PDFs func(ctx context.Context, page string, section bool) (file, name, tag string, err error)

// servePDF answers GET /_pdf/... with a PDF, made on demand.
func (s *Server) servePDF(w http.ResponseWriter, r *http.Request) {
	if s.pdfs == nil {
		http.Error(w, "PDF export is off on this server", http.StatusNotFound)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	page := strings.TrimPrefix(r.URL.Path, PDFPrefix)
	if q := r.URL.Query().Get("page"); q != "" && (page == "" || page == "/") {
		page = q
	}
	if page != "" && page != "/" || r.URL.Query().Has("page") {
		page = path.Clean("/" + page)
	} else {
		page = ""
	}
	start := time.Now()
	file, name, tag, err := s.pdfs(r.Context(), page, r.URL.Query().Has("section"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		http.Error(w, "no such page: "+page, http.StatusNotFound)
		return
	case err != nil && r.Context().Err() != nil:
		return // the reader left
	case err != nil:
		s.log.Error("make PDF", "page", page, "err", err)
		http.Error(w, "the PDF could not be made; the server's log says why", http.StatusInternalServerError)
		return
	}
	f, err := os.Open(file)
	if err != nil {
		s.log.Error("open PDF", "file", file, "err", err)
		http.Error(w, "the PDF could not be read", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, "the PDF could not be read", http.StatusInternalServerError)
		return
	}
	s.log.Debug("PDF", "page", page, "took", time.Since(start).Round(time.Millisecond))
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Robots-Tag", "noindex")
	if tag != "" {
		h.Set("ETag", `"`+tag+`"`)
	}
	http.ServeContent(w, r, name, fi.ModTime(), f)
}
