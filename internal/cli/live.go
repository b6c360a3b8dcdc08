package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/livereload"
	"github.com/handbookhq/handbook/internal/server"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/versions"
	"github.com/handbookhq/handbook/internal/watch"
)

// liveServe keeps the site "handbook serve" serves up to date with its
// source: it watches the folder, updates the site, reloads the browsers
// through the hub and shows a failed build as an overlay there and on
// the terminal, while the last good site goes on being served.
type liveServe struct {
	e      *env
	w      *watch.Watcher
	live   *site.Live
	hub    *livereload.Hub
	srv    *server.Server
	out    string
	quiet  bool
	onBook func(*book.Book) // told of the book after a whole build
	// others are the other versions, built once into a folder of their
	// own: what the server needs of them.
	others    *site.Result
	othersDir string
	shown     map[string]bool // the warnings printed already
	failed    bool
}

// newLiveServe builds the handbook in source into out as a live site.
// It watches source from before the build, so that no change made while
// the site is built or served is missed.
func newLiveServe(ctx context.Context, e *env, source, out string, bf buildFlags, version *versions.Version) (*liveServe, *site.Result, error) {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, nil, fmt.Errorf("resolve output: %w", err)
	}
	w, err := watch.New(source, watch.Options{Logger: e.log, Ignore: ignoreOutput(source, absOut)})
	if err != nil {
		return nil, nil, err
	}
	load := func(ctx context.Context) (*book.Book, error) { return loadBook(ctx, e, source, nil, bf, absOut) }
	// Read again, not taken from version: an edit made before the watch
	// began would be missed.
	b, err := load(ctx)
	if err != nil {
		_ = w.Close()
		return nil, nil, err
	}
	o := bf.siteOptions(e, b, absOut)
	if version != nil {
		o = version.Options(o)
	}
	live, res, err := site.BuildLive(ctx, b, o, load)
	if err != nil {
		_ = w.Close()
		return nil, nil, err
	}
	ls := &liveServe{e: e, w: w, live: live, hub: livereload.NewHub(e.log), out: absOut, quiet: bf.quiet, shown: map[string]bool{}}
	ls.printNew(res.Diags)
	return ls, res, nil
}

// serverSite is what the server needs of the site after an update.
func (ls *liveServe) serverSite(res *site.Result) *server.Site {
	if ls.others == nil {
		return serverSite(ls.out, res)
	}
	s := serverSite(ls.out, versions.Merge([]*site.Result{res, ls.others}))
	s.Mounts = []server.Mount{{Prefix: "/v/", Dir: ls.othersDir}}
	return s
}

// close stops watching and releases the site.
func (ls *liveServe) close() {
	_ = ls.w.Close()
	ls.live.Close()
}

// watch updates the site as files change, until ctx ends.
func (ls *liveServe) watch(ctx context.Context) error {
	return ls.w.Run(ctx, func(b watch.Batch) { ls.update(ctx, b) })
}

// ignoreOutput leaves the output out of the watch when it is inside
// source.
func ignoreOutput(source, absOut string) func(rel string, dir bool) bool {
	abs, err := filepath.Abs(source)
	if err != nil {
		return nil
	}
	out, err := filepath.Rel(abs, absOut)
	if err != nil || !filepath.IsLocal(out) {
		return nil
	}
	out = filepath.ToSlash(out)
	return func(rel string, _ bool) bool { return rel == out || strings.HasPrefix(rel, out+"/") }
}

// update brings the site up to date with one batch of changes.
func (ls *liveServe) update(ctx context.Context, b watch.Batch) {
	paths := b.Paths
	if b.Overflow {
		paths = nil
	}
	start := time.Now()
	res, up, err := ls.live.Update(ctx, paths, func(u *site.Update) {
		if ls.failed {
			ls.hub.Clear()
			ls.failed = false
		}
		switch {
		case u.Full || len(u.Files) > 0:
			ls.hub.Reload(nil)
		case len(u.Rendered) > 0:
			ls.hub.Reload(u.Rendered)
		}
		ls.e.log.Debug("reload sent", "after", time.Since(b.First), "paths", b.Paths)
	})
	if err != nil {
		ls.fail(err)
		return
	}
	if res == nil {
		return
	}
	ls.srv.SetSite(ls.serverSite(res))
	if up.Full && ls.onBook != nil {
		ls.onBook(ls.live.Book())
	}
	ls.printNew(res.Diags)
	if !ls.quiet {
		took := time.Since(start).Round(time.Millisecond)
		switch {
		case up.Full:
			fmt.Fprintf(ls.e.stderr, "rebuilt %d pages in %s\n", res.Pages, took)
		case len(up.Rendered) > 0:
			fmt.Fprintf(ls.e.stderr, "updated %s in %s\n", plural(len(up.Rendered), "page"), took)
		}
	}
}

// fail shows a failed update on the terminal and in the browsers.
func (ls *liveServe) fail(err error) {
	ls.failed = true
	var dl diag.List
	if !errors.As(err, &dl) {
		fmt.Fprintf(ls.e.stderr, "handbook: %v\n", err)
		ls.hub.Fail([]livereload.Problem{{Severity: "error", Message: err.Error()}})
		return
	}
	dl = dl.Errors()
	fmt.Fprintln(ls.e.stderr, dl.Error())
	fmt.Fprintf(ls.e.stderr, "handbook: build failed with %s; serving the last good site\n", plural(len(dl), "error"))
	problems := make([]livereload.Problem, len(dl))
	for i, d := range dl {
		problems[i] = livereload.Problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Message: d.Msg, Hint: d.Hint}
	}
	ls.hub.Fail(problems)
}

// printNew prints the warnings not printed before, so that each edit
// shows what it brought and not every warning of the handbook again.
func (ls *liveServe) printNew(ds diag.List) {
	for _, d := range ds {
		s := d.String()
		if ls.shown[s] {
			continue
		}
		ls.shown[s] = true
		if !ls.quiet {
			fmt.Fprintln(ls.e.stderr, s)
		}
	}
}

// plural says "1 page", "2 pages".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// buildOthers builds the versions of set besides the default once, into
// dir, for the server to serve under /v/.
func (ls *liveServe) buildOthers(ctx context.Context, e *env, set *versions.Set, bf buildFlags, dir string) error {
	eds := set.Editions(bf.siteOptions(e, set.Default().Book, dir))[1:]
	if len(eds) == 0 {
		return nil
	}
	res, err := site.BuildAll(ctx, eds, dir)
	if err != nil {
		return err
	}
	ls.others, ls.othersDir = versions.Merge(res), dir
	return nil
}
