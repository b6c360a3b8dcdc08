package visitor

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Paths answered by Auth.Middleware.
const (
	// LoginPath starts OpenID Connect sign-in; ?return_to= names the local
	// page to come back to.
	LoginPath = "/_auth/login"
	// CallbackPath is where the OpenID provider sends the visitor back.
	CallbackPath = "/_auth/callback"
	// LogoutPath clears the visitor's cookie.
	LogoutPath = "/_auth/logout"
)

// CookieName is the cookie that holds a signed-in visitor's token.
const CookieName = "handbook_visitor"

// tokenParam is the query parameter that carries a visitor token.
const tokenParam = "jwt_token"

// Visitor is a signed-in reader.
type Visitor struct {
	// Subject is the token's "sub" claim.
	Subject string
	// Email is the token's "email" claim, if any.
	Email string
	// Name is the token's "name" claim, if any.
	Name string
	// Expires is when the token, and so the sign-in, ends.
	Expires time.Time
	// Claims are the token's claims (for adaptive content).
	Claims map[string]any
}

// Auth signs visitors in and recognises them on later requests. It keeps no
// state between requests, so any number of replicas sharing the same
// Options serve the same visitors.
type Auth struct {
	o        Options
	tokenKey any         // nil: visitor tokens off
	oidc     *oidcClient // nil: OpenID Connect off
	log      *slog.Logger
}

// New checks o and returns an Auth. With an Issuer it runs OpenID Connect
// discovery against the provider, under ctx.
func New(ctx context.Context, o Options) (*Auth, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("visitor sign-in: %w", err)
	}
	a := &Auth{o: o, log: o.Logger}
	if len(o.TokenKey) > 0 {
		if a.tokenKey, err = tokenKey(o.TokenAlg, o.TokenKey); err != nil {
			return nil, fmt.Errorf("visitor sign-in: %w", err)
		}
	}
	if o.Issuer != "" {
		if a.oidc, err = newOIDCClient(ctx, o); err != nil {
			return nil, fmt.Errorf("visitor sign-in: %w", err)
		}
	}
	return a, nil
}

// ctxKey is the context key under which Middleware stores the Visitor.
type ctxKey struct{}

// From returns the visitor Middleware found for the request, or nil for an
// anonymous reader.
func From(ctx context.Context) *Visitor {
	v, _ := ctx.Value(ctxKey{}).(*Visitor)
	return v
}

// SignInURL returns the local URL that starts OpenID Connect sign-in and
// comes back to returnTo (a local path; anything else comes back to "/").
// It returns "" when OpenID Connect is off (visitor tokens only).
func (a *Auth) SignInURL(returnTo string) string {
	if a.oidc == nil {
		return ""
	}
	return LoginPath + "?return_to=" + url.QueryEscape(safeReturnTo(returnTo))
}

// Middleware answers the sign-in paths and the ?jwt_token= parameter, and puts
// the visitor (if any) into the request context for next.
func (a *Auth) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case LoginPath:
			a.handleLogin(w, r)
			return
		case CallbackPath:
			a.handleCallback(w, r)
			return
		case LogoutPath:
			a.handleLogout(w, r)
			return
		}
		if r.Method == http.MethodGet && r.URL.Query().Has(tokenParam) {
			a.handleTokenLink(w, r)
			return
		}
		if c, err := r.Cookie(CookieName); err == nil {
			v, err := a.verifyCookie(c.Value)
			if err != nil {
				a.log.Debug("visitor cookie refused", "path", r.URL.Path, "err", err)
				http.SetCookie(w, a.clearCookie(CookieName, "/"))
			} else {
				r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, v))
			}
		}
		next.ServeHTTP(w, r)
	})
}

// handleTokenLink verifies ?jwt_token=, keeps it in the cookie and redirects
// to the same URL without it.
func (a *Auth) handleTokenLink(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get(tokenParam)
	v, err := a.Verify(token)
	if err != nil {
		a.log.Info("visitor sign-in link refused", "path", r.URL.Path, "err", err)
		writePage(w, http.StatusUnauthorized, "This sign-in link is invalid or has expired. Please sign in again.")
		return
	}
	http.SetCookie(w, a.cookie(CookieName, token, "/", v.Expires))
	noStore(w)
	http.Redirect(w, r, withoutParam(r.URL, tokenParam), http.StatusSeeOther)
}

// handleLogout clears the visitor's cookie and redirects to "/".
func (a *Auth) handleLogout(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		writePage(w, http.StatusMethodNotAllowed, "Sign out with GET or POST.")
		return
	}
	http.SetCookie(w, a.clearCookie(CookieName, "/"))
	noStore(w)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// withoutParam returns u's path and query, as a local URL, without the query
// parameter name; the other parameters keep their order and encoding.
func withoutParam(u *url.URL, name string) string {
	var kept []string
	for part := range strings.SplitSeq(u.RawQuery, "&") {
		key, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(key); part == "" || (err == nil && k == name) {
			continue
		}
		kept = append(kept, part)
	}
	loc := u.EscapedPath()
	if len(kept) > 0 {
		loc += "?" + strings.Join(kept, "&")
	}
	return safeReturnTo(loc)
}
