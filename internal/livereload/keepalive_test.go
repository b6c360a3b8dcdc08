package livereload

import (
	"bufio"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestStreamSendsKeepAliveComments(t *testing.T) {
	t.Parallel()
	hub := NewHub(nil)
	hub.keepAlive = 10 * time.Millisecond
	srv := httptest.NewServer(hub)
	t.Cleanup(func() {
		hub.Close()
		srv.Close()
	})
	res, err := srv.Client().Get(srv.URL + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = res.Body.Close() }()
	lines := make(chan string)
	go func() {
		defer close(lines)
		r := bufio.NewReader(res.Body)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			lines <- strings.TrimSuffix(line, "\n")
		}
	}()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("the stream ended before a keep-alive comment")
			}
			if line == ": keep-alive" {
				return
			}
		case <-timeout:
			t.Fatal("no keep-alive comment")
		}
	}
}
