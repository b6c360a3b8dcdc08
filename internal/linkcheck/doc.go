// Package linkcheck checks that the http and https links and images of a
// handbook still answer. It is what "handbook check --external" runs.
//
// # Basics
//
// Check takes every Link (a URL and where it was written) and returns one
// diagnostic per Link whose URL is broken, at that Link's position, sorted.
// Each distinct URL is requested once, however many pages link to it; the
// fragment ("#section") is dropped before comparing. Links with another
// scheme (mailto:, tel:, ftp:, relative paths) are skipped silently; a URL
// that cannot be parsed is a warning.
//
// # Requests
//
// A URL is first asked for with HEAD. When the server answers 400, 403,
// 404, 405, 410 or 501, or drops the connection, it is asked again with
// GET, of which only the first few kilobytes are read: many servers answer
// HEAD badly, and a link is only called gone once GET agrees. Redirects are
// followed (at most 10) and the final status counts. Every request has its
// own timeout (Options.Timeout).
//
// A 429 Too Many Requests is retried once after the server's Retry-After
// (at most 10 seconds; a longer wait is not attempted).
//
// # Verdicts
//
// A 2xx answer is fine. A 404 or 410 is an error ("is gone"): the page no
// longer exists. Everything else that is not a 2xx is a warning, because
// the link may well work for a reader: 401 and 403 (after GET), 429, 5xx,
// timeouts, DNS failures, refused connections and TLS errors. Every
// diagnostic has the code diag.ExternalLink.
//
// # Limits
//
// At most Options.Concurrency URLs are checked at once in all, and at most
// Options.PerHost at once on one host, so that a book with hundreds of
// links to one site does not flood it. Cancelling the context stops every
// request in flight and makes Check return the context's error.
//
// # Cache
//
// With Options.CacheFile set, results are kept in a JSON file between runs:
//
//	{"version":1,"results":{"https://example.com/":{"status":200,"checked":"2025-01-02T15:04:05Z"}}}
//
// A result younger than Options.MaxAge is reused without a request; a
// failure is reused for at most an hour, so that a fixed site is noticed
// soon. Network errors are stored with status 0 and their description in
// "error". Rate-limited answers are never stored. The file is read at the
// start (a missing, unreadable or corrupt file is ignored, with a logged
// warning when it exists) and written at the end, also after a
// cancellation, with this run's results merged into the earlier ones and
// results older than 30 days dropped. The write goes to a temporary file in
// the same folder, then renamed over the cache, so a reader never sees half
// a file. The folder is created if missing.
package linkcheck
