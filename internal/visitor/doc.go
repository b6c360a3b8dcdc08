// Package visitor signs readers in to the private pages of a handbook.
//
// # Ways to sign in
//
// Two ways are offered, and both are stateless, so that several replicas of
// the server behind a load balancer need to share nothing but configuration:
//
//   - Visitor tokens, as GitBook has them: the company's own sign-in sends
//     the reader to any page with ?jwt_token=<JWT>. The token is verified
//     (HS256 with a shared secret or RS256 with a public key), kept in the
//     [CookieName] cookie and verified again on every request.
//   - OpenID Connect: [LoginPath] starts the authorization code flow with
//     PKCE (S256), state and nonce; [CallbackPath] finishes it and keeps a
//     session JWT, signed with Options.SessionKey, in the same cookie.
//
// # Tokens in the cookie
//
// The cookie holds either a visitor token or a session token. They are told
// apart by the issuer claim: session tokens carry the issuer "handbook-session"
// and are verified with the session key only; everything else is a visitor
// token and is verified with the visitor token key only. Verification allows
// exactly the configured algorithm, requires an expiry and allows 30 seconds
// of clock skew.
//
// # Sign-in state
//
// Between [LoginPath] and [CallbackPath] the state, nonce, PKCE verifier and
// the page to return to live in the "handbook_signin" cookie, encrypted with
// AES-GCM under a key derived from the session key by HKDF, and limited to ten
// minutes both by the cookie and by a time inside the sealed value.
//
// # Use
//
//	a, err := visitor.New(ctx, visitor.Options{TokenAlg: "HS256", TokenKey: secret})
//	...
//	handler = a.Middleware(handler)
//	// in a handler:
//	if v := visitor.From(r.Context()); v != nil { ... }
package visitor
