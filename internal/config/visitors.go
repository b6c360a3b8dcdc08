package config

import (
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// Visitors is the visitors mapping of handbook.yaml: how readers of
// "handbook serve" sign in to see private pages. It names where secrets
// are kept (environment variables, or a public key file) and never holds
// one.
type Visitors struct {
	Token *VisitorToken // nil: no visitor tokens
	OIDC  *OIDC         // nil: no OpenID Connect sign-in
	// SessionKeyEnv names the environment variable holding the key that
	// signs session cookies; default HANDBOOK_SESSION_KEY.
	SessionKeyEnv string
	// SessionTTL is how long a sign-in lasts; default 12 hours.
	SessionTTL time.Duration
}

// VisitorToken says how to check GitBook-style visitor tokens, JWTs given
// as ?jwt_token=.
type VisitorToken struct {
	Algorithm string // "HS256" (a shared secret) or "RS256" (a public key)
	// KeyEnv names the environment variable holding the HS256 secret or
	// the PEM-encoded RS256 public key; "" when KeyFile is set.
	KeyEnv string
	// KeyFile is the repository-relative path of a PEM-encoded RS256
	// public key; "" when KeyEnv is set.
	KeyFile string
}

// OIDC says how to sign readers in with an OpenID Connect provider.
type OIDC struct {
	Issuer   string // absolute https URL of the provider, as written
	ClientID string
	// ClientSecretEnv names the environment variable holding the client
	// secret; default HANDBOOK_OIDC_SECRET.
	ClientSecretEnv string
	Scopes          []string // scopes asked for besides "openid"
}

// Defaults of the visitors mapping.
const (
	DefaultSessionKeyEnv   = "HANDBOOK_SESSION_KEY"
	DefaultSessionTTL      = 12 * time.Hour
	DefaultOIDCSecretEnv   = "HANDBOOK_OIDC_SECRET"
	DefaultTokenAlgorithm  = "HS256"
	tokenAlgorithmRS256    = "RS256"
	visitorsMappingExample = "write \"visitors:\" with \"token:\" or \"oidc:\" indented below it"
)

var (
	visitorsKeys = []string{"token", "oidc", "session_key_env", "session_ttl"}
	tokenKeys    = []string{"algorithm", "key_env", "key_file"}
	oidcKeys     = []string{"issuer", "client_id", "client_secret_env", "scopes"}

	envNameRE = regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`)
)

// defaultVisitors returns the visitors settings of a handbook.yaml that
// has none: no way to sign in, and the default session settings.
func defaultVisitors() Visitors {
	return Visitors{SessionKeyEnv: DefaultSessionKeyEnv, SessionTTL: DefaultSessionTTL}
}

// visitors decodes the visitors mapping. A token or oidc mapping with a
// problem is reported and left nil, so that nobody can sign in through a
// half-configured method.
func visitors(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, v *yaml.Node) Visitors {
	vs := defaultVisitors()
	pairs, ok := mappingPairs(doc, ds, "visitors", v, "a mapping", visitorsMappingExample)
	if !ok {
		return vs
	}
	for _, p := range pairs {
		key := "visitors." + p.Key
		if !slices.Contains(visitorsKeys, p.Key) {
			ds.Add(secretOrUnknownKey(doc, p, "visitors", visitorsKeys))
			continue
		}
		pos[key] = doc.Pos(p.Value)
		switch p.Key {
		case "token":
			vs.Token = visitorToken(doc, ds, pos, p.Value)
		case "oidc":
			vs.OIDC = oidc(doc, ds, pos, p.Value)
		case "session_key_env":
			if e := envName(doc, ds, key, p.Value); e != "" {
				vs.SessionKeyEnv = e
			}
		case "session_ttl":
			if d := duration(doc, ds, key, p.Value); d > 0 {
				vs.SessionTTL = d
			}
		}
	}
	return vs
}

// secretOrUnknownKey reports a key that is not in known. When known has
// the key with "_env" added (key and key_env, client_secret and
// client_secret_env), the key is a secret written into the file, and the
// hint says where it belongs. The value is never repeated.
func secretOrUnknownKey(doc *yamldiag.Doc, p yamldiag.Pair, where string, known []string) diag.Diagnostic {
	if slices.Contains(known, p.Key+"_env") {
		hint := "put it in an environment variable and name that variable with " + p.Key + "_env"
		if p.Key == "key" {
			hint += "; an RS256 public key may instead be a file named with key_file"
		}
		return diag.Errorf(doc.Pos(p.KeyNode), "%s.%s would keep a secret in the repository", where, p.Key).
			WithHint("%s", hint)
	}
	return unknownKey(doc, diag.Error, p, where, known)
}

// visitorToken decodes visitors.token; nil when absent or invalid.
func visitorToken(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, v *yaml.Node) *VisitorToken {
	pairs, ok := mappingPairs(doc, ds, "visitors.token", v, "a mapping",
		"write \"token:\" with \"key_env: HANDBOOK_VISITOR_KEY\" indented below it")
	if !ok {
		return nil
	}
	t := &VisitorToken{Algorithm: DefaultTokenAlgorithm}
	var fileNode *yaml.Node
	for _, p := range pairs {
		key := "visitors.token." + p.Key
		if !slices.Contains(tokenKeys, p.Key) {
			ds.Add(secretOrUnknownKey(doc, p, "visitors.token", tokenKeys))
			ok = false
			continue
		}
		pos[key] = doc.Pos(p.Value)
		n := len(*ds)
		switch p.Key {
		case "algorithm":
			a := strings.TrimSpace(text(doc, ds, key, p.Value))
			switch a {
			case "":
			case DefaultTokenAlgorithm, tokenAlgorithmRS256:
				t.Algorithm = a
			default:
				ds.Add(diag.Errorf(doc.Pos(p.Value), "visitors.token.algorithm %q is not HS256 or RS256", a).
					WithHint("write HS256 for a shared secret or RS256 for a public key"))
			}
		case "key_env":
			t.KeyEnv = envName(doc, ds, key, p.Value)
		case "key_file":
			fileNode = p.Value
			t.KeyFile = strings.TrimSpace(text(doc, ds, key, p.Value))
			if t.KeyFile != "" && !filepath.IsLocal(t.KeyFile) {
				ds.Add(diag.Errorf(doc.Pos(p.Value), "visitors.token.key_file %q is not a path inside the repository", t.KeyFile).
					WithHint("write the path of the public key file relative to the repository root, such as \"keys/visitor.pem\""))
			}
		}
		if hasErrorSince(*ds, n) {
			ok = false
		}
	}
	if !ok {
		return nil
	}
	switch {
	case t.KeyEnv != "" && t.KeyFile != "":
		ds.Add(diag.Errorf(doc.Pos(fileNode), "visitors.token has both key_env and key_file").
			WithHint("keep one: key_env names an environment variable, key_file a public key file"))
		return nil
	case t.KeyEnv == "" && t.KeyFile == "":
		ds.Add(diag.Errorf(doc.Pos(v), "visitors.token has no key_env or key_file").
			WithHint("name the environment variable holding the key, such as \"key_env: HANDBOOK_VISITOR_KEY\""))
		return nil
	case t.KeyFile != "" && t.Algorithm == DefaultTokenAlgorithm:
		ds.Add(diag.Errorf(doc.Pos(fileNode), "visitors.token.key_file cannot hold an HS256 secret").
			WithHint("a secret must not live in the repository: put it in an environment variable and name it with key_env, or use algorithm: RS256 with a public key file"))
		return nil
	}
	return t
}

// oidc decodes visitors.oidc; nil when absent or invalid.
func oidc(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, v *yaml.Node) *OIDC {
	pairs, ok := mappingPairs(doc, ds, "visitors.oidc", v, "a mapping",
		"write \"oidc:\" with \"issuer:\" and \"client_id:\" indented below it")
	if !ok {
		return nil
	}
	o := &OIDC{ClientSecretEnv: DefaultOIDCSecretEnv}
	for _, p := range pairs {
		key := "visitors.oidc." + p.Key
		if !slices.Contains(oidcKeys, p.Key) {
			ds.Add(secretOrUnknownKey(doc, p, "visitors.oidc", oidcKeys))
			ok = false
			continue
		}
		pos[key] = doc.Pos(p.Value)
		n := len(*ds)
		switch p.Key {
		case "issuer":
			o.Issuer = issuer(doc, ds, p.Value)
		case "client_id":
			o.ClientID = strings.TrimSpace(text(doc, ds, key, p.Value))
		case "client_secret_env":
			if e := envName(doc, ds, key, p.Value); e != "" {
				o.ClientSecretEnv = e
			}
		case "scopes":
			o.Scopes = scopes(doc, ds, p.Value)
		}
		if hasErrorSince(*ds, n) {
			ok = false
		}
	}
	if !ok {
		return nil
	}
	for _, f := range []struct{ name, value, hint string }{
		{"issuer", o.Issuer, "write the address of the OpenID Connect provider, such as \"issuer: https://accounts.example.com\""},
		{"client_id", o.ClientID, "write the client ID the provider gave the handbook, such as \"client_id: handbook\""},
	} {
		if f.value == "" {
			ds.Add(diag.Errorf(doc.Pos(v), "visitors.oidc has no %s", f.name).WithHint("%s", f.hint))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return o
}

// hasErrorSince reports whether ds holds an error added at index n or
// later.
func hasErrorSince(ds diag.List, n int) bool {
	return len(ds[n:].Errors()) > 0
}

// issuer reads visitors.oidc.issuer: an absolute https URL, or http for a
// provider on the loopback interface. It is returned as written, since
// OpenID Connect compares issuers exactly.
func issuer(doc *yamldiag.Doc, ds *diag.List, v *yaml.Node) string {
	raw := strings.TrimSpace(text(doc, ds, "visitors.oidc.issuer", v))
	if raw == "" {
		return ""
	}
	hint := "write the provider's https address, such as \"https://accounts.example.com\"; http is allowed only for localhost"
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Scheme != "https" && !(u.Scheme == "http" && loopbackHost(u.Hostname())) {
		ds.Add(diag.Errorf(doc.Pos(v), "visitors.oidc.issuer %q is not an absolute https URL", raw).WithHint("%s", hint))
		return ""
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.ContainsAny(raw, "?#") {
		ds.Add(diag.Errorf(doc.Pos(v), "visitors.oidc.issuer %q has a query, fragment or user name", raw).WithHint("%s", hint))
		return ""
	}
	return raw
}

// loopbackHost reports whether host names this machine: localhost,
// 127.0.0.1 or ::1.
func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.Equal(net.IPv4(127, 0, 0, 1)) || ip.Equal(net.IPv6loopback))
}

// scopes reads visitors.oidc.scopes: a list of scope names, or one line
// of names separated by spaces.
func scopes(doc *yamldiag.Doc, ds *diag.List, v *yaml.Node) []string {
	if yamldiag.IsNull(v) {
		return nil
	}
	hint := "write a list of scope names, such as \"scopes: [email, profile]\""
	var items []*yaml.Node
	switch v.Kind {
	case yaml.ScalarNode:
		items = []*yaml.Node{v}
	case yaml.SequenceNode:
		items = v.Content
	default:
		ds.Add(typeError(doc, "visitors.oidc.scopes", v, "a list of scope names").WithHint("%s", hint))
		return nil
	}
	var out []string
	for _, item := range items {
		item = yamldiag.Resolve(item)
		s, ok := yamldiag.Scalar(item)
		if !ok {
			ds.Add(typeError(doc, "visitors.oidc.scopes", item, "a scope name").WithHint("%s", hint))
			continue
		}
		for _, sc := range strings.Fields(s) {
			if strings.ContainsAny(sc, "\"\\") || strings.IndexFunc(sc, func(r rune) bool { return r < 0x21 || r > 0x7e }) >= 0 {
				ds.Add(diag.Errorf(doc.Pos(item), "visitors.oidc.scopes has %q, which is not a scope name", sc).WithHint("%s", hint))
				continue
			}
			if !slices.Contains(out, sc) {
				out = append(out, sc)
			}
		}
	}
	return out
}

// envName reads the name of an environment variable: upper-case letters,
// digits and "_", not starting with a digit. A wrong name is reported and
// gives "".
func envName(doc *yamldiag.Doc, ds *diag.List, key string, v *yaml.Node) string {
	s := strings.TrimSpace(text(doc, ds, key, v))
	if s == "" || envNameRE.MatchString(s) {
		return s
	}
	ds.Add(diag.Errorf(doc.Pos(v), "%s %q is not the name of an environment variable", key, s).
		WithHint("write a name of upper-case letters, digits and \"_\", such as HANDBOOK_SECRET; the value itself goes in the environment, never in this file"))
	return ""
}

// duration reads a Go duration of more than zero ("12h", "90m"). A wrong
// value is reported and gives 0, which means the default.
func duration(doc *yamldiag.Doc, ds *diag.List, key string, v *yaml.Node) time.Duration {
	if yamldiag.IsNull(v) {
		return 0
	}
	s, ok := yamldiag.Scalar(v)
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if !ok || err != nil || d <= 0 {
		ds.Add(diag.Errorf(doc.Pos(v), "%s must be a duration such as 12h or 30m, not %s", key, yamldiag.Describe(v)).
			WithHint("write a number followed by h, m or s, such as \"%s: 12h\"", strings.TrimPrefix(key, "visitors.")))
		return 0
	}
	return d
}
