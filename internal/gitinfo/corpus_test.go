package gitinfo

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// corpusClone clones the Mattermost handbook bundle (../shared/corpus
// beside the repository root) into a temporary directory, or skips.
func corpusClone(tb testing.TB) string {
	tb.Helper()
	needGit(tb)
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	root := wd
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			tb.Fatalf("no go.mod above %s", wd)
		}
		root = parent
	}
	bundle := filepath.Join(root, "..", "shared", "corpus", "mattermost-handbook.bundle")
	if _, err := os.Stat(bundle); err != nil {
		tb.Skipf("corpus bundle %s is absent (see shared/corpus/README.md): skipping corpus test", bundle)
	}
	dir := filepath.Join(tb.TempDir(), "mattermost-handbook")
	cmd := exec.Command("git", "clone", "-q", "-b", "0.2.1", bundle, dir)
	cmd.Env = gitEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("clone %s: %v\n%s", bundle, err, out)
	}
	return dir
}

func TestOpenCorpus(t *testing.T) {
	t.Parallel()
	dir := corpusClone(t)
	r, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Branch, "0.2.1"; got != want {
		t.Errorf("Branch: got %q, want %q", got, want)
	}
	if got := r.EditURL("", "README.md"); got != "" {
		t.Errorf("EditURL with a bundle remote: got %q, want none", got)
	}
	const page = "operations/workplace/people/working-at-mattermost/learning-and-development.md"
	got, ok := r.Updated(page)
	if want := "2024-08-22 11:19:21 -0400"; !ok || got.Format("2006-01-02 15:04:05 -0700") != want {
		t.Errorf("Updated(%s): got %s (%v), want %s", page, got, ok, want)
	}

	// Every tracked file has a date, and a sample (including names with
	// spaces) agrees with git's own answer for one path.
	g := runner{dir: r.Dir, env: gitEnv()}
	out, err := g.run(context.Background(), "ls-files", "-z")
	if err != nil {
		t.Fatal(err)
	}
	files := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var sample []string
	for i, f := range files {
		if _, ok := r.Updated(f); !ok {
			t.Errorf("Updated(%q): got no date, want one", f)
		}
		if i%40 == 0 || (strings.Contains(f, " ") && len(sample) < 40) {
			sample = append(sample, f)
		}
	}
	for _, f := range sample {
		out, err := g.run(context.Background(), "log", "-1", "--format=%ct", "--", ":(literal)"+f)
		if err != nil {
			t.Fatal(err)
		}
		secs, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := r.Updated(f)
		if want := time.Unix(secs, 0); !got.Equal(want) {
			t.Errorf("Updated(%q): got %s, want %s (git log -1)", f, got, want)
		}
	}
	t.Logf("%d tracked files, %d dated paths, %d compared with git log -1", len(files), r.Len(), len(sample))
}

func BenchmarkOpenCorpus(b *testing.B) {
	dir := corpusClone(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := Open(ctx, dir); err != nil {
			b.Fatal(err)
		}
	}
}
