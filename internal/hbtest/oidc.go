package hbtest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// OIDCProvider is an OpenID provider for tests, on loopback: discovery,
// JWKS, an /authorize that approves at once and a /token that checks the
// client (in the Authorization header or in the form), the code (once
// only, for the redirect_uri it was given to) and the PKCE verifier (S256),
// and returns an RS256 ID token for grace@example.com (subject user-7,
// name Grace) with the nonce of the authorization request.
//
// Set RejectVerifier and Tamper before the first request.
type OIDCProvider struct {
	// URL is the issuer, the provider's base URL.
	URL string
	// ClientID and ClientSecret are the one client's credentials.
	ClientID, ClientSecret string
	// RejectVerifier makes /token refuse every code_verifier.
	RejectVerifier bool
	// Tamper, if set, changes the ID token's claims before they are signed.
	Tamper func(jwt.MapClaims)

	key *rsa.PrivateKey

	mu    sync.Mutex
	codes map[string]oidcGrant // code → what /authorize was asked
	// checks counts the code_verifier checks /token made, good the ones
	// that matched, and issued the ID tokens given.
	checks, good, issued int
}

// oidcGrant is what /authorize remembers for /token.
type oidcGrant struct {
	challenge, method, nonce, redirectURI string
}

// oidcKey is the providers' signing key, one per test binary: making RSA
// keys is slow under -race.
var oidcKey = sync.OnceValues(func() (*rsa.PrivateKey, error) {
	return rsa.GenerateKey(rand.Reader, 2048)
})

// oidcKeyID is the kid of the signing key in the JWKS and ID tokens.
const oidcKeyID = "test-key"

// NewOIDCProvider starts a provider on loopback for the client clientID
// with secret clientSecret; it stops when the test ends.
func NewOIDCProvider(t testing.TB, clientID, clientSecret string) *OIDCProvider {
	t.Helper()
	key, err := oidcKey()
	if err != nil {
		t.Fatalf("make OpenID provider key: %v", err)
	}
	p := &OIDCProvider{ClientID: clientID, ClientSecret: clientSecret, key: key, codes: map[string]oidcGrant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

// VerifierChecks returns how many code_verifier checks /token made and how
// many of them matched.
func (p *OIDCProvider) VerifierChecks() (checks, ok int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.checks, p.good
}

// IssuedTokens returns how many ID tokens /token gave.
func (p *OIDCProvider) IssuedTokens() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.issued
}

func (p *OIDCProvider) discovery(w http.ResponseWriter, _ *http.Request) {
	oidcJSON(w, http.StatusOK, map[string]any{
		"issuer":                                p.URL,
		"authorization_endpoint":                p.URL + "/authorize",
		"token_endpoint":                        p.URL + "/token",
		"jwks_uri":                              p.URL + "/jwks",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
		"scopes_supported":                      []string{"openid", "email", "profile"},
	})
}

func (p *OIDCProvider) jwks(w http.ResponseWriter, _ *http.Request) {
	enc := base64.RawURLEncoding.EncodeToString
	pub := p.key.PublicKey
	oidcJSON(w, http.StatusOK, map[string]any{"keys": []map[string]string{{
		"kty": "RSA", "use": "sig", "alg": "RS256", "kid": oidcKeyID,
		"n": enc(pub.N.Bytes()), "e": enc(big.NewInt(int64(pub.E)).Bytes()),
	}}})
}

// authorize approves at once: it redirects to redirect_uri with a code and
// the state, and remembers the code challenge, nonce and redirect_uri. It
// refuses another client, response type or challenge method, and a scope
// without openid.
func (p *OIDCProvider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != p.ClientID || q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" {
		http.Error(w, "bad client, response type or code challenge method", http.StatusBadRequest)
		return
	}
	if !slices.Contains(strings.Fields(q.Get("scope")), "openid") {
		http.Error(w, "scope lacks openid", http.StatusBadRequest)
		return
	}
	back, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || !back.IsAbs() {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	code, err := oidcRandom()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	p.mu.Lock()
	p.codes[code] = oidcGrant{challenge: q.Get("code_challenge"), method: q.Get("code_challenge_method"), nonce: q.Get("nonce"), redirectURI: q.Get("redirect_uri")}
	p.mu.Unlock()
	back.RawQuery = url.Values{"code": {code}, "state": {q.Get("state")}}.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// token checks the client, the code and the PKCE verifier, and returns an
// RS256 ID token. A code works once, whatever the answer.
func (p *OIDCProvider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oidcJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	id, secret, ok := r.BasicAuth()
	if ok {
		// RFC 6749 section 2.3.1: the header's parts are form-encoded.
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != p.ClientID || secret != p.ClientSecret {
		oidcJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	code := r.PostForm.Get("code")
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	p.mu.Lock()
	g, found := p.codes[code]
	delete(p.codes, code)
	match := g.method == "S256" && base64.RawURLEncoding.EncodeToString(sum[:]) == g.challenge && !p.RejectVerifier
	p.checks++
	if match {
		p.good++
	}
	tamper := p.Tamper
	p.mu.Unlock()
	if !found || r.PostForm.Get("grant_type") != "authorization_code" || r.PostForm.Get("redirect_uri") != g.redirectURI {
		oidcJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
		return
	}
	if !match {
		oidcJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant", "error_description": "code_verifier does not match"})
		return
	}
	now := time.Now()
	claims := jwt.MapClaims{
		"iss": p.URL, "aud": p.ClientID, "sub": "user-7",
		"email": "grace@example.com", "name": "Grace",
		"nonce": g.nonce, "iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
	}
	if tamper != nil {
		tamper(claims)
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = oidcKeyID
	idToken, err := tok.SignedString(p.key)
	if err != nil {
		oidcJSON(w, http.StatusInternalServerError, map[string]string{"error": "server_error"})
		return
	}
	access, err := oidcRandom()
	if err != nil {
		oidcJSON(w, http.StatusInternalServerError, map[string]string{"error": "server_error"})
		return
	}
	p.mu.Lock()
	p.issued++
	p.mu.Unlock()
	oidcJSON(w, http.StatusOK, map[string]any{
		"access_token": "at-" + access, "token_type": "Bearer", "expires_in": 300, "id_token": idToken,
	})
}

// oidcRandom returns 16 random bytes, base64url-encoded.
func oidcRandom() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("read random bytes: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// oidcJSON answers with v as JSON.
func oidcJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
