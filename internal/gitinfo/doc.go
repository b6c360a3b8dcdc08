// Package gitinfo reads history facts from the git repository that holds a
// book: when each file last changed, the current branch, the origin remote,
// and the "edit this page" URL derived from them.
//
// It also reads a version of a book straight from git objects: ResolveRef
// finds the commit a branch or tag names (or origin/<name>), and OpenTree
// serves that commit's files as an fs.FS through one git cat-file process,
// without checking anything out. Where says where a folder sits in its
// repository and what is checked out.
//
// # Cost
//
// Open runs a handful of short git processes and reads the last-change
// dates of every file with a single git log over the whole history (or over
// one pathspec), so asking for a date afterwards is a map lookup. On the
// Mattermost handbook (1,899 commits) Open takes a few tens of milliseconds.
//
// # Caveats
//
// Dates are committer dates (the moment a change landed on the branch),
// kept in the committer's time zone. In a shallow clone, files not changed
// since the shallow boundary carry the boundary commit's date. Changes that
// exist only in merge resolutions are not seen, as with git log without -m.
//
// When dir is not inside a git repository, or git is not installed, Open
// returns ErrNotRepo so that callers can carry on without dates.
package gitinfo
