package visitor

import (
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// testProvider is a small OpenID provider for tests: discovery, JWKS, an
// /authorize that approves at once and a /token that checks PKCE.
type testProvider struct {
	srv          *httptest.Server
	key          *rsa.PrivateKey
	clientID     string
	clientSecret string

	mu    sync.Mutex
	codes map[string]grant // code → what /authorize was asked
	// rejectVerifier makes /token refuse every code_verifier.
	rejectVerifier bool
	// tamper, if set, changes the ID token's claims before they are signed.
	tamper func(jwt.MapClaims)
	// verifierChecks counts the code_verifier checks /token made, and
	// verifierOK the ones that matched.
	verifierChecks, verifierOK int
}

// grant is what /authorize remembers for /token.
type grant struct {
	challenge, method, nonce, redirectURI string
}

// newTestProvider starts a provider on loopback.
func newTestProvider(t *testing.T) *testProvider {
	t.Helper()
	p := &testProvider{key: testRSAKey(), clientID: "handbook", clientSecret: "s3cret", codes: map[string]grant{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *testProvider) discovery(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
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

func (p *testProvider) jwks(w http.ResponseWriter, _ *http.Request) {
	enc := base64.RawURLEncoding.EncodeToString
	pub := p.key.PublicKey
	writeJSON(w, http.StatusOK, map[string]any{"keys": []map[string]string{{
		"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "test-key",
		"n": enc(pub.N.Bytes()), "e": enc(big.NewInt(int64(pub.E)).Bytes()),
	}}})
}

// authorize approves at once: it redirects to redirect_uri with a code and
// the state, and remembers the code challenge and nonce.
func (p *testProvider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != p.clientID || q.Get("response_type") != "code" {
		http.Error(w, "bad client or response type", http.StatusBadRequest)
		return
	}
	code := randomString()
	p.mu.Lock()
	p.codes[code] = grant{challenge: q.Get("code_challenge"), method: q.Get("code_challenge_method"), nonce: q.Get("nonce"), redirectURI: q.Get("redirect_uri")}
	p.mu.Unlock()
	back, err := url.Parse(q.Get("redirect_uri"))
	if err != nil {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	bq := url.Values{"code": {code}, "state": {q.Get("state")}}
	back.RawQuery = bq.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// token checks the client, the code and the PKCE verifier, and returns an
// RS256 ID token.
func (p *testProvider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != p.clientID || secret != p.clientSecret {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	p.mu.Lock()
	g, found := p.codes[r.PostForm.Get("code")]
	delete(p.codes, r.PostForm.Get("code"))
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	match := g.method == "S256" && base64.RawURLEncoding.EncodeToString(sum[:]) == g.challenge && !p.rejectVerifier
	p.verifierChecks++
	if match {
		p.verifierOK++
	}
	p.mu.Unlock()
	if !found || r.PostForm.Get("grant_type") != "authorization_code" || r.PostForm.Get("redirect_uri") != g.redirectURI {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
		return
	}
	if !match {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant", "error_description": "code_verifier does not match"})
		return
	}
	now := time.Now()
	claims := jwt.MapClaims{
		"iss": p.srv.URL, "aud": p.clientID, "sub": "user-7",
		"email": "grace@example.com", "name": "Grace",
		"nonce": g.nonce, "iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
	}
	if p.tamper != nil {
		p.tamper(claims)
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = "test-key"
	idToken, err := tok.SignedString(p.key)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "server_error"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": "at-" + randomString(), "token_type": "Bearer", "expires_in": 300, "id_token": idToken,
	})
}

// checks returns how many code_verifier checks /token made and how many
// matched.
func (p *testProvider) checks() (all, ok int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.verifierChecks, p.verifierOK
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
