package gitinfo

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestResolveRef(t *testing.T) {
	t.Parallel()
	dir, old := versionsRepo(t)
	clone := filepath.Join(t.TempDir(), "clone")
	gitT(t, t.TempDir(), "", "clone", "-q", "file://"+filepath.ToSlash(dir), clone)
	main := strings.TrimSpace(gitT(t, dir, "", "rev-parse", "main"))
	ctx := context.Background()
	for _, tc := range []struct {
		name, dir, ref, want string
	}{
		{"branch", dir, "old", old},
		{"tag", dir, "v0.1", old},
		{"hash", dir, old, old},
		{"checked-out branch", dir, "main", main},
		{"remote-tracking branch only", clone, "old", old},
		{"remote-tracking branch by full name", clone, "origin/old", old},
	} {
		got, err := ResolveRef(ctx, tc.dir, tc.ref)
		if err != nil || got != tc.want {
			t.Errorf("%s: ResolveRef(%q) = %q, %v; want %s", tc.name, tc.ref, got, err, tc.want)
		}
	}
	if out := gitT(t, clone, "", "branch", "--list", "old"); out != "" {
		t.Errorf("the clone has a local branch old (%q): the test would not test the fallback", out)
	}
	for _, ref := range []string{"nope", "-x", "--all", "main..old", "a b", "old\n", "", "v0.1:README.md"} {
		if got, err := ResolveRef(ctx, dir, ref); !errors.Is(err, ErrUnknownRef) {
			t.Errorf("ResolveRef(%q) = %q, %v; want ErrUnknownRef", ref, got, err)
		}
	}
	_, err := ResolveRef(ctx, dir, "nope")
	if msg := err.Error(); !strings.Contains(msg, `"nope"`) || !strings.Contains(msg, "git fetch origin nope") {
		t.Errorf("error %q: want it to name the ref and say how to fetch it", msg)
	}
	if _, err := ResolveRef(ctx, t.TempDir(), "main"); !errors.Is(err, ErrNotRepo) {
		t.Errorf("ResolveRef outside a repository: got %v, want ErrNotRepo", err)
	}
}

func TestOpenTreeInACloneFallsBackToOrigin(t *testing.T) {
	t.Parallel()
	dir, old := versionsRepo(t)
	clone := filepath.Join(t.TempDir(), "clone")
	gitT(t, t.TempDir(), "", "clone", "-q", "file://"+filepath.ToSlash(dir), clone)
	tr := openTreeT(t, clone, "old")
	if tr.Commit() != old {
		t.Errorf("Commit: got %s, want %s", tr.Commit(), old)
	}
	if got, err := tr.ReadFile("only-old.md"); err != nil || string(got) != oldFiles["only-old.md"] {
		t.Errorf("ReadFile(only-old.md): got %q, %v", got, err)
	}
}

func TestOpenWithRefReadsThatHistory(t *testing.T) {
	t.Parallel()
	dir, old := versionsRepo(t)
	ctx := context.Background()
	for _, tc := range []struct {
		ref   string
		dates map[string]string // path -> date, "" for none
		head  string            // newest commit
	}{
		{"old", map[string]string{"README.md": "2020-06-01", "only-old.md": "2020-01-01", "docs/guide.md": "2020-01-01", "docs/intro.md": ""}, old},
		{"", map[string]string{"README.md": "2021-03-03", "only-old.md": "2021-03-03", "docs/intro.md": "2021-03-03"}, ""},
	} {
		r, err := OpenWith(ctx, dir, OpenOptions{Ref: tc.ref})
		if err != nil {
			t.Fatalf("OpenWith(Ref: %q): %v", tc.ref, err)
		}
		wantBranch := tc.ref
		if tc.ref == "" {
			wantBranch = "main"
		}
		if r.Branch != wantBranch {
			t.Errorf("Ref %q: Branch = %q, want %q", tc.ref, r.Branch, wantBranch)
		}
		for p, want := range tc.dates {
			got, ok := r.Updated(p)
			switch {
			case want == "" && ok:
				t.Errorf("Ref %q: Updated(%q) = %s, want no date", tc.ref, p, got)
			case want != "" && (!ok || got.Format(time.DateOnly) != want):
				t.Errorf("Ref %q: Updated(%q) = %s (%v), want %s", tc.ref, p, got.Format(time.DateOnly), ok, want)
			}
		}
		if tc.head != "" && (len(r.Commits()) == 0 || r.Commits()[0].Hash != tc.head) {
			t.Errorf("Ref %q: newest commit is not %s: %+v", tc.ref, tc.head, r.Commits())
		}
	}
	r, err := OpenWith(ctx, dir, OpenOptions{Ref: "old", Pathspec: "docs"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Updated("README.md"); ok || r.Len() == 0 {
		t.Errorf("Ref and Pathspec: got %d dates, README.md dated %v; want docs only", r.Len(), ok)
	}
	if _, err := OpenWith(ctx, dir, OpenOptions{Ref: "nope"}); !errors.Is(err, ErrUnknownRef) {
		t.Errorf("OpenWith(Ref: nope): got %v, want ErrUnknownRef", err)
	}
	if _, err := OpenWith(ctx, dir, OpenOptions{Ref: "--output=x"}); !errors.Is(err, ErrUnknownRef) {
		t.Errorf("OpenWith(Ref: --output=x): got %v, want ErrUnknownRef", err)
	}
}
