package watch_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/watch"
)

// wait is how long a test waits for an expected batch; it is generous so
// that a busy machine never fails a test, and no test measures time.
const wait = 10 * time.Second

// running is a Watcher whose Run sends its batches to a channel.
type running struct {
	root    string
	w       *watch.Watcher
	batches chan watch.Batch
	cancel  context.CancelFunc
	done    chan error
}

// start makes files under a new root, then watches it with options o.
func start(t *testing.T, files map[string]string, o watch.Options) *running {
	t.Helper()
	root := filepath.Join(t.TempDir(), "book")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		write(t, root, name, body)
	}
	w, err := watch.New(root, o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{root: root, w: w, batches: make(chan watch.Batch, 100), cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- w.Run(ctx, func(b watch.Batch) { r.batches <- b }) }()
	t.Cleanup(func() {
		cancel()
		_ = w.Close()
		select {
		case <-r.done:
		case <-time.After(wait):
			t.Error("Run did not return after its context ended")
		}
	})
	return r
}

// write makes the file name (slash-separated) under root, with its folders.
func write(t *testing.T, root, name, body string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (r *running) path(name string) string {
	return filepath.Join(r.root, filepath.FromSlash(name))
}

// next waits for the next batch.
func (r *running) next(t *testing.T) watch.Batch {
	t.Helper()
	select {
	case b := <-r.batches:
		return b
	case <-time.After(wait):
		t.Fatalf("no batch within %v", wait)
		return watch.Batch{}
	}
}

// until gathers batches until together they name every path in want, and
// returns the union of their paths.
func (r *running) until(t *testing.T, want ...string) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	for {
		missing := false
		for _, p := range want {
			if !got[p] {
				missing = true
			}
		}
		if !missing {
			return got
		}
		b := r.next(t)
		if b.Overflow {
			t.Fatalf("unexpected overflow batch")
		}
		if !slices.IsSorted(b.Paths) || len(slices.Compact(slices.Clone(b.Paths))) != len(b.Paths) {
			t.Errorf("batch paths not sorted and unique: %q", b.Paths)
		}
		if b.First.IsZero() {
			t.Errorf("batch %q has no First time", b.Paths)
		}
		for _, p := range b.Paths {
			got[p] = true
		}
	}
}

func keys(m map[string]bool) []string {
	return slices.Sorted(maps.Keys(m))
}

func TestEditCreateDeleteRename(t *testing.T) {
	t.Parallel()
	r := start(t, map[string]string{"a.md": "a", "b.md": "b", "c.md": "c", "guide/d.md": "d"}, watch.Options{})

	write(t, r.root, "a.md", "a edited")
	r.until(t, "a.md")

	write(t, r.root, "guide/new.md", "new")
	r.until(t, "guide/new.md")

	if err := os.Remove(r.path("b.md")); err != nil {
		t.Fatal(err)
	}
	r.until(t, "b.md")

	if err := os.Rename(r.path("c.md"), r.path("guide/c2.md")); err != nil {
		t.Fatal(err)
	}
	r.until(t, "c.md", "guide/c2.md")
}

func TestAtomicSaveThroughTemporaryFile(t *testing.T) {
	t.Parallel()
	for _, tmp := range []string{"x.md.tmp", ".x.md.swp", "x.md___jb_tmp___"} {
		t.Run(tmp, func(t *testing.T) {
			t.Parallel()
			// A long debounce keeps the whole save in one batch on a busy machine.
			r := start(t, map[string]string{"x.md": "old"}, watch.Options{Debounce: 300 * time.Millisecond, MaxWait: wait})
			write(t, r.root, tmp, "new")
			if err := os.Rename(r.path(tmp), r.path("x.md")); err != nil {
				t.Fatal(err)
			}
			b := r.next(t)
			if !slices.Equal(b.Paths, []string{"x.md"}) {
				t.Errorf("got %q, want [x.md]", b.Paths)
			}
		})
	}
}

func TestAtomicSaveThroughBackup(t *testing.T) {
	t.Parallel()
	r := start(t, map[string]string{"x.md": "old"}, watch.Options{Debounce: 300 * time.Millisecond, MaxWait: wait})
	// What vim does with writebackup: test that the folder is writable,
	// move the file to a backup, write the new file, remove the backup.
	write(t, r.root, "4913", "")
	if err := os.Remove(r.path("4913")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(r.path("x.md"), r.path("x.md~")); err != nil {
		t.Fatal(err)
	}
	write(t, r.root, "x.md", "new")
	if err := os.Remove(r.path("x.md~")); err != nil {
		t.Fatal(err)
	}
	b := r.next(t)
	if !slices.Equal(b.Paths, []string{"x.md"}) {
		t.Errorf("got %q, want [x.md]", b.Paths)
	}
}

func TestNewFolderWithFilesInside(t *testing.T) {
	t.Parallel()
	r := start(t, map[string]string{"README.md": "r"}, watch.Options{})

	// mkdir -p a/b && echo > a/b/c.md: the file may exist before a/b is watched.
	write(t, r.root, "a/b/c.md", "c")
	r.until(t, "a", "a/b", "a/b/c.md")

	// A tree moved in from outside the root.
	outside := t.TempDir()
	write(t, outside, "tree/x.md", "x")
	write(t, outside, "tree/sub/y.md", "y")
	if err := os.Rename(filepath.Join(outside, "tree"), r.path("tree")); err != nil {
		t.Fatal(err)
	}
	r.until(t, "tree", "tree/x.md", "tree/sub", "tree/sub/y.md")

	// The new folders are watched.
	write(t, r.root, "tree/sub/z.md", "z")
	write(t, r.root, "a/b/d.md", "d")
	r.until(t, "tree/sub/z.md", "a/b/d.md")
}

func TestRemovedAndMovedFolders(t *testing.T) {
	t.Parallel()
	r := start(t, map[string]string{"old/sub/a.md": "a", "gone/b.md": "b"}, watch.Options{})

	if err := os.RemoveAll(r.path("gone")); err != nil {
		t.Fatal(err)
	}
	r.until(t, "gone")

	if err := os.Rename(r.path("old"), r.path("new")); err != nil {
		t.Fatal(err)
	}
	r.until(t, "old", "new", "new/sub", "new/sub/a.md")

	// A write below the moved folder is reported under its new name only.
	write(t, r.root, "new/sub/a.md", "edited")
	got := r.until(t, "new/sub/a.md")
	if got["old/sub/a.md"] {
		t.Errorf("a write below a moved folder was reported under its old name: %q", keys(got))
	}
}

func TestIgnoredPathsAreNeverReported(t *testing.T) {
	t.Parallel()
	r := start(t, map[string]string{
		".git/HEAD":                "ref",
		"node_modules/x/index.js":  "x",
		"_book/.handbook-output":   "",
		"_book/index.html":         "<html>",
		".gitbook/assets/logo.png": "png",
	}, watch.Options{Ignore: func(rel string, dir bool) bool { return dir && rel == "drafts" }})

	ignored := []string{
		".git/HEAD", ".git/objects/ab/cdef", "node_modules/x/index.js", "node_modules/y/package.json",
		".handbook/feedback.db", ".handbook/pdf/a.pdf", "_book/index.html", "_book/new/page.html",
		"drafts/wip.md", ".a.md.swp", ".a.md.swx", "a.md~", ".#a.md", "#a.md#", "a.md___jb_old___",
		"a.md___jb_tmp___", ".DS_Store", "guide/.DS_Store", "4913",
	}
	for _, name := range ignored {
		write(t, r.root, name, "x")
	}
	// A folder that becomes a build output while watched.
	write(t, r.root, "site/index.html", "<html>")
	got := r.until(t, "site/index.html")
	write(t, r.root, "site/.handbook-output", "")
	write(t, r.root, "site/page.html", "<html>")
	write(t, r.root, ".gitbook/assets/logo.png", "new")
	for p := range r.until(t, ".gitbook/assets/logo.png") {
		got[p] = true
	}
	for _, name := range append(ignored, "site/page.html", "site/.handbook-output") {
		if got[name] {
			t.Errorf("ignored path %q was reported", name)
		}
	}
	for p := range got {
		for _, prefix := range []string{".git", "node_modules", ".handbook", "_book", "drafts"} {
			if p == prefix || len(p) > len(prefix) && p[:len(prefix)+1] == prefix+"/" {
				t.Errorf("path %q below ignored %q was reported", p, prefix)
			}
		}
	}
}

func TestBurstOfWritesIsReportedExactly(t *testing.T) {
	t.Parallel()
	r := start(t, nil, watch.Options{})
	var want []string
	for i := range 50 {
		name := fmt.Sprintf("p%02d.md", i)
		want = append(want, name)
		write(t, r.root, name, "x")
	}
	got := keys(r.until(t, want...))
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCallsAreNeverConcurrent(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w, err := watch.New(root, watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		inside  = make(chan struct{}, 1)
		release = make(chan struct{})
		seen    = make(chan []string, 10)
	)
	go func() {
		_ = w.Run(ctx, func(b watch.Batch) {
			select {
			case inside <- struct{}{}:
			default:
				t.Error("fn called while another call runs")
			}
			seen <- b.Paths
			if b.Paths[0] == "first.md" {
				<-release
			}
			<-inside
		})
	}()
	write(t, root, "first.md", "1")
	select {
	case <-seen:
	case <-time.After(wait):
		t.Fatal("no first batch")
	}
	// Written while fn runs: gathered for the next batch.
	write(t, root, "second.md", "2")
	write(t, root, "third.md", "3")
	close(release)
	got := map[string]bool{}
	for !got["second.md"] || !got["third.md"] {
		select {
		case paths := <-seen:
			for _, p := range paths {
				got[p] = true
			}
		case <-time.After(wait):
			t.Fatalf("got %q, want second.md and third.md", keys(got))
		}
	}
}

func TestCloseAndContextEndRun(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"close", "context"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			w, err := watch.New(t.TempDir(), watch.Options{})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			go func() { done <- w.Run(ctx, func(watch.Batch) {}) }()
			if how == "close" {
				if err := w.Close(); err != nil {
					t.Fatalf("Close: %v", err)
				}
			} else {
				cancel()
			}
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v, want nil", err)
				}
			case <-time.After(wait):
				t.Fatal("Run did not return")
			}
			if err := w.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
		})
	}
}

func TestRemovedRootEndsRun(t *testing.T) {
	t.Parallel()
	root := filepath.Join(t.TempDir(), "book")
	write(t, root, "a.md", "a")
	w, err := watch.New(root, watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	done := make(chan error, 1)
	go func() { done <- w.Run(context.Background(), func(watch.Batch) {}) }()
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err == nil {
			t.Error("Run returned nil after its root was removed")
		}
	case <-time.After(wait):
		t.Fatal("Run did not return after its root was removed")
	}
}

func TestNewRejectsBadRoots(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir, "file.md", "x")
	for _, root := range []string{filepath.Join(dir, "missing"), filepath.Join(dir, "file.md")} {
		if w, err := watch.New(root, watch.Options{}); err == nil {
			_ = w.Close()
			t.Errorf("New(%q) gave no error", root)
		}
	}
}

func TestRunTwiceFails(t *testing.T) {
	t.Parallel()
	w, err := watch.New(t.TempDir(), watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, func(watch.Batch) {}) }()
	// One of the two calls must fail at once; the other runs until cancel.
	second := make(chan error, 1)
	go func() { second <- w.Run(ctx, func(watch.Batch) {}) }()
	var first error
	select {
	case first = <-done:
	case first = <-second:
	case <-time.After(wait):
		t.Fatal("neither Run returned")
	}
	if first == nil || errors.Is(first, context.Canceled) {
		t.Errorf("second Run: %v, want an error", first)
	}
	cancel()
	_ = w.Close()
}
