// Package site turns a loaded book into a static website: it parses every
// page once, renders pages in parallel on all cores, and writes HTML,
// redirects, the 404 page, the sitemap, robots.txt, the theme's files and
// the images and files that pages use, into a temporary directory that is
// swapped in only when the build succeeds.
//
// Links between pages are written as file paths; the site resolves them
// through the book's file-to-URL mapping. A link or image that resolves to
// nothing is a warning with its file, line and column, and is rendered as
// plain text.
package site
