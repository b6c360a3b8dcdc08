package insights

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"
)

// CookieName is the name of the session cookie the login form sets.
const CookieName = "hb_insights"

// sessionMessage is what the session cookie's HMAC signs.
const sessionMessage = "handbook insights session"

// maxLoginBody caps the login form's body.
const maxLoginBody = 4 << 10

// sessionValue is the session cookie's value for token:
// hex(HMAC-SHA256(key=token, sessionMessage)).
func sessionValue(token string) string {
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte(sessionMessage))
	return hex.EncodeToString(m.Sum(nil))
}

// tokenMatches compares a token given by a client with the admin token in
// constant time, lengths included: it compares their SHA-256 sums.
func (h *handler) tokenMatches(given string) bool {
	a := sha256.Sum256([]byte(given))
	b := sha256.Sum256([]byte(h.o.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// authorized reports whether r carries the admin token as a bearer token
// or the session cookie.
func (h *handler) authorized(r *http.Request) bool {
	if auth := r.Header.Get("Authorization"); auth != "" {
		scheme, token, ok := strings.Cut(auth, " ")
		if ok && strings.EqualFold(scheme, "Bearer") && h.tokenMatches(strings.TrimSpace(token)) {
			return true
		}
	}
	c, err := r.Cookie(CookieName)
	if err != nil {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(h.session)) == 1
}

// secure reports whether r came over HTTPS, directly or through a proxy.
func secure(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// setSession sets the session cookie to value; "" clears it.
func setSession(w http.ResponseWriter, r *http.Request, value string) {
	c := &http.Cookie{
		Name:     CookieName,
		Value:    value,
		Path:     Prefix,
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
		Secure:   secure(r),
	}
	if value == "" {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// loginData is what the login page shows.
type loginData struct {
	Wrong bool // a token was given and it was wrong
}

// showLogin answers 401 with the login form.
func (h *handler) showLogin(w http.ResponseWriter, wrong bool) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="handbook insights"`)
	h.render(w, http.StatusUnauthorized, "login.html", loginData{Wrong: wrong})
}

// login checks the form's token and, when it is right, sets the session
// cookie and sends the browser to the dashboard.
func (h *handler) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the login form could not be read", http.StatusBadRequest)
		return
	}
	if !h.tokenMatches(r.PostForm.Get("token")) {
		h.o.Logger.Warn("insights: wrong token at login", "remote", r.RemoteAddr)
		h.showLogin(w, true)
		return
	}
	setSession(w, r, h.session)
	http.Redirect(w, r, Prefix, http.StatusSeeOther)
}

// logout clears the session cookie and sends the browser to the login
// page.
func (h *handler) logout(w http.ResponseWriter, r *http.Request) {
	setSession(w, r, "")
	http.Redirect(w, r, Prefix, http.StatusSeeOther)
}
