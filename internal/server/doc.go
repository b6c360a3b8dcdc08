// Package server serves a built handbook over HTTP: pretty URLs from the
// output folder, 301 redirects for moved pages, and the 404 page.
package server
