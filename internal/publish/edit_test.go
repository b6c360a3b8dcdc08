package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestEditReplacesFilesOfAPublishedOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/index.html", []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(out, "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}

	e, err := Edit(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.WriteFile("a/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := e.WriteFile("b/index.html", []byte("added")); err != nil {
		t.Fatal(err)
	}
	if err := e.Commit(); !errors.Is(err, ErrDone) {
		t.Errorf("Commit of an edit = %v, want ErrDone", err)
	}
	if err := e.Abort(); err != nil {
		t.Errorf("Abort of an edit = %v, want nothing done", err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if err := e.WriteFile("c", nil); !errors.Is(err, ErrDone) {
		t.Errorf("write after Close = %v, want ErrDone", err)
	}
	for name, want := range map[string]string{"a/index.html": "new", "b/index.html": "added"} {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	after, err := os.Stat(filepath.Join(out, "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(before, after) {
		t.Error("the file was written through, not replaced by a rename")
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, "a", ".publish-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestEditRefusesAFolderThatIsNotABuild(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Edit(dir); err == nil {
		t.Fatal("Edit of a folder without a marker succeeded")
	}
}
