package livereload

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// serveEvents streams events to one browser until it goes away, the Hub
// drops it or the Hub is closed.
func (h *Hub) serveEvents(w http.ResponseWriter, r *http.Request) {
	c, ok := h.join()
	if !ok {
		http.Error(w, "the server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer h.leave(c)

	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream")
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Accel-Buffering", "no") // tell proxies not to buffer the stream
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	// A stream lasts as long as the page is open: lift the server's
	// WriteTimeout, if it has one, for this response.
	_ = rc.SetWriteDeadline(time.Time{})
	sent := func(err error) bool {
		if err != nil {
			return false // the browser went away
		}
		if err := rc.Flush(); err != nil {
			if errors.Is(err, http.ErrNotSupported) {
				h.log.Warn("live reload: the event stream cannot be flushed", "err", err)
			}
			return false
		}
		return true
	}
	if !sent(write(w, "retry: 500\n\n")) {
		return
	}
	tick := time.NewTicker(h.keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-c.gone:
			return
		case <-tick.C:
			if !sent(write(w, ": keep-alive\n\n")) {
				return
			}
		case ev := <-c.events:
			if !sent(writeEvent(w, ev)) {
				return
			}
		}
	}
}

// write writes a line of the stream.
func write(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

// writeEvent writes one event: its id, name and one line of JSON data.
func writeEvent(w io.Writer, ev event) error {
	_, err := fmt.Fprintf(w, "id: %d\nevent: %s\ndata: %s\n\n", ev.id, ev.name, ev.data)
	return err
}
