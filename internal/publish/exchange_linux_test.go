package publish

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestExchangeSwapsDirectories(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	a, b := filepath.Join(base, "a"), filepath.Join(base, "b")
	for _, d := range []string{a, b} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "name"), []byte(filepath.Base(d)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := exchange(a, b); errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOSYS) {
		t.Skipf("file system without RENAME_EXCHANGE (Commit falls back to renames): %v", err)
	} else if err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{a: "b", b: "a"} {
		if got, _ := os.ReadFile(filepath.Join(dir, "name")); string(got) != want {
			t.Errorf("%s: got %q, want %q", dir, got, want)
		}
	}
}
