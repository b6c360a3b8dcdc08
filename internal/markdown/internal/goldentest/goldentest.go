// Package goldentest runs golden-file tests of Markdown rendering: txtar
// archives whose "-- name.md --" sections are inputs, each followed by the
// sections of its expected outputs ("-- name.html --", ...). Other
// sections (files a case includes or reads) are left as they are.
package goldentest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Output is one expected output of a case: the section "<name><Suffix>".
// An empty Text is written as no section, and a missing section is
// expected to be empty.
type Output struct {
	Suffix string // ".html", ".degraded.md", ".problems"
	Text   string
}

// Render renders the input src of a case of the archive ar.
type Render func(t *testing.T, ar *txtar.Archive, src []byte) []Output

// Run runs every case of the archives that glob matches as a subtest
// named "<archive>/<case>" and compares its outputs with the archive's
// sections. With update it rewrites the archives with the outputs instead.
func Run(t *testing.T, glob string, update bool, render Render) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cases := map[string]bool{}
		for _, f := range ar.Files {
			if name, ok := caseName(f.Name); ok {
				cases[name] = true
			}
		}
		var out []txtar.File // the archive as update writes it
		for _, f := range ar.Files {
			name, ok := caseName(f.Name)
			if !ok {
				if !isOutput(f.Name, cases) {
					out = append(out, f)
				}
				continue
			}
			outputs := render(t, ar, f.Data)
			out = append(out, f)
			for _, o := range outputs {
				if o.Text != "" {
					out = append(out, txtar.File{Name: name + o.Suffix, Data: []byte(o.Text)})
				}
			}
			t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar")+"/"+name, func(t *testing.T) {
				if update {
					return
				}
				for _, o := range outputs {
					if want := Section(ar, name+o.Suffix); o.Text != want {
						t.Errorf("%s:\n--- got ---\n%s--- want ---\n%s", strings.TrimPrefix(o.Suffix, "."), o.Text, want)
					}
				}
			})
		}
		if update {
			ar.Files = out
			if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// caseName returns the name of the case whose input is the section
// called section: "x.md" is case "x"; outputs and files in folders are
// not cases.
func caseName(section string) (string, bool) {
	name, ok := strings.CutSuffix(section, ".md")
	if !ok || strings.HasSuffix(name, ".degraded") || strings.Contains(name, "/") {
		return "", false
	}
	return name, true
}

// isOutput reports whether section is an output of one of the cases.
func isOutput(section string, cases map[string]bool) bool {
	for _, suffix := range []string{".html", ".degraded.md", ".problems"} {
		if name, ok := strings.CutSuffix(section, suffix); ok && cases[name] {
			return true
		}
	}
	return false
}

// Section returns the text of the section called name, or "".
func Section(ar *txtar.Archive, name string) string {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}
