package linkcheck

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/handbookhq/handbook/internal/diag"
)

// Link is one external link or image in a handbook: its URL as written and
// where it was written.
type Link struct {
	URL string
	Pos diag.Pos
}

// Options tune Check. The zero value is ready to use.
type Options struct {
	Client      *http.Client          // nil: a client with Timeout per request, redirects followed (at most 10)
	Timeout     time.Duration         // per request; 0 means 10s
	Concurrency int                   // requests in flight in all; 0 means 16
	PerHost     int                   // requests in flight to one host; 0 means 2
	CacheFile   string                // "" for no cache; else a JSON file of results, read at start, written atomically at the end
	MaxAge      time.Duration         // how long a cached result is trusted; 0 means 24h (failures: 1h at most)
	UserAgent   string                // default "handbook-linkcheck/1 (+https://github.com/handbookhq/handbook)"
	Progress    func(done, total int) // optional; called with the number of distinct URLs checked so far
	Logger      *slog.Logger          // nil: no logging

	now func() time.Time // nil: time.Now; tests set it to move the clock
}

// Defaults for the zero fields of Options.
const (
	DefaultTimeout     = 10 * time.Second
	DefaultConcurrency = 16
	DefaultPerHost     = 2
	DefaultMaxAge      = 24 * time.Hour
	DefaultUserAgent   = "handbook-linkcheck/1 (+https://github.com/handbookhq/handbook)"
)

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	if o.MaxAge <= 0 {
		o.MaxAge = DefaultMaxAge
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.now == nil {
		o.now = time.Now
	}
	return o
}

// Check checks every distinct URL once (the fragment dropped), and returns
// one diagnostic per Link whose URL is broken, at that Link's Pos, sorted.
// The error is only for a cache file that cannot be written or ctx.
func Check(ctx context.Context, links []Link, o Options) (diag.List, error) {
	o = o.withDefaults()
	targets, out := group(links)

	c, err := loadCache(o.CacheFile)
	if err != nil {
		o.Logger.Warn("ignoring the external link cache", "file", o.CacheFile, "err", err)
		c = newCache()
	}
	start := o.now()
	results := make(map[string]result, len(targets))
	var todo []string
	for _, t := range targets {
		if r, ok := c.fresh(t.key, start, o.MaxAge); ok {
			results[t.key] = r
			continue
		}
		todo = append(todo, t.key)
	}

	p := &progress{fn: o.Progress, done: len(targets) - len(todo), total: len(targets)}
	p.report()
	fresh := run(ctx, todo, o, p)
	for k, r := range fresh {
		results[k] = r
		c.put(k, r)
	}
	if o.CacheFile != "" {
		if err := c.write(o.CacheFile, o.now()); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("check external links: %w", err)
	}

	for _, t := range targets {
		r := results[t.key]
		for _, l := range t.links {
			if d, bad := r.diagnostic(l); bad {
				out.Add(d)
			}
		}
	}
	out.Sort()
	return out, nil
}

// run checks the URLs of todo, at most o.Concurrency at once and at most
// o.PerHost on one host. It returns the results it could finish before ctx
// ended.
func run(ctx context.Context, todo []string, o Options, p *progress) map[string]result {
	ck := newChecker(o)
	defer ck.close()
	var (
		mu      sync.Mutex
		results = make(map[string]result, len(todo))
		wg      sync.WaitGroup
	)
	global := make(chan struct{}, o.Concurrency)
	hosts := newHostLimiter(o.PerHost)
	for _, key := range todo {
		wg.Go(func() {
			// The host slot is taken first, so that URLs waiting for a busy
			// host do not hold global slots that other hosts could use.
			release, ok := hosts.acquire(ctx, hostOf(key))
			if !ok {
				return
			}
			defer release()
			select {
			case global <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-global }()
			if ctx.Err() != nil {
				return // both slots were free when ctx ended: ask nothing
			}
			r, ok := ck.check(ctx, key)
			if !ok {
				return
			}
			o.Logger.Debug("checked external link", "url", key, "status", r.Status, "error", r.Err)
			mu.Lock()
			results[key] = r
			mu.Unlock()
			p.step()
		})
	}
	wg.Wait()
	return results
}

// progress calls Options.Progress, one call at a time and with a count
// that only grows.
type progress struct {
	fn          func(done, total int)
	mu          sync.Mutex
	done, total int
}

func (p *progress) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if p.fn != nil {
		p.fn(p.done, p.total)
	}
}

func (p *progress) report() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fn != nil {
		p.fn(p.done, p.total)
	}
}
