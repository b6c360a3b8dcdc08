package visitor

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Options configure sign-in. Zero TokenKey and zero Issuer: no sign-in at all (New errors).
type Options struct {
	// TokenAlg is the algorithm of visitor tokens: "HS256" (TokenKey is the
	// shared secret, at least 32 bytes) or "RS256" (TokenKey is a PEM public
	// key, PKIX or PKCS#1, or a certificate).
	TokenAlg string
	// TokenKey verifies visitor tokens; empty turns visitor tokens off.
	TokenKey []byte

	// Issuer is the OpenID Connect issuer URL; "" turns OpenID Connect off.
	Issuer string
	// ClientID is this site's client ID at the OpenID provider.
	ClientID string
	// ClientSecret is this site's client secret at the OpenID provider.
	ClientSecret string
	// Scopes are added to "openid"; the default is "email", "profile".
	Scopes []string
	// RedirectURL is the absolute URL of CallbackPath on this site, e.g.
	// https://h.example.com/_auth/callback.
	RedirectURL string

	// SessionKey signs session cookies (HS256) and encrypts the sign-in state
	// cookie (AES-GCM with a key derived by HKDF from it). At least 32 bytes.
	// Replicas must share it. OpenID Connect requires it.
	SessionKey []byte
	// SessionTTL is how long an OpenID Connect session lasts; the default is 12h.
	SessionTTL time.Duration

	// Insecure leaves the Secure attribute off cookies: only for tests over
	// plain http on loopback.
	Insecure bool
	// HTTPClient talks to the OpenID provider; nil means http.DefaultClient.
	HTTPClient *http.Client
	// Now tells the time; nil means time.Now.
	Now func() time.Time
	// Logger receives sign-in failures (never tokens); nil discards them.
	Logger *slog.Logger
}

// minKeyLen is the least number of bytes of an HMAC secret or session key.
const minKeyLen = 32

// defaultSessionTTL is how long an OpenID Connect session lasts unless
// Options.SessionTTL says otherwise.
const defaultSessionTTL = 12 * time.Hour

// withDefaults checks o and fills in its defaults.
func (o Options) withDefaults() (Options, error) {
	if len(o.TokenKey) == 0 && o.Issuer == "" {
		return o, errors.New("no sign-in configured: set a visitor token key or an OpenID Connect issuer")
	}
	if len(o.TokenKey) > 0 && o.TokenAlg != "HS256" && o.TokenAlg != "RS256" {
		return o, fmt.Errorf("visitor token algorithm %q: must be HS256 or RS256", o.TokenAlg)
	}
	if len(o.SessionKey) > 0 && len(o.SessionKey) < minKeyLen {
		return o, fmt.Errorf("session key has %d bytes: must have at least %d", len(o.SessionKey), minKeyLen)
	}
	if o.Issuer != "" {
		if err := o.checkOIDC(); err != nil {
			return o, err
		}
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = defaultSessionTTL
	}
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o, nil
}

// checkOIDC checks the options that OpenID Connect needs.
func (o Options) checkOIDC() error {
	if o.ClientID == "" {
		return errors.New("openid connect: client ID is empty")
	}
	if len(o.SessionKey) == 0 {
		return errors.New("openid connect: session key is empty")
	}
	u, err := url.Parse(o.RedirectURL)
	if err != nil {
		return fmt.Errorf("openid connect: redirect URL: %w", err)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("openid connect: redirect URL %q: must be an absolute http(s) URL", o.RedirectURL)
	}
	if !strings.HasSuffix(u.Path, CallbackPath) {
		return fmt.Errorf("openid connect: redirect URL %q: path must end in %s", o.RedirectURL, CallbackPath)
	}
	return nil
}

// scopes returns "openid" followed by the configured or default scopes.
func (o Options) scopes() []string {
	extra := o.Scopes
	if len(extra) == 0 {
		extra = []string{"email", "profile"}
	}
	out := []string{"openid"}
	for _, s := range extra {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
