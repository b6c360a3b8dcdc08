package check

import (
	"testing"

	"github.com/handbookhq/handbook/internal/diag"
)

func TestSeverity(t *testing.T) {
	t.Parallel()
	const keeps = -1
	for _, tc := range []struct {
		code string
		want diag.Severity // or keeps: the severity it was made with
	}{
		{diag.BrokenLink, diag.Error},
		{diag.BrokenAnchor, diag.Error},
		{diag.MissingImage, diag.Error},
		{diag.MissingFile, diag.Error},
		{diag.MissingPage, diag.Error},
		{diag.RedirectTarget, diag.Error},
		{diag.FrontMatter, keeps},
		{diag.ExternalLink, keeps},
		{diag.DuplicateEntry, diag.Warning},
		{diag.UnlistedFile, diag.Warning},
		{diag.RedirectShadowed, diag.Warning},
		{diag.UnknownFrontMatter, diag.Warning},
		{diag.UnknownBlock, diag.Warning},
		{diag.ImageAlt, diag.Warning},
		{"", keeps},
		{"no-such-code", keeps},
	} {
		t.Run(tc.code, func(t *testing.T) {
			if _, ok := policy[tc.code]; !ok && tc.code != "" && tc.code != "no-such-code" {
				t.Errorf("code %q is not in the policy table", tc.code)
			}
			for _, made := range []diag.Severity{diag.Warning, diag.Error} {
				want := tc.want
				if want == keeps {
					want = made
				}
				if got := Severity(tc.code, made); got != want {
					t.Errorf("made as %s: got %s, want %s", made, got, want)
				}
			}
		})
	}
	if len(policy) != 14 {
		t.Errorf("the policy table has %d codes, want the 14 of internal/diag: add the new one to this test", len(policy))
	}
}
