package visitor

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// testNow is the fixed time token tests run at.
var testNow = time.Date(2030, 5, 1, 12, 0, 0, 0, time.UTC)

// testSecret is an HS256 visitor token secret of 32 bytes.
var testSecret = []byte("0123456789abcdef0123456789abcdef")

// testRSAKey returns one RSA key per test binary; making keys is slow under -race.
var testRSAKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

// publicPEM returns the PEM encoding of k's public key as PKIX or PKCS#1.
func publicPEM(t *testing.T, k *rsa.PrivateKey, pkcs1 bool) []byte {
	t.Helper()
	if pkcs1 {
		return pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&k.PublicKey)})
	}
	der, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// sign returns claims signed with method and key.
func sign(t *testing.T, method jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(method, claims).SignedString(key)
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	return s
}

// unsignedToken builds a token with header {"alg":"none"} by hand.
func unsignedToken(t *testing.T, claims jwt.MapClaims) string {
	t.Helper()
	body, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + enc(body) + "."
}

// claimsAt returns visitor claims valid from testNow for an hour.
func claimsAt() jwt.MapClaims {
	return jwt.MapClaims{
		"sub":   "u-42",
		"email": "ada@example.com",
		"name":  "Ada",
		"team":  "docs",
		"exp":   testNow.Add(time.Hour).Unix(),
	}
}

// newTestAuth returns an Auth for visitor tokens of alg and key at testNow.
func newTestAuth(t *testing.T, alg string, key []byte) *Auth {
	t.Helper()
	a, err := New(context.Background(), Options{
		TokenAlg: alg, TokenKey: key,
		SessionKey: []byte("session-key-session-key-session-key"),
		Now:        func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return a
}

func TestVerifyAcceptsValidTokens(t *testing.T) {
	t.Parallel()
	k := testRSAKey()
	for _, tc := range []struct {
		name  string
		alg   string
		key   []byte
		token func(t *testing.T) string
	}{
		{"hs256", "HS256", testSecret, func(t *testing.T) string { return sign(t, jwt.SigningMethodHS256, testSecret, claimsAt()) }},
		{"rs256 pkix", "RS256", publicPEM(t, k, false), func(t *testing.T) string { return sign(t, jwt.SigningMethodRS256, k, claimsAt()) }},
		{"rs256 pkcs1", "RS256", publicPEM(t, k, true), func(t *testing.T) string { return sign(t, jwt.SigningMethodRS256, k, claimsAt()) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := newTestAuth(t, tc.alg, tc.key)
			v, err := a.Verify(tc.token(t))
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if v.Subject != "u-42" || v.Email != "ada@example.com" || v.Name != "Ada" {
				t.Errorf("got visitor %+v, want u-42 ada@example.com Ada", v)
			}
			if !v.Expires.Equal(testNow.Add(time.Hour)) {
				t.Errorf("got expiry %v, want %v", v.Expires, testNow.Add(time.Hour))
			}
			if v.Claims["team"] != "docs" {
				t.Errorf("got claims %v, want team=docs", v.Claims)
			}
		})
	}
}

func TestVerifyRefusesBadTokens(t *testing.T) {
	t.Parallel()
	k := testRSAKey()
	pubPEM := publicPEM(t, k, false)
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	with := func(change func(jwt.MapClaims)) jwt.MapClaims {
		c := claimsAt()
		change(c)
		return c
	}
	for _, tc := range []struct {
		name  string
		alg   string
		key   []byte
		token func(t *testing.T) string
	}{
		{"hs256 bad signature", "HS256", testSecret, func(t *testing.T) string {
			return sign(t, jwt.SigningMethodHS256, []byte("another-secret-another-secret-123"), claimsAt())
		}},
		{"hs256 tampered payload", "HS256", testSecret, func(t *testing.T) string {
			good := strings.Split(sign(t, jwt.SigningMethodHS256, testSecret, claimsAt()), ".")
			evil := strings.Split(sign(t, jwt.SigningMethodHS256, testSecret, with(func(c jwt.MapClaims) { c["sub"] = "admin" })), ".")
			return good[0] + "." + evil[1] + "." + good[2]
		}},
		{"rs256 bad signature", "RS256", pubPEM, func(t *testing.T) string { return sign(t, jwt.SigningMethodRS256, other, claimsAt()) }},
		{"alg none with hs256 configured", "HS256", testSecret, func(t *testing.T) string { return unsignedToken(t, claimsAt()) }},
		{"alg none with rs256 configured", "RS256", pubPEM, func(t *testing.T) string { return unsignedToken(t, claimsAt()) }},
		{"hs256 token with rs256 configured", "RS256", pubPEM, func(t *testing.T) string { return sign(t, jwt.SigningMethodHS256, testSecret, claimsAt()) }},
		{"hs256 signed with the public key pem", "RS256", pubPEM, func(t *testing.T) string { return sign(t, jwt.SigningMethodHS256, pubPEM, claimsAt()) }},
		{"rs256 token with hs256 configured", "HS256", testSecret, func(t *testing.T) string { return sign(t, jwt.SigningMethodRS256, k, claimsAt()) }},
		{"hs512 token with hs256 configured", "HS256", testSecret, func(t *testing.T) string { return sign(t, jwt.SigningMethodHS512, testSecret, claimsAt()) }},
		{"expired", "HS256", testSecret, func(t *testing.T) string {
			return sign(t, jwt.SigningMethodHS256, testSecret, with(func(c jwt.MapClaims) { c["exp"] = testNow.Add(-time.Minute).Unix() }))
		}},
		{"not before in the future", "HS256", testSecret, func(t *testing.T) string {
			return sign(t, jwt.SigningMethodHS256, testSecret, with(func(c jwt.MapClaims) { c["nbf"] = testNow.Add(time.Minute).Unix() }))
		}},
		{"missing exp", "HS256", testSecret, func(t *testing.T) string {
			return sign(t, jwt.SigningMethodHS256, testSecret, with(func(c jwt.MapClaims) { delete(c, "exp") }))
		}},
		{"not a jwt", "HS256", testSecret, func(*testing.T) string { return "hello" }},
		{"empty", "HS256", testSecret, func(*testing.T) string { return "" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := newTestAuth(t, tc.alg, tc.key)
			if v, err := a.Verify(tc.token(t)); err == nil {
				t.Fatalf("Verify accepted the token: %+v", v)
			}
		})
	}
}

func TestVerifyAllowsClockSkew(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	c := claimsAt()
	c["exp"] = testNow.Add(-20 * time.Second).Unix()
	c["nbf"] = testNow.Add(20 * time.Second).Unix()
	if _, err := a.Verify(sign(t, jwt.SigningMethodHS256, testSecret, c)); err != nil {
		t.Errorf("Verify refused a token 20s off: %v", err)
	}
}

func TestSessionTokenNeedsSessionKey(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	c := claimsAt()
	c["iss"] = sessionIssuer
	// Signed with the visitor token key: a session must be signed with the session key only.
	if _, err := a.verifyCookie(sign(t, jwt.SigningMethodHS256, testSecret, c)); err == nil {
		t.Error("a session token signed with the visitor token key was accepted")
	}
	if _, err := a.verifyCookie(unsignedToken(t, c)); err == nil {
		t.Error("an unsigned session token was accepted")
	}
	good, _, err := a.signSession("u-1", "b@example.com", "B")
	if err != nil {
		t.Fatal(err)
	}
	v, err := a.verifyCookie(good)
	if err != nil {
		t.Fatalf("own session token refused: %v", err)
	}
	if v.Subject != "u-1" || v.Email != "b@example.com" || v.Name != "B" {
		t.Errorf("got %+v, want u-1 b@example.com B", v)
	}
	// A session token is not a visitor token (MCP bearer).
	if _, err := a.Verify(good); err == nil {
		t.Error("Verify accepted a session token")
	}
}

func TestNewRefusesBadOptions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		o    Options
		want string
	}{
		{"nothing", Options{}, "no sign-in configured"},
		{"unknown alg", Options{TokenAlg: "ES256", TokenKey: testSecret}, "must be HS256 or RS256"},
		{"empty alg", Options{TokenKey: testSecret}, "must be HS256 or RS256"},
		{"short secret", Options{TokenAlg: "HS256", TokenKey: []byte("short")}, "at least 32"},
		{"rs256 not pem", Options{TokenAlg: "RS256", TokenKey: testSecret}, "public key"},
		{"short session key", Options{TokenAlg: "HS256", TokenKey: testSecret, SessionKey: []byte("x")}, "session key"},
		{"oidc without client", Options{Issuer: "http://127.0.0.1:1", SessionKey: testSecret, RedirectURL: "http://h" + CallbackPath}, "client ID"},
		{"oidc without session key", Options{Issuer: "http://127.0.0.1:1", ClientID: "c", RedirectURL: "http://h" + CallbackPath}, "session key"},
		{"oidc relative redirect", Options{Issuer: "http://127.0.0.1:1", ClientID: "c", SessionKey: testSecret, RedirectURL: CallbackPath}, "absolute"},
		{"oidc wrong redirect path", Options{Issuer: "http://127.0.0.1:1", ClientID: "c", SessionKey: testSecret, RedirectURL: "https://h/cb"}, "must end in"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := New(ctx, tc.o)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestVisitorTokensCannotUseTheSessionIssuer(t *testing.T) {
	t.Parallel()
	a := newTestAuth(t, "HS256", testSecret)
	c := claimsAt()
	c["iss"] = sessionIssuer
	if _, err := a.Verify(sign(t, jwt.SigningMethodHS256, testSecret, c)); err == nil {
		t.Error("a visitor token with the sessions' issuer was accepted: its cookie would be refused")
	}
}
