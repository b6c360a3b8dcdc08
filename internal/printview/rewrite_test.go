package printview

import (
	"bytes"
	"strings"
	"testing"
)

func rewrite(p Page, body string) string {
	var b bytes.Buffer
	p.Rewrite(&b, []byte(body))
	return b.String()
}

func TestRewritePrefixesIDsAndTheirReferences(t *testing.T) {
	t.Parallel()
	p := Page{Prefix: "p3-"}
	in := `<h2 id="setup">Setup</h2><p><a href="#setup">again</a> <a href="#">top</a></p>` +
		`<div class="tabs"><button role="tab" id="t1" aria-controls="t1-panel">A</button>` +
		`<div role="tabpanel" id="t1-panel" aria-labelledby="t1 t2">x</div></div>` +
		`<label for="q">Q</label><svg><use href="#icon"></use></svg><a name="old">old</a>`
	got := rewrite(p, in)
	for _, want := range []string{
		`id="p3-setup"`, `href="#p3-setup"`, `href="#"`, `id="p3-t1"`, `aria-controls="p3-t1-panel"`,
		`id="p3-t1-panel"`, `aria-labelledby="p3-t1 p3-t2"`, `for="p3-q"`, `<use href="#p3-icon">`, `name="p3-old"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rewritten HTML lacks %s:\n%s", want, got)
		}
	}
}

func TestRewriteLevelsHeadings(t *testing.T) {
	t.Parallel()
	got := rewrite(Page{Level: 3}, `<h1>A</h1><h2 id="b">B</h2><h3>C</h3><h4>D</h4><h6>F</h6><h2 aria-level="1">G</h2>`)
	for _, want := range []string{`<h1 aria-level="3">`, `<h2 id="b" aria-level="4">`, `<h3 aria-level="5">`, `<h4 aria-level="6">`, `<h6 aria-level="6">`, `<h2 aria-level="1">`} {
		if !strings.Contains(got, want) {
			t.Errorf("rewritten HTML lacks %s:\n%s", want, got)
		}
	}
	if plain := rewrite(Page{}, `<h2>B</h2>`); plain != `<h2>B</h2>` {
		t.Errorf("without a level the heading changed: %s", plain)
	}
}

func TestRewriteOpensDetailsAndLoadsImagesAtOnce(t *testing.T) {
	t.Parallel()
	got := rewrite(Page{}, `<details><summary>More</summary>x</details><details open class="c">y</details><img src="a.png" alt="A" loading="lazy">`)
	want := `<details open><summary>More</summary>x</details><details open class="c">y</details><img src="a.png" alt="A" loading="eager">`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRewriteMapsLinksThroughLink(t *testing.T) {
	t.Parallel()
	p := Page{Prefix: "p1-", Link: func(h string) (string, bool) {
		switch h {
		case "/guide/setup":
			return "#p2", true
		case "/guide/setup#install":
			return "#p2-install", true
		case "/other":
			return "https://handbook.example.com/other", true
		case "/gone":
			return "", true
		}
		return "", false
	}}
	in := `<a href="/guide/setup">s</a><a href="/guide/setup#install">i</a><a href="/other">o</a><a href="https://example.org/x">e</a><img src="/guide/setup"><a class="x" href="/gone" title="t">g</a>`
	got := rewrite(p, in)
	want := `<a href="#p2">s</a><a href="#p2-install">i</a><a href="https://handbook.example.com/other">o</a><a href="https://example.org/x">e</a><img src="/guide/setup"><a class="x" title="t">g</a>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRewriteCopiesEverythingElseByteForByte(t *testing.T) {
	t.Parallel()
	in := "<!-- note --><p class=x>Tom &amp; Jerry &lt;3</p>\n<pre><code>if a < b && c > d {}</code></pre>" +
		"<script type=\"application/json\">{\"a\":\"</p>\"}</script><style>a>b{color:red}</style><br/>"
	if got := rewrite(Page{Prefix: "p-", Level: 2}, in); got != in {
		t.Errorf("got  %q\nwant %q", got, in)
	}
}

func TestRewriteEscapesAttributes(t *testing.T) {
	t.Parallel()
	got := rewrite(Page{Prefix: "p-"}, `<h2 id="a&amp;b" title="&quot;q&quot; <x>">T</h2>`)
	want := `<h2 id="p-a&amp;b" title="&#34;q&#34; &lt;x&gt;">T</h2>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
