package livereload_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/livereload"
)

// wait bounds how long a test waits for something expected; it is generous
// and nothing measures time.
const wait = 10 * time.Second

// sse is one event stream read by a test.
type sse struct {
	r    *bufio.Reader
	body io.ReadCloser
}

// message is one block of a stream: its fields by name.
type message map[string]string

// server serves a Hub in front of a plain page.
func server(t *testing.T) (*livereload.Hub, *httptest.Server) {
	t.Helper()
	hub := livereload.NewHub(nil)
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, "<html><head></head><body>page</body></html>")
	})
	srv := httptest.NewServer(hub.Wrap(site))
	t.Cleanup(func() {
		hub.Close()
		srv.Close()
	})
	return hub, srv
}

// connect opens a stream and reads its opening "retry" block.
func connect(t *testing.T, srv *httptest.Server) *sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+livereload.Prefix+"/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("GET events: %v", err)
	}
	t.Cleanup(func() { _ = res.Body.Close() })
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET events: status %d", res.StatusCode)
	}
	for name, want := range map[string]string{"Content-Type": "text/event-stream", "Cache-Control": "no-cache"} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	s := &sse{r: bufio.NewReader(res.Body), body: res.Body}
	if m := s.next(t); m["retry"] != "500" {
		t.Fatalf("first block: got %v, want retry: 500", m)
	}
	return s
}

// read reads the next block, comments left out, or fails with io.EOF.
func (s *sse) read() (message, error) {
	m := message{}
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "" && len(m) > 0:
			return m, nil
		case line == "", strings.HasPrefix(line, ":"):
		default:
			name, value, _ := strings.Cut(line, ":")
			m[name] = strings.TrimPrefix(value, " ")
		}
	}
}

// next reads the next block, failing the test after wait.
func (s *sse) next(t *testing.T) message {
	t.Helper()
	type result struct {
		m   message
		err error
	}
	c := make(chan result, 1)
	go func() {
		m, err := s.read()
		c <- result{m, err}
	}()
	select {
	case r := <-c:
		if r.err != nil {
			t.Fatalf("read event: %v", r.err)
		}
		return r.m
	case <-time.After(wait):
		t.Fatalf("no event within %v", wait)
		return nil
	}
}

// want reads the next event and checks its name and JSON data.
func (s *sse) want(t *testing.T, name, data string) message {
	t.Helper()
	m := s.next(t)
	if m["event"] != name {
		t.Fatalf("got event %q (%v), want %q", m["event"], m, name)
	}
	var got, want any
	if err := json.Unmarshal([]byte(m["data"]), &got); err != nil {
		t.Fatalf("event data %q: %v", m["data"], err)
	}
	if err := json.Unmarshal([]byte(data), &want); err != nil {
		t.Fatal(err)
	}
	if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
		t.Errorf("%s data: got %s, want %s", name, g, w)
	}
	if _, err := strconv.ParseUint(m["id"], 10, 64); err != nil {
		t.Errorf("event id %q is not a number", m["id"])
	}
	return m
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func id(t *testing.T, m message) uint64 {
	t.Helper()
	n, err := strconv.ParseUint(m["id"], 10, 64)
	if err != nil {
		t.Fatalf("event id %q: %v", m["id"], err)
	}
	return n
}

func TestReloadEvents(t *testing.T) {
	t.Parallel()
	hub, srv := server(t)
	a, b := connect(t, srv), connect(t, srv)
	hub.Reload([]string{"/guide/a", "/b"})
	hub.Reload(nil)
	hub.Reload([]string{}) // nothing changed: no event
	hub.Reload([]string{"/c"})
	for _, s := range []*sse{a, b} {
		m1 := s.want(t, "reload", `{"paths":["/guide/a","/b"]}`)
		m2 := s.want(t, "reload", `{"all":true}`)
		m3 := s.want(t, "reload", `{"paths":["/c"]}`)
		if !(id(t, m1) < id(t, m2) && id(t, m2) < id(t, m3)) {
			t.Errorf("ids %s, %s, %s do not increase", m1["id"], m2["id"], m3["id"])
		}
	}
}

func TestFailureIsReplayedUntilCleared(t *testing.T) {
	t.Parallel()
	hub, srv := server(t)
	early := connect(t, srv)
	hub.Fail([]livereload.Problem{{File: "guide/a.md", Line: 3, Col: 5, Severity: "error", Message: "unclosed {% hint %}", Hint: "add {% endhint %}"}})
	const failure = `{"problems":[{"file":"guide/a.md","line":3,"col":5,"severity":"error","message":"unclosed {% hint %}","hint":"add {% endhint %}"}]}`
	first := early.want(t, "error", failure)

	late := connect(t, srv)
	replayed := late.want(t, "error", failure)
	if id(t, replayed) <= id(t, first) {
		t.Errorf("replayed id %d is not above the earlier %d", id(t, replayed), id(t, first))
	}

	hub.Clear()
	early.want(t, "ok", `{}`)
	late.want(t, "ok", `{}`)
	hub.Clear() // already good: no event
	hub.Reload(nil)
	late.want(t, "reload", `{"all":true}`)

	// Once cleared, a new browser gets no failure.
	fresh := connect(t, srv)
	hub.Reload([]string{"/x"})
	fresh.want(t, "reload", `{"paths":["/x"]}`)
}

func TestCloseEndsStreams(t *testing.T) {
	t.Parallel()
	hub, srv := server(t)
	a := connect(t, srv)
	hub.Close()
	done := make(chan error, 1)
	go func() {
		for {
			if _, err := a.read(); err != nil {
				done <- err
				return
			}
		}
	}()
	select {
	case err := <-done:
		if err != io.EOF {
			t.Errorf("stream ended with %v, want io.EOF", err)
		}
	case <-time.After(wait):
		t.Fatal("Close did not end the stream")
	}
	res, err := srv.Client().Get(srv.URL + livereload.Prefix + "/events")
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("after Close: status %d, want 503", res.StatusCode)
	}
	hub.Reload(nil) // harmless after Close
	hub.Close()
}

func TestSlowBrowserDoesNotHoldUpReload(t *testing.T) {
	t.Parallel()
	hub, srv := server(t)
	slow := connect(t, srv) // never read until the end
	fast := connect(t, srv)
	got := make(chan string)
	go func() {
		for {
			m, err := fast.read()
			if err != nil {
				close(got)
				return
			}
			got <- m["id"]
		}
	}()
	// Enough data to fill the slow browser's socket buffers and then its
	// queue: every Reload must still return and reach the fast browser.
	big := make([]string, 4000)
	for i := range big {
		big[i] = "/a/rather/long/path/to/some/page/" + strconv.Itoa(i)
	}
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for range 200 {
			hub.Reload(big)
			select {
			case _, ok := <-got:
				if !ok {
					t.Error("the fast browser's stream ended")
					return
				}
			case <-time.After(wait):
				t.Error("the fast browser got no event")
				return
			}
		}
	}()
	select {
	case <-finished:
	case <-time.After(6 * wait):
		t.Fatal("Reload was held up by a slow browser")
	}
	// The slow browser's stream was ended: reading it reaches the end.
	ended := make(chan error, 1)
	go func() {
		for {
			if _, err := slow.read(); err != nil {
				ended <- err
				return
			}
		}
	}()
	select {
	case err := <-ended:
		if err != io.EOF {
			t.Errorf("slow stream ended with %v, want io.EOF", err)
		}
	case <-time.After(wait):
		t.Fatal("the slow browser's stream was not ended")
	}
}

func TestClientScript(t *testing.T) {
	t.Parallel()
	_, srv := server(t)
	res, err := srv.Client().Get(srv.URL + livereload.Prefix + "/client.js")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = res.Body.Close() }()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("Content-Type %q, want text/javascript", ct)
	}
	for _, want := range []string{`new EventSource("/_live/events")`, "textContent", "alertdialog"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("client.js lacks %q", want)
		}
	}
	if strings.Contains(string(body), "innerHTML") {
		t.Error("client.js uses innerHTML")
	}
	res2, err := srv.Client().Get(srv.URL + livereload.Prefix + "/nothing")
	if err != nil {
		t.Fatal(err)
	}
	_ = res2.Body.Close()
	if res2.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: status %d, want 404", res2.StatusCode)
	}
}
