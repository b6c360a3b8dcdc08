package summary

import (
	"os"
	"path/filepath"
	"testing"
)

func FuzzSummary(f *testing.F) {
	for _, s := range []string{
		"# Table of contents\n\n* [Welcome](README.md)\n\n## Company <a href=\"#company\" id=\"company\"></a>\n\n* [About](a/README.md)\n  * [Values \\(v\\)](a/v.md \"V\")\n",
		"- [A](<a b.md>)\n    - [B](b%20c.md#x)\n\t+ [C](https://x.y)\n---\n### P\n1. text\n*\n  * [](x)\n",
		"\uFEFF## \n<!-- c -->\n<div>\n\n> q\n\n```\ncode\n```\n* <mailto:a@b.c> [x][y]\n\n[y]: z.md\n",
		"* [a](b) c\n      - [d](e)\n#### h\n# late\n",
	} {
		f.Add([]byte(s))
	}
	// The head of the corpus SUMMARY.md: the whole file is large enough to
	// make minimizing new inputs slow.
	if src, err := os.ReadFile(filepath.Join(corpusDir(f), "SUMMARY.md")); err == nil {
		f.Add(src[:min(len(src), 2048)])
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, ds := Parse("SUMMARY.md", src)
		if s == nil {
			t.Fatal("got nil summary")
		}
		if ds.HasErrors() {
			t.Errorf("got errors %v, want only warnings", ds)
		}
		for _, d := range ds {
			if d.Pos.Line < 1 || d.Pos.Col < 1 {
				t.Errorf("got diagnostic without a position: %v", d)
			}
		}
		_ = s.String()
	})
}
