package site_test

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/search"
)

// TestSearchQueriesOnCorpus runs the queries of testdata/search-queries.txt
// on the Mattermost handbook and requires that, for at least 90% of them,
// an expected page is among the first three pages found.
func TestSearchQueriesOnCorpus(t *testing.T) {
	t.Parallel()
	_, _, out := buildCorpus(t)
	f, err := os.Open("testdata/search-queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	matches, err := os.ReadDir(out + "/_handbook/search")
	if err != nil {
		t.Fatal(err)
	}
	entry := ""
	for _, m := range matches {
		if m.Name() == search.EntryName {
			entry = "_handbook/search/" + m.Name()
		}
	}
	s, err := search.Open(os.DirFS(out), entry)
	if err != nil {
		t.Fatal(err)
	}
	total, hits := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("no tab in %q", line)
		}
		res, err := s.Search(q, 50)
		if err != nil {
			t.Fatal(err)
		}
		var pages []string
		for _, r := range res {
			if len(pages) < 3 && !slices.Contains(pages, r.Page) {
				pages = append(pages, r.Page)
			}
		}
		total++
		found := false
		for _, w := range strings.Split(want, " | ") {
			if slices.Contains(pages, strings.TrimSpace(w)) {
				found = true
			}
		}
		if found {
			hits++
		} else {
			t.Logf("miss: %q: got %q, want %s", q, pages, want)
		}
	}
	if total < 40 {
		t.Fatalf("got %d queries, want at least 40", total)
	}
	rate := float64(hits) / float64(total)
	t.Logf("top-3 hit rate: %d/%d = %.0f%%", hits, total, rate*100)
	if rate < 0.9 {
		t.Errorf("top-3 hit rate %.2f, want at least 0.90", rate)
	}
}
