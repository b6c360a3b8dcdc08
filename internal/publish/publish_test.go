package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// tree reads every file under dir into a map of slash path to content
// ("<dir>" for directories), for byte-exact comparisons.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			m[rel] = "<dir>"
			return nil
		}
		b, err := os.ReadFile(p)
		m[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// siblings lists the names in dir, to find temporary directories left
// behind.
func siblings(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// build publishes files (slash path to content) to out and fails the test
// on any error.
func build(t *testing.T, out string, files map[string]string) {
	t.Helper()
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := d.WriteFile(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestCommitCreatesOutput(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	out := filepath.Join(parent, "site", "public") // parent of out is created too
	build(t, out, map[string]string{"index.html": "home", "guide/a b/index.html": "guide"})
	got := tree(t, out)
	want := map[string]string{".": "<dir>", Marker: markerText, "index.html": "home",
		"guide": "<dir>", "guide/a b": "<dir>", "guide/a b/index.html": "guide"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got tree %v, want %v", got, want)
	}
	if got, want := siblings(t, filepath.Dir(out)), []string{"public"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got siblings %v, want %v", got, want)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("got output mode %v (%v), want 0755", fi.Mode().Perm(), err)
	}
}

func TestCommitReplacesPreviousOutput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		commit func(d *Dir) error
	}{
		{"commit", (*Dir).Commit},
		{"rename fallback", func(d *Dir) error {
			d.mu.Lock()
			d.done = true
			_ = d.root.Close()
			d.mu.Unlock()
			if err := os.Chmod(d.tmp, 0o755); err != nil {
				return err
			}
			old, err := swapByRename(d.tmp, d.out)
			if err != nil {
				return err
			}
			return os.RemoveAll(old)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "out")
			build(t, out, map[string]string{"old.html": "old", "a/index.html": "old a"})
			d, err := Begin(out)
			if err != nil {
				t.Fatal(err)
			}
			if err := d.WriteFile("a/index.html", []byte("new a")); err != nil {
				t.Fatal(err)
			}
			if err := tc.commit(d); err != nil {
				t.Fatal(err)
			}
			got := tree(t, out)
			want := map[string]string{".": "<dir>", Marker: markerText, "a": "<dir>", "a/index.html": "new a"}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("got tree %v, want %v", got, want)
			}
			if got, want := siblings(t, filepath.Dir(out)), []string{"out"}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("got siblings %v, want %v", got, want)
			}
		})
	}
}

func TestAbortKeepsPreviousOutput(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	build(t, out, map[string]string{"index.html": "v1", "img/logo.png": "\x89PNG"})
	before := tree(t, out)

	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "img/logo.png", "new.html"} {
		if err := d.WriteFile(name, []byte("v2")); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if after := tree(t, out); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("after Abort got tree %v, want %v", after, before)
	}
	if got, want := siblings(t, filepath.Dir(out)), []string{"out"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got siblings %v, want %v", got, want)
	}
	if err := d.Abort(); err != nil {
		t.Errorf("second Abort: got %v, want nil", err)
	}
	if err := d.Commit(); !errors.Is(err, ErrDone) {
		t.Errorf("Commit after Abort: got %v, want ErrDone", err)
	}
}

func TestAfterCommit(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := d.Abort(); err != nil {
		t.Errorf("Abort after Commit: got %v, want nil", err)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Errorf("Abort after Commit removed the output: %v", err)
	}
	if err := d.WriteFile("late.html", nil); !errors.Is(err, ErrDone) {
		t.Errorf("WriteFile after Commit: got %v, want ErrDone", err)
	}
	if err := d.Commit(); !errors.Is(err, ErrDone) {
		t.Errorf("second Commit: got %v, want ErrDone", err)
	}
}

func TestConcurrentWrites(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "asset.png")
	if err := os.WriteFile(src, []byte("asset"), 0o644); err != nil {
		t.Fatal(err)
	}
	const workers, files = 16, 50
	var wg sync.WaitGroup
	errs := make(chan error, workers*files)
	for w := range workers {
		wg.Go(func() {
			for i := range files {
				// All workers share directories, and write some names twice.
				dir := fmt.Sprintf("d%d/e%d", i%5, i%3)
				if err := d.WriteFile(fmt.Sprintf("%s/w%d-%d.html", dir, w, i), []byte(fmt.Sprint(w, i))); err != nil {
					errs <- err
				}
				if err := d.LinkFile(fmt.Sprintf("%s/asset-%d.png", dir, i%7), src); err != nil {
					errs <- err
				}
				if err := d.WriteFile(fmt.Sprintf("shared/%d.html", i), []byte("same")); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	for w := range workers {
		for i := range files {
			name := fmt.Sprintf("d%d/e%d/w%d-%d.html", i%5, i%3, w, i)
			if want := fmt.Sprint(w, i); got[name] != want {
				t.Errorf("%s: got %q, want %q", name, got[name], want)
			}
		}
	}
	for name, text := range got {
		if strings.Contains(name, ".publish-") {
			t.Errorf("temporary file %s left in output", name)
		}
		if strings.HasPrefix(name, "shared/") && text != "same" {
			t.Errorf("%s: got %q, want %q", name, text, "same")
		}
	}
}

func TestWriteRejectsEscapes(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	if err := os.Mkdir(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := Begin(filepath.Join(base, "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := os.Symlink(outside, filepath.Join(d.Path(), "evil")); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
	if err := os.Symlink(filepath.Join(outside, "x.html"), filepath.Join(d.Path(), "evil.html")); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(base, "src.png")
	if err := os.WriteFile(src, []byte("png"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{
		"", ".", "..", "../x.html", "a/../../x.html", "a/../b.html", "./a.html", "a//b.html", "/etc/x", "a/",
		filepath.Join(outside, "x.html"),
		"evil/x.html",     // through a symbolic link to a directory outside
		"evil/sub/x.html", // MkdirAll through it
	} {
		if err := d.WriteFile(rel, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q): got no error, want one", rel)
		}
		if err := d.LinkFile(rel, src); err == nil {
			t.Errorf("LinkFile(%q): got no error, want one", rel)
		}
	}
	// A symbolic link at the name itself is replaced, never followed.
	if err := d.WriteFile("evil.html", []byte("x")); err != nil {
		t.Errorf("WriteFile over a symbolic link: %v", err)
	}
	if got := tree(t, outside); len(got) != 1 {
		t.Errorf("files written outside the output: %v", got)
	}
}

func TestLinkFile(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	src := filepath.Join(base, "repo", "image (1).png")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, []byte("source"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(base, "out")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := d.LinkFile("assets/image (1).png", src); err != nil {
		t.Fatal(err)
	}
	if err := d.LinkFile("assets/image (1).png", src); err != nil {
		t.Errorf("linking again: %v", err)
	}
	fa, err1 := os.Stat(src)
	fb, err2 := os.Stat(filepath.Join(d.Path(), "assets", "image (1).png"))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if runtime.GOOS != "windows" && !os.SameFile(fa, fb) {
		t.Errorf("got a copy, want a hard link")
	}
	// Writing over the link replaces it and leaves the source alone.
	if err := d.WriteFile("assets/image (1).png", []byte("generated")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(src); string(b) != "source" {
		t.Errorf("source file: got %q, want %q", b, "source")
	}
	if err := d.LinkFile("missing.png", filepath.Join(base, "missing.png")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("linking a missing file: got %v, want ErrNotExist", err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "assets", "image (1).png")); string(b) != "generated" {
		t.Errorf("output file: got %q, want %q", b, "generated")
	}
}

func TestCopyFile(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	src := filepath.Join(base, "src.bin")
	data := bytes.Repeat([]byte("0123456789"), 100_000)
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(base)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := copyFile(root, src, "copy.bin"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(base, "copy.bin"))
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("copy: got %d bytes (%v), want %d equal bytes", len(got), err, len(data))
	}
	if err := copyFile(root, src, "copy.bin"); !errors.Is(err, fs.ErrExist) {
		t.Errorf("copy over an existing file: got %v, want ErrExist", err)
	}
}

func TestBeginChecksOutput(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	mk := func(name string, files ...string) string {
		p := filepath.Join(base, name)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(p, f), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	file := filepath.Join(base, "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	unmarked := mk("docs", "notes.txt")
	fake := mk("fake", "a.txt")
	if err := os.Mkdir(filepath.Join(fake, Marker), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		out     string
		wantErr string // "" when Begin must accept
	}{
		{"absent", filepath.Join(base, "new"), ""},
		{"empty directory", mk("empty"), ""},
		{"previous output", mk("prev", Marker, "index.html"), ""},
		{"empty name", "", "choose an empty --out directory"},
		{"file system root", string(filepath.Separator), "the root of the file system"},
		{"regular file", file, "choose an empty --out directory or remove " + file},
		{"unmarked directory", unmarked, "choose an empty --out directory or remove " + unmarked},
		{"marker is a directory", fake, "no " + Marker},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := Begin(tc.out)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case tc.wantErr == "":
				if err := d.Abort(); err != nil {
					t.Fatal(err)
				}
			case err == nil:
				_ = d.Abort()
				t.Fatalf("got no error, want one containing %q", tc.wantErr)
			case !strings.Contains(err.Error(), tc.wantErr):
				t.Errorf("got error %q, want one containing %q", err, tc.wantErr)
			}
		})
	}
	if got := tree(t, unmarked); got["notes.txt"] != "x" || len(got) != 2 {
		t.Errorf("refused directory changed: %v", got)
	}
}

// TestBeginRefusesHome cannot run in parallel: it points HOME at a
// temporary directory so that a failure could never touch the real one.
func TestBeginRefusesHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	for _, out := range []string{home, home + "/", filepath.Join(home, "x", "..")} {
		if d, err := Begin(out); err == nil || !strings.Contains(err.Error(), "home directory") {
			if d != nil {
				_ = d.Abort()
			}
			t.Errorf("Begin(%q): got %v, want a home directory refusal", out, err)
		}
	}
	if got := siblings(t, filepath.Dir(home)); len(got) != 1 {
		t.Errorf("got siblings %v, want only the home directory", got)
	}
}

func TestCommitRefusesOutputChangedSinceBegin(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err == nil || !strings.Contains(err.Error(), "choose an empty --out directory") {
		t.Errorf("got %v, want a refusal", err)
	}
	if got := tree(t, out); got["thesis.tex"] != "precious" {
		t.Errorf("output changed: %v", got)
	}
	if got := siblings(t, filepath.Dir(out)); len(got) != 1 {
		t.Errorf("got siblings %v, want only the output", got)
	}
}

func TestSymlinkedOutputReplacesTarget(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	target := filepath.Join(base, "www", "site")
	build(t, target, map[string]string{"old.html": "old"})
	link := filepath.Join(base, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
	build(t, link, map[string]string{"new.html": "new"})
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link %s was replaced: %v", link, err)
	}
	got := tree(t, link+string(filepath.Separator))
	if got["new.html"] != "new" || got["old.html"] != "" {
		t.Errorf("got tree %v, want new.html only", got)
	}
}

func BenchmarkWriteFile(b *testing.B) {
	data := bytes.Repeat([]byte("<p>handbook</p>\n"), 256) // 4 KiB
	base := b.TempDir()
	out := filepath.Join(base, "out")
	b.SetBytes(int64(len(data)))
	d, err := Begin(out)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Abort()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			i++
			if err := d.WriteFile(fmt.Sprintf("s%d/p%d-%p/index.html", i%50, i, pb), data); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
