package markdown

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"testing"
)

// twinResolver resolves as a site does for the Markdown twins of its
// pages: a page "p.md" is https://host/docs/p.md, the site's own
// https://example.com/docs/about is about.md, and images under .gitbook/assets/ are
// https://host/docs/_assets/name. "old notes.md" resolves to a URL with a
// space and parentheses. Fragments and other absolute URLs pass unchanged;
// anything else does not exist.
type twinResolver struct{}

var twinPages = map[string]string{
	"about.md":                       "https://host/docs/about.md",
	"guide/setup.md":                 "https://host/docs/guide/setup.md",
	"old notes.md":                   "/docs/old notes (2019).md",
	"https://example.com/docs/about": "https://example.com/docs/about.md",
	"../.gitbook/includes/page.md":   "https://host/docs/includes-page.md",
}

func (twinResolver) Link(dest string) (string, error) {
	page, frag, hasFrag := strings.Cut(dest, "#")
	if page == "" {
		return dest, nil
	}
	if u, ok := twinPages[page]; ok {
		if hasFrag {
			u += "#" + frag
		}
		return u, nil
	}
	if strings.HasPrefix(dest, "https://") || strings.HasPrefix(dest, "mailto:") {
		return dest, nil
	}
	return "", fmt.Errorf("link target %q does not exist", dest)
}

func (twinResolver) Image(dest string) (string, error) {
	if strings.Contains(dest, ".gitbook/assets/") {
		return "https://host/docs/_assets/" + path.Base(dest), nil
	}
	if strings.HasPrefix(dest, "https://") {
		return dest, nil
	}
	return "", fmt.Errorf("image %q does not exist", dest)
}

// twinIncludes are the files the cases of TestMarkdownResolvesLinks
// include, by path as written.
var twinIncludes = map[string]string{
	"../.gitbook/includes/snippet.md": "Shared: [About](about.md) and ![Logo](../.gitbook/assets/logo.png).\n",
}

func degradeWith(t *testing.T, src string, r Resolver) string {
	t.Helper()
	e := New()
	d := e.ParseWith([]byte(src), ParseOptions{Include: func(_, p string) (string, []byte, error) {
		body, ok := twinIncludes[p]
		if !ok {
			return "", nil, fmt.Errorf("included file %q does not exist", p)
		}
		return path.Clean(p), []byte(body), nil
	}})
	var b bytes.Buffer
	if err := e.Markdown(&b, d, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMarkdownResolvesLinks checks that the plain-Markdown form sends each
// link and image destination through the resolver, and keeps what the
// resolver cannot resolve as written.
func TestMarkdownResolvesLinks(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"inline", "See [About](about.md).", "See [About](https://host/docs/about.md)."},
		{"fragment", "See [values](about.md#values).", "See [values](https://host/docs/about.md#values)."},
		{"title kept", `[About](about.md "The about page")`, `[About](https://host/docs/about.md "The about page")`},
		{"angle brackets", "[Setup](<guide/setup.md>)", "[Setup](https://host/docs/guide/setup.md)"},
		{"spaces and parentheses", "[Notes](<old notes.md>)", "[Notes](</docs/old notes (2019).md>)"},
		{"destination on the next line", "[About](\n  about.md)", "[About](\n  https://host/docs/about.md)"},
		{"text like the destination", "[(about.md)](about.md) [about.md](about.md)",
			"[(about.md)](https://host/docs/about.md) [about.md](https://host/docs/about.md)"},
		{"emphasis and code in the text", "[*the* `about.md`](about.md)", "[*the* `about.md`](https://host/docs/about.md)"},
		{"reference definition",
			"Read [the guide][g], [again][g] and [About].\n\n[g]: guide/setup.md \"Setup\"\n[About]: <about.md>\n",
			"Read [the guide][g], [again][g] and [About].\n\n[g]: https://host/docs/guide/setup.md \"Setup\"\n[About]: https://host/docs/about.md"},
		{"image", `![Logo](.gitbook/assets/logo.png "Our logo")`, `![Logo](https://host/docs/_assets/logo.png "Our logo")`},
		{"image in a link", "[![Logo](.gitbook/assets/logo.png)](about.md)",
			"[![Logo](https://host/docs/_assets/logo.png)](https://host/docs/about.md)"},
		{"empty text", "[](about.md) ![](.gitbook/assets/logo.png)", "[](https://host/docs/about.md) ![](https://host/docs/_assets/logo.png)"},
		{"in a table", "| Page |\n| --- |\n| [About](about.md) |", "| Page |\n| --- |\n| [About](https://host/docs/about.md) |"},
		{"fragment only", "[Values](#values)", "[Values](#values)"},
		{"external", "[Go](https://go.dev/doc#x)", "[Go](https://go.dev/doc#x)"},
		{"broken link", "[Gone](gone.md \"x\") and ![Missing](missing.png)", "[Gone](gone.md \"x\") and ![Missing](missing.png)"},
		{"unsafe", "[x](javascript:alert(1))", "[x](javascript:alert(1))"},
		{"autolink to the site", "<https://example.com/docs/about> and https://example.com/docs/about#team.",
			"<https://example.com/docs/about.md> and <https://example.com/docs/about.md#team>."},
		{"autolink elsewhere", "<https://go.dev/> and https://go.dev/doc.", "<https://go.dev/> and https://go.dev/doc."},
		{"in a list and a quote", "- [About](about.md)\n\n> [Setup](guide/setup.md)",
			"- [About](https://host/docs/about.md)\n\n> [Setup](https://host/docs/guide/setup.md)"},
		{"in a code span", "`[About](about.md)`", "`[About](about.md)`"},
		{"html img", `Icon <img src=".gitbook/assets/i.png" alt="i"> here.`, "Icon ![i](https://host/docs/_assets/i.png) here."},
		{"html figure",
			`<figure><img src="../.gitbook/assets/map.png" alt="Map"><figcaption><p>See <a href="about.md">about</a></p></figcaption></figure>`,
			"![Map](https://host/docs/_assets/map.png)\n*See [about](https://host/docs/about.md)*"},
		{"html cards",
			`<table data-view="cards"><thead><tr><th></th><th data-hidden data-card-target data-type="content-ref"></th></tr></thead>` +
				`<tbody><tr><td><strong>About</strong></td><td><a href="about.md">about.md</a></td></tr>` +
				`<tr><td>Gone</td><td><a href="gone.md">gone.md</a></td></tr></tbody></table>`,
			"- [About](https://host/docs/about.md)\n- [Gone](gone.md)"},
		{"html rich table",
			`<table><thead><tr><th>Page</th><th data-type="files">Logo</th></tr></thead><tbody>` +
				`<tr><td><a href="guide/setup.md">Setup</a></td><td><img src=".gitbook/assets/logo.png" alt="Logo"></td></tr></tbody></table>`,
			"| Page | Logo |\n| --- | --- |\n| [Setup](https://host/docs/guide/setup.md) | ![Logo](https://host/docs/_assets/logo.png) |"},
		{"button", `<a href="about.md#team" class="button primary">The team</a>`, "[The team](https://host/docs/about.md#team)"},
		{"hint", "{% hint style=\"info\" %}\nSee [About](about.md).\n{% endhint %}", "> **Info:** See [About](https://host/docs/about.md)."},
		{"tabs",
			"{% tabs %}\n{% tab title=\"One\" %}\nRead [Setup](guide/setup.md).\n{% endtab %}\n{% endtabs %}",
			"**One**\n\nRead [Setup](https://host/docs/guide/setup.md)."},
		{"include", "Before.\n\n{% include \"../.gitbook/includes/snippet.md\" %}\n\nAfter.",
			"Before.\n\nShared: [About](https://host/docs/about.md) and ![Logo](https://host/docs/_assets/logo.png).\n\nAfter."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.TrimRight(degradeWith(t, tc.src, twinResolver{}), "\n")
			if got != tc.want {
				t.Errorf("Markdown of\n%s\ngot\n%s\nwant\n%s", tc.src, got, tc.want)
			}
		})
	}
}

// TestMarkdownNilResolverKeepsLinks checks that without a resolver every
// destination stays as written.
func TestMarkdownNilResolverKeepsLinks(t *testing.T) {
	src := "See [About](about.md \"t\"), [Notes](<old notes.md>), [g][g], <https://host/docs/about>, ![Logo](.gitbook/assets/logo.png).\n\n[g]: guide/setup.md\n"
	if got := degradeWith(t, src, nil); got != src {
		t.Errorf("Markdown without a resolver:\ngot\n%s\nwant\n%s", got, src)
	}
	html := `<figure><img src="../.gitbook/assets/map.png" alt="Map"></figure>`
	if got, want := degradeWith(t, html, nil), "![Map](../.gitbook/assets/map.png)\n"; got != want {
		t.Errorf("Markdown of a figure without a resolver: got %q, want %q", got, want)
	}
}

// TestMarkdownLinksMatchRender checks that a link in an included file
// points where Render points it.
func TestMarkdownLinksMatchRender(t *testing.T) {
	e := New()
	src := "{% include \"../.gitbook/includes/snippet.md\" %}\n"
	d := e.ParseWith([]byte(src), ParseOptions{Include: func(_, p string) (string, []byte, error) {
		return path.Clean(p), []byte(twinIncludes[p]), nil
	}})
	var h bytes.Buffer
	if _, err := e.Render(&h, d, twinResolver{}); err != nil {
		t.Fatal(err)
	}
	const u = "https://host/docs/about.md"
	if !strings.Contains(h.String(), `href="`+u+`"`) {
		t.Fatalf("Render of the include does not link to %s:\n%s", u, h.String())
	}
	if md := degradeWith(t, src, twinResolver{}); !strings.Contains(md, "("+u+")") {
		t.Errorf("Markdown of the include does not link to %s:\n%s", u, md)
	}
}
