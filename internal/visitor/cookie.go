package visitor

import (
	"net/http"
	"time"
)

// cookie returns an HttpOnly, SameSite=Lax cookie, Secure unless
// Options.Insecure, that expires at exp.
func (a *Auth) cookie(name, value, path string, exp time.Time) *http.Cookie {
	return &http.Cookie{
		Name:     name,
		Value:    value,
		Path:     path,
		Expires:  exp,
		HttpOnly: true,
		Secure:   !a.o.Insecure,
		SameSite: http.SameSiteLaxMode,
	}
}

// clearCookie returns a cookie that makes the browser drop name (Max-Age=-1
// on the wire).
func (a *Auth) clearCookie(name, path string) *http.Cookie {
	c := a.cookie(name, "", path, time.Time{})
	c.MaxAge = -1
	return c
}
