package livereload

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Prefix is the URL path under which the Hub serves everything.
const Prefix = "/_live"

// Paths the Hub serves.
const (
	eventsPath = Prefix + "/events"
	clientPath = Prefix + "/client.js"
)

// clientBuffer is how many events wait for a slow browser before its
// stream is ended.
const clientBuffer = 16

// Problem is one problem of a failed build, sent to the browsers as JSON.
type Problem struct {
	File     string `json:"file,omitempty"` // path from the book's root
	Line     int    `json:"line,omitempty"` // 1-based; 0 when unknown
	Col      int    `json:"col,omitempty"`  // 1-based; 0 when unknown
	Severity string `json:"severity"`       // "error", "warning"
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"` // what to do, if known
}

// Hub sends reloads and build problems to every connected browser. Its
// methods may be called from any goroutine.
type Hub struct {
	log       *slog.Logger
	keepAlive time.Duration

	mu      sync.Mutex
	clients map[*client]struct{}
	lastID  uint64
	failure []byte // data of the current "error" event; nil when the build is good
	closed  bool
	done    chan struct{} // closed by Close
}

// event is one server-sent event.
type event struct {
	id   uint64
	name string
	data []byte
}

// client is one browser's stream.
type client struct {
	events chan event
	gone   chan struct{} // closed when the Hub drops the client
}

// NewHub makes a Hub that logs to log (nil means slog.Default()).
func NewHub(log *slog.Logger) *Hub {
	if log == nil {
		log = slog.Default()
	}
	return &Hub{
		log:       log,
		keepAlive: 20 * time.Second,
		clients:   make(map[*client]struct{}),
		done:      make(chan struct{}),
	}
}

// ServeHTTP serves the event stream at /_live/events and the browser script
// at /_live/client.js.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		h.serveEvents(w, r)
	case clientPath:
		serveClient(w, r)
	default:
		http.NotFound(w, r)
	}
}

// Reload tells the browsers that the pages at these URL paths ("/a/b")
// changed; nil means every page. An empty, non-nil list does nothing.
func (h *Hub) Reload(paths []string) {
	var msg any = struct {
		All bool `json:"all"`
	}{true}
	if paths != nil {
		if len(paths) == 0 {
			return
		}
		msg = struct {
			Paths []string `json:"paths"`
		}{paths}
	}
	h.broadcast("reload", mustJSON(msg))
}

// Fail shows the problems of a failed build in every browser, and in every
// browser that connects until Clear is called.
func (h *Hub) Fail(problems []Problem) {
	if problems == nil {
		problems = []Problem{}
	}
	data := mustJSON(struct {
		Problems []Problem `json:"problems"`
	}{problems})
	h.mu.Lock()
	defer h.mu.Unlock()
	h.failure = data
	h.sendLocked("error", data)
}

// Clear removes the problems shown by Fail: the build is good again. The
// pages are not reloaded; call Reload for that.
func (h *Hub) Clear() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.failure == nil {
		return
	}
	h.failure = nil
	h.sendLocked("ok", []byte("{}"))
}

// Close ends every stream, and the streams of browsers that connect later
// at once. Call it before http.Server.Shutdown, which waits for them.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	close(h.done)
	for c := range h.clients {
		h.dropLocked(c)
	}
}

func (h *Hub) broadcast(name string, data []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.sendLocked(name, data)
}

// sendLocked queues an event for every client, ending the stream of a
// client whose buffer is full.
func (h *Hub) sendLocked(name string, data []byte) {
	h.lastID++
	ev := event{id: h.lastID, name: name, data: data}
	for c := range h.clients {
		select {
		case c.events <- ev:
		default:
			h.log.Warn("live reload: a browser is too slow, ending its stream")
			h.dropLocked(c)
		}
	}
}

// join adds a client, with the current failure queued for it; ok is false
// once the Hub is closed.
func (h *Hub) join() (c *client, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	c = &client{events: make(chan event, clientBuffer), gone: make(chan struct{})}
	if h.failure != nil {
		h.lastID++
		c.events <- event{id: h.lastID, name: "error", data: h.failure}
	}
	h.clients[c] = struct{}{}
	return c, true
}

// leave removes a client whose stream ended.
func (h *Hub) leave(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		h.dropLocked(c)
	}
}

func (h *Hub) dropLocked(c *client) {
	delete(h.clients, c)
	close(c.gone)
}

// mustJSON encodes values that always encode: structs of strings and ints.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("livereload: encode event: " + err.Error()) // an invariant: the types above always encode
	}
	return b
}

// Interface guards
var _ http.Handler = (*Hub)(nil)
