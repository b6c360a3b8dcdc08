package livereload

import (
	_ "embed"
	"net/http"
)

// clientJS is the browser side of live reload.
//
//go:embed client.js
var clientJS []byte

// serveClient serves the browser script; it is never cached, so that a
// new server's script is always the one that runs.
func serveClient(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Type", "text/javascript; charset=utf-8")
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(clientJS) // the browser went away; nothing to do
}
