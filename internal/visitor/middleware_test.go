package visitor

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// whoami is the next handler in middleware tests: it writes the visitor's
// email, or "anonymous".
var whoami = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if v := From(r.Context()); v != nil {
		fmt.Fprintf(w, "visitor %s at %s", v.Email, r.URL.RequestURI())
		return
	}
	fmt.Fprintf(w, "anonymous at %s", r.URL.RequestURI())
})

// serve runs one request through a's middleware.
func serve(a *Auth, r *http.Request) *http.Response {
	rec := httptest.NewRecorder()
	a.Middleware(whoami).ServeHTTP(rec, r)
	return rec.Result()
}

// findCookie returns the Set-Cookie named name in resp, or nil.
func findCookie(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// body returns resp's body as a string.
func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return string(b)
}

func TestTokenLinkSetsCookieAndStripsToken(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	token := sign(t, jwt.SigningMethodHS256, testSecret, claimsAt())
	r := httptest.NewRequest(http.MethodGet, "/guide/page?a=1&jwt_token="+token+"&b=two%20words", nil)
	resp := serve(a, r)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("got status %d, want 303", resp.StatusCode)
	}
	if got, want := resp.Header.Get("Location"), "/guide/page?a=1&b=two%20words"; got != want {
		t.Errorf("got Location %q, want %q", got, want)
	}
	c := findCookie(resp, CookieName)
	if c == nil {
		t.Fatal("no visitor cookie set")
	}
	if c.Value != token {
		t.Errorf("cookie holds %q, want the token", c.Value)
	}
	if !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode || c.Path != "/" {
		t.Errorf("got cookie HttpOnly=%v Secure=%v SameSite=%v Path=%q, want true true Lax /", c.HttpOnly, c.Secure, c.SameSite, c.Path)
	}
	if !c.Expires.Equal(testNow.Add(time.Hour)) {
		t.Errorf("got cookie Expires %v, want %v", c.Expires, testNow.Add(time.Hour))
	}
}

func TestTokenLinkRedirectStaysLocal(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	token := sign(t, jwt.SigningMethodHS256, testSecret, claimsAt())
	for _, tc := range []struct{ target, want string }{
		{"/?jwt_token=" + token, "/"},
		{"/p?jwt_token=" + token, "/p"},
		{"/p?jwt%5Ftoken=" + token + "&x", "/p?x"},
	} {
		resp := serve(a, httptest.NewRequest(http.MethodGet, tc.target, nil))
		if got := resp.Header.Get("Location"); got != tc.want {
			t.Errorf("%s: got Location %q, want %q", tc.target[:8], got, tc.want)
		}
	}
	// A path that starts with two slashes must not become a protocol-relative redirect.
	r := httptest.NewRequest(http.MethodGet, "/x", nil)
	r.URL = &url.URL{Path: "//evil.example/p", RawQuery: "jwt_token=" + token}
	resp := serve(a, r)
	if got := resp.Header.Get("Location"); got != "/" {
		t.Errorf("got Location %q for //evil.example/p, want /", got)
	}
}

func TestTokenLinkInsecureCookie(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	a.o.Insecure = true
	resp := serve(a, httptest.NewRequest(http.MethodGet, "/?jwt_token="+sign(t, jwt.SigningMethodHS256, testSecret, claimsAt()), nil))
	c := findCookie(resp, CookieName)
	if c == nil || c.Secure {
		t.Errorf("got cookie %v, want one without Secure", c)
	}
}

func TestInvalidTokenLinkIsRefused(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	c := claimsAt()
	c["exp"] = testNow.Add(-time.Hour).Unix()
	expired := sign(t, jwt.SigningMethodHS256, testSecret, c)
	for _, token := range []string{expired, unsignedToken(t, claimsAt()), "garbage"} {
		resp := serve(a, httptest.NewRequest(http.MethodGet, "/p?jwt_token="+token, nil))
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("got status %d, want 401", resp.StatusCode)
		}
		if c := findCookie(resp, CookieName); c != nil {
			t.Errorf("got cookie %v, want none", c)
		}
		b := body(t, resp)
		if !strings.Contains(b, "invalid or has expired") || !strings.Contains(b, "sign in again") {
			t.Errorf("got body %q, want it to say the link is invalid or expired", b)
		}
		if strings.Contains(b, token) {
			t.Errorf("the body echoes the token")
		}
	}
}

func TestCookieSignsVisitorIn(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	r := httptest.NewRequest(http.MethodGet, "/private", nil)
	r.AddCookie(&http.Cookie{Name: CookieName, Value: sign(t, jwt.SigningMethodHS256, testSecret, claimsAt())})
	resp := serve(a, r)
	if got, want := body(t, resp), "visitor ada@example.com at /private"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if c := findCookie(resp, CookieName); c != nil {
		t.Errorf("a good cookie was touched: %v", c)
	}
}

func TestBadCookieIsClearedAndAnonymous(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	good := sign(t, jwt.SigningMethodHS256, testSecret, claimsAt())
	parts := strings.Split(good, ".")
	tampered := parts[0] + "." + base64Claims(t, `{"sub":"u-42","email":"boss@example.com","exp":9999999999}`) + "." + parts[2]
	c := claimsAt()
	c["exp"] = testNow.Add(-time.Hour).Unix()
	expired := sign(t, jwt.SigningMethodHS256, testSecret, c)
	for name, value := range map[string]string{"tampered": tampered, "expired": expired, "garbage": "xyz"} {
		r := httptest.NewRequest(http.MethodGet, "/private", nil)
		r.AddCookie(&http.Cookie{Name: CookieName, Value: value})
		resp := serve(a, r)
		if got, want := body(t, resp), "anonymous at /private"; got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
		cleared := findCookie(resp, CookieName)
		if cleared == nil || cleared.MaxAge >= 0 || cleared.Value != "" {
			t.Errorf("%s: got Set-Cookie %v, want the cookie cleared", name, cleared)
		}
		if sc := resp.Header.Get("Set-Cookie"); !strings.Contains(sc, "Max-Age=0") && !strings.Contains(sc, "Max-Age=-1") {
			t.Errorf("%s: got Set-Cookie %q, want Max-Age<=0", name, sc)
		}
	}
}

// base64Claims encodes a JSON payload as a JWT segment.
func base64Claims(t *testing.T, s string) string {
	t.Helper()
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

func TestLogoutClearsCookie(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		r := httptest.NewRequest(method, LogoutPath, nil)
		r.AddCookie(&http.Cookie{Name: CookieName, Value: sign(t, jwt.SigningMethodHS256, testSecret, claimsAt())})
		resp := serve(a, r)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Errorf("%s: got %d to %q, want 303 to /", method, resp.StatusCode, resp.Header.Get("Location"))
		}
		if c := findCookie(resp, CookieName); c == nil || c.MaxAge >= 0 {
			t.Errorf("%s: got Set-Cookie %v, want the cookie cleared", method, c)
		}
	}
	resp := serve(a, httptest.NewRequest(http.MethodDelete, LogoutPath, nil))
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE: got %d, want 405", resp.StatusCode)
	}
}

func TestSignInPathsWithoutOIDC(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	if got := a.SignInURL("/p"); got != "" {
		t.Errorf("got SignInURL %q, want empty without OpenID Connect", got)
	}
	for _, p := range []string{LoginPath, CallbackPath + "?code=x&state=y"} {
		if resp := serve(a, httptest.NewRequest(http.MethodGet, p, nil)); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: got %d, want 404", p, resp.StatusCode)
		}
	}
}

func TestSafeReturnTo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"/private/page", "/private/page"},
		{"/p?q=1#h", "/p?q=1#h"},
		{"", "/"},
		{"//evil.com", "/"},
		{"//evil.com/p", "/"},
		{"/\\evil.com", "/"},
		{"\\\\evil.com", "/"},
		{"https://evil.com/", "/"},
		{"javascript:alert(1)", "/"},
		{"evil.com", "/"},
		{"/\t/evil.com", "/"},
		{"/%2F%2Fevil.com", "/"},
		{"/ok%20page", "/ok%20page"},
	} {
		if got := safeReturnTo(tc.in); got != tc.want {
			t.Errorf("safeReturnTo(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
