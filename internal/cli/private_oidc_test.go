package cli

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/handbookhq/handbook/internal/config"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/visitor"
)

// oidcProvider is a small OpenID provider on loopback: discovery, JWKS,
// an /authorize that approves at once and a /token that checks the client
// and PKCE (S256).
type oidcProvider struct {
	srv          *httptest.Server
	key          *rsa.PrivateKey
	clientID     string
	clientSecret string

	mu    sync.Mutex
	codes map[string]oidcGrant // code → what /authorize was asked
	// issued counts the ID tokens given, after a matching code_verifier.
	issued int
}

// oidcGrant is what /authorize remembers for /token.
type oidcGrant struct {
	challenge, method, nonce, redirectURI string
}

// newOIDCProvider starts a provider for the client clientID.
func newOIDCProvider(t *testing.T, clientID, clientSecret string) *oidcProvider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &oidcProvider{key: key, clientID: clientID, clientSecret: clientSecret, codes: map[string]oidcGrant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *oidcProvider) discovery(w http.ResponseWriter, _ *http.Request) {
	providerJSON(w, http.StatusOK, map[string]any{
		"issuer":                                p.srv.URL,
		"authorization_endpoint":                p.srv.URL + "/authorize",
		"token_endpoint":                        p.srv.URL + "/token",
		"jwks_uri":                              p.srv.URL + "/jwks",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
	})
}

func (p *oidcProvider) jwks(w http.ResponseWriter, _ *http.Request) {
	enc := base64.RawURLEncoding.EncodeToString
	pub := p.key.PublicKey
	providerJSON(w, http.StatusOK, map[string]any{"keys": []map[string]string{{
		"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "test-key",
		"n": enc(pub.N.Bytes()), "e": enc(big.NewInt(int64(pub.E)).Bytes()),
	}}})
}

// authorize approves at once: it redirects to redirect_uri with a code and
// the state, and remembers the code challenge and nonce.
func (p *oidcProvider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != p.clientID || q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" {
		http.Error(w, "bad client, response type or code challenge method", http.StatusBadRequest)
		return
	}
	back, err := url.Parse(q.Get("redirect_uri"))
	if err != nil {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	code := base64.RawURLEncoding.EncodeToString(b)
	p.mu.Lock()
	p.codes[code] = oidcGrant{challenge: q.Get("code_challenge"), method: q.Get("code_challenge_method"), nonce: q.Get("nonce"), redirectURI: q.Get("redirect_uri")}
	p.mu.Unlock()
	back.RawQuery = url.Values{"code": {code}, "state": {q.Get("state")}}.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// token checks the client, the code and the PKCE verifier, and returns an
// RS256 ID token.
func (p *oidcProvider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		providerJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != p.clientID || secret != p.clientSecret {
		providerJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	code := r.PostForm.Get("code")
	p.mu.Lock()
	g, found := p.codes[code]
	delete(p.codes, code)
	p.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	if !found || r.PostForm.Get("grant_type") != "authorization_code" || r.PostForm.Get("redirect_uri") != g.redirectURI ||
		g.method != "S256" || base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge {
		providerJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
		return
	}
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.MapClaims{
		"iss": p.srv.URL, "aud": p.clientID, "sub": "user-7",
		"email": "grace@example.com", "name": "Grace",
		"nonce": g.nonce, "iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
	})
	tok.Header["kid"] = "test-key"
	idToken, err := tok.SignedString(p.key)
	if err != nil {
		providerJSON(w, http.StatusInternalServerError, map[string]string{"error": "server_error"})
		return
	}
	p.mu.Lock()
	p.issued++
	p.mu.Unlock()
	providerJSON(w, http.StatusOK, map[string]any{
		"access_token": "at-" + code, "token_type": "Bearer", "expires_in": 300, "id_token": idToken,
	})
}

// providerJSON answers with v as JSON.
func providerJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func TestServeSignsInWithOpenIDConnect(t *testing.T) {
	canary := "CANARY-" + randomHex(t, 8)
	p := newOIDCProvider(t, "handbook", "s3cret-"+randomHex(t, 8))
	t.Setenv(config.DefaultOIDCSecretEnv, p.clientSecret)
	t.Setenv(config.DefaultSessionKeyEnv, randomHex(t, 32))
	src := t.TempDir()
	hbtest.Write(t, src, strings.NewReplacer("{{C}}", canary, "{{ISSUER}}", p.srv.URL).Replace(`
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
	if p.issued != 1 {
		t.Errorf("the provider gave %d ID tokens, want 1", p.issued)
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
