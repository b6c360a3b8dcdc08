package frontmatter

import (
	"testing"
)

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ndescription: >-\n  folded\n  text\n---\n# T\n",
		"\uFEFF---\r\nDescription: x\r\nhidden: yes\r\n---\r\nbody",
		"---\ndescription: Owner: Harrison Eaton\n---\n",
		"---\nlayout:\n  width: wide\n  title: { visible: false }\n  cover: {visible: true, size: hero}\ntags: [a, {tag: b, primary: true}]\nvars: {a: 1}\ncoverY: -4\n---\n",
		"---\n\nno closing\n",
		"---\n- a\n---\n",
		"---\na: &x [*x]\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		yml, body, off := Split(src)
		if off < 0 || off > len(src) || string(src[off:]) != string(body) {
			t.Fatalf("got body at %d, not the tail of src", off)
		}
		if yml == nil {
			if off != 0 {
				t.Errorf("got offset %d without front matter, want 0", off)
			}
			return
		}
		fm, ds := Parse("p.md", yml, 2)
		if w := fm.Layout.Width; w != "default" && w != "wide" {
			t.Errorf("got width %q, want default or wide", w)
		}
		for _, d := range ds {
			if d.Pos.Line < 2 {
				t.Errorf("got line %d, want >= 2: %v", d.Pos.Line, d)
			}
		}
	})
}
