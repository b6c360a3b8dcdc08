package blocks_test

import (
	"slices"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
)

func TestUpdatesFeedEntries(t *testing.T) {
	t.Parallel()
	src := []byte(`Intro.

{% updates %}
{% update date="2025-01-15" tags="ui" %}
## Dark mode <a href="#dark" id="dark"></a>

The site follows the **system** theme.
{% endupdate %}
{% update date="2025-03-01" tags="api, beta" %}
Export as JSON.
{% endupdate %}
{% update date="soon" %}
## Later
{% endupdate %}
{% endupdates %}
`)
	p := blocks.Prepare(src)
	pc := parser.NewContext()
	p.Tags.Install(pc)
	md := goldmark.New(goldmark.WithExtensions(blocks.Extension(blocks.All())))
	root := md.Parser().Parse(text.NewReader(p.Src), parser.WithContext(pc))
	got := blocks.Updates(root, p.Src)
	want := []blocks.UpdateEntry{
		{Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Title: "Update", Summary: "Export as JSON.", Tags: []string{"api", "beta"}, ID: "update-2025-03-01"},
		{Date: time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), Title: "Dark mode", Summary: "The site follows the system theme.", Tags: []string{"ui"}, ID: "update-2025-01-15"},
		{Title: "Later", ID: "update"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if !g.Date.Equal(w.Date) || g.Title != w.Title || g.Summary != w.Summary || g.ID != w.ID || !slices.Equal(g.Tags, w.Tags) {
			t.Errorf("entry %d: got %+v, want %+v", i, g, w)
		}
	}
}
