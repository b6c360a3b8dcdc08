// Command searchbench measures the search index of a synthetic book: how
// long the build spends on the index, how large the index is, how many
// bytes a browser downloads for a first query, and how fast GET
// /api/search answers.
//
//	go run ./bench/searchbench -pages 10000 -runs 5
//
// It generates the book with internal/bookgen, builds it -runs times
// (cold, no git history) into -work, and reports medians. Sizes are
// gzip sizes at the default level, as a web server compresses JSON.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/bookgen"
	"github.com/handbookhq/handbook/internal/search"
	"github.com/handbookhq/handbook/internal/server"
	"github.com/handbookhq/handbook/internal/site"
)

// queries is the query mix: words of the synthetic book alone and in
// pairs, prefixes (a query's last word is a prefix while typing), typos,
// and a word that is not in the book.
var queries = []string{
	"budget",
	"release",
	"security review",
	"onboard new contributor",
	"compliance audit checklist",
	"deploy ",
	"onb",
	"secu",
	"calen",
	"complaince",
	"relase",
	"zeppelin",
}

const searchDir = "_handbook/search"

func main() {
	pages := flag.Int("pages", 10000, "pages of the synthetic book")
	runs := flag.Int("runs", 5, "builds to take the median of")
	rounds := flag.Int("rounds", 200, "rounds of the query mix for API latency")
	work := flag.String("work", os.TempDir(), "folder for the book and the site (e.g. /dev/shm)")
	keep := flag.String("keep", "", "leave the last built site at this path")
	flag.Parse()
	if err := run(*pages, *runs, *rounds, *work, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

func run(pages, runs, rounds int, work, keep string) error {
	dir, err := os.MkdirTemp(work, "searchbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "book")
	if err := bookgen.Generate(src, bookgen.Options{Pages: pages, Seed: 1}); err != nil {
		return err
	}

	// 1. Build time, and the index's share of it.
	var walls, builds, writes []time.Duration
	var res *site.Result
	var out string
	for i := range runs {
		out = filepath.Join(dir, fmt.Sprintf("site-%d", i))
		if keep != "" && i == runs-1 {
			out = keep
		}
		_ = os.RemoveAll(out)
		rec := &recorder{}
		start := time.Now()
		bk, err := book.Load(context.Background(), src, book.Options{})
		if err != nil {
			return err
		}
		res, err = site.Build(context.Background(), bk, site.Options{Out: out, NoGit: true, Logger: slog.New(rec)})
		if err != nil {
			return err
		}
		walls = append(walls, time.Since(start))
		builds = append(builds, rec.build)
		writes = append(writes, rec.write)
		if i < runs-1 {
			_ = os.RemoveAll(out)
		}
	}
	w, b, wr := median(walls), median(builds), median(writes)
	fmt.Printf("## Build (%d pages, %d runs, medians)\n\n", res.Pages, runs)
	fmt.Printf("whole build %.2f s; index build %.0f ms (%.1f%%); index write %.0f ms; index total %.1f%%\n\n",
		w.Seconds(), ms(b), 100*b.Seconds()/w.Seconds(), ms(wr), 100*(b+wr).Seconds()/w.Seconds())

	// 2. Index size.
	fsys := os.DirFS(out)
	names, err := fs.Glob(fsys, searchDir+"/*.json")
	if err != nil {
		return err
	}
	var raw, gz int
	kinds := map[string]int{}
	sizes := map[string][2]int{}
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return err
		}
		g := gzipSize(data)
		sizes[path.Base(n)] = [2]int{len(data), g}
		raw += len(data)
		gz += g
		kinds[strings.SplitN(path.Base(n), ".", 2)[0]]++
	}
	fmt.Printf("## Index\n\n%d files (entry %d, vocabulary %d, postings chunks %d, fragments %d), %s, %s gzip\n\n",
		len(names), kinds["entry"], kinds["v"], kinds["i"], kinds["f"], kb(raw), kb(gz))

	entries, _ := fs.Glob(fsys, searchDir+"/"+search.EntryName)
	if len(entries) != 1 {
		return fmt.Errorf("%d entry files", len(entries))
	}

	// 3. Bytes a first query downloads: the entry, the vocabulary files,
	// the postings chunks and the fragments of the top 10, read by a new
	// Searcher (the browser's client loads the same files: it runs the
	// same algorithm).
	fmt.Printf("## First query, top 10 (gzip)\n\n| query | vocabulary | chunks | fragments | bytes | gzip |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	var firsts []int
	for _, q := range queries {
		rfs := &readsFS{FS: fsys}
		s, err := search.Open(rfs, entries[0])
		if err != nil {
			return err
		}
		if _, err := s.Search(q, 10); err != nil {
			return err
		}
		var r, g, vocab, chunks, frags int
		for _, n := range rfs.names() {
			sz := sizes[path.Base(n)]
			r += sz[0]
			g += sz[1]
			switch {
			case strings.HasPrefix(path.Base(n), "v."):
				vocab++
			case strings.HasPrefix(path.Base(n), "i."):
				chunks++
			case strings.HasPrefix(path.Base(n), "f."):
				frags++
			}
		}
		fmt.Printf("| `%s` | %d | %d | %d | %s | %s |\n", q, vocab, chunks, frags, kb(r), kb(g))
		firsts = append(firsts, g)
	}
	slices.Sort(firsts)
	fmt.Printf("\nfirst query gzip: median %s, max %s\n\n", kb(firsts[(len(firsts)-1)/2]), kb(firsts[len(firsts)-1]))

	// 4. API latency against the server's handler.
	ask := func(srv *server.Server, q string) time.Duration {
		req := httptest.NewRequest("GET", "/api/search?q="+url.QueryEscape(q), nil)
		rr := httptest.NewRecorder()
		start := time.Now()
		srv.ServeHTTP(rr, req)
		d := time.Since(start)
		if rr.Code != 200 {
			panic(fmt.Sprintf("%q: status %d: %s", q, rr.Code, rr.Body))
		}
		return d
	}
	var colds []time.Duration
	for i := range 5 {
		srv := server.New(server.NewSite(out, res.Redirects, res.URLs), nil)
		colds = append(colds, ask(srv, queries[i%len(queries)]))
	}
	srv := server.New(server.NewSite(out, res.Redirects, res.URLs), nil)
	var firstEach []time.Duration
	for _, q := range queries {
		firstEach = append(firstEach, ask(srv, q))
	}
	var lat []time.Duration
	for range rounds {
		for _, q := range queries {
			lat = append(lat, ask(srv, q))
		}
	}
	slices.Sort(lat)
	slices.Sort(firstEach)
	fmt.Printf("## GET /api/search\n\ncold first query on a new server (opens the index): median %.1f ms of 5\n", ms(median(colds)))
	fmt.Printf("first time of each query in the mix (its files not read yet): median %.1f ms, max %.1f ms\n", ms(median(firstEach)), ms(firstEach[len(firstEach)-1]))
	fmt.Printf("warm, %d requests: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", len(lat),
		ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), ms(lat[len(lat)-1]))
	return nil
}

// recorder is a slog handler that keeps the build's "search index" record.
type recorder struct{ build, write time.Duration }

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r *recorder) WithGroup(string) slog.Handler            { return r }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	if rec.Message != "search index" {
		return nil
	}
	rec.Attrs(func(a slog.Attr) bool {
		switch a.Key {
		case "build":
			r.build = a.Value.Duration()
		case "write":
			r.write = a.Value.Duration()
		}
		return true
	})
	return nil
}

// readsFS records the files read through it.
type readsFS struct {
	fs.FS
	mu   sync.Mutex
	read map[string]bool
}

func (f *readsFS) Open(name string) (fs.File, error) {
	f.mu.Lock()
	if f.read == nil {
		f.read = map[string]bool{}
	}
	f.read[name] = true
	f.mu.Unlock()
	return f.FS.Open(name)
}

func (f *readsFS) names() []string {
	var out []string
	for n := range f.read {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func gzipSize(data []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = io.Copy(zw, bytes.NewReader(data))
	_ = zw.Close()
	return buf.Len()
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
