package frontmatter

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/testcorpus"
)

func TestMattermostFrontMatter(t *testing.T) {
	t.Parallel()
	dir := testcorpus.Dir(t)
	pages, described := 0, 0
	var warnings []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && e.Name() == ".git" {
			return filepath.SkipDir
		}
		if e.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		yml, _, _ := Split(src)
		if yml == nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		pages++
		fm, ds := Parse(filepath.ToSlash(rel), yml, 2)
		if ds.HasErrors() {
			t.Errorf("got errors:\n%s\nwant none", ds.Errors().Error())
		}
		for _, d := range ds {
			warnings = append(warnings, d.String())
		}
		if fm.Description != "" {
			described++
		}
		if !reflect.DeepEqual(fm, FrontMatter{Description: fm.Description, Layout: Default().Layout}) {
			t.Errorf("%s: got %+v, want only a description", rel, fm)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pages, 65; got != want {
		t.Errorf("got %d pages with front matter, want %d", got, want)
	}
	// 64 pages set "description"; one of them to null.
	if got, want := described, 63; got != want {
		t.Errorf("got %d descriptions, want %d", got, want)
	}
	want := "operations/workplace/people/README.md:2:1: warning: unknown front matter key \"Description\"\n\thint: did you mean \"description\"?"
	if got := strings.Join(warnings, "\n"); got != want {
		t.Errorf("got warnings:\n%s\nwant:\n%s", got, want)
	}
}
