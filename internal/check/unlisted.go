package check

import (
	"path"
	"slices"
	"strings"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
)

// repoFiles are the Markdown files at the root of a repository that are
// about the repository rather than pages of its handbook (GitHub shows
// them), compared without case and without ".md".
var repoFiles = []string{"readme", "changelog", "contributing", "code_of_conduct", "license", "security", "authors"}

// unlisted reports the Markdown files of b that are not pages: GitBook
// does not publish them, which is rarely what their author meant. Left
// out, as GitBook leaves them out or as they are not meant as pages:
//   - the table of contents itself,
//   - files under a folder whose name starts with "." (.gitbook/includes,
//     .github, .handbook) or named node_modules,
//   - files that pages include (included, content-relative),
//   - README.md, CHANGELOG.md, CONTRIBUTING.md and the like at the root of
//     the repository, which GitHub shows.
//
// Without a SUMMARY.md the table of contents is made from the folders, and
// nothing is reported.
func unlisted(b *book.Book, included []string) diag.List {
	sum := path.Clean(b.GitBook.Summary)
	if !b.HasFile(sum) {
		return nil
	}
	sumName := b.SourcePath(sum)
	inc := make(map[string]bool, len(included))
	for _, f := range included {
		inc[f] = true
	}
	var out diag.List
	for _, f := range b.Files() {
		if !strings.EqualFold(path.Ext(f), ".md") || f == sum || b.PageByFile(f) != nil ||
			hiddenPath(f) || inc[f] || isRepoFile(b.SourcePath(f)) {
			continue
		}
		d := diag.Warnf(diag.Pos{File: b.SourcePath(f)}, "%q is not in %s", b.SourcePath(f), sumName).
			WithHint("add it to %s, or delete it: GitBook does not publish it", sumName).WithCode(diag.UnlistedFile)
		out = append(out, d)
	}
	return out
}

// hiddenPath reports whether a slash-separated path lies under a folder
// that is not content (one whose name starts with "." or node_modules),
// or is itself a hidden file.
func hiddenPath(p string) bool {
	for d := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(d, ".") || d == "node_modules" {
			return true
		}
	}
	return false
}

// isRepoFile reports whether a source-relative path is one of repoFiles
// at the repository root.
func isRepoFile(p string) bool {
	if strings.Contains(p, "/") {
		return false
	}
	name := strings.ToLower(strings.TrimSuffix(p, path.Ext(p)))
	return slices.Contains(repoFiles, name)
}
