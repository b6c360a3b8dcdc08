package htmlfilter

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in string
		block    bool
		want     string
	}{
		{name: "allowed kept", in: `<b>bold</b>`, want: `<b>bold</b>`},
		{name: "case normalised", in: `<B>x</B>`, want: `<b>x</b>`},
		{name: "br forms", in: `a<br>b<br/>c<br />d</br>`, want: `a<br>b<br>c<br>d`},
		{name: "script dropped with content", in: `a<script>alert(1)</script>b`, want: `ab`},
		{name: "style dropped with content", in: `<style>p{}</style>x`, want: `x`},
		{name: "nested svg dropped", in: `<svg><svg><g/></svg><path/></svg>after`, want: `after`},
		{name: "event handler dropped", in: `<span onclick="x()" ONMOUSEOVER=y title="t">s</span>`, want: `<span title="t">s</span>`},
		{name: "javascript href dropped", in: `<a href="javascript:alert(1)">x</a>`, want: `<a>x</a>`},
		{name: "entity-encoded javascript", in: `<a href="&#106;avascript:alert(1)">x</a>`, want: `<a>x</a>`},
		{name: "tab in scheme", in: "<a href=\"java\tscript:x\">x</a>", want: `<a>x</a>`},
		{name: "vbscript", in: `<a href="VBScript:x">x</a>`, want: `<a>x</a>`},
		{name: "data href dropped", in: `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`, want: `<a>x</a>`},
		{name: "data image src kept", in: `<img src="data:image/png;base64,AA" alt="a">`, want: `<img src="data:image/png;base64,AA" alt="a" loading="lazy" decoding="async">`},
		{name: "data html src dropped", in: `<img src="data:text/html,x" alt="alt text">`, want: `alt text`},
		{name: "external link gets noopener", in: `<a href="https://x.example/">x</a>`, want: `<a href="https://x.example/" rel="noopener">x</a>`},
		{name: "target and rel dropped", in: `<a href="/p" target="_blank" rel="opener">x</a>`, want: `<a href="/p">x</a>`},
		{name: "unknown tag literal", in: `Hi <division-head-name>,`, want: `Hi &lt;division-head-name&gt;,`},
		{name: "unknown attribute makes tag literal", in: `<summary of incident>`, want: `&lt;summary of incident&gt;`},
		{name: "known but disallowed attribute dropped", in: `<summary style="x">S</summary>`, want: `<summary>S</summary>`},
		{name: "disallowed element name literal", in: `<time> and <customer>`, want: `&lt;time&gt; and &lt;customer&gt;`},
		{name: "literal keeps case", in: `<Run ID>`, want: `&lt;Run ID&gt;`},
		{name: "literal end tag", in: `</customer>`, want: `&lt;/customer&gt;`},
		{name: "iframe dropped", in: `<iframe src="https://y.example">fallback</iframe>ok`, want: `ok`},
		{name: "form keeps content", in: `<form action="/x"><label>L</label><input name="q"></form>`, want: `L`},
		{name: "meta link base dropped", in: `<meta charset="x"><link rel="x" href="y"><base href="/">`, want: ``},
		{name: "comment dropped", in: `a<!-- c -->b`, want: `ab`},
		{name: "stray end tag dropped", in: `</div></p>x`, want: `x`},
		{name: "end tag closes inner", in: `<div><span>x</div>`, want: `<div><span>x</span></div>`},
		{name: "self-closing non-void", in: `<a id="x"/>t`, want: `<a id="x"></a>t`},
		{name: "text-align kept as align", in: `<td style="text-align: Center; color: red">c</td>`, want: `<td align="center">c</td>`},
		{name: "data and aria attributes", in: `<div data-with-frame="true" aria-label="f">x</div>`, want: `<div data-with-frame="true" aria-label="f">x</div>`},
		{name: "autoplay dropped", in: `<video src="v.mp4" autoplay controls></video>`, want: `<video src="v.mp4" controls=""></video>`},
		{name: "attribute values escaped", in: `<span title="a &quot;b&quot; &lt;c&gt;">x</span>`, want: `<span title="a &quot;b&quot; &lt;c&gt;">x</span>`},
		{name: "text re-escaped", in: `<b>a &amp; b &lt; c &copy;</b>`, want: `<b>a &amp; b &lt; c ©</b>`},
		{name: "unfinished tag is text", in: `x <a href="y`, want: `x &lt;a href=&quot;y`},
		{name: "srcset candidates", in: `<source srcset="a.png 1x, javascript:x 2x,b.png 3x">`, want: `<source srcset="a.png 1x, b.png 3x">`},
		{name: "block text wrapped", in: "<summary of incident>\n", block: true, want: "<p>&lt;summary of incident&gt;</p>\n"},
		{name: "block element not wrapped", in: "<div>\nx\n", block: true, want: "<div>\nx\n"},
		{name: "block of nothing", in: "<script>x</script>\n", block: true, want: ""},
		{name: "wrap closed before block element", in: "<x-y> <div>d</div>\n", block: true, want: "<p>&lt;x-y&gt; </p>\n<div>d</div>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var f Filter
			var b bytes.Buffer
			if err := f.Write(&b, []byte(tc.in), tc.block); err != nil {
				t.Fatal(err)
			}
			if tc.block {
				// Keep what is still open out of the comparison.
			} else if err := f.Close(&b); err != nil {
				t.Fatal(err)
			}
			got := strings.TrimSuffix(b.String(), "\n")
			if tc.block {
				got = b.String()
			}
			if got != tc.want {
				t.Errorf("Write(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestWriteURL checks that URL attributes reach Filter.URL with the offset
// of their value, and what happens when it refuses them.
func TestWriteURL(t *testing.T) {
	t.Parallel()
	in := `<a href="gone.md">a</a> <img src="x.png" alt="X"> <img src="ok.png" alt="OK">`
	var seen []URL
	f := Filter{URL: func(u URL) (string, bool) {
		seen = append(seen, u)
		if strings.HasPrefix(u.Value, "ok") {
			return "/" + u.Value, true
		}
		return "", false
	}}
	var b bytes.Buffer
	if err := f.Write(&b, []byte(in), false); err != nil {
		t.Fatal(err)
	}
	want := `<a>a</a> X <img src="/ok.png" alt="OK" loading="lazy" decoding="async">`
	if got := b.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for _, u := range seen {
		if got := in[u.Offset : u.Offset+len(u.Value)]; got != u.Value {
			t.Errorf("%s %s: offset %d points at %q", u.Tag, u.Attr, u.Offset, got)
		}
	}
	if len(seen) != 3 || seen[0].Image || !seen[1].Image {
		t.Errorf("got URLs %+v", seen)
	}
}

func TestOpenElementsClosed(t *testing.T) {
	t.Parallel()
	var f Filter
	var b bytes.Buffer
	for _, frag := range []string{"<details>", "<summary>", "S", "</summary>", "<div><span>"} {
		if err := f.Write(&b, []byte(frag), false); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(&b); err != nil {
		t.Fatal(err)
	}
	want := "<details><summary>S</summary><div><span></span></div></details>\n"
	if got := b.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

type failWriter struct{ bytes.Buffer }

var errWrite = errors.New("write failed")

func (failWriter) Write([]byte) (int, error)       { return 0, errWrite }
func (failWriter) WriteString(string) (int, error) { return 0, errWrite }
func (failWriter) WriteByte(byte) error            { return errWrite }

func TestWriteError(t *testing.T) {
	t.Parallel()
	var f Filter
	if err := f.Write(&failWriter{}, []byte(`<b title="x">y</b>`), false); !errors.Is(err, errWrite) {
		t.Errorf("got %v, want %v", err, errWrite)
	}
}
