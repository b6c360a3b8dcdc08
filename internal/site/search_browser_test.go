package site_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/search"
	"github.com/handbookhq/handbook/internal/server"
)

// TestSearchBrowserMatchesAPI serves the Mattermost handbook, runs every
// query of testdata/search-queries.txt through the page's search client
// (theme/assets/search.js) in headless Chromium and through GET
// /api/search, and requires the same first five results in the same order,
// with the same scores, titles, snippets and highlights.
func TestSearchBrowserMatchesAPI(t *testing.T) {
	t.Parallel()
	ctx := hbtest.Chromium(t, 2*time.Minute)
	const limit = 5
	queries := readQueries(t)
	ts := serveCorpus(t)

	qs, err := json.Marshal(queries)
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.Poll[chromedp.Void]("window.hbSearch !== undefined"),
	)
	if err != nil {
		t.Fatalf("browser: open the home page: %v", err)
	}
	browser, err := chromedp.Run(ctx, chromedp.Evaluate[[][]search.Result](
		fmt.Sprintf("Promise.all(%s.map(q => hbSearch.search(q, %d)))", qs, limit), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	if len(browser) != len(queries) {
		t.Fatalf("browser answered %d queries of %d", len(browser), len(queries))
	}

	compared, maxRel := 0, 0.0
	for i, q := range queries {
		api := apiSearch(t, ts.URL, q, limit)
		got := browser[i]
		if len(got) != len(api) {
			t.Errorf("%q: browser found %d results, API %d", q, len(got), len(api))
		}
		for j := range min(len(got), len(api)) {
			b, a := got[j], api[j]
			if b.Page != a.Page || b.Section != a.Section || b.URL != a.URL {
				t.Errorf("%q #%d: browser %s (page %q, section %q), API %s (page %q, section %q)",
					q, j+1, b.URL, b.Page, b.Section, a.URL, a.Page, a.Section)
				continue
			}
			rel := math.Abs(b.Score-a.Score) / math.Max(math.Abs(a.Score), math.SmallestNonzeroFloat64)
			maxRel = max(maxRel, rel)
			if rel > 1e-12 {
				t.Errorf("%q #%d %s: browser score %v, API %v", q, j+1, a.URL, b.Score, a.Score)
			}
			compared++
			if b.Title != a.Title || b.Heading != a.Heading || !slices.Equal(b.Breadcrumbs, a.Breadcrumbs) ||
				b.Snippet != a.Snippet || !slices.Equal(b.Highlights, a.Highlights) {
				t.Errorf("%q #%d %s: the browser shows\n%+v\nthe API\n%+v", q, j+1, a.URL, b, a)
			}
		}
	}
	t.Logf("%d queries, %d results compared between the browser and the API, largest relative score difference %.3g", len(queries), compared, maxRel)
}

// serveCorpus builds the Mattermost handbook and serves it on loopback
// until the test ends.
func serveCorpus(t *testing.T) *httptest.Server {
	t.Helper()
	_, res, out := buildCorpus(t)
	ts := httptest.NewServer(server.New(server.NewSite(out, res.Redirects, res.URLs), nil))
	t.Cleanup(ts.Close)
	return ts
}

// readQueries returns the queries of testdata/search-queries.txt, each
// with its trailing space if it has one.
func readQueries(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/search-queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, _, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("no tab in %q", line)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return qs
}

// apiSearch asks the server's /api/search for q.
func apiSearch(t *testing.T, base, q string, limit int) []search.Result {
	t.Helper()
	resp, err := http.Get(base + "/api/search?" + url.Values{"q": {q}, "limit": {fmt.Sprint(limit)}}.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%q: /api/search answered %s", q, resp.Status)
	}
	var body struct {
		Results []search.Result `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("%q: decode /api/search: %v", q, err)
	}
	return body.Results
}
