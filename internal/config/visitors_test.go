package config

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// visitorsString prints v with its pointers followed, for comparisons.
func visitorsString(v Visitors) string {
	s := "token=<nil>"
	if v.Token != nil {
		s = fmt.Sprintf("token=%+v", *v.Token)
	}
	if v.OIDC != nil {
		s += fmt.Sprintf(" oidc=%+v", *v.OIDC)
	} else {
		s += " oidc=<nil>"
	}
	return s + fmt.Sprintf(" session=%s ttl=%s", v.SessionKeyEnv, v.SessionTTL)
}

func TestParseSiteVisitors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{
			"absent: no sign-in and the default session",
			"title: T\n",
			"token=<nil> oidc=<nil> session=HANDBOOK_SESSION_KEY ttl=12h0m0s",
		},
		{"null", "visitors:\n", "token=<nil> oidc=<nil> session=HANDBOOK_SESSION_KEY ttl=12h0m0s"},
		{
			"everything",
			`visitors:
  token:
    algorithm: HS256
    key_env: HANDBOOK_VISITOR_KEY
  oidc:
    issuer: https://accounts.example.com
    client_id: handbook
    client_secret_env: OIDC_SECRET
    scopes: [email, profile]
  session_key_env: SESSION_KEY
  session_ttl: 90m
`,
			"token={Algorithm:HS256 KeyEnv:HANDBOOK_VISITOR_KEY KeyFile:} " +
				"oidc={Issuer:https://accounts.example.com ClientID:handbook ClientSecretEnv:OIDC_SECRET Scopes:[email profile]} " +
				"session=SESSION_KEY ttl=1h30m0s",
		},
		{
			"token algorithm defaults to HS256",
			"visitors:\n  token:\n    key_env: K\n",
			"token={Algorithm:HS256 KeyEnv:K KeyFile:} oidc=<nil> session=HANDBOOK_SESSION_KEY ttl=12h0m0s",
		},
		{
			"RS256 with a key file",
			"visitors:\n  token:\n    algorithm: RS256\n    key_file: keys/visitor.pem\n",
			"token={Algorithm:RS256 KeyEnv: KeyFile:keys/visitor.pem} oidc=<nil> session=HANDBOOK_SESSION_KEY ttl=12h0m0s",
		},
		{
			"RS256 with a key in the environment",
			"visitors:\n  token: {algorithm: RS256, key_env: VISITOR_PEM}\n",
			"token={Algorithm:RS256 KeyEnv:VISITOR_PEM KeyFile:} oidc=<nil> session=HANDBOOK_SESSION_KEY ttl=12h0m0s",
		},
		{
			"oidc defaults, issuer kept as written",
			"visitors:\n  oidc:\n    issuer: https://login.example.com/realms/acme/\n    client_id: 12345\n",
			"token=<nil> oidc={Issuer:https://login.example.com/realms/acme/ ClientID:12345 ClientSecretEnv:HANDBOOK_OIDC_SECRET Scopes:[]} session=HANDBOOK_SESSION_KEY ttl=12h0m0s",
		},
		{
			"oidc on localhost over http",
			"visitors:\n  oidc:\n    issuer: http://localhost:5556/dex\n    client_id: h\n    scopes: groups email\n",
			"token=<nil> oidc={Issuer:http://localhost:5556/dex ClientID:h ClientSecretEnv:HANDBOOK_OIDC_SECRET Scopes:[groups email]} session=HANDBOOK_SESSION_KEY ttl=12h0m0s",
		},
		{
			"oidc on 127.0.0.1 and ::1 over http",
			"visitors:\n  oidc:\n    issuer: 'http://[::1]:8080'\n    client_id: h\n",
			"token=<nil> oidc={Issuer:http://[::1]:8080 ClientID:h ClientSecretEnv:HANDBOOK_OIDC_SECRET Scopes:[]} session=HANDBOOK_SESSION_KEY ttl=12h0m0s",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, ds := ParseSite("handbook.yaml", []byte(tc.src))
			if len(ds) != 0 {
				t.Fatalf("got diagnostics:\n%s\nwant none", ds.Error())
			}
			if got := visitorsString(s.Visitors); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestParseSiteVisitorsLoopbackHTTP(t *testing.T) {
	t.Parallel()
	s, ds := ParseSite("handbook.yaml", []byte("visitors:\n  oidc:\n    issuer: http://127.0.0.1:9000\n    client_id: h\n"))
	if len(ds) != 0 || s.Visitors.OIDC == nil || s.Visitors.OIDC.Issuer != "http://127.0.0.1:9000" {
		t.Errorf("got %s and diagnostics %q, want the http issuer on 127.0.0.1 accepted", visitorsString(s.Visitors), ds.Error())
	}
	if got, want := s.Visitors.SessionTTL, 12*time.Hour; got != want {
		t.Errorf("got session ttl %s, want %s", got, want)
	}
}

func TestParseSiteVisitorsDiagnostics(t *testing.T) {
	t.Parallel()
	const defaults = "token=<nil> oidc=<nil> session=HANDBOOK_SESSION_KEY ttl=12h0m0s"
	for _, tc := range []struct {
		name, src, diags, visitors string
	}{
		{
			"not a mapping",
			"visitors: oidc\n",
			`handbook.yaml:1:11: error: "visitors" must be a mapping, not the text "oidc"
	hint: write "visitors:" with "token:" or "oidc:" indented below it`,
			defaults,
		},
		{
			"unknown key",
			"visitors:\n  session_ttl: 1h\n  sesion_key_env: X\n",
			`handbook.yaml:3:3: error: unknown key "sesion_key_env" in visitors
	hint: did you mean "session_key_env"? valid keys are token, oidc, session_key_env, session_ttl`,
			"token=<nil> oidc=<nil> session=HANDBOOK_SESSION_KEY ttl=1h0m0s",
		},
		{
			"session key written into the file",
			"visitors:\n  session_key: hunter2\n",
			`handbook.yaml:2:3: error: visitors.session_key would keep a secret in the repository
	hint: put it in an environment variable and name that variable with session_key_env`,
			defaults,
		},
		{
			"token key written into the file",
			"visitors:\n  token:\n    key: s3cr3t-value\n",
			`handbook.yaml:3:5: error: visitors.token.key would keep a secret in the repository
	hint: put it in an environment variable and name that variable with key_env; an RS256 public key may instead be a file named with key_file`,
			defaults,
		},
		{
			"client secret written into the file",
			"visitors:\n  oidc:\n    issuer: https://a.example.com\n    client_id: h\n    client_secret: s3cr3t-value\n",
			`handbook.yaml:5:5: error: visitors.oidc.client_secret would keep a secret in the repository
	hint: put it in an environment variable and name that variable with client_secret_env`,
			defaults,
		},
		{
			"token not a mapping",
			"visitors:\n  token: HS256\n",
			`handbook.yaml:2:10: error: "visitors.token" must be a mapping, not the text "HS256"
	hint: write "token:" with "key_env: HANDBOOK_VISITOR_KEY" indented below it`,
			defaults,
		},
		{
			"unknown algorithm",
			"visitors:\n  token:\n    algorithm: none\n    key_env: K\n",
			`handbook.yaml:3:16: error: visitors.token.algorithm "none" is not HS256 or RS256
	hint: write HS256 for a shared secret or RS256 for a public key`,
			defaults,
		},
		{
			"both key_env and key_file",
			"visitors:\n  token:\n    algorithm: RS256\n    key_env: K\n    key_file: k.pem\n",
			`handbook.yaml:5:15: error: visitors.token has both key_env and key_file
	hint: keep one: key_env names an environment variable, key_file a public key file`,
			defaults,
		},
		{
			"neither key_env nor key_file",
			"visitors:\n  token:\n    algorithm: RS256\n",
			`handbook.yaml:3:5: error: visitors.token has no key_env or key_file
	hint: name the environment variable holding the key, such as "key_env: HANDBOOK_VISITOR_KEY"`,
			defaults,
		},
		{
			"HS256 secret in a file",
			"visitors:\n  token:\n    key_file: keys/secret\n",
			`handbook.yaml:3:15: error: visitors.token.key_file cannot hold an HS256 secret
	hint: a secret must not live in the repository: put it in an environment variable and name it with key_env, or use algorithm: RS256 with a public key file`,
			defaults,
		},
		{
			"key file outside the repository",
			"visitors:\n  token:\n    algorithm: RS256\n    key_file: ../keys/visitor.pem\n",
			`handbook.yaml:4:15: error: visitors.token.key_file "../keys/visitor.pem" is not a path inside the repository
	hint: write the path of the public key file relative to the repository root, such as "keys/visitor.pem"`,
			defaults,
		},
		{
			"absolute key file",
			"visitors:\n  token:\n    algorithm: RS256\n    key_file: /etc/visitor.pem\n",
			`handbook.yaml:4:15: error: visitors.token.key_file "/etc/visitor.pem" is not a path inside the repository
	hint: write the path of the public key file relative to the repository root, such as "keys/visitor.pem"`,
			defaults,
		},
		{
			"env name in lower case",
			"visitors:\n  token:\n    key_env: visitor_key\n",
			`handbook.yaml:3:14: error: visitors.token.key_env "visitor_key" is not the name of an environment variable
	hint: write a name of upper-case letters, digits and "_", such as HANDBOOK_SECRET; the value itself goes in the environment, never in this file`,
			defaults,
		},
		{
			"env name starting with a digit",
			"visitors:\n  session_key_env: 1KEY\n",
			`handbook.yaml:2:20: error: visitors.session_key_env "1KEY" is not the name of an environment variable
	hint: write a name of upper-case letters, digits and "_", such as HANDBOOK_SECRET; the value itself goes in the environment, never in this file`,
			defaults,
		},
		{
			"issuer over http",
			"visitors:\n  oidc:\n    issuer: http://accounts.example.com\n    client_id: h\n",
			`handbook.yaml:3:13: error: visitors.oidc.issuer "http://accounts.example.com" is not an absolute https URL
	hint: write the provider's https address, such as "https://accounts.example.com"; http is allowed only for localhost`,
			defaults,
		},
		{
			"issuer without a scheme",
			"visitors:\n  oidc:\n    issuer: accounts.example.com\n    client_id: h\n",
			`handbook.yaml:3:13: error: visitors.oidc.issuer "accounts.example.com" is not an absolute https URL
	hint: write the provider's https address, such as "https://accounts.example.com"; http is allowed only for localhost`,
			defaults,
		},
		{
			"issuer with a query",
			"visitors:\n  oidc:\n    issuer: 'https://a.example.com/?x=1'\n    client_id: h\n",
			`handbook.yaml:3:13: error: visitors.oidc.issuer "https://a.example.com/?x=1" has a query, fragment or user name
	hint: write the provider's https address, such as "https://accounts.example.com"; http is allowed only for localhost`,
			defaults,
		},
		{
			"oidc without client_id",
			"visitors:\n  oidc:\n    issuer: https://a.example.com\n",
			`handbook.yaml:3:5: error: visitors.oidc has no client_id
	hint: write the client ID the provider gave the handbook, such as "client_id: handbook"`,
			defaults,
		},
		{
			"oidc without issuer",
			"visitors:\n  oidc:\n    client_id: h\n",
			`handbook.yaml:3:5: error: visitors.oidc has no issuer
	hint: write the address of the OpenID Connect provider, such as "issuer: https://accounts.example.com"`,
			defaults,
		},
		{
			"unknown oidc key",
			"visitors:\n  oidc:\n    issuer: https://a.example.com\n    client_id: h\n    scope: [email]\n",
			`handbook.yaml:5:5: error: unknown key "scope" in visitors.oidc
	hint: did you mean "scopes"? valid keys are issuer, client_id, client_secret_env, scopes`,
			defaults,
		},
		{
			"scopes as a mapping",
			"visitors:\n  oidc:\n    issuer: https://a.example.com\n    client_id: h\n    scopes: {email: true}\n",
			`handbook.yaml:5:13: error: "visitors.oidc.scopes" must be a list of scope names, not a mapping
	hint: write a list of scope names, such as "scopes: [email, profile]"`,
			defaults,
		},
		{
			"scope with a quote",
			"visitors:\n  oidc:\n    issuer: https://a.example.com\n    client_id: h\n    scopes: ['a\"b']\n",
			`handbook.yaml:5:14: error: visitors.oidc.scopes has "a\"b", which is not a scope name
	hint: write a list of scope names, such as "scopes: [email, profile]"`,
			defaults,
		},
		{
			"session_ttl without a unit",
			"visitors:\n  session_ttl: 12\n",
			`handbook.yaml:2:16: error: visitors.session_ttl must be a duration such as 12h or 30m, not the number 12
	hint: write a number followed by h, m or s, such as "session_ttl: 12h"`,
			defaults,
		},
		{
			"session_ttl negative",
			"visitors:\n  session_ttl: -1h\n",
			`handbook.yaml:2:16: error: visitors.session_ttl must be a duration such as 12h or 30m, not the text "-1h"
	hint: write a number followed by h, m or s, such as "session_ttl: 12h"`,
			defaults,
		},
		{
			"a bad token leaves a good oidc",
			"visitors:\n  token:\n    key_env: bad\n  oidc:\n    issuer: https://a.example.com\n    client_id: h\n",
			`handbook.yaml:3:14: error: visitors.token.key_env "bad" is not the name of an environment variable
	hint: write a name of upper-case letters, digits and "_", such as HANDBOOK_SECRET; the value itself goes in the environment, never in this file`,
			"token=<nil> oidc={Issuer:https://a.example.com ClientID:h ClientSecretEnv:HANDBOOK_OIDC_SECRET Scopes:[]} session=HANDBOOK_SESSION_KEY ttl=12h0m0s",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, ds := ParseSite("handbook.yaml", []byte(tc.src))
			if got := ds.Error(); got != tc.diags {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.diags)
			}
			if got := visitorsString(s.Visitors); got != tc.visitors {
				t.Errorf("got  %s\nwant %s", got, tc.visitors)
			}
		})
	}
}

func TestSecretValueIsNeverRepeated(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-value"
	for _, src := range []string{
		"visitors:\n  token:\n    key: " + secret + "\n",
		"visitors:\n  oidc:\n    client_secret: " + secret + "\n",
		"visitors:\n  session_key: " + secret + "\n",
	} {
		_, ds := ParseSite("handbook.yaml", []byte(src))
		if !ds.HasErrors() {
			t.Errorf("%q: got no error, want one", src)
		}
		if got := ds.Error(); strings.Contains(got, secret) {
			t.Errorf("%q: diagnostics repeat the secret:\n%s", src, got)
		}
	}
}
