package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFindChromeExplicit checks that a path given by --chrome is used as
// it is when it is an executable, and is a clear error naming it when it
// is missing, a folder or not executable.
func TestFindChromeExplicit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	exe := writeFile(t, dir, "my-chrome", 0o755)
	plain := writeFile(t, dir, "not-a-program", 0o644)
	missing := filepath.Join(dir, "missing-chrome")

	if got, err := FindChrome(exe); err != nil || got != exe {
		t.Errorf("FindChrome(%q) = %q, %v; want the path itself", exe, got, err)
	}
	for _, c := range []struct{ path, want string }{
		{missing, "does not exist"},
		{dir, "is a directory"},
		{plain, "is not executable"},
	} {
		_, err := FindChrome(c.path)
		if err == nil {
			t.Errorf("FindChrome(%q) succeeded, want an error", c.path)
			continue
		}
		if !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "--chrome") {
			t.Errorf("FindChrome(%q) error %q, want it to name the path, --chrome and say %q", c.path, err, c.want)
		}
		if errors.Is(err, ErrNoChrome) {
			t.Errorf("FindChrome(%q) error %q wraps ErrNoChrome; a bad explicit path is not a missing browser", c.path, err)
		}
	}
}

// TestFindChromeEnvAndPath checks the order $CHROME, then PATH, and the
// error with install advice when nothing is found.
func TestFindChromeEnvAndPath(t *testing.T) {
	empty := t.TempDir()
	t.Setenv("PATH", empty)
	t.Setenv("CHROME", "")

	_, err := FindChromeIn("", nil)
	if !errors.Is(err, ErrNoChrome) {
		t.Fatalf("with an empty PATH, no $CHROME and no install path: error %v, want ErrNoChrome", err)
	}
	for _, advice := range []string{"apt-get install chromium", "brew install --cask chromium", "Google Chrome", "--chrome", "$CHROME"} {
		if !strings.Contains(err.Error(), advice) {
			t.Errorf("error %q does not say %q", err, advice)
		}
	}

	// A usual install path is tried after PATH.
	installed := writeFile(t, t.TempDir(), "Chromium", 0o755)
	if got, err := FindChromeIn("", []string{filepath.Join(empty, "absent"), installed}); err != nil || got != installed {
		t.Errorf("findChrome with an install path = %q, %v; want %q", got, err, installed)
	}

	// A chromium on PATH comes before the install paths.
	bin := t.TempDir()
	onPath := writeFile(t, bin, "chromium", 0o755)
	t.Setenv("PATH", bin)
	if got, err := FindChromeIn("", []string{installed}); err != nil || got != onPath {
		t.Errorf("findChrome with chromium on PATH = %q, %v; want %q", got, err, onPath)
	}

	// $CHROME comes before PATH, and a bad one is an error naming it.
	viaEnv := writeFile(t, t.TempDir(), "chrome-from-env", 0o755)
	t.Setenv("CHROME", viaEnv)
	if got, err := FindChromeIn("", nil); err != nil || got != viaEnv {
		t.Errorf("findChrome with $CHROME = %q, %v; want %q", got, err, viaEnv)
	}
	t.Setenv("CHROME", filepath.Join(empty, "gone"))
	if _, err := FindChromeIn("", nil); err == nil || !strings.Contains(err.Error(), "$CHROME") || !strings.Contains(err.Error(), "gone") {
		t.Errorf("findChrome with a missing $CHROME: error %v, want one naming $CHROME and the path", err)
	}
}

// writeFile creates a file with the given mode and returns its path.
func writeFile(t *testing.T, dir, name string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"), mode); err != nil {
		t.Fatal(err)
	}
	return p
}
