// Package server serves a built handbook over HTTP: pretty URLs from the
// output folder, 301 redirects for moved pages, the 404 page, and the
// search API, GET /api/search?q=...&limit=..., which answers from the
// site's static search index (package search) as JSON.
//
// With a feedback.Store (NewWith), it also takes the ratings of the "Was
// this helpful?" widget at POST /api/feedback and serves the insights
// dashboard under insights.Prefix. The API answers JSON: 201 {"id"} for a
// new rating, 200 {"id"} when a rating of the last hour is amended with
// its id, and a 4xx {"error"} that stores nothing for any bad input. It is
// anonymous: the client address only keys a rate limit, under a salted
// hash kept in memory. The server never imports a concrete store.
package server
