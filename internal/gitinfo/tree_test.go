package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// logoPNG is an image-like file: binary, with NUL bytes and no final
// newline.
var logoPNG = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\xff"

// oldFiles is the content of the files of branch old in versionsRepo.
var oldFiles = map[string]string{
	"README.md":                    "# Old\n\nversion two\n",
	"docs/guide.md":                "# Guide\n",
	"docs/deep/nested/a b é.md":    "# Spaces and accents\n",
	"only-old.md":                  "only in old\n",
	"run.sh":                       "#!/bin/sh\necho hi\n",
	"img/logo.png":                 logoPNG,
	"link.md":                      "# Guide\n",     // -> docs/guide.md
	"chain.md":                     "# Guide\n",     // -> link.md -> docs/guide.md
	"docs/up.md":                   "only in old\n", // -> ../only-old.md
	"dirlink/guide.md":             "# Guide\n",     // dirlink -> docs
	"dirlink/deep/nested/a b é.md": "# Spaces and accents\n",
}

// versionsRepo makes a repository with two versions of a book, branch
// main checked out:
//
//	2020-01-01 main: the files of oldFiles, links (to files, to a folder,
//	           missing, out of the tree, in a loop)
//	2020-06-01 old (tag v0.1): change README.md, add a submodule
//	2021-03-03 main: rename docs/guide.md to docs/intro.md, delete
//	           only-old.md, change README.md
//
// It returns the directory and the commit of old.
func versionsRepo(t *testing.T) (string, string) {
	t.Helper()
	needGit(t)
	dir := t.TempDir()
	gitT(t, dir, "", "init", "-q", "-b", "main")
	links := map[string]string{
		"link.md": "docs/guide.md", "chain.md": "link.md", "docs/up.md": "../only-old.md", "dirlink": "docs",
		"broken.md": "missing.md", "outside.md": "../../etc/hostname", "absolute.md": "/etc/hostname",
		"loop1.md": "loop2.md", "loop2.md": "loop1.md", "docs/file-as-dir.md": "../run.sh/x",
	}
	for name, text := range oldFiles {
		if _, link := links[name]; !link && !strings.HasPrefix(name, "dirlink/") {
			writeT(t, dir, name, text)
		}
	}
	writeT(t, dir, "README.md", "# Old\n")
	if err := os.Chmod(filepath.Join(dir, "run.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	gitT(t, dir, "", "add", "-A")
	gitT(t, dir, "2020-01-01T10:00:00Z", "commit", "-q", "-m", "start")
	first := strings.TrimSpace(gitT(t, dir, "", "rev-parse", "HEAD"))

	gitT(t, dir, "", "checkout", "-q", "-b", "old")
	writeT(t, dir, "README.md", oldFiles["README.md"])
	gitT(t, dir, "", "update-index", "--add", "--cacheinfo", "160000,"+first+",vendor/sub")
	gitT(t, dir, "2020-06-01T10:00:00+02:00", "commit", "-q", "-am", "old version")
	gitT(t, dir, "", "tag", "v0.1")
	old := strings.TrimSpace(gitT(t, dir, "", "rev-parse", "HEAD"))

	gitT(t, dir, "", "checkout", "-q", "main")
	gitT(t, dir, "", "mv", "docs/guide.md", "docs/intro.md")
	gitT(t, dir, "", "rm", "-q", "only-old.md")
	writeT(t, dir, "README.md", "# New\n")
	gitT(t, dir, "2021-03-03T10:00:00Z", "commit", "-q", "-am", "new version")
	return dir, old
}

func openTreeT(t *testing.T, dir, commit string) *Tree {
	t.Helper()
	tr, err := OpenTree(context.Background(), dir, commit)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

func TestTreeReadsAnotherBranch(t *testing.T) {
	t.Parallel()
	dir, old := versionsRepo(t)
	tr := openTreeT(t, dir, "old")
	if got := tr.Commit(); got != old {
		t.Errorf("Commit: got %s, want %s", got, old)
	}
	if got, want := tr.Time().Format(time.RFC3339), "2020-06-01T10:00:00+02:00"; got != want {
		t.Errorf("Time: got %s, want %s", got, want)
	}
	for name, want := range oldFiles {
		got, err := tr.ReadFile(name)
		if err != nil {
			t.Errorf("ReadFile(%q): %v", name, err)
			continue
		}
		if string(got) != want {
			t.Errorf("ReadFile(%q): got %q, want %q", name, got, want)
		}
		fi, err := tr.Stat(name)
		if err != nil {
			t.Errorf("Stat(%q): %v", name, err)
			continue
		}
		if fi.Size() != int64(len(want)) || fi.Mode() != 0o444 || !fi.ModTime().Equal(tr.Time()) || fi.Name() != filepath.Base(name) {
			t.Errorf("Stat(%q): got %s %d %s %v, want %s %d -r--r--r-- %v", name,
				fi.Name(), fi.Size(), fi.Mode(), fi.ModTime(), filepath.Base(name), len(want), tr.Time())
		}
	}
	for _, name := range []string{"docs/intro.md", "broken.md", "outside.md", "absolute.md", "loop1.md",
		"docs/file-as-dir.md", "vendor/sub", "vendor", "run.sh/x", "link.md/x", "dirlink/nope", "missing", "docs/missing.md", ".git"} {
		if _, err := tr.ReadFile(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadFile(%q): got %v, want fs.ErrNotExist", name, err)
		}
		if _, err := tr.Stat(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%q): got %v, want fs.ErrNotExist", name, err)
		}
	}
	main := openTreeT(t, dir, "main")
	if got, err := main.ReadFile("README.md"); err != nil || string(got) != "# New\n" {
		t.Errorf("main README.md: got %q, %v", got, err)
	}
	if _, err := main.ReadFile("only-old.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("main only-old.md: got %v, want fs.ErrNotExist", err)
	}
}

func TestTreeReadDir(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	tr := openTreeT(t, dir, "v0.1")
	for _, tc := range []struct {
		dir  string
		want []string // name, "/" after a folder, "@" after a link to a folder
	}{
		{".", []string{"README.md", "chain.md", "dirlink@", "docs/", "img/", "link.md", "only-old.md", "run.sh"}},
		{"docs", []string{"deep/", "guide.md", "up.md"}},
		{"dirlink", []string{"deep/", "guide.md", "up.md"}},
		{"dirlink/deep/nested", []string{"a b é.md"}},
	} {
		list, err := tr.ReadDir(tc.dir)
		if err != nil {
			t.Errorf("ReadDir(%q): %v", tc.dir, err)
			continue
		}
		var got []string
		for _, e := range list {
			switch {
			case e.IsDir():
				got = append(got, e.Name()+"/")
			case e.Type() == fs.ModeSymlink:
				got = append(got, e.Name()+"@")
			default:
				got = append(got, e.Name())
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("ReadDir(%q): got %q, want %q", tc.dir, got, tc.want)
		}
	}
	if fi, err := tr.Stat("dirlink"); err != nil || !fi.IsDir() || fi.Mode() != fs.ModeDir|0o555 {
		t.Errorf("Stat(dirlink): got %v, %v; want a folder", fi, err)
	}
	if _, err := tr.ReadDir("run.sh"); err == nil {
		t.Errorf("ReadDir(run.sh): got no error, want one")
	}
	if _, err := tr.ReadFile("docs"); err == nil {
		t.Errorf("ReadFile(docs): got no error, want one")
	}
}

func TestTreeInvalidNames(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	tr := openTreeT(t, dir, "old")
	for _, name := range []string{"/README.md", "../README.md", "docs/../README.md", "docs/", "./README.md", ""} {
		_, err := tr.Open(name)
		var pe *fs.PathError
		if !errors.As(err, &pe) || !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q): got %v, want *fs.PathError with fs.ErrInvalid", name, err)
		}
		if _, err := tr.ReadFile(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("ReadFile(%q): got %v, want fs.ErrInvalid", name, err)
		}
	}
}

func TestTreePassesTestFS(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	tr := openTreeT(t, dir, "old")
	if err := fstest.TestFS(tr, "README.md", "docs/deep/nested/a b é.md", "img/logo.png", "link.md", "dirlink"); err != nil {
		t.Fatal(err)
	}
}

// gitDirListing lists every file under dir/.git with its size and
// modification time.
func gitDirListing(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(filepath.Join(dir, ".git"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		list = append(list, fmt.Sprintf("%s %d %s", p, fi.Size(), fi.ModTime().Format(time.RFC3339Nano)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestTreeLeavesTheWorkTreeAlone(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	if got := gitT(t, dir, "", "status", "--porcelain"); got != "" {
		t.Fatalf("git status before: %q, want nothing", got)
	}
	before := gitDirListing(t, dir)
	ctx := context.Background()
	if _, err := ResolveRef(ctx, dir, "old"); err != nil {
		t.Fatal(err)
	}
	tr := openTreeT(t, dir, "old")
	if err := fs.WalkDir(tr, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			_, err = tr.ReadFile(p)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenWith(ctx, dir, OpenOptions{Ref: "old"}); err != nil {
		t.Fatal(err)
	}
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	if after := gitDirListing(t, dir); !slices.Equal(before, after) {
		t.Errorf(".git changed:\nbefore %q\nafter  %q", before, after)
	}
	if got := gitT(t, dir, "", "status", "--porcelain"); got != "" {
		t.Errorf("git status after: %q, want nothing", got)
	}
	for name, want := range map[string]string{"README.md": "# New\n", "docs/intro.md": "# Guide\n"} {
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(got) != want {
			t.Errorf("work tree %s: got %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "only-old.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("work tree only-old.md: got %v, want it absent", err)
	}
}

func TestTreeConcurrentReads(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	tr := openTreeT(t, dir, "old")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			for range 20 {
				for name, want := range oldFiles {
					got, err := tr.ReadFile(name)
					if err == nil && string(got) != want {
						err = fmt.Errorf("%s: got %q, want %q", name, got, want)
					}
					if err != nil {
						errs <- fmt.Errorf("goroutine %d: %w", i, err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestTreeOpenedFileReads(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	tr := openTreeT(t, dir, "old")
	f, err := tr.Open("img/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.(io.Seeker).Seek(4, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(f)
	if err != nil || string(got) != logoPNG[4:] {
		t.Errorf("read after seek: got %q, %v; want %q", got, err, logoPNG[4:])
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Read(make([]byte, 1)); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("read after close: got %v, want fs.ErrClosed", err)
	}
}

func TestTreeRestartsADeadProcess(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	tr := openTreeT(t, dir, "old")
	tr.cat.mu.Lock()
	if err := tr.cat.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	tr.cat.mu.Unlock()
	got, err := tr.ReadFile("README.md")
	if err != nil || string(got) != oldFiles["README.md"] {
		t.Errorf("ReadFile after the process died: got %q, %v", got, err)
	}
}

func TestTreeStopsWithItsContext(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	ctx, cancel := context.WithCancel(context.Background())
	tr, err := OpenTree(ctx, dir, "old")
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	cancel()
	_, err = tr.ReadFile("README.md")
	var pe *fs.PathError
	if !errors.Is(err, context.Canceled) || !errors.As(err, &pe) || pe.Path != "README.md" {
		t.Errorf("ReadFile after cancel: got %v, want a *fs.PathError for README.md matching context.Canceled", err)
	}
}

func TestTreeClosed(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	tr, err := OpenTree(context.Background(), dir, "old")
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := tr.ReadFile("README.md"); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("ReadFile after Close: got %v, want fs.ErrClosed", err)
	}
	if _, err := tr.Stat("README.md"); err != nil {
		t.Errorf("Stat after Close: %v, want the listing still usable", err)
	}
}

func TestOpenTreeErrors(t *testing.T) {
	t.Parallel()
	dir, _ := versionsRepo(t)
	ctx := context.Background()
	if _, err := OpenTree(ctx, dir, "nope"); !errors.Is(err, ErrUnknownRef) {
		t.Errorf("OpenTree(nope): got %v, want ErrUnknownRef", err)
	}
	if _, err := OpenTree(ctx, t.TempDir(), "main"); !errors.Is(err, ErrNotRepo) {
		t.Errorf("OpenTree outside a repository: got %v, want ErrNotRepo", err)
	}
}

// gitTB runs git in dir for a benchmark, isolated from the machine's
// configuration.
func gitTB(tb testing.TB, dir string, args ...string) {
	tb.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(gitEnv(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Ann", "GIT_AUTHOR_EMAIL=ann@example.com",
		"GIT_COMMITTER_NAME=Ann", "GIT_COMMITTER_EMAIL=ann@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// BenchmarkTreeReadAll opens a tree of 300 pages of about 4 KB and reads
// every file, as the book loader does for a version.
func BenchmarkTreeReadAll(b *testing.B) {
	needGit(b)
	dir := b.TempDir()
	gitTB(b, dir, "init", "-q", "-b", "main")
	page := bytes.Repeat([]byte("Some words of a handbook page.\n"), 130)
	for i := range 300 {
		p := filepath.Join(dir, fmt.Sprintf("part%d", i%10), fmt.Sprintf("page%03d.md", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, append([]byte(fmt.Sprintf("# Page %d\n", i)), page...), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	gitTB(b, dir, "add", "-A")
	gitTB(b, dir, "commit", "-q", "-m", "pages")
	ctx := context.Background()
	readAll := func(b *testing.B, tr *Tree) {
		n := 0
		err := fs.WalkDir(tr, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				_, err = tr.ReadFile(p)
				n++
			}
			return err
		})
		if err != nil || n != 300 {
			b.Fatalf("read %d files: %v", n, err)
		}
	}
	b.Run("open+read", func(b *testing.B) {
		for b.Loop() {
			tr, err := OpenTree(ctx, dir, "main")
			if err != nil {
				b.Fatal(err)
			}
			readAll(b, tr)
			if err := tr.Close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/300, "µs/file")
	})
	b.Run("read", func(b *testing.B) {
		tr, err := OpenTree(ctx, dir, "main")
		if err != nil {
			b.Fatal(err)
		}
		defer tr.Close()
		for b.Loop() {
			readAll(b, tr)
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/300, "µs/file")
	})
}
