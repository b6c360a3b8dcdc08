package markdown

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzMarkdown runs the whole pipeline with every GitBook block on over
// arbitrary input, seeded from the golden cases of this package and of
// package blocks: it must not panic, must render the same HTML and the
// same plain Markdown twice, must report problems inside the input, and
// must never let a <script> through. Any {% include %} includes the input
// itself, which must be caught as a cycle.
func FuzzMarkdown(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	more, _ := filepath.Glob("blocks/testdata/*.txtar")
	files = append(files, more...)
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if strings.HasSuffix(s.Name, ".md") {
				f.Add(s.Data)
			}
		}
	}
	f.Add([]byte("<scr<script>ipt>alert(1)</script>"))
	f.Add([]byte("<a href=\"java\nscript:x\">x</a> [y](<javascript:z>) <svg><script>"))
	e := New()
	f.Fuzz(func(t *testing.T, src []byte) {
		d := e.ParseWith(src, ParseOptions{Include: func(string, string) (string, []byte, error) {
			return "self.md", src, nil
		}})
		var a, b bytes.Buffer
		pa, err := e.Render(&a, d, testResolver{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Render(&b, d, testResolver{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("two renders differ:\n%s\n---\n%s", a.Bytes(), b.Bytes())
		}
		for _, p := range append(d.Problems(), pa...) {
			if p.Offset < 0 || p.Offset > len(src) {
				t.Fatalf("problem %q at offset %d, outside the input (%d bytes)", p.Msg, p.Offset, len(src))
			}
		}
		var m1, m2 bytes.Buffer
		if err := e.Markdown(&m1, d, testResolver{}); err != nil {
			t.Fatal(err)
		}
		if err := e.Markdown(&m2, d, testResolver{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(m1.Bytes(), m2.Bytes()) {
			t.Fatalf("two plain-Markdown forms differ:\n%s\n---\n%s", m1.Bytes(), m2.Bytes())
		}
		if bytes.Contains(bytes.ToLower(a.Bytes()), []byte("<script")) {
			t.Fatalf("output contains <script:\n%s", a.Bytes())
		}
	})
}
