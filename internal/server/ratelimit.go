package server

import (
	"crypto/rand"
	"crypto/sha256"
	"sync"
	"time"
)

// maxClients bounds how many clients the rate limiter remembers at once.
const maxClients = 10000

// rateLimiter allows each client a number of requests per window (a fixed
// window per client). Clients are kept under a salted hash of their
// address, never the address itself; the salt is random per process and
// lives only in memory, so the keys cannot be turned back into addresses
// by anyone who sees them. The map is pruned of finished windows once per
// window and never holds more than max clients.
type rateLimiter struct {
	limit  int           // requests per window per client
	window time.Duration // length of a window
	max    int           // most clients remembered
	salt   [32]byte

	mu      sync.Mutex
	clients map[[sha256.Size]byte]*rateWindow
	pruned  time.Time // when finished windows were last dropped
}

// rateWindow counts one client's requests in its current window.
type rateWindow struct {
	start time.Time
	n     int
}

// newRateLimiter returns a limiter allowing limit requests per window per
// client.
func newRateLimiter(limit int, window time.Duration) *rateLimiter {
	rl := &rateLimiter{limit: limit, window: window, max: maxClients, clients: map[[sha256.Size]byte]*rateWindow{}}
	_, _ = rand.Read(rl.salt[:])
	return rl
}

// allow counts one request from client at now. It reports whether the
// request may go ahead and, when not, how long until it may.
func (rl *rateLimiter) allow(client string, now time.Time) (bool, time.Duration) {
	key := rl.key(client)
	rl.mu.Lock()
	defer rl.mu.Unlock()
	if now.Sub(rl.pruned) >= rl.window {
		rl.prune(now)
	}
	w, ok := rl.clients[key]
	if !ok || now.Sub(w.start) >= rl.window || now.Before(w.start) {
		if !ok && len(rl.clients) >= rl.max {
			rl.prune(now)
			rl.evict()
		}
		rl.clients[key] = &rateWindow{start: now, n: 1}
		return true, 0
	}
	if w.n >= rl.limit {
		return false, w.start.Add(rl.window).Sub(now)
	}
	w.n++
	return true, 0
}

// key is the salted hash of a client address.
func (rl *rateLimiter) key(client string) [sha256.Size]byte {
	h := sha256.New()
	h.Write(rl.salt[:])
	h.Write([]byte(client))
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// prune drops the clients whose window is over.
func (rl *rateLimiter) prune(now time.Time) {
	for k, w := range rl.clients {
		if now.Sub(w.start) >= rl.window {
			delete(rl.clients, k)
		}
	}
	rl.pruned = now
}

// evict makes room for one client when every remembered client is
// within its window: it forgets one of them, chosen by the map's random
// order. That client gets a fresh window, which errs on letting readers
// through rather than locking new ones out.
func (rl *rateLimiter) evict() {
	for len(rl.clients) >= rl.max {
		for k := range rl.clients {
			delete(rl.clients, k)
			break
		}
	}
}

// size returns how many clients the limiter remembers.
func (rl *rateLimiter) size() int {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	return len(rl.clients)
}
