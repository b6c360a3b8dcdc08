package site_test

import (
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

const privateBook = `
-- handbook.yaml --
private:
  - finance/
-- SUMMARY.md --
* [Home](README.md)
* [Finance](finance/README.md)
  * [Pay](finance/pay.md)
-- README.md --
# Home

See [pay](finance/pay.md).

{% content-ref url="finance/pay.md" %}
[pay.md](finance/pay.md)
{% endcontent-ref %}
-- finance/README.md --
# Finance
-- finance/pay.md --
---
description: Pay bands of every role.
---
# Pay bands
`

// TestPrivatePagesInTheSiteOfSignedInReaders checks the site built with
// private pages: they are marked in the sidebar and kept from search
// engines, and readers' search finds them.
func TestPrivatePagesInTheSiteOfSignedInReaders(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, privateBook)
	b.AssertFile("finance/index.html", `<meta name="robots" content="noindex`, `aria-label="private"`)
	b.AssertFile("index.html", `<h1 class="hb-title">Home</h1>`, `Pay bands`)
	if sm := b.Read("sitemap.xml"); strings.Contains(sm, "finance") {
		t.Errorf("the sitemap lists private pages:\n%s", sm)
	}
	if strings.Count(b.Read("index.html"), `aria-label="private"`) != 1 {
		t.Error("want one private mark, on the top of the private section")
	}
}
