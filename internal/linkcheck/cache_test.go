package linkcheck

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/diag"
)

// clock returns a now function that reports *t.
func clock(t *time.Time) func() time.Time { return func() time.Time { return *t } }

// readCache reads a cache file as JSON, failing the test if it is not.
func readCache(t *testing.T, path string) cache {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c cache
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("cache is not JSON: %v\n%s", err, b)
	}
	return c
}

func TestCacheAvoidsSecondRequest(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
		}
	})
	file := filepath.Join(t.TempDir(), "linkcheck.json")
	ls := links(srv.URL+"/ok", srv.URL+"/missing")
	first := mustCheck(t, ls, Options{CacheFile: file})
	n := len(srv.requests())
	second := mustCheck(t, ls, Options{CacheFile: file})
	if got := len(srv.requests()); got != n {
		t.Errorf("got %d requests after the second run, want still %d", got, n)
	}
	if first.Error() != second.Error() || len(second) != 1 || second[0].Severity != diag.Error {
		t.Errorf("got %v from the cache, want the same as the first run: %v", second, first)
	}
	c := readCache(t, file)
	if c.Version != 1 || c.Results[srv.URL+"/ok"].Status != 200 || c.Results[srv.URL+"/missing"].Status != 404 {
		t.Errorf("got cache %+v, want version 1 with 200 and 404", c)
	}
}

func TestCacheExpiry(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
		}
	})
	file := filepath.Join(t.TempDir(), "linkcheck.json")
	ok, missing := srv.URL+"/ok", srv.URL+"/missing"
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	o := Options{CacheFile: file, now: clock(&now)}
	mustCheck(t, links(ok, missing), o)

	count := func(path string) int {
		n := 0
		for _, r := range srv.requests() {
			if strings.HasSuffix(r, " "+path) {
				n++
			}
		}
		return n
	}
	// After 30 minutes both are trusted.
	now = now.Add(30 * time.Minute)
	mustCheck(t, links(ok, missing), o)
	if count("/ok") != 1 || count("/missing") != 2 {
		t.Fatalf("got requests %q after 30m, want none new", srv.requests())
	}
	// After 61 minutes the failure is asked again, the success not.
	now = now.Add(31 * time.Minute)
	mustCheck(t, links(ok, missing), o)
	if count("/ok") != 1 || count("/missing") != 4 {
		t.Errorf("got requests %q after 61m, want only /missing again", srv.requests())
	}
	// After a day the success is asked again too.
	now = now.Add(24 * time.Hour)
	mustCheck(t, links(ok), o)
	if count("/ok") != 2 {
		t.Errorf("got requests %q after a day, want /ok again", srv.requests())
	}
	// A tiny MaxAge trusts nothing a second later.
	now = now.Add(time.Second)
	mustCheck(t, links(ok), Options{CacheFile: file, MaxAge: time.Nanosecond, now: clock(&now)})
	if count("/ok") != 3 {
		t.Errorf("got requests %q with a tiny MaxAge, want /ok again", srv.requests())
	}
}

func TestCacheMergesAndDropsOldResults(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(http.ResponseWriter, *http.Request) {})
	file := filepath.Join(t.TempDir(), "linkcheck.json")
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	old := `{"version":1,"results":{
		"https://old.example/":  {"status":200,"checked":"2025-01-15T12:00:00Z"},
		"https://kept.example/": {"status":200,"checked":"2025-02-27T12:00:00Z"}}}`
	if err := os.WriteFile(file, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, links(srv.URL+"/new"), Options{CacheFile: file, now: clock(&now)})
	c := readCache(t, file)
	if _, found := c.Results["https://old.example/"]; found {
		t.Errorf("got a 45-day-old result kept, want it dropped")
	}
	if _, found := c.Results["https://kept.example/"]; !found {
		t.Errorf("got the 2-day-old result dropped, want it kept")
	}
	if r := c.Results[srv.URL+"/new"]; r.Status != 200 || !r.Checked.Equal(now) {
		t.Errorf("got %+v for this run's URL, want status 200 checked %v", r, now)
	}
}

func TestCorruptCacheIsIgnored(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, content string }{
		{"not json", "{not json"},
		{"other version", `{"version":2,"results":{}}`},
		{"wrong shape", `{"version":1,"results":[1,2]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := serve(t, func(http.ResponseWriter, *http.Request) {})
			file := filepath.Join(t.TempDir(), "linkcheck.json")
			if err := os.WriteFile(file, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			var logs bytes.Buffer
			got := mustCheck(t, links(srv.URL), Options{CacheFile: file, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			if len(got) != 0 || len(srv.requests()) != 1 {
				t.Errorf("got %v and requests %q, want a clean check of the link", got, srv.requests())
			}
			if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), "cache") {
				t.Errorf("got log %q, want a warning about the cache", logs.String())
			}
			if c := readCache(t, file); c.Version != 1 || len(c.Results) != 1 {
				t.Errorf("got cache %+v, want it rewritten with one result", c)
			}
		})
	}
}

func TestCacheFolderIsCreatedAndNoTempFileLeft(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(http.ResponseWriter, *http.Request) {})
	dir := filepath.Join(t.TempDir(), ".handbook")
	mustCheck(t, links(srv.URL), Options{CacheFile: filepath.Join(dir, "linkcheck.json")})
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "linkcheck.json" {
		t.Errorf("got %v in the cache folder, want only linkcheck.json", entries)
	}
}

func TestUnwritableCacheIsAnError(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(http.ResponseWriter, *http.Request) {})
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Check(t.Context(), links(srv.URL), Options{CacheFile: filepath.Join(notDir, "linkcheck.json")})
	if err == nil || !strings.Contains(err.Error(), "link cache") {
		t.Errorf("got %v, want an error writing the link cache", err)
	}
}

func TestRateLimitedIsNotCached(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	file := filepath.Join(t.TempDir(), "linkcheck.json")
	mustCheck(t, links(srv.URL), Options{CacheFile: file})
	if c := readCache(t, file); len(c.Results) != 0 {
		t.Errorf("got cache %+v, want no result for a rate-limited link", c.Results)
	}
}
