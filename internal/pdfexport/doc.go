// Package pdfexport prints a handbook, one of its sections or one of its
// pages to PDF: it renders the print view (package site) into a folder,
// prints it with headless Chromium (package pdf) and, for a server, keeps
// the PDFs it made in a cache keyed by the content of the print view,
// making each at most once at a time.
package pdfexport
