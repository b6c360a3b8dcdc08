package pdfexport

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/site"
)

// The default limits of a cache: the PDFs kept, by count and by total
// size. The least recently used go first.
const (
	DefaultMaxFiles = 64
	DefaultMaxBytes = 1 << 30
)

// Cache makes PDFs of a handbook on demand for a server and keeps them in
// a folder, named by the hash of their print view: a PDF is made again
// only when what it shows has changed. Requests for the same PDF while it
// is being made wait for that one run; runs for different PDFs share a
// small number of browsers.
type Cache struct {
	// MaxFiles and MaxBytes limit what the cache keeps; NewCache sets
	// them to DefaultMaxFiles and DefaultMaxBytes.
	MaxFiles int
	MaxBytes int64

	dir   string
	opts  Options
	log   *slog.Logger
	book  atomic.Pointer[book.Book]
	runs  singleflight.Group
	slots chan struct{}
}

// NewCache returns a cache of PDFs of b in the folder dir, which it
// makes when it makes its first PDF, with a .gitignore, so that a cache
// inside a repository never shows in git.
func NewCache(dir string, b *book.Book, o Options, log *slog.Logger) (*Cache, error) {
	if dir == "" {
		return nil, fmt.Errorf("no folder for the PDF cache")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Cache{MaxFiles: DefaultMaxFiles, MaxBytes: DefaultMaxBytes, dir: dir, opts: o, log: log, slots: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))}
	c.book.Store(b)
	return c, nil
}

// SetBook replaces the handbook the cache prints.
func (c *Cache) SetBook(b *book.Book) { c.book.Store(b) }

// PDF is a PDF ready to send.
type PDF struct {
	File string // path of the file in the cache
	Name string // a file name for the reader: "handbook.pdf", "about.pdf"
	Hash string // the hash of its print view, for an ETag
}

// PDF returns the PDF of the page named page (a URL path; "" for the
// whole handbook), with the pages below it when section is set, making it
// when the cache does not have it. A page that does not exist gives an
// error wrapping site.ErrNoPage.
func (c *Cache) PDF(ctx context.Context, page string, section bool) (PDF, error) {
	var scope site.PrintScope
	switch {
	case page != "" && section:
		scope.Section = page
	case page != "":
		scope.Page = page
	}
	if l := c.opts.BookLock; l != nil {
		l.Lock()
	}
	b := c.book.Load()
	doc, err := site.Print(ctx, b, site.PrintOptions{Scope: scope, Version: c.opts.Version, SiteURL: c.opts.SiteURL})
	if l := c.opts.BookLock; l != nil {
		l.Unlock()
	}
	if err != nil {
		return PDF{}, err
	}
	hash, err := doc.Hash()
	if err != nil {
		return PDF{}, err
	}
	res := PDF{File: filepath.Join(c.dir, hash+".pdf"), Name: fileName(doc.Title), Hash: hash}
	if c.touch(res.File) {
		return res, nil
	}
	// The run goes on for other readers if this one leaves.
	ch := c.runs.DoChan(hash, func() (any, error) {
		if c.touch(res.File) {
			return nil, nil
		}
		if err := c.makeDir(); err != nil {
			return nil, err
		}
		c.slots <- struct{}{}
		defer func() { <-c.slots }()
		start := time.Now()
		r, err := WriteDoc(context.WithoutCancel(ctx), doc, res.File, c.opts)
		if err != nil {
			return nil, err
		}
		c.log.Info("made PDF", "title", doc.Title, "pages", r.PDF.Pages, "bytes", r.PDF.Bytes, "took", time.Since(start).Round(time.Millisecond))
		c.evict(res.File)
		return nil, nil
	})
	select {
	case <-ctx.Done():
		return PDF{}, ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return PDF{}, r.Err
		}
	}
	return res, nil
}

// makeDir makes the cache's folder and its .gitignore.
func (c *Cache) makeDir() error {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("make PDF cache folder: %w", err)
	}
	ignore := filepath.Join(c.dir, ".gitignore")
	if _, err := os.Stat(ignore); errors.Is(err, fs.ErrNotExist) {
		if err := os.WriteFile(ignore, []byte("# PDFs made by handbook serve: a cache\n*\n"), 0o644); err != nil {
			return fmt.Errorf("make PDF cache folder: %w", err)
		}
	}
	return nil
}

// touch reports whether the file is in the cache, marking it as used.
func (c *Cache) touch(file string) bool {
	now := time.Now()
	return os.Chtimes(file, now, now) == nil
}

// evict removes the least recently used PDFs beyond the cache's limits,
// and print folders left by a crash, keeping keep.
func (c *Cache) evict(keep string) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		c.log.Warn("read PDF cache", "err", err)
		return
	}
	type cached struct {
		path string
		size int64
		used time.Time
	}
	var files []cached
	for _, e := range entries {
		p := filepath.Join(c.dir, e.Name())
		info, err := e.Info()
		if err != nil {
			continue
		}
		if e.IsDir() && strings.HasPrefix(e.Name(), ".handbook-print-") && time.Since(info.ModTime()) > time.Hour {
			_ = os.RemoveAll(p)
			continue
		}
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".pdf") && p != keep {
			files = append(files, cached{p, info.Size(), info.ModTime()})
		}
	}
	slices.SortFunc(files, func(a, b cached) int { return b.used.Compare(a.used) })
	var total int64
	if fi, err := os.Stat(keep); err == nil {
		total = fi.Size()
	}
	for i, f := range files {
		total += f.size
		if i+1 < c.MaxFiles && total <= c.MaxBytes {
			continue
		}
		if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			c.log.Warn("remove cached PDF", "file", f.path, "err", err)
		}
	}
}

// fileName makes a PDF's file name from its title: lower case, letters
// and digits, words joined by "-".
func fileName(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 0x7f && r != 0xa0:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	name := b.String()
	if name == "" {
		name = "handbook"
	}
	if r := []rune(name); len(r) > 80 {
		name = strings.TrimRight(string(r[:80]), "-")
	}
	return name + ".pdf"
}
