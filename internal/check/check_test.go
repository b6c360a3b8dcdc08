package check

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// runOn writes files (a txtar archive) to a folder and checks it.
func runOn(t *testing.T, files string) *Report {
	t.Helper()
	dir := t.TempDir()
	hbtest.Write(t, dir, files)
	r, err := Run(context.Background(), dir, Options{})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return r
}

func TestRunReportsEverythingSorted(t *testing.T) {
	t.Parallel()
	r := runOn(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Gone](gone.md)
-- README.md --
---
hidden: [1]
---
# Home

[dead](nowhere.md) and [out](https://example.com/x)
-- extra.md --
# Extra
`)
	if r.Book == nil {
		t.Fatal("got no book, want the book loaded despite its front matter error")
	}
	want := []string{
		`README.md:2:9: error: front matter key "hidden" must be true or false, not a list`,
		`README.md:6:8: error: link target "nowhere.md" does not exist`,
		`SUMMARY.md:2:3: error: "gone.md" does not exist`,
		`extra.md: warning: "extra.md" is not in SUMMARY.md`,
	}
	if len(r.Diags) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%s", len(r.Diags), len(want), r.Diags)
	}
	for i, d := range r.Diags {
		line := d.String()
		if d.Hint != "" {
			line = line[:len(line)-len("\n\thint: "+d.Hint)]
		}
		if line != want[i] {
			t.Errorf("diagnostic %d: got %q, want %q", i, line, want[i])
		}
	}
	if len(r.External) != 1 || r.External[0].URL != "https://example.com/x" || r.External[0].Pos.Line != 6 {
		t.Errorf("got external links %+v, want https://example.com/x on line 6", r.External)
	}
	if got := r.Summary(); got != "3 errors, 1 warning" {
		t.Errorf("got summary %q, want %q", got, "3 errors, 1 warning")
	}
}

func TestRunBookThatDoesNotLoad(t *testing.T) {
	t.Parallel()
	r := runOn(t, `
-- notes.txt --
not a page
`)
	if r.Book != nil || len(r.External) != 0 {
		t.Errorf("got a book or links, want neither")
	}
	if len(r.Diags) != 1 || r.Diags[0].Pos.File != "SUMMARY.md" || !r.Failed(false) {
		t.Errorf("got %v, want one error at SUMMARY.md", r.Diags)
	}
}

func TestRunSourceNotAFolder(t *testing.T) {
	t.Parallel()
	if _, err := Run(context.Background(), filepath.Join(t.TempDir(), "nowhere"), Options{}); err == nil {
		t.Error("got no error for a missing source folder")
	}
}
