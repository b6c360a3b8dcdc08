package watch

import "testing"

func TestIgnoredName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		want bool
	}{
		{".git", true},
		{".gitbook", false},
		{".gitignore", false},
		{"node_modules", true},
		{".handbook", true},
		{".handbook-output", false}, // handled as a marker, not a name
		{".x.md.swp", true},
		{".x.md.swo", true},
		{".x.md.swx", true},
		{"x.md.swp", false},
		{".swp", false},
		{"4913", true},
		{"4914", false},
		{"x.md~", true},
		{".#x.md", true},
		{"#x.md#", true},
		{"#", false},
		{"#x.md", false},
		{"x.md___jb_tmp___", true},
		{"x.md___jb_old___", true},
		{".DS_Store", true},
		{"README.md", false},
		{"x.md.tmp", false},
	} {
		if got := ignoredName(tc.name); got != tc.want {
			t.Errorf("ignoredName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestOverflowBatchHasNoPaths(t *testing.T) {
	t.Parallel()
	w := &Watcher{root: t.TempDir()}
	p := newPending()
	p.add("a.md", false)
	p.setOverflow()
	b, ok := w.batch(p)
	if !ok || !b.Overflow || b.Paths != nil {
		t.Errorf("got %+v, %v; want an overflow batch with nil paths", b, ok)
	}
}

func TestFilesThatCameAndWentAreLeftOut(t *testing.T) {
	t.Parallel()
	w := &Watcher{root: t.TempDir()}
	p := newPending()
	p.add("tmp.md", true)  // created, gone by now
	p.add("old.md", false) // existed before, removed
	b, ok := w.batch(p)
	if !ok || len(b.Paths) != 1 || b.Paths[0] != "old.md" {
		t.Errorf("got %q, want [old.md]", b.Paths)
	}
	p = newPending()
	p.add("tmp.md", true)
	if b, ok := w.batch(p); ok {
		t.Errorf("got batch %q, want none", b.Paths)
	}
}
