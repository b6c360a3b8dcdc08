package check

import (
	"context"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
)

func TestUnlisted(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		files    string
		included []string
		want     []string
	}{
		{
			name: "files GitBook does not publish",
			files: `
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide/README.md)
-- README.md --
# Home
-- guide/README.md --
# Guide
-- guide/draft.md --
# Draft
-- guide/old/notes.MD --
# Notes
-- guide/picture.png --
png
`,
			want: []string{
				`guide/draft.md: warning: "guide/draft.md" is not in SUMMARY.md` + "\n\thint: add it to SUMMARY.md, or delete it: GitBook does not publish it",
				`guide/old/notes.MD: warning: "guide/old/notes.MD" is not in SUMMARY.md` + "\n\thint: add it to SUMMARY.md, or delete it: GitBook does not publish it",
			},
		},
		{
			name: "hidden folders, includes, repository files and the summary",
			files: `
-- SUMMARY.md --
* [Guide](guide.md)
-- guide.md --
# Guide
-- README.md --
# For GitHub
-- CONTRIBUTING.md --
# Contributing
-- .gitbook/includes/snippet.md --
Snippet
-- .github/PULL_REQUEST_TEMPLATE.md --
# PR
-- .notes.md --
hidden
-- parts/shared.md --
Included from a page
-- parts/CHANGELOG.md --
# Not at the root: a page that is missing
`,
			included: []string{"parts/shared.md"},
			want: []string{
				`parts/CHANGELOG.md: warning: "parts/CHANGELOG.md" is not in SUMMARY.md` + "\n\thint: add it to SUMMARY.md, or delete it: GitBook does not publish it",
			},
		},
		{
			name: "content root and summary elsewhere",
			files: `
-- .gitbook.yaml --
root: ./docs/
structure:
  summary: toc/SUMMARY.md
-- README.md --
# Outside the content root
-- docs/toc/SUMMARY.md --
* [Home](../README.md)
-- docs/README.md --
# Home
-- docs/other.md --
# Other
`,
			want: []string{
				`docs/other.md: warning: "docs/other.md" is not in docs/toc/SUMMARY.md` + "\n\thint: add it to docs/toc/SUMMARY.md, or delete it: GitBook does not publish it",
			},
		},
		{
			name: "no SUMMARY.md: the folders are the table of contents",
			files: `
-- README.md --
# Home
-- loose/page.md --
# In a folder without README.md
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			hbtest.Write(t, dir, tc.files)
			b, err := book.Load(context.Background(), dir, book.Options{})
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			got := unlisted(b, tc.included)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(got), len(tc.want), got)
			}
			for i, d := range got {
				if d.String() != tc.want[i] || d.Code != "unlisted-file" {
					t.Errorf("got %q (code %q), want %q (unlisted-file)", d.String(), d.Code, tc.want[i])
				}
			}
		})
	}
}
