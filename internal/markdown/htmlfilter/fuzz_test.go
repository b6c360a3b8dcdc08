package htmlfilter

import (
	"bytes"
	"html"
	"testing"
)

// FuzzWrite filters arbitrary fragments: no panic, and nothing that runs
// code gets out: no script-like element, no event handler, no script URL.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{
		`<summary of incident>`, `<a href="javascript:x" onclick=y>z</a>`, `<svg><script>x</script></svg>`,
		`<img src=x onerror=alert(1)>`, `<div><span>x</div></span>`, `<scr<script>ipt>`, "<a href=\"java\x00script:x\">",
		`<source srcset="a 1x, javascript:b 2x">`, `<!--><script>x</script>-->`, `<p/>`, `</p>`, `<x-y a=1/>`,
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, frag []byte, block bool) {
		fl := Filter{Icon: func(string) (string, bool) { return `<b class="icon"></b>`, true }}
		var b bytes.Buffer
		if err := fl.Write(&b, frag, block); err != nil {
			t.Fatal(err)
		}
		if err := fl.Close(&b); err != nil {
			t.Fatal(err)
		}
		out := b.Bytes()
		lower := bytes.ToLower(out)
		for _, bad := range []string{"<script", "<iframe", "<style", "<svg", "<object", "<embed"} {
			if bytes.Contains(lower, []byte(bad)) {
				t.Fatalf("%s in %q", bad, out)
			}
		}
		for i := 0; i < len(lower); i++ {
			if lower[i] == '<' {
				checkTag(t, out, lower[i:])
			}
		}
	})
}

// checkTag checks the attributes of the tag that tag starts with.
func checkTag(t *testing.T, out, tag []byte) {
	t.Helper()
	end := bytes.IndexByte(tag, '>')
	if end < 0 {
		t.Fatalf("unterminated tag in %q", out)
	}
	tag = tag[:end]
	for {
		i := bytes.Index(tag, []byte(`="`))
		if i < 0 {
			return
		}
		name := tag[bytes.LastIndexByte(tag[:i], ' ')+1 : i]
		if bytes.HasPrefix(name, []byte("on")) {
			t.Fatalf("event handler %q in %q", name, out)
		}
		tag = tag[i+2:]
		j := bytes.IndexByte(tag, '"')
		val := html.UnescapeString(string(tag[:j]))
		if s := Scheme(val); s == "javascript" || s == "vbscript" {
			t.Fatalf("%s URL in %q", s, out)
		}
		tag = tag[j+1:]
	}
}
