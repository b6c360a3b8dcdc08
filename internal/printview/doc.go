// Package printview turns the HTML of one rendered page into a part of a
// print document that holds many pages: its IDs are made unique in the
// document, its headings are levelled for the PDF outline, its
// expandables are opened, its images load at once, and its links to other
// pages of the document become links to anchors inside it.
package printview
