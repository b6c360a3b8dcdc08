package markdown

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzMarkdown renders arbitrary input, seeded from the golden cases: it
// must not panic, must render the same bytes twice, and must never let a
// <script> through.
func FuzzMarkdown(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
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
		d := e.Parse(src)
		var a, b bytes.Buffer
		if _, err := e.Render(&a, d, testResolver{}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Render(&b, d, testResolver{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("two renders differ:\n%s\n---\n%s", a.Bytes(), b.Bytes())
		}
		if bytes.Contains(bytes.ToLower(a.Bytes()), []byte("<script")) {
			t.Fatalf("output contains <script:\n%s", a.Bytes())
		}
	})
}
