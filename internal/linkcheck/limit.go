package linkcheck

import (
	"context"
	"sync"
)

// hostLimiter bounds the requests in flight to each host: one semaphore per
// host, made when the host is first seen.
type hostLimiter struct {
	n   int
	mu  sync.Mutex
	sem map[string]chan struct{}
}

func newHostLimiter(n int) *hostLimiter {
	return &hostLimiter{n: n, sem: map[string]chan struct{}{}}
}

// acquire waits for a free slot on host. It returns the function that
// frees the slot, or false when ctx ended first.
func (h *hostLimiter) acquire(ctx context.Context, host string) (release func(), ok bool) {
	h.mu.Lock()
	s, found := h.sem[host]
	if !found {
		s = make(chan struct{}, h.n)
		h.sem[host] = s
	}
	h.mu.Unlock()
	select {
	case s <- struct{}{}:
		return func() { <-s }, true
	case <-ctx.Done():
		return nil, false
	}
}
