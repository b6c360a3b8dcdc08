package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/pdf"
	"github.com/handbookhq/handbook/internal/visitor"
)

// privateBook is a handbook with public and private pages; {{C}} stands
// for a canary that only private pages hold, and {{KEY_ENV}} for the
// environment variable of the visitor token key.
//
//   - internal/ is private by a pattern of handbook.yaml, with a nested
//     page and an include (.gitbook/includes) only it uses;
//   - salaries.md is private by its front matter;
//   - team/README.md is private by its front matter, and so are its
//     children, whose files look public;
//   - internal/plans.md has an image and a file that only it uses;
//   - links.md, a public page, links to private pages: plain links, a
//     heading, page cards and mentions;
//   - .gitbook.yaml redirects to a private page.
const privateBook = `
-- handbook.yaml --
title: Leak test
private:
  - internal/
visitors:
  token:
    algorithm: HS256
    key_env: {{KEY_ENV}}
-- .gitbook.yaml --
redirects:
  old-plans: internal/plans.md
  old-team: team/README.md
-- SUMMARY.md --
# Table of contents

* [Home](README.md)
* [Guide](guide.md)
* [Links](links.md)

## Restricted

* [Internal {{C}}](internal/README.md)
  * [Zeppelin plans {{C}}](internal/plans.md)
    * [Deep notes {{C}}](internal/deep/notes.md)
* [Marzipan salaries {{C}}](salaries.md)
* [Team {{C}}](team/README.md)
  * [Quasar onboarding {{C}}](team/onboarding.md)
  * [Parties {{C}}](team/parties.md)

## Public

* [After](after.md)
-- README.md --
# Home

Welcome to the public handbook.
-- guide.md --
---
description: How to use the handbook.
---
# Guide

A public guide. ![A public logo](.gitbook/assets/logo.svg)
-- links.md --
# Links

See [the plans](internal/plans.md), [the budget](internal/plans.md#budget) and [pay](salaries.md).

{% content-ref url="internal/plans.md" %}
[plans.md](internal/plans.md)
{% endcontent-ref %}

{% content-ref url="team/" %}
[team](team/)
{% endcontent-ref %}

{% page-ref page="salaries.md" %}

Ask [Onboarding](team/onboarding.md "mention") or read [x](salaries.md "mention").
-- after.md --
# After

The last public page.
-- internal/README.md --
# Internal {{C}}

The internal {{C}} overview.
-- internal/plans.md --
---
description: Zeppelin plans {{C}}
---
# Zeppelin plans {{C}}

The Zeppelin {{C}} strategy.

![Chart {{C}}](../.gitbook/assets/secret-chart.svg)

{% file src="../.gitbook/assets/secret-budget.csv" %}
Budget {{C}}
{% endfile %}

## Budget

Numbers {{C}}.
-- internal/deep/notes.md --
# Deep notes {{C}}

{% include "../../.gitbook/includes/secret-snippet.md" %}
-- .gitbook/includes/secret-snippet.md --
Snippet {{C}} from the include.
-- salaries.md --
---
visibility: private
description: Marzipan salaries {{C}}
---
# Marzipan salaries {{C}}

Pay {{C}}.
-- team/README.md --
---
visibility: private
---
# Team {{C}}

The team {{C}} page.
-- team/onboarding.md --
# Quasar onboarding {{C}}

Quasar onboarding {{C}}.
-- team/parties.md --
# Parties {{C}}

Parties {{C}}.
-- .gitbook/assets/secret-chart.svg --
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>{{C}}</text></svg>
-- .gitbook/assets/secret-budget.csv --
item,amount
{{C}},1
-- .gitbook/assets/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>logo</text></svg>
`

// privateURLs are the URL paths of privateBook's private pages.
var privateURLs = []string{
	"/restricted/internal",
	"/restricted/internal/plans",
	"/restricted/internal/plans/notes", // nested under plans in SUMMARY.md
	"/restricted/salaries",
	"/restricted/team",
	"/restricted/team/onboarding",
	"/restricted/team/parties",
}

// privateWords are words of the private pages' titles, and nowhere else.
var privateWords = []string{"Zeppelin", "Marzipan", "Quasar", "Zeppelin plans", "Deep notes"}

// privateSource writes privateBook with canary to a new git repository,
// with a first commit of everything and a second that changes a private
// page only and names the canary in its message.
func privateSource(t *testing.T, canary, keyEnv string) string {
	t.Helper()
	src := t.TempDir()
	hbtest.Write(t, src, strings.NewReplacer("{{C}}", canary, "{{KEY_ENV}}", keyEnv).Replace(privateBook))
	gitInit(t, src)
	f, err := os.OpenFile(filepath.Join(src, "internal", "plans.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.WriteString(f, "\nMore numbers "+canary+".\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	gitCommitAll(t, src, "Zeppelin budget "+canary)
	return src
}

// randomHex returns n random bytes in hex.
func randomHex(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// visitorToken signs a visitor token for subject "reader" that expires at
// exp, with method and key.
func visitorToken(t *testing.T, method jwt.SigningMethod, key any, exp time.Time, extra jwt.MapClaims) string {
	t.Helper()
	claims := jwt.MapClaims{"sub": "reader", "email": "reader@example.com", "exp": exp.Unix(), "iat": time.Now().Add(-time.Minute).Unix()}
	for k, v := range extra {
		claims[k] = v
	}
	s, err := jwt.NewWithClaims(method, claims).SignedString(key)
	if err != nil {
		t.Fatalf("sign token: %v", err)
	}
	return s
}

// noRedirects is a client that returns redirects instead of following them.
func noRedirects(jar http.CookieJar) *http.Client {
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func TestPrivatePagesNeverReachAnonymousReaders(t *testing.T) {
	canary := "CANARY-" + randomHex(t, 8)
	hexPart := strings.TrimPrefix(canary, "CANARY-")
	keyEnv := "HANDBOOK_TEST_LEAK_KEY_" + strings.ToUpper(randomHex(t, 4))
	key := randomHex(t, 32)
	admin := randomHex(t, 16)
	t.Setenv(keyEnv, key)
	t.Setenv("HANDBOOK_ADMIN_TOKEN", admin)
	src := privateSource(t, canary, keyEnv)

	args := []string{"serve", "-q", "--addr", "127.0.0.1:0", "--data", t.TempDir()}
	chrome, err := pdf.FindChrome("")
	withPDF := err == nil
	if withPDF {
		args = append(args, "--chrome", chrome)
	} else {
		t.Logf("PDFs not checked: %v", err)
		args = append(args, "--no-pdf")
	}
	base, stop := startServe(t, append(args, src)...)
	defer stop()
	root := strings.TrimSuffix(base, "/")

	// Signed in first, so that whatever signed-in readers make (PDFs,
	// feedback) exists before anonymous readers look.
	signedInURLs := checkSignedIn(t, root, canary, hexPart, key, admin, withPDF)
	checkRefusedTokens(t, root, canary, key)

	// Anonymous: everything reachable, and everything signed-in readers
	// can reach, must lack the canary.
	answers, pdfs := map[string]*answer{}, 0
	leak := func(a *answer) {
		t.Helper()
		if a.text != string(a.body) {
			pdfs++
		}
		if where := mentions(a, canary); len(where) > 0 {
			t.Errorf("LEAK: anonymous %s %s (%d) holds the canary in its %s", a.method, a.url, a.status, strings.Join(where, ", "))
		}
		if _, ok := answers[a.url]; !ok {
			answers[a.url] = a
		}
	}
	c := newCrawler(t, base, &http.Client{}, leak)
	c.add("/", "/sitemap.xml", "/sitemap.md", "/robots.txt", "/llms.txt", "/.well-known/llms.txt",
		"/llms-full.txt", "/llms-full.txt/0", "/llms-full.txt/1", "/llms-full.txt/2", "/index.md", "/README.md",
		"/404", "/404.html", "/no/such/page", "/recently-updated", "/recently-updated/atom.xml",
		"/_pdf/", "/_pdf", "/_insights", "/mcp", "/api/search", "/api/feedback", "/_auth/login", "/_auth/logout",
		// Source files, which are never published.
		"/SUMMARY.md", "/handbook.yaml", "/.gitbook.yaml", "/.gitbook/includes/secret-snippet.md",
		"/.gitbook/assets/secret-chart.svg", "/.gitbook/assets/secret-budget.csv",
		"/_assets/secret-chart.svg", "/_assets/secret-budget.csv", "/internal/plans.md", "/salaries.md",
		"/team/README.md", "/old-plans", "/old-team",
		"/?jwt_token=garbage", "/restricted/salaries?jwt_token=garbage")
	for _, p := range privateURLs {
		c.add(p, p+".md", p+"/", strings.ToUpper(p), strings.ToUpper(p)+".md", strings.ToUpper(p[:2])+p[2:],
			p+"/index.html", p+"/index.md", "/_pdf"+p, "/_pdf"+p+"?section", "/_pdf/?page="+url.QueryEscape(p),
			strings.TrimPrefix(p, "/restricted"), strings.TrimPrefix(p, "/restricted")+".md")
	}
	c.add(signedInURLs...)
	c.run()
	crawled := c.fetched

	// Pages as Markdown, and HEAD.
	for _, p := range privateURLs {
		c.do(http.MethodGet, p, nil, http.Header{"Accept": {"text/markdown"}})
		c.do(http.MethodHead, p, nil, nil)
		c.do(http.MethodGet, p, nil, http.Header{"Authorization": {"Bearer garbage"}})
		if a := answers[root+p]; a == nil || a.status != http.StatusNotFound {
			t.Errorf("anonymous GET %s: got %v, want 404", p, a)
		}
	}
	for _, p := range []string{"/", "/guide", "/links", "/public/after", "/sitemap.xml", "/llms.txt", "/llms-full.txt", "/recently-updated", "/recently-updated/atom.xml"} {
		if a := answers[root+p]; a == nil || a.status != http.StatusOK {
			t.Errorf("anonymous GET %s: got %v, want 200", p, a)
		}
	}
	if withPDF {
		if pdfs < 5 {
			t.Errorf("the anonymous crawl read %d PDFs, want every page's", pdfs)
		}
		a := answers[root+"/_pdf/"]
		if a == nil || a.status != http.StatusOK || !strings.Contains(a.text, "Welcometothepublichandbook") {
			t.Errorf("anonymous GET /_pdf/: got %v, want the whole public handbook", a)
		}
	}

	// Search.
	for _, q := range append([]string{hexPart, "canary", "CANARY " + hexPart}, privateWords...) {
		a := c.do(http.MethodGet, "/api/search?q="+url.QueryEscape(q), nil, nil)
		var res struct{ Results []struct{ URL, Page string } }
		if err := json.Unmarshal(a.body, &res); a.status != 200 || err != nil {
			t.Errorf("anonymous search %q: got %d %v: %s", q, a.status, err, a.body)
		}
		for _, r := range res.Results {
			if isPrivateURL(r.URL) || isPrivateURL(r.Page) {
				t.Errorf("LEAK: anonymous search %q finds private page %s", q, r.URL+r.Page)
			}
		}
	}
	if a := c.do(http.MethodGet, "/api/search?q=public", nil, nil); !strings.Contains(string(a.body), "/guide") && !strings.Contains(string(a.body), `"/"`) {
		t.Errorf("anonymous search for \"public\" finds no public page: %s", a.body)
	}

	// MCP.
	checkMCPAnonymous(t, c, hexPart)

	// The insights dashboard, with the admin token but not signed in.
	ic := newCrawler(t, base, &http.Client{}, leak)
	ic.header = http.Header{"Authorization": {"Bearer " + admin}}
	ic.skip = func(u *url.URL) bool { return !strings.HasPrefix(u.Path, "/_insights") }
	ic.add("/_insights", "/_insights?period=all", "/_insights/feedback.csv?period=all", "/_insights?period=all&section=all")
	ic.run()
	// Ratings of private pages share the store, so the dashboard is for
	// signed-in readers only.
	if a := answers[root+"/_insights?period=all"]; a == nil || a.status != http.StatusNotFound {
		t.Errorf("anonymous GET /_insights?period=all with the admin token: got %v, want 404", a)
	}

	total := c.fetched + ic.fetched
	t.Logf("anonymous: %d URLs crawled, %d requests in all, %d PDFs read (%d URLs found signed in)", crawled, total, pdfs, len(signedInURLs))
	if crawled < 120 {
		t.Errorf("the anonymous crawl fetched %d URLs, want at least 120: the crawler is broken", crawled)
	}
}

// isPrivateURL reports whether u (a URL or path) is a private page's.
func isPrivateURL(u string) bool {
	if pu, err := url.Parse(u); err == nil {
		u = pu.Path
	}
	u = strings.TrimSuffix(strings.ToLower(u), ".md")
	return slices.Contains(privateURLs, u)
}

// checkSignedIn signs in with a visitor token and checks that the private
// pages, search, sidebar, PDFs and the dashboard (with the admin token)
// are there, and that every answer is kept from shared caches. It returns every URL a signed-in crawl finds.
func checkSignedIn(t *testing.T, root, canary, hexPart, key, admin string, withPDF bool) []string {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	client := noRedirects(jar)
	token := visitorToken(t, jwt.SigningMethodHS256, []byte(key), time.Now().Add(time.Hour), nil)
	resp, err := client.Get(root + "/restricted/salaries?jwt_token=" + token + "&x=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/restricted/salaries?x=1" {
		t.Fatalf("GET ?jwt_token=<valid>: got %d to %q, want 303 to /restricted/salaries?x=1", resp.StatusCode, resp.Header.Get("Location"))
	}
	u, _ := url.Parse(root)
	if cs := jar.Cookies(u); len(cs) != 1 || cs[0].Name != visitor.CookieName {
		t.Fatalf("after ?jwt_token=<valid>: got cookies %v, want %s", cs, visitor.CookieName)
	}
	if sc := resp.Header.Get("Set-Cookie"); !strings.Contains(sc, "HttpOnly") || !strings.Contains(sc, "SameSite=Lax") {
		t.Errorf("the visitor cookie %q is not HttpOnly and SameSite=Lax", sc)
	}

	cacheChecked, signedOut := 0, false
	sc := newCrawler(t, root+"/", client, func(a *answer) {
		t.Helper()
		if signedOut || strings.Contains(a.url, "/_auth/") {
			return
		}
		cc, vary := a.header.Get("Cache-Control"), strings.Join(a.header.Values("Vary"), ",")
		if !strings.Contains(cc, "private") && !strings.Contains(cc, "no-store") {
			t.Errorf("signed-in GET %s (%d): Cache-Control %q, want private", a.url, a.status, cc)
		}
		if !strings.Contains(vary, "Cookie") {
			t.Errorf("signed-in GET %s (%d): Vary %q, want Cookie", a.url, a.status, vary)
		}
		cacheChecked++
	})
	sc.skip = func(u *url.URL) bool {
		return strings.HasPrefix(u.Path, "/_auth/") || strings.HasPrefix(u.Path, "/_pdf")
	}
	sc.add("/", "/sitemap.xml", "/llms.txt", "/llms-full.txt", "/recently-updated", "/recently-updated/atom.xml")
	for _, p := range privateURLs {
		sc.add(p, p+".md")
	}
	sc.run()
	t.Logf("signed in: %d URLs crawled, %d found", sc.fetched, len(sc.found))
	if cacheChecked == 0 {
		t.Error("no signed-in answer was checked")
	}
	for _, p := range privateURLs {
		a := sc.do(http.MethodGet, p, nil, nil)
		if a.status != http.StatusOK || len(mentions(a, canary)) == 0 {
			t.Errorf("signed-in GET %s: got %d, want 200 and the canary", p, a.status)
		}
		if a.header.Get("Cache-Control") != "private, no-cache" {
			t.Errorf("signed-in GET %s: Cache-Control %q, want private, no-cache", p, a.header.Get("Cache-Control"))
		}
	}
	// The sidebar: its first level in the page, the levels below in the
	// navigation file.
	home := sc.do(http.MethodGet, "/", nil, nil)
	for _, p := range []string{"/restricted/internal", "/restricted/salaries", "/restricted/team"} {
		if !strings.Contains(home.text, `href="`+p+`"`) {
			t.Errorf("signed in, the sidebar of / lacks %s", p)
		}
	}
	if m := regexp.MustCompile(`data-nav="([^"]+)"`).FindStringSubmatch(home.text); m == nil {
		t.Error("signed in, / has no data-nav")
	} else {
		nav := sc.do(http.MethodGet, m[1], nil, nil)
		if len(mentions(nav, canary)) == 0 {
			t.Errorf("signed in, the navigation %s lacks the private titles", m[1])
		}
		for _, p := range privateURLs {
			if !strings.Contains(nav.text, `"`+p+`"`) && !strings.Contains(home.text, `href="`+p+`"`) {
				t.Errorf("signed in, the navigation %s lacks %s", m[1], p)
			}
		}
	}
	if a := sc.do(http.MethodGet, "/api/search?q="+hexPart, nil, nil); len(mentions(a, canary)) == 0 {
		t.Errorf("signed-in search for %s finds no private page: %s", hexPart, a.body)
	}
	if a := sc.do(http.MethodGet, "/api/search?q=Zeppelin", nil, nil); !strings.Contains(a.text, "/restricted/internal/plans") {
		t.Errorf("signed-in search for Zeppelin finds no private page: %s", a.body)
	}
	// Another site's scripts may not read what the reader's cookie opens.
	for _, p := range []string{"/api/search?q=Zeppelin", "/restricted/salaries", "/llms-full.txt"} {
		a := sc.do(http.MethodGet, p, nil, http.Header{"Origin": {"https://elsewhere.example"}})
		if acao := a.header.Get("Access-Control-Allow-Origin"); acao == "https://elsewhere.example" || acao == "*" && a.header.Get("Access-Control-Allow-Credentials") == "true" {
			t.Errorf("signed-in GET %s from another origin: Access-Control-Allow-Origin %q, want none", p, acao)
		}
	}
	if a := sc.do(http.MethodGet, "/llms-full.txt", nil, nil); len(mentions(a, canary)) == 0 {
		t.Errorf("signed in, llms-full.txt lacks the private pages")
	}
	if withPDF {
		if a := sc.do(http.MethodGet, "/_pdf/", nil, nil); a.status != 200 || !strings.Contains(strings.ToLower(a.text), strings.ToLower(canary)) {
			t.Errorf("signed in, the whole PDF (%d) lacks the private pages", a.status)
		}
	}
	// Feedback from a signed-in reader on a private page, for the
	// dashboard to show.
	if a := sc.do(http.MethodPost, "/api/feedback", []byte(`{"page": "/restricted/salaries", "rating": "good"}`),
		http.Header{"Content-Type": {"application/json"}}); a.status != http.StatusCreated {
		t.Logf("signed-in feedback on a private page: %d %s", a.status, a.body)
	}

	// The dashboard is for signed-in readers, with the admin token.
	if a := sc.do(http.MethodGet, "/_insights?period=all", nil, http.Header{"Authorization": {"Bearer " + admin}}); a.status != http.StatusOK {
		t.Errorf("signed-in GET /_insights?period=all with the admin token: got %d, want 200", a.status)
	}

	// The same token as a bearer token, without the cookie.
	bc := newCrawler(t, root+"/", &http.Client{}, nil)
	bc.header = http.Header{"Authorization": {"Bearer " + token}}
	if a := bc.do(http.MethodGet, "/restricted/team/parties", nil, nil); a.status != 200 || len(mentions(a, canary)) == 0 {
		t.Errorf("GET with a valid bearer token: got %d, want 200 and the canary", a.status)
	}
	// Signing out.
	signedOut = true
	if a := sc.do(http.MethodGet, visitor.LogoutPath, nil, nil); a.status != http.StatusSeeOther {
		t.Errorf("GET %s: got %d, want 303", visitor.LogoutPath, a.status)
	}
	if a := sc.do(http.MethodGet, "/restricted/salaries", nil, nil); a.status != http.StatusNotFound || len(mentions(a, canary)) > 0 {
		t.Errorf("after signing out, GET /restricted/salaries: got %d (canary in %v), want 404 without it", a.status, mentions(a, canary))
	}
	return sc.found
}

// checkRefusedTokens checks that tokens signed with another key, expired,
// unsigned, signed with another algorithm or posing as sessions give no
// access, as a link, a cookie or a bearer token.
func checkRefusedTokens(t *testing.T, root, canary, key string) {
	t.Helper()
	hour := time.Now().Add(time.Hour)
	bad := map[string]string{
		"another key": visitorToken(t, jwt.SigningMethodHS256, []byte(strings.Repeat("k", 40)), hour, nil),
		"expired":     visitorToken(t, jwt.SigningMethodHS256, []byte(key), time.Now().Add(-time.Hour), nil),
		"alg none":    visitorToken(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, hour, nil),
		"HS512":       visitorToken(t, jwt.SigningMethodHS512, []byte(key), hour, nil),
		"garbage":     "garbage",
	}
	for name, token := range bad {
		check := func(a *answer) {
			t.Helper()
			if where := mentions(a, canary); len(where) > 0 {
				t.Errorf("LEAK: token %s: %s %s (%d) holds the canary in its %s", name, a.method, a.url, a.status, strings.Join(where, ", "))
			}
		}
		jar, err := cookiejar.New(nil)
		if err != nil {
			t.Fatal(err)
		}
		c := newCrawler(t, root+"/", noRedirects(jar), check)
		if a := c.do(http.MethodGet, "/restricted/salaries?jwt_token="+url.QueryEscape(token), nil, nil); a.status != http.StatusUnauthorized {
			t.Errorf("token %s as a link: got %d, want 401", name, a.status)
		}
		u, _ := url.Parse(root)
		if cs := jar.Cookies(u); len(cs) > 0 {
			t.Errorf("token %s as a link: got cookies %v, want none", name, cs)
		}
		for _, h := range []http.Header{
			{"Cookie": {visitor.CookieName + "=" + token}},
			{"Authorization": {"Bearer " + token}},
		} {
			if a := c.do(http.MethodGet, "/restricted/salaries", nil, h); a.status != http.StatusNotFound {
				t.Errorf("token %s in %v: GET /restricted/salaries: got %d, want 404", name, h, a.status)
			}
			// A missing page's Markdown is a "Page Not Found" of status 200.
			if a := c.do(http.MethodGet, "/restricted/internal/plans.md", nil, h); !strings.Contains(a.text, "Page Not Found") {
				t.Errorf("token %s in %v: GET /restricted/internal/plans.md: got %d, want Page Not Found:\n%s", name, h, a.status, a.body)
			}
		}
	}
}

// checkMCPAnonymous calls every MCP tool, anonymously, with arguments that
// name the private pages and the canary's random part (the full canary
// would come back in the answers' echo of the query, or of the page
// asked for).
func checkMCPAnonymous(t *testing.T, c *crawler, hexPart string) {
	t.Helper()
	hdr := http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json, text/event-stream"}}
	call := func(id int, method string, params any) *answer {
		t.Helper()
		body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
		if err != nil {
			t.Fatal(err)
		}
		return c.do(http.MethodPost, "/mcp", body, hdr)
	}
	init := call(1, "initialize", map[string]any{
		"protocolVersion": "2025-06-18",
		"capabilities":    map[string]any{},
		"clientInfo":      map[string]any{"name": "leak-test", "version": "v0"},
	})
	if init.status != http.StatusOK || !strings.Contains(init.text, `"serverInfo"`) {
		t.Fatalf("MCP initialize: got %d %s", init.status, init.body)
	}
	list := call(2, "tools/list", map[string]any{})
	var tools struct {
		Result struct {
			Tools []struct {
				Name        string
				InputSchema struct {
					Properties map[string]struct{ Type any }
				}
			}
		}
	}
	if err := json.Unmarshal(list.body, &tools); err != nil || len(tools.Result.Tools) == 0 {
		t.Fatalf("MCP tools/list: got %d %s (%v)", list.status, list.body, err)
	}
	probes := append([]string{hexPart, "canary " + hexPart}, privateWords...)
	for _, p := range privateURLs {
		probes = append(probes, p, p+".md", strings.TrimPrefix(p, "/restricted/")+".md")
	}
	probes = append(probes, "internal/plans.md", "internal/README.md", "internal/deep/notes.md", "salaries.md",
		"team/README.md", "team/onboarding.md", "team/parties.md", ".gitbook/includes/secret-snippet.md", "SUMMARY.md")
	id, calls := 3, 0
	for _, tool := range tools.Result.Tools {
		var strs []string
		for name, prop := range tool.InputSchema.Properties {
			if prop.Type == "string" {
				strs = append(strs, name)
			}
		}
		a := call(id, "tools/call", map[string]any{"name": tool.Name, "arguments": map[string]any{}})
		id++
		calls++
		if tool.Name == "list_pages" && !strings.Contains(a.text, "/guide") {
			t.Errorf("MCP list_pages lacks the public pages: %s", a.body)
		}
		for _, arg := range strs {
			for _, probe := range probes {
				call(id, "tools/call", map[string]any{"name": tool.Name, "arguments": map[string]any{arg: probe}})
				id++
				calls++
			}
		}
	}
	t.Logf("MCP: %d tools, %d calls", len(tools.Result.Tools), calls)
}

func TestBuildLeavesPrivatePagesOut(t *testing.T) {
	canary := "CANARY-" + randomHex(t, 8)
	src := privateSource(t, canary, "HANDBOOK_TEST_BUILD_KEY")
	for _, tc := range []struct {
		args       []string
		wantCanary bool
		stderr     string
	}{
		{nil, false, "left out 7 private pages"},
		{[]string{"--include-private"}, true, ""},
	} {
		out := filepath.Join(t.TempDir(), "site")
		var stderr strings.Builder
		args := append(append([]string{"build", "--out", out}, tc.args...), src)
		if code := Main(context.Background(), args, io.Discard, &stderr); code != 0 {
			t.Fatalf("handbook %v: exit code %d: %s", args, code, stderr.String())
		}
		if !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("handbook %v: stderr %q, want %q", args, stderr.String(), tc.stderr)
		}
		var files, with []string
		low := []byte(strings.ToLower(canary))
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files = append(files, p)
			if strings.Contains(strings.ToLower(string(data)), string(low)) || strings.Contains(strings.ToLower(filepath.ToSlash(p)), string(low)) {
				rel, _ := filepath.Rel(out, p)
				with = append(with, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(files) < 10 {
			t.Errorf("handbook %v wrote %d files, want a whole site", args, len(files))
		}
		switch {
		case !tc.wantCanary && len(with) > 0:
			t.Errorf("LEAK: handbook %v: the canary is in %v", args, with)
		case tc.wantCanary && !slices.Contains(with, filepath.Join("restricted", "salaries", "index.html")):
			t.Errorf("handbook %v: the canary is in %v, want it in restricted/salaries/index.html", args, with)
		}
	}
}
