package cli

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"strings"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/config"
	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/visitor"
)

// signIn makes the visitor sign-in of handbook.yaml's visitors mapping,
// reading its secrets from the environment and its key file from the
// repository. siteURL is where the server answers ("http://host:port/")
// when base_url is not set. It returns nil when nothing is configured.
func signIn(ctx context.Context, e *env, b *book.Book, siteURL string, st feedback.Store) (*visitor.Auth, error) {
	cfg := b.Site.Visitors
	if cfg.Token == nil && cfg.OIDC == nil {
		return nil, nil
	}
	base := b.Site.BaseURL
	if base == "" {
		base = siteURL
	}
	o := visitor.Options{Insecure: !strings.HasPrefix(base, "https://"), Logger: e.log, SessionTTL: cfg.SessionTTL}
	if t := cfg.Token; t != nil {
		o.TokenAlg = t.Algorithm
		key, err := secret(b, t.KeyEnv, t.KeyFile, "visitors.token")
		if err != nil {
			return nil, err
		}
		o.TokenKey = key
	}
	if c := cfg.OIDC; c != nil {
		o.Issuer, o.ClientID, o.Scopes = c.Issuer, c.ClientID, c.Scopes
		o.ClientSecret = strings.TrimSpace(os.Getenv(c.ClientSecretEnv))
		if o.ClientSecret == "" {
			return nil, fmt.Errorf("%s: $%s is not set: set it to the client secret the OpenID provider gave for %q", b.Site.Pos["visitors"], c.ClientSecretEnv, c.ClientID)
		}
		o.RedirectURL = strings.TrimSuffix(base, "/") + visitor.CallbackPath
		key, err := sessionKey(ctx, e, cfg.SessionKeyEnv, st)
		if err != nil {
			return nil, err
		}
		o.SessionKey = key
	}
	a, err := visitor.New(ctx, o)
	if err != nil {
		return nil, fmt.Errorf("%s: visitor sign-in: %w", b.Site.Pos["visitors"], err)
	}
	return a, nil
}

// sessionKey is the key that signs sign-in cookies: from the environment
// variable env, else the one the database keeps for every server that
// uses it, else one made for this process alone.
func sessionKey(ctx context.Context, e *env, env string, st feedback.Store) ([]byte, error) {
	if v := os.Getenv(env); v != "" {
		return []byte(v), nil
	}
	if ks, ok := st.(feedback.KeyStore); ok {
		key, err := ks.Key(ctx, "session", 32)
		if err != nil {
			return nil, fmt.Errorf("read the session key from the database: %w", err)
		}
		return key, nil
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	fmt.Fprintf(e.stderr, "$%s is not set and there is no database: sign-ins last until the server stops and are not shared with other servers\n", env)
	return key, nil
}

// secret reads a key from the environment variable env, else from the
// repository file file.
func secret(b *book.Book, env, file, what string) ([]byte, error) {
	if env != "" {
		v := os.Getenv(env)
		if strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("%s: $%s is not set: set it to the key that verifies visitor tokens", what, env)
		}
		return []byte(v), nil
	}
	if b.Source == "" {
		return nil, fmt.Errorf("%s: key_file needs a handbook in a folder", what)
	}
	root, err := os.OpenRoot(b.Source)
	if err != nil {
		return nil, fmt.Errorf("%s: open the repository: %w", what, err)
	}
	defer root.Close()
	data, err := root.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: read key_file: %w", what, err)
	}
	return data, nil
}

// visitorsConfigured reports whether handbook.yaml says how readers sign in.
func visitorsConfigured(v config.Visitors) bool { return v.Token != nil || v.OIDC != nil }
