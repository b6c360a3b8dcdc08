package visitor

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// oidcSite is a handbook site signing in at an OpenID provider for tests.
type oidcSite struct {
	p    *hbtest.OIDCProvider
	auth *Auth
	srv  *httptest.Server
	// visited records every URL the browser was redirected to.
	visited []string
}

// newOIDCSite starts a provider and a site behind Auth.Middleware.
func newOIDCSite(t *testing.T) *oidcSite {
	t.Helper()
	s := &oidcSite{p: hbtest.NewOIDCProvider(t, "handbook", "s3cret")}
	s.srv = httptest.NewUnstartedServer(nil)
	s.srv.Start()
	t.Cleanup(s.srv.Close)
	a, err := New(context.Background(), Options{
		Issuer:       s.p.URL,
		ClientID:     s.p.ClientID,
		ClientSecret: s.p.ClientSecret,
		RedirectURL:  s.srv.URL + CallbackPath,
		SessionKey:   []byte("session-key-session-key-session-key"),
		Insecure:     true,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	s.auth = a
	s.srv.Config.Handler = a.Middleware(whoami)
	return s
}

// browser returns a client with a cookie jar that follows redirects and
// records them.
func (s *oidcSite) browser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(r *http.Request, via []*http.Request) error {
		s.visited = append(s.visited, r.URL.String())
		if len(via) > 10 {
			return http.ErrUseLastResponse
		}
		return nil
	}}
}

// get fetches path on the site with c and returns status, final URL and body.
func (s *oidcSite) get(t *testing.T, c *http.Client, path string) (int, *url.URL, string) {
	t.Helper()
	resp, err := c.Get(s.srv.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, resp.Request.URL, body(t, resp)
}

func TestOIDCSignInEndToEnd(t *testing.T) {
	t.Parallel()
	s := newOIDCSite(t)
	c := s.browser(t)
	if got := s.auth.SignInURL("/private/page"); got != LoginPath+"?return_to=%2Fprivate%2Fpage" {
		t.Errorf("got SignInURL %q", got)
	}
	status, final, b := s.get(t, c, s.auth.SignInURL("/private/page"))
	if status != http.StatusOK || final.Path != "/private/page" {
		t.Fatalf("got %d at %s (%q), want 200 at /private/page", status, final, b)
	}
	if want := "visitor grace@example.com at /private/page"; b != want {
		t.Errorf("got %q, want %q", b, want)
	}
	// The authorization request carried PKCE S256, state and nonce.
	if len(s.visited) == 0 {
		t.Fatal("no redirects followed")
	}
	auth, err := url.Parse(s.visited[0])
	if err != nil {
		t.Fatal(err)
	}
	q := auth.Query()
	if auth.Path != "/authorize" || q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("state") == "" || q.Get("nonce") == "" {
		t.Errorf("got authorization request %s, want S256 challenge, state and nonce", auth)
	}
	if scope := q.Get("scope"); scope != "openid email profile" {
		t.Errorf("got scope %q, want %q", scope, "openid email profile")
	}
	if all, ok := s.p.VerifierChecks(); all != 1 || ok != 1 {
		t.Errorf("provider checked %d verifiers, %d good; want 1, 1", all, ok)
	}
	// The session cookie keeps the visitor signed in, with no further trip to the provider.
	s.visited = nil
	if _, _, b := s.get(t, c, "/other"); b != "visitor grace@example.com at /other" {
		t.Errorf("second request: got %q", b)
	}
	if len(s.visited) != 0 {
		t.Errorf("second request was redirected: %v", s.visited)
	}
	// Signing out ends it.
	if _, final, b := s.get(t, c, LogoutPath); final.Path != "/" || b != "anonymous at /" {
		t.Errorf("after logout: got %q at %s, want anonymous at /", b, final)
	}
}

func TestOIDCOpenRedirectGoesHome(t *testing.T) {
	t.Parallel()
	s := newOIDCSite(t)
	for _, rt := range []string{"//evil.com", "https://evil.com/x", "/\\evil.com"} {
		c := s.browser(t)
		status, final, b := s.get(t, c, LoginPath+"?return_to="+url.QueryEscape(rt))
		if status != http.StatusOK || final.Host != s.srv.Listener.Addr().String() || final.Path != "/" {
			t.Errorf("return_to=%s: ended with %d at %s, want 200 at / on the site", rt, status, final)
		}
		if b != "visitor grace@example.com at /" {
			t.Errorf("return_to=%s: got %q", rt, b)
		}
	}
}

// startLogin runs LoginPath without following redirects and returns the
// sign-in cookie and the authorization URL.
func (s *oidcSite) startLogin(t *testing.T) (*http.Cookie, *url.URL) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(s.srv.URL + LoginPath + "?return_to=/p")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("login: got %d, want 302", resp.StatusCode)
	}
	sc := findCookie(resp, signinCookie)
	if sc == nil {
		t.Fatal("login set no sign-in cookie")
	}
	if !sc.HttpOnly || sc.SameSite != http.SameSiteLaxMode || sc.Path != CallbackPath || sc.MaxAge != 600 {
		t.Errorf("got sign-in cookie HttpOnly=%v SameSite=%v Path=%q MaxAge=%d, want true Lax %s 600", sc.HttpOnly, sc.SameSite, sc.Path, sc.MaxAge, CallbackPath)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return sc, loc
}

// callback calls CallbackPath with query and, if not nil, the sign-in cookie.
func (s *oidcSite) callback(t *testing.T, query url.Values, cookie *http.Cookie) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.srv.URL+CallbackPath+"?"+query.Encode(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cookie != nil {
		req.AddCookie(&http.Cookie{Name: cookie.Name, Value: cookie.Value})
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body(t, resp)
}

// approve asks the provider's /authorize for a code for the authorization URL.
func approve(t *testing.T, authURL *url.URL) url.Values {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(authURL.String())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return back.Query()
}

func TestOIDCCallbackRefusals(t *testing.T) {
	t.Parallel()
	s := newOIDCSite(t)

	t.Run("wrong state", func(t *testing.T) {
		cookie, authURL := s.startLogin(t)
		q := approve(t, authURL)
		q.Set("state", "not-the-state")
		resp, b := s.callback(t, q, cookie)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(b, "does not match") {
			t.Errorf("got %d %q, want 400 saying the answer does not match", resp.StatusCode, b)
		}
		if findCookie(resp, CookieName) != nil {
			t.Error("a visitor cookie was set")
		}
	})
	t.Run("missing cookie", func(t *testing.T) {
		_, authURL := s.startLogin(t)
		resp, b := s.callback(t, approve(t, authURL), nil)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(b, "not started in this browser") {
			t.Errorf("got %d %q, want 400 about the missing sign-in", resp.StatusCode, b)
		}
	})
	t.Run("tampered cookie", func(t *testing.T) {
		cookie, authURL := s.startLogin(t)
		cookie.Value = cookie.Value[:len(cookie.Value)-2] + "AA"
		resp, _ := s.callback(t, approve(t, authURL), cookie)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("got %d, want 400", resp.StatusCode)
		}
	})
	t.Run("provider error", func(t *testing.T) {
		cookie, _ := s.startLogin(t)
		resp, b := s.callback(t, url.Values{"error": {"access_denied"}, "error_description": {"<script>"}}, cookie)
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(b, "access_denied") || strings.Contains(b, "<script>") {
			t.Errorf("got %d %q, want 401 naming access_denied only", resp.StatusCode, b)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("got Content-Type %q, want text/plain", ct)
		}
	})
	t.Run("unknown code", func(t *testing.T) {
		cookie, authURL := s.startLogin(t)
		q := approve(t, authURL)
		q.Set("code", "forged")
		resp, b := s.callback(t, q, cookie)
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(b, "Sign-in failed") {
			t.Errorf("got %d %q, want 401", resp.StatusCode, b)
		}
	})
}

func TestOIDCRejectedVerifierFailsSignIn(t *testing.T) {
	t.Parallel()
	s := newOIDCSite(t)
	s.p.RejectVerifier = true
	status, final, b := s.get(t, s.browser(t), LoginPath+"?return_to=/private/page")
	if status != http.StatusUnauthorized || final.Path != CallbackPath {
		t.Errorf("got %d at %s, want 401 at the callback", status, final)
	}
	if !strings.Contains(b, "Sign-in failed") || strings.Contains(b, "goroutine") {
		t.Errorf("got body %q, want a plain sign-in failure", b)
	}
	if all, ok := s.p.VerifierChecks(); all == 0 || ok != 0 {
		t.Errorf("provider checked %d verifiers, %d good; want some, none good", all, ok)
	}
}

func TestOIDCBadIDTokenFailsSignIn(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		tamper func(jwt.MapClaims)
	}{
		{"wrong nonce", func(c jwt.MapClaims) { c["nonce"] = "other" }},
		{"no nonce", func(c jwt.MapClaims) { delete(c, "nonce") }},
		{"wrong audience", func(c jwt.MapClaims) { c["aud"] = "someone-else" }},
		{"wrong issuer", func(c jwt.MapClaims) { c["iss"] = "https://evil.example" }},
		{"expired", func(c jwt.MapClaims) { c["exp"] = time.Now().Add(-time.Hour).Unix() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newOIDCSite(t)
			s.p.Tamper = tc.tamper
			status, final, b := s.get(t, s.browser(t), LoginPath+"?return_to=/private/page")
			if status != http.StatusUnauthorized || final.Path != CallbackPath || !strings.Contains(b, "Sign-in failed") {
				t.Errorf("got %d at %s (%q), want 401 at the callback", status, final, b)
			}
		})
	}
}
