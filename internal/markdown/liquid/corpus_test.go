package liquid

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/testcorpus"
)

// TestMain removes the corpus clone after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	testcorpus.Cleanup()
	os.Exit(code)
}

// corpusPages returns the Markdown pages of the Mattermost handbook.
func corpusPages(tb testing.TB) map[string][]byte {
	tb.Helper()
	dir := testcorpus.Dir(tb)
	pages := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		src, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		pages[filepath.ToSlash(rel)] = src
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// TestMattermostCorpus scans every page of a real handbook: it has three
// hints and a legacy embed, all well formed.
func TestMattermostCorpus(t *testing.T) {
	t.Parallel()
	got := map[string]string{}
	for path, src := range corpusPages(t) {
		tags, errs := Scan(src)
		for _, e := range errs {
			t.Errorf("%s: %v", path, e)
		}
		nodes, perrs := Pair(tags)
		for _, e := range perrs {
			t.Errorf("%s: %v", path, e)
		}
		if len(nodes) > 0 {
			got[path] = tree(nodes)
		}
	}
	want := map[string]string{
		"operations/workplace/README.md":                                   "embed",
		"operations/security/product-security/working-on-sensitive-prs.md": "hint{} hint{}",
		"contributors/contributors/community.md":                           "hint{}",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func BenchmarkScanCorpus(b *testing.B) {
	var pages [][]byte
	size := 0
	for _, src := range corpusPages(b) {
		pages = append(pages, src)
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range pages {
			Scan(src)
		}
	}
}

// BenchmarkScanCorpusJoined scans the whole handbook as one input, which
// has tags, so the check for "{%" that lets most pages through at once does
// not apply.
func BenchmarkScanCorpusJoined(b *testing.B) {
	var all []byte
	for _, src := range corpusPages(b) {
		all = append(all, src...)
		all = append(all, '\n')
	}
	b.SetBytes(int64(len(all)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(all)
	}
}
