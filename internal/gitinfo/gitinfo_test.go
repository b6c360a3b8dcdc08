package gitinfo

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// gitT runs git in dir for a test, isolated from the machine's
// configuration, with author and committer dates set to date when given.
func gitT(t *testing.T, dir, date string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(gitEnv(),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Ann", "GIT_AUTHOR_EMAIL=ann@example.com",
		"GIT_COMMITTER_NAME=Ann", "GIT_COMMITTER_EMAIL=ann@example.com")
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func needGit(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

func writeT(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fixtureRepo makes a repository whose history has odd file names, a
// rename, a side branch and a merge:
//
//	2020-01-01 add a.md, docs/a b.md, docs/café.md, docs/日本語.md, docs/old.md, docs/tab\tname.md
//	2021-02-02 change a.md, rename docs/old.md to docs/new.md        (+02:00)
//	2022-03-03 change docs/café.md                                   (branch side)
//	2022-04-04 change docs/日本語.md                                  (main)
//	2022-05-05 merge side into main
func fixtureRepo(t *testing.T) string {
	t.Helper()
	needGit(t)
	dir := t.TempDir()
	gitT(t, dir, "", "init", "-q", "-b", "main")
	for _, f := range []string{"a.md", "docs/a b.md", "docs/café.md", "docs/日本語.md", "docs/old.md", "docs/tab\tname.md"} {
		writeT(t, dir, f, "# "+f+"\n")
	}
	gitT(t, dir, "", "add", "-A")
	gitT(t, dir, "2020-01-01T10:00:00Z", "commit", "-q", "-m", "start")
	writeT(t, dir, "a.md", "# A\n\nchanged\n")
	gitT(t, dir, "", "mv", "docs/old.md", "docs/new.md")
	gitT(t, dir, "", "add", "-A")
	gitT(t, dir, "2021-02-02T12:00:00+02:00", "commit", "-q", "-m", "rename")
	gitT(t, dir, "", "checkout", "-q", "-b", "side")
	writeT(t, dir, "docs/café.md", "# Café\n\nchanged\n")
	gitT(t, dir, "2022-03-03T09:00:00Z", "commit", "-q", "-am", "side change")
	gitT(t, dir, "", "checkout", "-q", "main")
	writeT(t, dir, "docs/日本語.md", "# 日本語\n\nchanged\n")
	gitT(t, dir, "2022-04-04T09:00:00Z", "commit", "-q", "-am", "main change")
	gitT(t, dir, "2022-05-05T09:00:00Z", "merge", "-q", "--no-ff", "-m", "merge side", "side")
	return dir
}

func TestOpenReadsLastChangeDates(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	r, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want string // RFC 3339, or "" for no date
	}{
		{"a.md", "2021-02-02T12:00:00+02:00"},
		{"docs/a b.md", "2020-01-01T10:00:00Z"},
		{"docs/café.md", "2022-03-03T09:00:00Z"},
		{"docs/日本語.md", "2022-04-04T09:00:00Z"},
		{"docs/tab\tname.md", "2020-01-01T10:00:00Z"},
		{"docs/new.md", "2021-02-02T12:00:00+02:00"},
		{"docs/old.md", "2021-02-02T12:00:00+02:00"},
		{"./docs/new.md", "2021-02-02T12:00:00+02:00"},
		{"/docs/new.md", "2021-02-02T12:00:00+02:00"},
		{"docs/../a.md", "2021-02-02T12:00:00+02:00"},
		{"docs", ""},
		{"missing.md", ""},
	} {
		got, ok := r.Updated(tc.path)
		switch {
		case tc.want == "" && ok:
			t.Errorf("Updated(%q): got %s, want no date", tc.path, got)
		case tc.want != "" && !ok:
			t.Errorf("Updated(%q): got no date, want %s", tc.path, tc.want)
		case ok && got.Format(time.RFC3339) != tc.want:
			t.Errorf("Updated(%q): got %s, want %s", tc.path, got.Format(time.RFC3339), tc.want)
		}
	}
	if got, want := r.Len(), 7; got != want {
		t.Errorf("Len: got %d, want %d", got, want)
	}
	if got, want := r.Branch, "main"; got != want {
		t.Errorf("Branch: got %q, want %q", got, want)
	}
	if got, want := r.Remote, ""; got != want {
		t.Errorf("Remote: got %q, want %q", got, want)
	}
}

func TestOpenFromSubdirectoryFindsTop(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	gitT(t, dir, "", "remote", "add", "origin", "git@github.com:acme/handbook.git")
	r, err := Open(context.Background(), filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	top, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Dir != top {
		t.Errorf("Dir: got %q, want %q", r.Dir, top)
	}
	if got, want := r.Remote, "git@github.com:acme/handbook.git"; got != want {
		t.Errorf("Remote: got %q, want %q", got, want)
	}
	if _, ok := r.Updated("a.md"); !ok {
		t.Errorf("Updated(a.md): got no date, want one (paths are relative to the top)")
	}
	if got, want := r.EditURL("", "docs/a b.md"), "https://github.com/acme/handbook/edit/main/docs/a%20b.md"; got != want {
		t.Errorf("EditURL: got %q, want %q", got, want)
	}
	rel, err := r.Rel(filepath.Join(dir, "docs", "a b.md"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rel, "docs/a b.md"; got != want {
		t.Errorf("Rel: got %q, want %q", got, want)
	}
	if _, err := r.Rel(t.TempDir()); err == nil {
		t.Errorf("Rel outside the repository: got no error, want one")
	}
}

func TestOpenWithPathspec(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	for _, tc := range []struct {
		name, dir, pathspec string
	}{
		{"from top", dir, "docs"},
		{"from subdirectory", filepath.Join(dir, "docs"), "."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, err := OpenWith(context.Background(), tc.dir, OpenOptions{Pathspec: tc.pathspec})
			if err != nil {
				t.Fatal(err)
			}
			if got, ok := r.Updated("a.md"); ok {
				t.Errorf("Updated(a.md): got %s, want no date outside the pathspec", got)
			}
			got, ok := r.Updated("docs/café.md")
			if want := "2022-03-03"; !ok || got.Format(time.DateOnly) != want {
				t.Errorf("Updated(docs/café.md): got %s (%v), want %s", got.Format(time.DateOnly), ok, want)
			}
		})
	}
}

func TestOpenDetachedHead(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	gitT(t, dir, "", "checkout", "-q", "--detach", "HEAD~1")
	r, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Branch != "" {
		t.Errorf("Branch: got %q, want empty", r.Branch)
	}
	// HEAD~1 is the first parent of the merge: the café change is not in it.
	got, _ := r.Updated("docs/café.md")
	if want := "2020-01-01"; got.Format(time.DateOnly) != want {
		t.Errorf("Updated(docs/café.md): got %s, want %s", got.Format(time.DateOnly), want)
	}
}

func TestOpenShallowClone(t *testing.T) {
	t.Parallel()
	src := fixtureRepo(t)
	dst := filepath.Join(t.TempDir(), "shallow")
	gitT(t, t.TempDir(), "", "clone", "-q", "--depth", "1", "file://"+filepath.ToSlash(src), dst)
	r, err := Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	// Every file is as old as the shallow boundary, the merge commit.
	for _, p := range []string{"a.md", "docs/a b.md", "docs/café.md"} {
		got, ok := r.Updated(p)
		if want := "2022-05-05"; !ok || got.Format(time.DateOnly) != want {
			t.Errorf("Updated(%q): got %s (%v), want %s", p, got.Format(time.DateOnly), ok, want)
		}
	}
}

func TestOpenEmptyRepository(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	gitT(t, dir, "", "init", "-q", "-b", "trunk")
	r, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Len(), 0; got != want {
		t.Errorf("Len: got %d, want %d", got, want)
	}
	if got, want := r.Branch, "trunk"; got != want {
		t.Errorf("Branch: got %q, want %q", got, want)
	}
}

func TestOpenNotARepository(t *testing.T) {
	t.Parallel()
	needGit(t)
	dir := t.TempDir()
	r, err := Open(context.Background(), dir)
	if !errors.Is(err, ErrNotRepo) {
		t.Fatalf("got error %v, want ErrNotRepo", err)
	}
	if r != nil {
		t.Errorf("got Repo %+v, want nil", r)
	}
}

func TestOpenMissingDirectory(t *testing.T) {
	t.Parallel()
	needGit(t)
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "absent"))
	if err == nil || errors.Is(err, ErrNotRepo) {
		t.Fatalf("got error %v, want a plain error", err)
	}
}

func TestOpenCanceled(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Open(ctx, dir)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got error %v, want context.Canceled", err)
	}
}

// TestOpenIgnoresGitEnvironment cannot run in parallel: it sets variables
// that a git hook would set, pointing at another repository.
func TestOpenIgnoresGitEnvironment(t *testing.T) {
	dir := fixtureRepo(t)
	other := t.TempDir()
	gitT(t, other, "", "init", "-q", "-b", "other")
	t.Setenv("GIT_DIR", filepath.Join(other, ".git"))
	t.Setenv("GIT_WORK_TREE", other)
	t.Setenv("GIT_INDEX_FILE", filepath.Join(other, ".git", "index"))
	r, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Branch, "main"; got != want {
		t.Errorf("Branch: got %q, want %q", got, want)
	}
	if got, want := r.Len(), 7; got != want {
		t.Errorf("Len: got %d, want %d", got, want)
	}
}

func TestParseLog(t *testing.T) {
	t.Parallel()
	parseLog := func(out []byte) (map[string]time.Time, error) {
		h, err := parseHistory(out, 0)
		return h.updated, err
	}
	for _, tc := range []struct {
		name string
		in   string
		want map[string]string // path -> RFC 3339
	}{
		{"empty", "", map[string]string{}},
		{"one commit", "\x011700000000 2023-11-14 22:13:20 +0000 0123456789abcdef0123456789abcdef01234567\x00A\x00S\na.md\x00b c.md\x00",
			map[string]string{"a.md": "2023-11-14T22:13:20Z", "b c.md": "2023-11-14T22:13:20Z"}},
		{"newest wins", "\x012000000000 2033-05-17 23:33:20 -0400 0123456789abcdef0123456789abcdef01234567\x00A\x00S\na.md\x00\x00\x011000000000 2001-09-09 01:46:40 +0000 0123456789abcdef0123456789abcdef01234567\x00A\x00S\na.md\x00b.md\x00",
			map[string]string{"a.md": "2033-05-17T23:33:20-04:00", "b.md": "2001-09-09T01:46:40Z"}},
		{"commit without files", "\x012000000000 2033-05-18 03:33:20 +0000 0123456789abcdef0123456789abcdef01234567\x00A\x00S\x00\x011000000000 2001-09-09 07:16:40 +0530 0123456789abcdef0123456789abcdef01234567\x00A\x00S\na.md",
			map[string]string{"a.md": "2001-09-09T07:16:40+05:30"}},
		{"newline in name", "\x011000000000 2001-09-09 01:46:40 +0000 0123456789abcdef0123456789abcdef01234567\x00A\x00S\nline\nbreak.md\x00",
			map[string]string{"line\nbreak.md": "2001-09-09T01:46:40Z"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseLog([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Errorf("got %d paths, want %d: %v", len(got), len(tc.want), got)
			}
			for p, w := range tc.want {
				if g := got[p].Format(time.RFC3339); g != w {
					t.Errorf("%q: got %s, want %s", p, g, w)
				}
			}
		})
	}
	if _, err := parseLog([]byte("\x01notanumber 2001-09-09 01:46:40 +0000 0123456789abcdef0123456789abcdef01234567\x00A\x00S\na.md")); err == nil {
		t.Errorf("bad date: got no error, want one")
	}
}
