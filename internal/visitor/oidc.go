package visitor

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"regexp"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// oidcClient is the OpenID Connect side of Auth.
type oidcClient struct {
	config   oauth2.Config
	verifier *oidc.IDTokenVerifier
	state    *stateCipher
	client   *http.Client
}

// newOIDCClient runs discovery against o.Issuer and prepares the flow.
func newOIDCClient(ctx context.Context, o Options) (*oidcClient, error) {
	provider, err := oidc.NewProvider(oidc.ClientContext(ctx, o.HTTPClient), o.Issuer)
	if err != nil {
		return nil, fmt.Errorf("openid connect discovery at %s: %w", o.Issuer, err)
	}
	st, err := newStateCipher(o.SessionKey)
	if err != nil {
		return nil, err
	}
	return &oidcClient{
		config: oauth2.Config{
			ClientID:     o.ClientID,
			ClientSecret: o.ClientSecret,
			Endpoint:     provider.Endpoint(),
			RedirectURL:  o.RedirectURL,
			Scopes:       o.scopes(),
		},
		verifier: provider.Verifier(&oidc.Config{ClientID: o.ClientID, Now: o.Now}),
		state:    st,
		client:   o.HTTPClient,
	}, nil
}

// handleLogin starts sign-in: it remembers state, nonce, PKCE verifier and
// return_to in the sealed sign-in cookie and sends the visitor to the
// provider.
func (a *Auth) handleLogin(w http.ResponseWriter, r *http.Request) {
	if a.oidc == nil {
		writePage(w, http.StatusNotFound, "Sign-in with an identity provider is not configured on this site.")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writePage(w, http.StatusMethodNotAllowed, "Start sign-in with GET.")
		return
	}
	st := signinState{
		State:    randomString(),
		Nonce:    randomString(),
		Verifier: oauth2.GenerateVerifier(),
		ReturnTo: safeReturnTo(r.URL.Query().Get("return_to")),
		Expires:  a.o.Now().Add(signinTTL).Unix(),
	}
	value, err := a.oidc.state.seal(st)
	if err != nil {
		a.log.Error("visitor sign-in start", "err", err)
		writePage(w, http.StatusInternalServerError, "Sign-in could not start. Please try again.")
		return
	}
	c := a.cookie(signinCookie, value, CallbackPath, a.o.Now().Add(signinTTL))
	c.MaxAge = int(signinTTL.Seconds())
	http.SetCookie(w, c)
	noStore(w)
	dest := a.oidc.config.AuthCodeURL(st.State, oidc.Nonce(st.Nonce), oauth2.S256ChallengeOption(st.Verifier))
	http.Redirect(w, r, dest, http.StatusFound)
}

// providerErrorCode matches the OAuth error codes worth showing to the visitor.
var providerErrorCode = regexp.MustCompile(`^[a-z_]{1,64}$`)

// handleCallback finishes sign-in: it checks the state, exchanges the code
// with the PKCE verifier, verifies the ID token and its nonce, and keeps a
// session token in the visitor cookie.
func (a *Auth) handleCallback(w http.ResponseWriter, r *http.Request) {
	if a.oidc == nil {
		writePage(w, http.StatusNotFound, "Sign-in with an identity provider is not configured on this site.")
		return
	}
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		writePage(w, http.StatusMethodNotAllowed, "The sign-in callback takes GET.")
		return
	}
	q := r.URL.Query()
	http.SetCookie(w, a.clearCookie(signinCookie, CallbackPath)) // the state is good for one try
	if code := q.Get("error"); code != "" {
		a.log.Info("visitor sign-in refused by the provider", "error", code)
		msg := "The identity provider did not sign you in"
		if providerErrorCode.MatchString(code) {
			msg += " (" + code + ")"
		}
		writePage(w, http.StatusUnauthorized, msg+". Please sign in again.")
		return
	}
	c, err := r.Cookie(signinCookie)
	if err != nil {
		a.log.Info("visitor sign-in callback without state cookie")
		writePage(w, http.StatusBadRequest, "Sign-in could not be finished: it was not started in this browser or took longer than 10 minutes. Please sign in again.")
		return
	}
	st, err := a.oidc.state.open(c.Value, a.o.Now())
	if err != nil {
		a.log.Info("visitor sign-in state refused", "err", err)
		writePage(w, http.StatusBadRequest, "Sign-in could not be finished: it was not started in this browser or took longer than 10 minutes. Please sign in again.")
		return
	}
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(st.State)) != 1 {
		a.log.Info("visitor sign-in state mismatch")
		writePage(w, http.StatusBadRequest, "Sign-in could not be finished: the answer from the identity provider does not match this sign-in. Please sign in again.")
		return
	}
	if q.Get("code") == "" {
		writePage(w, http.StatusBadRequest, "Sign-in could not be finished: the identity provider sent no authorization code. Please sign in again.")
		return
	}
	v, err := a.exchange(r.Context(), q.Get("code"), st)
	if err != nil {
		a.log.Warn("visitor sign-in failed", "err", err)
		writePage(w, http.StatusUnauthorized, "Sign-in failed: the identity provider's answer could not be verified. Please sign in again.")
		return
	}
	token, exp, err := a.signSession(v.sub, v.email, v.name)
	if err != nil {
		a.log.Error("visitor sign-in", "err", err)
		writePage(w, http.StatusInternalServerError, "Sign-in could not be finished. Please try again.")
		return
	}
	http.SetCookie(w, a.cookie(CookieName, token, "/", exp))
	noStore(w)
	http.Redirect(w, r, safeReturnTo(st.ReturnTo), http.StatusSeeOther)
}

// identity is what sign-in learns from the ID token.
type identity struct{ sub, email, name string }

// exchange trades the code for tokens, verifies the ID token (issuer,
// audience, expiry, signature) and its nonce.
func (a *Auth) exchange(ctx context.Context, code string, st signinState) (identity, error) {
	ctx = oidc.ClientContext(ctx, a.oidc.client)
	tok, err := a.oidc.config.Exchange(ctx, code, oauth2.VerifierOption(st.Verifier))
	if err != nil {
		return identity{}, fmt.Errorf("exchange code: %w", err)
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return identity{}, errors.New("token response has no id_token")
	}
	idt, err := a.oidc.verifier.Verify(ctx, raw)
	if err != nil {
		return identity{}, fmt.Errorf("verify id token: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(st.Nonce)) != 1 {
		return identity{}, errors.New("verify id token: nonce does not match")
	}
	var claims struct {
		Email string `json:"email"`
		Name  string `json:"name"`
	}
	if err := idt.Claims(&claims); err != nil {
		return identity{}, fmt.Errorf("read id token claims: %w", err)
	}
	return identity{sub: idt.Subject, email: claims.Email, name: claims.Name}, nil
}
