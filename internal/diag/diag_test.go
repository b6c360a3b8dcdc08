package diag

import "testing"

func TestLineCol(t *testing.T) {
	t.Parallel()
	src := []byte("ab\nçd\n\nx")
	for _, tc := range []struct {
		name      string
		off       int
		line, col int
	}{
		{"start", 0, 1, 1},
		{"second char", 1, 1, 2},
		{"after multibyte", 5, 2, 2},
		{"empty line", 7, 3, 1},
		{"past end", 100, 4, 2},
		{"negative", -3, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line, col := LineCol(src, tc.off)
			if line != tc.line || col != tc.col {
				t.Errorf("got %d:%d, want %d:%d", line, col, tc.line, tc.col)
			}
		})
	}
}

func TestListSortAndFormat(t *testing.T) {
	t.Parallel()
	l := List{
		Warnf(Pos{File: "b.md", Line: 1, Col: 1}, "second"),
		Errorf(Pos{File: "a.md", Line: 3, Col: 5}, "first %q", "x").WithHint("fix it"),
	}
	l.Sort()
	want := "a.md:3:5: error: first \"x\"\n\thint: fix it\nb.md:1:1: warning: second"
	if got := l.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !l.HasErrors() || len(l.Errors()) != 1 || len(l.Warnings()) != 1 || l.Warnings()[0].Msg != "second" {
		t.Errorf("got HasErrors=%v errors=%d, want true 1", l.HasErrors(), len(l.Errors()))
	}
}
