package blocks_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/markdown"
)

// claimsResolver is a book whose reader has the given visitor claims.
type claimsResolver struct {
	testResolver
	claims map[string]any
}

func (r claimsResolver) Scope() map[string]any {
	s := r.testResolver.Scope()
	s["visitor"] = map[string]any{"claims": r.claims}
	return s
}

func TestIfFollowsVisitorClaims(t *testing.T) {
	t.Parallel()
	e := markdown.New()
	d := e.Parse([]byte(`{% if visitor.claims.plan === "enterprise" %}
Request SSO.
{% elsif visitor.claims.unsigned.beta %}
Try the beta.
{% else %}
Upgrade.
{% endif %}
`))
	for _, tc := range []struct {
		name   string
		claims map[string]any
		want   string
	}{
		{"anonymous", nil, "<p>Upgrade.</p>\n"},
		{"enterprise", map[string]any{"plan": "enterprise", "unsigned": map[string]any{"beta": true}}, "<p>Request SSO.</p>\n"},
		{"beta", map[string]any{"plan": "free", "unsigned": map[string]any{"beta": true}}, "<p>Try the beta.</p>\n"},
		{"free", map[string]any{"plan": "free"}, "<p>Upgrade.</p>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			problems, err := e.Render(&b, d, claimsResolver{claims: tc.claims})
			if err != nil || len(problems) > 0 {
				t.Fatalf("render: %v %v", err, problems)
			}
			if got := b.String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	// The plain form does not depend on the reader.
	var m bytes.Buffer
	if err := e.Markdown(&m, d, claimsResolver{claims: map[string]any{"plan": "enterprise"}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"> Shown only when: visitor.claims.plan === \"enterprise\"", "> Shown otherwise, when: visitor.claims.unsigned.beta", "> Shown otherwise\n>\n> Upgrade."} {
		if !strings.Contains(m.String(), want) {
			t.Errorf("plain form lacks %q:\n%s", want, m.String())
		}
	}
}
