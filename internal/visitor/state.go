package visitor

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// signinCookie holds the sign-in state between LoginPath and CallbackPath.
const signinCookie = "handbook_signin"

// signinTTL is how long a visitor has to finish signing in at the provider.
const signinTTL = 10 * time.Minute

// signinState is what LoginPath remembers for CallbackPath.
type signinState struct {
	State    string `json:"s"`
	Nonce    string `json:"n"`
	Verifier string `json:"v"`
	ReturnTo string `json:"r"`
	Expires  int64  `json:"e"` // Unix seconds
}

// stateCipher seals sign-in state with AES-256-GCM.
type stateCipher struct{ aead cipher.AEAD }

// newStateCipher derives the state encryption key from the session key.
func newStateCipher(sessionKey []byte) (*stateCipher, error) {
	key, err := hkdf.Key(sha256.New, sessionKey, nil, "handbook visitor sign-in state", 32)
	if err != nil {
		return nil, fmt.Errorf("derive state key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("state cipher: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("state cipher: %w", err)
	}
	return &stateCipher{aead: aead}, nil
}

// seal encrypts st into a cookie value.
func (c *stateCipher) seal(st signinState) (string, error) {
	plain, err := json.Marshal(st)
	if err != nil {
		return "", fmt.Errorf("encode sign-in state: %w", err)
	}
	nonce := make([]byte, c.aead.NonceSize())
	_, _ = rand.Read(nonce) // crypto/rand.Read never fails
	sealed := c.aead.Seal(nonce, nonce, plain, []byte(signinCookie))
	return base64.RawURLEncoding.EncodeToString(sealed), nil
}

// open decrypts a cookie value made by seal and checks that it has not
// expired at now.
func (c *stateCipher) open(value string, now time.Time) (signinState, error) {
	var st signinState
	sealed, err := base64.RawURLEncoding.DecodeString(value)
	if err != nil {
		return st, fmt.Errorf("decode sign-in state: %w", err)
	}
	n := c.aead.NonceSize()
	if len(sealed) < n {
		return st, errors.New("decode sign-in state: too short")
	}
	plain, err := c.aead.Open(nil, sealed[:n], sealed[n:], []byte(signinCookie))
	if err != nil {
		return st, fmt.Errorf("decrypt sign-in state: %w", err)
	}
	if err := json.Unmarshal(plain, &st); err != nil {
		return st, fmt.Errorf("decode sign-in state: %w", err)
	}
	if now.Unix() > st.Expires {
		return st, errors.New("sign-in state expired")
	}
	return st, nil
}

// randomString returns 32 random bytes, base64url-encoded.
func randomString() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return base64.RawURLEncoding.EncodeToString(b)
}
