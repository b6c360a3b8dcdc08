package versions_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/versions"
)

// TestSameVersionTwiceIsRenderedOnce publishes the Mattermost handbook's
// 0.2.1 twice, from the work tree and from git objects: every page of
// the second is taken from the first.
func TestSameVersionTwiceIsRenderedOnce(t *testing.T) {
	t.Parallel()
	src := hbtest.Corpus(t)
	cfg := corpusVersions(t, "0.2.1", "origin/0.2.1")
	set, _, err := versions.Load(context.Background(), src, versions.Options{Book: book.Options{ConfigFile: cfg}})
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	if set.Versions[0].WorkTree == set.Versions[1].WorkTree {
		t.Fatal("want one version from the work tree and one from git objects")
	}
	m := &site.Memo{}
	res, err := set.Build(context.Background(), site.Options{Out: filepath.Join(t.TempDir(), "site"), Memo: m})
	if err != nil {
		t.Fatal(err)
	}
	if res[1].Pages != 283 || m.Shared() != res[1].Pages {
		t.Errorf("the second version has %d pages, %d of them taken from the first; want 283, all", res[1].Pages, m.Shared())
	}
}
