// Package versions loads every version of a handbook that handbook.yaml
// lists, each a git branch or tag, and builds them into one site: the
// first version at the site root, the others under /v/<path>/.
//
// A version is read straight from git objects, never by checking it out:
// the work tree, the index and the repository are left as they are. The
// version checked out in the source folder is read from the folder
// itself, so that edits show before they are committed.
package versions
