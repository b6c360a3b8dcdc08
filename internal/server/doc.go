// Package server serves a built handbook over HTTP: pretty URLs from the
// output folder, 301 redirects for moved pages, the 404 page, and the
// search API, GET /api/search?q=...&limit=..., which answers from the
// site's static search index (package search) as JSON.
package server
