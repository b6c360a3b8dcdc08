package insights_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/insights"
)

func TestWithoutTokenEverythingIsNotFound(t *testing.T) {
	t.Parallel()
	h := insights.New(insights.Options{Store: openStore(t), Pages: func() []insights.Page { return testPages }})
	for _, r := range []*http.Request{
		httptest.NewRequest(http.MethodGet, "/_insights", nil),
		httptest.NewRequest(http.MethodGet, "/_insights/feedback.csv", nil),
		postForm("/_insights/login", url.Values{"token": {""}}),
	} {
		r.Header.Set("Authorization", "Bearer ")
		if res, _ := do(t, h, r); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s: got %d, want 404", r.Method, r.URL, res.StatusCode)
		}
	}
}

func TestMissingOrWrongTokenIsUnauthorized(t *testing.T) {
	t.Parallel()
	h := newDashboard(t)
	for name, auth := range map[string]string{
		"missing":      "",
		"wrong":        "Bearer not-the-token",
		"prefix":       "Bearer " + testToken[:5],
		"basic scheme": "Basic " + testToken,
	} {
		r := httptest.NewRequest(http.MethodGet, "/_insights", nil)
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		res, body := do(t, h, r)
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `<form method="post" action="/_insights/login">`) {
			t.Errorf("%s: got %d, want 401 with the login form:\n%s", name, res.StatusCode, body)
		}
		if strings.Contains(body, "Great start") {
			t.Errorf("%s: the login page shows feedback", name)
		}
		r = httptest.NewRequest(http.MethodGet, "/_insights/feedback.csv", nil)
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		if res, body := do(t, h, r); res.StatusCode != http.StatusUnauthorized || strings.Contains(body, "/ops/backups") {
			t.Errorf("%s: csv: got %d:\n%s", name, res.StatusCode, body)
		}
	}
}

func TestBearerTokenOpensTheDashboard(t *testing.T) {
	t.Parallel()
	res, body := get(t, newDashboard(t), "/_insights")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Great start") {
		t.Fatalf("got %d:\n%s", res.StatusCode, body)
	}
	for name, want := range map[string]string{
		"Cache-Control":   "no-store",
		"X-Frame-Options": "DENY",
		"Referrer-Policy": "no-referrer",
	} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "style-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(body, "<script") || strings.Contains(body, " style=") {
		t.Error("the dashboard allows or uses scripts or inline styles")
	}
	if len(res.Cookies()) != 0 {
		t.Errorf("a bearer request got cookies: %v", res.Cookies())
	}
}

func TestLoginSetsACookieThatWorks(t *testing.T) {
	t.Parallel()
	h := newDashboard(t)

	res, body := do(t, h, postForm("/_insights/login", url.Values{"token": {"guess"}}))
	if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "That token is not right.") || len(res.Cookies()) != 0 {
		t.Fatalf("wrong token: got %d, cookies %v:\n%s", res.StatusCode, res.Cookies(), body)
	}

	res, _ = do(t, h, postForm("/_insights/login", url.Values{"token": {testToken}}))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/_insights" {
		t.Fatalf("login: got %d to %q, want 303 to /_insights", res.StatusCode, res.Header.Get("Location"))
	}
	cookies := res.Cookies()
	if len(cookies) != 1 {
		t.Fatalf("login: got cookies %v, want one", cookies)
	}
	c := cookies[0]
	if c.Name != "hb_insights" || c.Value != sessionFor(testToken) || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/_insights" || c.Secure {
		t.Errorf("login: got cookie %+v", c)
	}

	r := httptest.NewRequest(http.MethodGet, "/_insights", nil)
	r.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	if res, body := do(t, h, r); res.StatusCode != http.StatusOK || !strings.Contains(body, "Great start") {
		t.Errorf("with the cookie: got %d:\n%s", res.StatusCode, body)
	}

	res, _ = do(t, h, postForm("/_insights/logout", nil))
	if cs := res.Cookies(); res.StatusCode != http.StatusSeeOther || len(cs) != 1 || cs[0].Name != "hb_insights" || cs[0].MaxAge >= 0 || cs[0].Value != "" {
		t.Errorf("logout: got %d, cookies %+v", res.StatusCode, cs)
	}
}

func TestLoginOverHTTPSSetsASecureCookie(t *testing.T) {
	t.Parallel()
	r := postForm("/_insights/login", url.Values{"token": {testToken}})
	r.Header.Set("X-Forwarded-Proto", "https")
	res, _ := do(t, newDashboard(t), r)
	if cs := res.Cookies(); len(cs) != 1 || !cs[0].Secure {
		t.Errorf("got cookies %+v, want one Secure", cs)
	}
}

func TestForgedCookieFails(t *testing.T) {
	t.Parallel()
	h := newDashboard(t)
	for name, value := range map[string]string{
		"other token":    sessionFor("another-token"),
		"the token":      testToken,
		"truncated":      sessionFor(testToken)[:32],
		"empty":          "",
		"with a garbage": sessionFor(testToken) + "00",
	} {
		r := httptest.NewRequest(http.MethodGet, "/_insights", nil)
		r.AddCookie(&http.Cookie{Name: "hb_insights", Value: value})
		if res, body := do(t, h, r); res.StatusCode != http.StatusUnauthorized || strings.Contains(body, "Great start") {
			t.Errorf("%s: got %d, want 401", name, res.StatusCode)
		}
	}
}

func TestStyleSheetAndTrailingSlash(t *testing.T) {
	t.Parallel()
	h := newDashboard(t)
	res, body := do(t, h, httptest.NewRequest(http.MethodGet, "/_insights/insights.css", nil))
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") || !strings.Contains(body, "prefers-color-scheme: dark") {
		t.Errorf("style sheet: got %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	res, _ = get(t, h, "/_insights/?period=7d")
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusMovedPermanently || loc != "/_insights?period=7d" {
		t.Errorf("trailing slash: got %d to %q", res.StatusCode, loc)
	}
	if res, _ := get(t, h, "/_insights/nothing"); res.StatusCode != http.StatusNotFound || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("unknown path: got %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
}

func TestClosedStoreIsAnErrorWithoutDetails(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	h := insights.New(insights.Options{Store: st, Token: testToken})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/_insights", "/_insights/feedback.csv"} {
		res, body := get(t, h, target)
		if res.StatusCode != http.StatusInternalServerError || strings.Contains(body, "closed") {
			t.Errorf("%s: got %d %q, want 500 with a generic message", target, res.StatusCode, body)
		}
	}
}
