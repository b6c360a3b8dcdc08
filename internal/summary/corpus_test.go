package summary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/testcorpus"
)

// corpusDir returns a clone of the Mattermost handbook, or skips the test.
func corpusDir(t testing.TB) string { return testcorpus.Dir(t) }

func TestMattermostSummary(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(corpusDir(t), "SUMMARY.md"))
	if err != nil {
		t.Fatal(err)
	}
	s, ds := Parse("SUMMARY.md", src)
	if len(ds) != 0 {
		t.Errorf("got diagnostics:\n%s\nwant none", ds.Error())
	}
	if got, want := s.Title, "Table of contents"; got != want {
		t.Errorf("got title %q, want %q", got, want)
	}
	var titles []string
	for _, g := range s.Groups {
		titles = append(titles, g.Title)
	}
	if got, want := strings.Join(titles, "|"), "|Company|Operations|Contributors|Help and support"; got != want {
		t.Errorf("got groups %q, want %q", got, want)
	}

	var all []*Item
	var walk func([]*Item)
	walk = func(its []*Item) {
		for _, it := range its {
			all = append(all, it)
			walk(it.Children)
		}
	}
	for _, g := range s.Groups {
		walk(g.Items)
	}
	// 285 list items; two files are listed twice, so 283 distinct targets.
	targets := map[string]bool{}
	rooted := 0
	for _, it := range all {
		targets[it.Target] = true
		if strings.HasPrefix(it.Target, "/operations/") {
			rooted++
		}
		if it.Target == "" || it.External || it.Title == "" {
			t.Errorf("%s: got entry %q -> %q external=%v, want a titled local page", it.Pos, it.Title, it.Target, it.External)
		}
	}
	if got, want := len(all), 285; got != want {
		t.Errorf("got %d entries, want %d", got, want)
	}
	if got, want := len(targets), 283; got != want {
		t.Errorf("got %d distinct targets, want %d", got, want)
	}
	if got, want := rooted, 8; got != want {
		t.Errorf("got %d targets starting with /operations/, want %d", got, want)
	}
	if !targets["/operations/research-and-development/organization/tech_writing.md"] {
		t.Errorf("got no root-relative tech_writing.md target, want it with its leading slash")
	}

	mlt := s.Groups[2].Items[0].Children[1]
	if got, want := mlt.Title, "Mattermost Leadership Team (MLT)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := mlt.Pos.String(), "SUMMARY.md:24:5"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
