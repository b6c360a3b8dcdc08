package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// gauge counts requests in flight and remembers the most seen at once.
type gauge struct {
	now, most atomic.Int64
}

func (g *gauge) enter() {
	n := g.now.Add(1)
	for {
		m := g.most.Load()
		if n <= m || g.most.CompareAndSwap(m, n) {
			return
		}
	}
}

func (g *gauge) leave() { g.now.Add(-1) }

// busy is a handler that holds each request a little, so that requests
// overlap when nothing limits them.
func busy(g *gauge) http.HandlerFunc {
	return func(http.ResponseWriter, *http.Request) {
		g.enter()
		defer g.leave()
		time.Sleep(20 * time.Millisecond)
	}
}

func TestGlobalLimit(t *testing.T) {
	t.Parallel()
	var g gauge
	srv := serve(t, busy(&g))
	var urls []string
	for i := range 12 {
		urls = append(urls, fmt.Sprintf("%s/p%d", srv.URL, i))
	}
	mustCheck(t, links(urls...), Options{Concurrency: 3, PerHost: 100})
	if most := g.most.Load(); most > 3 {
		t.Errorf("got %d requests in flight at once, want at most 3", most)
	}
	if n := len(srv.requests()); n != 12 {
		t.Errorf("got %d requests, want 12", n)
	}
}

func TestPerHostLimit(t *testing.T) {
	t.Parallel()
	var (
		mu    sync.Mutex
		hosts = map[string]*gauge{}
	)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := strings.Cut(r.Host, ":")
		mu.Lock()
		g := hosts[host]
		if g == nil {
			g = &gauge{}
			hosts[host] = g
		}
		mu.Unlock()
		busy(g)(w, r)
	})
	// 127.0.0.1 and localhost are two hosts for the checker, one server.
	other := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	var urls []string
	for i := range 10 {
		urls = append(urls, fmt.Sprintf("%s/p%d", srv.URL, i), fmt.Sprintf("%s/p%d", other, i))
	}
	got := mustCheck(t, links(urls...), Options{PerHost: 2})
	if len(got) != 0 {
		t.Fatalf("got %v, want no diagnostic", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(hosts) != 2 {
		t.Fatalf("got requests for hosts %v, want 127.0.0.1 and localhost", hosts)
	}
	for h, g := range hosts {
		if most := g.most.Load(); most > 2 {
			t.Errorf("got %d requests in flight to %s at once, want at most 2", most, h)
		}
	}
	if n := len(srv.requests()); n != 20 {
		t.Errorf("got %d requests, want 20", n)
	}
}

func TestCancelStopsEverything(t *testing.T) {
	t.Parallel()
	started := make(chan struct{}, 100)
	srv := serve(t, func(_ http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-r.Context().Done()
	})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	var urls []string
	for i := range 20 {
		urls = append(urls, fmt.Sprintf("%s/p%d", srv.URL, i))
	}
	cacheFile := t.TempDir() + "/linkcheck.json"
	got, err := Check(ctx, links(urls...), Options{Timeout: time.Hour, CacheFile: cacheFile})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, %v, want context.Canceled", got, err)
	}
	if got != nil {
		t.Errorf("got diagnostics %v after cancellation, want none", got)
	}
	// Nothing is concluded from cancelled requests.
	c, err := loadCache(cacheFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Results) != 0 {
		t.Errorf("got cached results %v, want none", c.Results)
	}
	// With PerHost 2 most URLs never got a request.
	if n := len(srv.requests()); n > 2 {
		t.Errorf("got %d requests, want at most 2", n)
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(http.ResponseWriter, *http.Request) {})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Check(ctx, links(srv.URL+"/a", srv.URL+"/b"), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
