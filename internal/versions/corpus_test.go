package versions_test

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/versions"
)

// corpusVersions writes a handbook.yaml publishing the Mattermost
// handbook's refs as versions, the first the default, and returns its
// path.
func corpusVersions(t testing.TB, refs ...string) string {
	t.Helper()
	dir := t.TempDir()
	yaml := "-- handbook.yaml --\ntitle: Mattermost Handbook\nbase_url: https://handbook.mattermost.com/\nversions:\n"
	for _, ref := range refs {
		yaml += fmt.Sprintf("  - ref: %q\n", ref)
	}
	hbtest.Write(t, dir, yaml)
	return filepath.Join(dir, "handbook.yaml")
}

// pageFile is the output file of the page at url in a version's folder.
func pageFile(prefix, url string) string {
	return path.Join(prefix, strings.TrimPrefix(url, "/"), "index.html")
}

// TestCorpusVersions publishes the Mattermost handbook's 0.2.1 at the
// root and 0.2.0 under /v/0.2.0/, and checks each version's "Last
// updated" dates against its own branch's history.
func TestCorpusVersions(t *testing.T) {
	src := hbtest.Corpus(t)
	ctx := context.Background()
	set, _, err := versions.Load(ctx, src, versions.Options{Book: book.Options{ConfigFile: corpusVersions(t, "0.2.1", "0.2.0")}})
	if err != nil {
		t.Fatalf("load versions: %v", err)
	}
	defer set.Close()
	out := filepath.Join(t.TempDir(), "site")
	res, err := set.Build(ctx, site.Options{Out: out})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if len(res) != 2 {
		t.Fatalf("got %d results, want one per version", len(res))
	}
	cur, old := set.Versions[0], set.Versions[1]
	if !cur.WorkTree || cur.Site.Prefix != "" {
		t.Errorf("0.2.1: from the work tree %v, prefix %q; want the work tree, at the root", cur.WorkTree, cur.Site.Prefix)
	}
	if old.WorkTree || old.Site.Prefix != "v/0.2.0/" {
		t.Errorf("0.2.0: from the work tree %v, prefix %q; want git objects, under v/0.2.0/", old.WorkTree, old.Site.Prefix)
	}
	if res[0].Pages != 283 {
		t.Errorf("0.2.1 has %d pages, want the 283 of its SUMMARY.md", res[0].Pages)
	}
	if res[1].Pages != len(old.Book.Pages) || res[1].Pages < 20 {
		t.Errorf("0.2.0: built %d pages of %d", res[1].Pages, len(old.Book.Pages))
	}

	// Each version's pages are in its own folder, with its own text.
	for _, p := range old.Book.Pages {
		if p.Missing {
			continue
		}
		page := read(t, out, pageFile("v/0.2.0", p.URL))
		if sel := selectorRE.FindString(page); !strings.Contains(sel, `<summary aria-label="Version">0.2.0</summary>`) {
			t.Errorf("v/0.2.0%s: the selector does not show 0.2.0 as current:\n%s", p.URL, sel)
		}
	}
	// /operations/sales is in both versions (sales/README.md in 0.2.1,
	// sales.md in 0.2.0); /help-and-support/contact-us only in 0.2.1.
	for _, tc := range []struct {
		file, to021, to020 string
	}{
		{"operations/sales/index.html", "/operations/sales", "/v/0.2.0/operations/sales"},
		{"v/0.2.0/operations/sales/index.html", "/operations/sales", "/v/0.2.0/operations/sales"},
		{"help-and-support/contact-us/index.html", "/help-and-support/contact-us", "/v/0.2.0/"},
	} {
		got := selector(t, read(t, out, tc.file))
		if got["0.2.1"] != tc.to021 || got["0.2.0"] != tc.to020 {
			t.Errorf("%s: selector links %v, want 0.2.1 → %s and 0.2.0 → %s", tc.file, got, tc.to021, tc.to020)
		}
	}
	oldHome := read(t, out, "v/0.2.0/index.html")
	if home := read(t, out, "index.html"); home == oldHome {
		t.Error("the home pages of 0.2.1 and 0.2.0 are the same")
	}
	if !strings.Contains(oldHome, "VPMOM") {
		t.Error("0.2.0's home has none of 0.2.0's table of contents (How to VPMOM)")
	}

	// "Last updated" is the committer date of the version's own last
	// change to the page's file, as git log gives it.
	for _, v := range set.Versions {
		ref := v.Config.Ref
		if !v.WorkTree {
			ref = v.Site.GitRef
		}
		checked := 0
		for i, p := range v.Book.Pages {
			if p.Missing || i%15 != 0 && i != len(v.Book.Pages)-1 && len(v.Book.Pages) > 30 {
				continue
			}
			iso := strings.TrimSpace(git(t, src, "", "log", "-1", "--format=%cI", ref, "--", v.Book.SourcePath(p.File)))
			when, err := time.Parse(time.RFC3339, iso)
			if err != nil {
				t.Fatalf("%s %s: git log date %q: %v", v.Config.Ref, p.File, iso, err)
			}
			want := when.UTC().Format(time.RFC3339)
			file := pageFile(v.Site.Prefix, p.URL)
			if got := first(updatedRE, read(t, out, file)); got != want {
				t.Errorf("%s %s (%s): last updated %q, want %q (git log -1 --format=%%cI %s -- %s)", v.Config.Ref, file, p.File, got, want, ref, p.File)
			}
			checked++
		}
		if checked < 10 {
			t.Errorf("%s: only %d pages checked", v.Config.Ref, checked)
		}
	}
}
