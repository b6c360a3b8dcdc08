// Package livereload tells the browsers showing a handbook served by
// `handbook serve` to reload when pages change, and shows the problems of a
// failed build over the page.
//
// # Basics
//
// A [Hub] keeps one server-sent events stream per browser. [Hub.Reload]
// names the pages (URL paths) that changed, or every page; [Hub.Fail] shows
// an overlay listing a failed build's problems in every browser, and in
// every browser that connects while the build stays failed; [Hub.Clear]
// removes it. Everything the Hub serves lives under [Prefix]:
//
//   - GET /_live/events: the stream (text/event-stream). It starts with
//     "retry: 500", sends a comment every 20 seconds to keep the connection
//     open, and the events "reload" (data {"paths":[...]} or {"all":true}),
//     "error" (data {"problems":[...]}) and "ok", each with an increasing id.
//   - GET /_live/client.js: the script that pages load. It has no
//     dependencies and runs under a strict Content-Security-Policy (no inline
//     script or style attributes).
//
// [Hub.Wrap] puts the Hub in front of the site's handler: it serves [Prefix]
// itself and adds the script tag to every HTML page through [Inject].
//
// # The browser side
//
// The script reloads the page when an event names its path (decoded, with or
// without a trailing slash or "index.html") or every page. Before reloading
// it keeps the scroll position of the window and of the theme's scrolling
// panels (the sidebar and the outline) in sessionStorage, keyed by path, and
// puts them back once the reloaded page has loaded. An "error" event shows a
// dialog ("Build failed", role alertdialog) listing
// "file:line:col: severity: message" and hints; Escape or its close button
// dismiss it, an "ok" event removes it. When the stream is lost (the server
// restarted), the browser reconnects and reloads the page once.
//
// # Caveats
//
// A slow browser never holds up the others: each stream has a small buffer,
// and a stream whose buffer is full is ended; its browser reconnects and
// reloads. [Hub.Close] ends every stream, so that http.Server.Shutdown,
// which waits for open requests, can return.
package livereload
