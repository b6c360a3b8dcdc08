package server

import (
	"fmt"
	"testing"
	"time"
)

func TestRateLimiterAllowsLimitPerWindow(t *testing.T) {
	t.Parallel()
	rl := newRateLimiter(3, time.Minute)
	t0 := time.Date(2025, 1, 2, 10, 0, 0, 0, time.UTC)
	for i := range 3 {
		if ok, _ := rl.allow("192.0.2.1", t0.Add(time.Duration(i)*time.Second)); !ok {
			t.Fatalf("request %d: refused, want allowed", i+1)
		}
	}
	ok, wait := rl.allow("192.0.2.1", t0.Add(20*time.Second))
	if ok {
		t.Fatal("fourth request: allowed, want refused")
	}
	if wait != 40*time.Second {
		t.Errorf("got wait %v, want 40s", wait)
	}
	if ok, _ := rl.allow("192.0.2.2", t0.Add(20*time.Second)); !ok {
		t.Error("another client: refused, want allowed")
	}
	if ok, _ := rl.allow("192.0.2.1", t0.Add(time.Minute)); !ok {
		t.Error("after the window: refused, want allowed")
	}
}

func TestRateLimiterKeepsNoAddresses(t *testing.T) {
	t.Parallel()
	a, b := newRateLimiter(1, time.Minute), newRateLimiter(1, time.Minute)
	if a.key("192.0.2.1") == b.key("192.0.2.1") {
		t.Error("two limiters hash an address alike, want a salt per limiter")
	}
	if a.key("192.0.2.1") != a.key("192.0.2.1") {
		t.Error("one limiter hashes an address two ways")
	}
	a.allow("192.0.2.1", time.Now())
	for k := range a.clients {
		if string(k[:len("192.0.2.1")]) == "192.0.2.1" {
			t.Error("key starts with the address")
		}
	}
}

func TestRateLimiterStaysBounded(t *testing.T) {
	t.Parallel()
	rl := newRateLimiter(1, time.Minute)
	rl.max = 10
	t0 := time.Date(2025, 1, 2, 10, 0, 0, 0, time.UTC)
	for i := range 25 {
		rl.allow(fmt.Sprintf("198.51.100.%d", i), t0)
	}
	if n := rl.size(); n > 10 {
		t.Errorf("got %d clients, want at most 10", n)
	}
	// Once their windows are over, clients are pruned.
	rl.allow("203.0.113.1", t0.Add(2*time.Minute))
	if n := rl.size(); n != 1 {
		t.Errorf("after the window: got %d clients, want 1", n)
	}
}
