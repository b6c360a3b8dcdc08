// Package book loads a GitBook "Git Sync" repository into a Book: the
// table of contents as a tree of sidebar entries, the pages in reading
// order with their front matter and their URLs, and the redirects.
//
// Loading reads files but renders nothing. A page's URL follows the table
// of contents, as GitBook publishes it: the group's slug, then each
// ancestor page's slug, then the page's own slug, where a page's slug is
// its file name without ".md", or its folder's name for a README.md. The
// first page is "/". A file listed twice is one page; the later entry is a
// sidebar link to it. A listed file that does not exist is an empty page
// and a warning. Files not listed in SUMMARY.md are not pages.
//
// Every read goes through an os.Root opened on the source directory, so
// nothing outside the repository is ever read, whatever its links say.
package book
