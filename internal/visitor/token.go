package visitor

import (
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// sessionIssuer is the issuer claim of the session tokens this package signs;
// it tells them apart from visitor tokens in the cookie.
const sessionIssuer = "handbook-session"

// leeway is the clock skew allowed on exp and nbf.
const leeway = 30 * time.Second

// errTokensOff is returned by Verify when no visitor token key is configured.
var errTokensOff = errors.New("visitor tokens are not configured")

// tokenKey returns the key that verifies visitor tokens of alg: the secret
// itself for HS256, the parsed public key for RS256.
func tokenKey(alg string, key []byte) (any, error) {
	switch alg {
	case "HS256":
		if len(key) < minKeyLen {
			return nil, fmt.Errorf("visitor token secret has %d bytes: must have at least %d", len(key), minKeyLen)
		}
		return key, nil
	case "RS256":
		pub, err := jwt.ParseRSAPublicKeyFromPEM(key)
		if err != nil {
			return nil, fmt.Errorf("visitor token public key: %w", err)
		}
		return pub, nil
	}
	return nil, fmt.Errorf("visitor token algorithm %q: must be HS256 or RS256", alg)
}

// Verify checks a visitor token (for MCP's Authorization: Bearer) and returns
// its visitor. Only the configured algorithm and key are accepted; the token
// must carry an expiry, and exp and nbf allow 30 seconds of clock skew.
func (a *Auth) Verify(token string) (*Visitor, error) {
	if a.tokenKey == nil {
		return nil, errTokensOff
	}
	v, err := a.parse(token, a.o.TokenAlg, a.tokenKey)
	if err == nil && v.Claims["iss"] == sessionIssuer {
		// The issuer of sessions is reserved: such a token is always
		// read as a session, so it would not stay signed in.
		return nil, fmt.Errorf("verify token: issuer %q is reserved for sessions", sessionIssuer)
	}
	return v, err
}

// verifySession checks a session token signed by this package.
func (a *Auth) verifySession(token string) (*Visitor, error) {
	if a.o.SessionKey == nil {
		return nil, errors.New("sessions are not configured")
	}
	return a.parse(token, "HS256", a.o.SessionKey, jwt.WithIssuer(sessionIssuer))
}

// verifyCookie checks the value of the CookieName cookie, which holds either
// a session token (issuer sessionIssuer) or a visitor token, each verified
// with its own key only.
func (a *Auth) verifyCookie(token string) (*Visitor, error) {
	var claims jwt.MapClaims
	if _, _, err := jwt.NewParser().ParseUnverified(token, &claims); err != nil {
		return nil, fmt.Errorf("read token: %w", err)
	}
	if iss, _ := claims["iss"].(string); iss == sessionIssuer {
		return a.verifySession(token)
	}
	return a.Verify(token)
}

// parse verifies token with exactly alg and key and turns its claims into a
// Visitor.
func (a *Auth) parse(token, alg string, key any, extra ...jwt.ParserOption) (*Visitor, error) {
	opts := append([]jwt.ParserOption{
		jwt.WithValidMethods([]string{alg}),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(leeway),
		jwt.WithTimeFunc(a.o.Now),
	}, extra...)
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return key, nil }, opts...)
	if err != nil {
		return nil, fmt.Errorf("verify token: %w", err)
	}
	return visitorFrom(claims)
}

// visitorFrom makes a Visitor of verified claims.
func visitorFrom(claims jwt.MapClaims) (*Visitor, error) {
	exp, err := claims.GetExpirationTime()
	if err != nil || exp == nil {
		return nil, errors.New("verify token: no expiry")
	}
	v := &Visitor{Expires: exp.Time, Claims: maps.Clone(map[string]any(claims))}
	v.Subject, _ = claims["sub"].(string)
	v.Email, _ = claims["email"].(string)
	v.Name, _ = claims["name"].(string)
	return v, nil
}

// signSession returns a session token for the ID token's subject, email and
// name, and when it expires.
func (a *Auth) signSession(sub, email, name string) (string, time.Time, error) {
	now := a.o.Now()
	exp := now.Add(a.o.SessionTTL)
	claims := jwt.MapClaims{
		"iss": sessionIssuer,
		"sub": sub,
		"iat": now.Unix(),
		"exp": exp.Unix(),
	}
	if email != "" {
		claims["email"] = email
	}
	if name != "" {
		claims["name"] = name
	}
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(a.o.SessionKey)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("sign session: %w", err)
	}
	return s, time.Unix(exp.Unix(), 0), nil
}
