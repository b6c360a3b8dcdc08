// Package feedback is the domain of "Was this helpful?": an anonymous
// rating of a page (good, ok or bad) with an optional comment, how one is
// checked, and the Store interface that keeps them.
//
// An Entry holds the time, the page, the rating, the comment and the
// handbook version, and nothing that identifies a reader. Its ID is a
// random token handed back to the reader's browser so that a comment
// written after the rating lands on the same entry (Store.Amend).
//
// The stores live in subpackages: sqlitestore (the default, a file under
// the data folder) and pgstore (PostgreSQL, shared by several servers).
// storetest is the conformance suite both pass.
package feedback
