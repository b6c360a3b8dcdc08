package cli

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/config"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/visitor"
)

func TestServeSignsInWithOpenIDConnect(t *testing.T) {
	canary := "CANARY-" + randomHex(t, 8)
	p := hbtest.NewOIDCProvider(t, "handbook", "s3cret-"+randomHex(t, 8))
	t.Setenv(config.DefaultOIDCSecretEnv, p.ClientSecret)
	t.Setenv(config.DefaultSessionKeyEnv, randomHex(t, 32))
	src := t.TempDir()
	hbtest.Write(t, src, strings.NewReplacer("{{C}}", canary, "{{ISSUER}}", p.URL).Replace(`
-- handbook.yaml --
private:
  - private/
visitors:
  oidc:
    issuer: {{ISSUER}}
    client_id: handbook
-- SUMMARY.md --
* [Home](README.md)
* [Private {{C}}](private/page.md)
-- README.md --
# Home

Public.
-- private/page.md --
# Page {{C}}

Only for signed-in readers: {{C}}.
`))
	base, stop := startServe(t, "serve", "-q", "--no-git", "--no-pdf", "--no-feedback", "--addr", "127.0.0.1:0", src)
	defer stop()
	root := strings.TrimSuffix(base, "/")
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Jar: jar}
	get := func(path string) (int, string, *url.URL) {
		t.Helper()
		resp, err := client.Get(root + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return resp.StatusCode, string(body), resp.Request.URL
	}
	hasCanary := func(s string) bool { return strings.Contains(strings.ToLower(s), strings.ToLower(canary)) }

	// Before signing in.
	if status, body, _ := get("/page"); status != http.StatusNotFound || hasCanary(body) {
		t.Errorf("before signing in, GET /page: got %d (canary %v), want 404 without the canary", status, hasCanary(body))
	}
	status, home, _ := get("/")
	signIn := `href="` + visitor.LoginPath + `?return_to=%2F"`
	if status != http.StatusOK || !strings.Contains(home, signIn) || !strings.Contains(home, ">Sign in<") || strings.Contains(home, ">Sign out<") {
		t.Errorf("before signing in, the header of / does not offer \"Sign in\" (%s) alone", signIn)
	}
	if hasCanary(home) {
		t.Error("LEAK: before signing in, / holds the canary")
	}

	// Signing in (URLs follow SUMMARY.md, so private/page.md is at /page):
	// the provider approves at once, and the callback comes
	// back to the page asked for.
	status, page, at := get(visitor.LoginPath + "?return_to=" + url.QueryEscape("/page"))
	if status != http.StatusOK || at.Path != "/page" || !hasCanary(page) {
		t.Fatalf("signing in: landed on %s with %d (canary %v), want /page, 200 and the canary\n%s", at, status, hasCanary(page), page)
	}
	if n := p.IssuedTokens(); n != 1 {
		t.Errorf("the provider gave %d ID tokens, want 1", n)
	}
	if !strings.Contains(page, `href="`+visitor.LogoutPath+`"`) || !strings.Contains(page, ">Sign out<") || strings.Contains(page, ">Sign in<") {
		t.Error("signed in, the header does not offer \"Sign out\" alone")
	}
	if _, home, _ := get("/"); !strings.Contains(home, `href="/page"`) {
		t.Error("signed in, the sidebar of / lacks the private page")
	}

	// Signing out.
	if _, _, at := get(visitor.LogoutPath); at.Path != "/" {
		t.Errorf("signing out: landed on %s, want /", at)
	}
	if status, body, _ := get("/page"); status != http.StatusNotFound || hasCanary(body) {
		t.Errorf("after signing out, GET /page: got %d (canary %v), want 404 without the canary", status, hasCanary(body))
	}
	if _, home, _ := get("/"); !strings.Contains(home, ">Sign in<") || hasCanary(home) {
		t.Error("after signing out, / does not offer \"Sign in\", or holds the canary")
	}
}
