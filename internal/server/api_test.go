package server

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

func TestSearchAPI(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Backups](ops/backups.md)
* [Hidden](hidden.md)
-- README.md --
# Home

Welcome to the team handbook.
-- ops/backups.md --
# Backups

Nightly snapshots of every database.

## Restoring

Restore a snapshot with the restore script.
-- hidden.md --
---
noIndex: true
---
# Hidden

Snapshots of secret plans.
`)
	srv := New(NewSite(b.Out, nil, b.Result.URLs), nil)
	get := func(t *testing.T, target string) (int, string) {
		t.Helper()
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("got Content-Type %q, want JSON", ct)
		}
		return rec.Code, rec.Body.String()
	}

	for _, tc := range []struct {
		name, query string
		status      int
		want        string // first result's URL, or the error
	}{
		{"heading match", "q=restoring+", 200, "/backups#restoring"},
		{"typo", "q=snapshtos+", 200, "/backups"},
		{"prefix", "q=datab", 200, "/backups"},
		{"empty query", "q=", 400, "missing query: give q"},
		{"no query", "", 400, "missing query: give q"},
		{"bad limit", "q=x&limit=many", 400, "limit must be a positive integer"},
		{"negative limit", "q=x&limit=-1", 400, "limit must be a positive integer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, body := get(t, "/api/search?"+tc.query)
			if status != tc.status {
				t.Fatalf("got status %d, want %d: %s", status, tc.status, body)
			}
			if status != 200 {
				var e struct{ Error string }
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error != tc.want {
					t.Errorf("got %s, want error %q", body, tc.want)
				}
				return
			}
			var resp searchResponse
			if err := json.Unmarshal([]byte(body), &resp); err != nil {
				t.Fatal(err)
			}
			q, _ := url.ParseQuery(tc.query)
			if resp.Query != q.Get("q") {
				t.Errorf("got query %q, want %q", resp.Query, q.Get("q"))
			}
			if len(resp.Results) == 0 || resp.Results[0].URL != tc.want {
				t.Errorf("got %s, want %s first", body, tc.want)
			}
			for _, r := range resp.Results {
				if strings.Contains(r.URL, "hidden") {
					t.Errorf("a noIndex page is found: %s", r.URL)
				}
			}
		})
	}

	t.Run("limit", func(t *testing.T) {
		t.Parallel()
		_, body := get(t, "/api/search?q=snapshot+&limit=1")
		var resp searchResponse
		if err := json.Unmarshal([]byte(body), &resp); err != nil {
			t.Fatal(err)
		}
		if len(resp.Results) != 1 {
			t.Errorf("got %d results, want 1", len(resp.Results))
		}
	})
	t.Run("no results is an empty list", func(t *testing.T) {
		t.Parallel()
		_, body := get(t, "/api/search?q=zzzzqqq+")
		if !strings.Contains(body, `"results":[]`) {
			t.Errorf("got %s, want an empty results list", body)
		}
	})
}

func TestSearchAPIWithoutIndex(t *testing.T) {
	t.Parallel()
	srv := New(NewSite(t.TempDir(), nil, nil), nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?q=x", nil))
	if rec.Code != 404 || !strings.Contains(rec.Body.String(), `"error":"the site has no search index"`) {
		t.Errorf("got %d %s, want 404 with a JSON error", rec.Code, rec.Body.String())
	}
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("POST", "/api/search?q=x", nil))
	if rec.Code != 405 || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: got %d, want 405 with Allow", rec.Code)
	}
}
