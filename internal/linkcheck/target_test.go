package linkcheck

import (
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/diag"
)

func TestOtherSchemesAreSkipped(t *testing.T) {
	t.Parallel()
	got := mustCheck(t, links(
		"mailto:someone@example.com",
		"tel:+1-555-0100",
		"ftp://ftp.example.com/file",
		"javascript:alert(1)",
		"mailto:%zz",
		"/guide/page",
		"../other.md#part",
		"#anchor",
		"",
		"//example.com/protocol-relative",
	), Options{})
	if len(got) != 0 {
		t.Errorf("got %v, want nothing", got)
	}
}

func TestInvalidURLsAreWarnings(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, url, reason string }{
		{"space in host", "http://exa mple.com/", "invalid character"},
		{"open bracket", "http://[::1", "missing ']'"},
		{"no host", "https://", "no host"},
		{"empty authority", "http:///path", "no host"},
		{"bad escape", "http://example.com/%zz", "invalid URL escape"},
		{"control character", "https://example.com/\x7f", "invalid control character"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := one(t, mustCheck(t, links(tc.url), Options{}))
			if d.Severity != diag.Warning || d.Code != diag.ExternalLink ||
				!strings.Contains(d.Msg, "is not a valid URL") || !strings.Contains(d.Msg, tc.reason) {
				t.Errorf("got %s %q, want a warning that it is not a valid URL (%s)", d.Severity, d.Msg, tc.reason)
			}
		})
	}
}

func TestUnreachablePortIsAWarning(t *testing.T) {
	t.Parallel()
	d := one(t, mustCheck(t, links("http://127.0.0.1:99999/"), Options{}))
	if d.Severity != diag.Warning || !strings.Contains(d.Msg, "did not answer") {
		t.Errorf("got %s %q, want a warning that it did not answer", d.Severity, d.Msg)
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"https://Example.COM/Path#Frag", "https://example.com/Path"},
		{"HTTP://example.com", "http://example.com"},
		{"  https://example.com/a?b=c#d  ", "https://example.com/a?b=c"},
		{"https://example.com:8443/x#", "https://example.com:8443/x"},
	} {
		got, err := normalize(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("normalize(%q): got %q, %v, want %q", tc.in, got, err, tc.want)
		}
	}
}

func FuzzGroup(f *testing.F) {
	for _, s := range []string{"https://example.com/a#b", "http://[::1", "mailto:x", "http://%41:80/", "https://a b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		targets, bad := group(links(raw, strings.TrimSpace(raw)+"#x"))
		if len(targets) > 1 {
			t.Errorf("got %d targets for one URL with and without a fragment", len(targets))
		}
		if len(targets) == 1 && len(bad) != 0 {
			t.Errorf("got both a target and warnings %v", bad)
		}
		for _, tg := range targets {
			if _, err := normalize(tg.key); err != nil {
				t.Errorf("key %q does not parse again: %v", tg.key, err)
			}
		}
	})
}
