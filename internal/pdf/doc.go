// Package pdf prints an HTML document to a PDF file with a headless
// Chromium or Chrome.
//
// The caller serves the document, on a loopback http:// URL or as a
// file:// URL, and calls [Print]. Print waits until the document, its
// images and its web fonts are loaded, then asks the browser to print it
// with the page size of the document's CSS, its backgrounds, an outline
// (PDF bookmarks) made from its headings, tags for assistive technology
// and, on request, a footer with the title and the page number. The
// browser sends the PDF as a stream, which Print writes to a temporary
// file beside the output and then renames, so the output is never
// half-written.
//
// [FindChrome] finds the browser: an explicit path, $CHROME, the usual
// names on PATH, or the usual install paths.
package pdf
