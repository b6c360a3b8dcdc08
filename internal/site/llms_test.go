package site_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

var update = flag.Bool("update", false, "rewrite the out/ sections of testdata/llms/*.txtar")

// TestLLMsGolden builds each handbook of testdata/llms and compares the
// output files named by its "out/NAME" sections: llms.txt, the llms-full
// files and Markdown twins. An archive whose comment has a line
// "source: DIR" builds testdata/DIR instead of its own files.
func TestLLMsGolden(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/llms/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/llms/*.txtar")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			b := buildArchive(t, ar)
			changed := false
			for i, f := range ar.Files {
				name, ok := strings.CutPrefix(f.Name, "out/")
				if !ok {
					continue
				}
				got, err := os.ReadFile(filepath.Join(b.Out, filepath.FromSlash(name)))
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				if *update {
					if !bytes.Equal(got, f.Data) {
						ar.Files[i].Data, changed = got, true
					}
					continue
				}
				if !bytes.Equal(got, f.Data) {
					t.Errorf("%s differs from %s (run go test -update to accept):\n--- got ---\n%s\n--- want ---\n%s", name, file, got, f.Data)
				}
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// buildArchive builds the handbook an archive holds, or the fixture its
// comment names, without git history.
func buildArchive(t *testing.T, ar *txtar.Archive) *hbtest.Builder {
	t.Helper()
	for line := range strings.Lines(string(ar.Comment)) {
		if dir, ok := strings.CutPrefix(strings.TrimSpace(line), "source: "); ok {
			return buildFixture(t, func(ctx context.Context) (*book.Book, error) {
				return book.Load(ctx, filepath.Join("testdata", dir), book.Options{})
			})
		}
	}
	in := &txtar.Archive{}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "out/") {
			in.Files = append(in.Files, f)
		}
	}
	return hbtest.Build(t, string(txtar.Format(in)))
}

// TestNoMachineReadable checks that a build without the files for agents
// leaves them out and does not link to them.
func TestNoMachineReadable(t *testing.T) {
	t.Parallel()
	b := buildFixture(t, func(ctx context.Context) (*book.Book, error) {
		return book.Load(ctx, filepath.Join("testdata", "blocks-handbook"), book.Options{})
	})
	b.AssertFile("index.html", "View as Markdown", `type="text/markdown"`, "llms.txt")
	out := filepath.Join(t.TempDir(), "site")
	if _, err := site.Build(context.Background(), b.Book, site.Options{Out: out, NoGit: true, NoMachineReadable: true}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"llms.txt", "llms-full.txt", "README.md", "index.md", "company/brand.md"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("%s written", name)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"View as Markdown", `type="text/markdown"`, "llms.txt", "Recently updated"} {
		if strings.Contains(string(page), s) {
			t.Errorf("index.html has %q", s)
		}
	}
}
