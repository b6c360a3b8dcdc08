package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Commit swaps the new output into place and removes the previous one.
// On Linux an existing output is exchanged with the new one in a single
// renameat2(RENAME_EXCHANGE); elsewhere, or when the file system does not
// support it, the old output is renamed away, the new one renamed in, and
// the old one removed. Afterwards the output directory holds the new site;
// an error from removing the previous tree is returned, but the new site
// stays published.
func (d *Dir) Commit() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done || d.edit {
		return fmt.Errorf("commit %s: %w", d.out, ErrDone)
	}
	d.done = true
	_ = d.root.Close()
	fail := func(err error) error {
		_ = os.RemoveAll(d.tmp)
		return err
	}
	// MkdirTemp made the directory private to us; published sites are
	// readable by everyone, as a directory made with Mkdir would be.
	if err := os.Chmod(d.tmp, 0o755); err != nil {
		return fail(fmt.Errorf("commit %s: %w", d.out, err))
	}
	// The output may have changed since Begin.
	if err := checkReplaceable(d.out); err != nil {
		return fail(err)
	}
	if _, err := os.Lstat(d.out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(d.tmp, d.out); err != nil {
			return fail(fmt.Errorf("commit %s: %w", d.out, err))
		}
		return nil
	}
	old, err := swap(d.tmp, d.out)
	if err != nil {
		return fail(fmt.Errorf("commit %s: %w", d.out, err))
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("commit %s: published, but remove previous output %s: %w", d.out, old, err)
	}
	return nil
}

// swap puts the directory tmp in place of the existing directory out and
// returns where the previous out now is.
func swap(tmp, out string) (string, error) {
	if err := exchange(tmp, out); err == nil {
		return tmp, nil
	}
	return swapByRename(tmp, out)
}

// swapByRename renames out away, renames tmp to out, and puts out back if
// the second rename fails. It returns the new name of the previous out.
func swapByRename(tmp, out string) (string, error) {
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return "", fmt.Errorf("%w (and restore previous output from %s: %v)", err, old, rerr)
		}
		return "", err
	}
	return old, nil
}

// resolveOut makes out absolute, follows a symbolic link at out, and
// refuses the file system root and the user's home directory.
func resolveOut(out string) (string, error) {
	if out == "" {
		return "", errors.New("no output directory: choose an empty --out directory")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", fmt.Errorf("output %s: %w", out, err)
	}
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if abs, err = filepath.EvalSymlinks(abs); err != nil {
			return "", fmt.Errorf("output %s: %w", out, err)
		}
	}
	if err := refuseDangerous(abs); err != nil {
		return "", err
	}
	return abs, nil
}

// refuseDangerous refuses output directories that no build may replace.
func refuseDangerous(abs string) error {
	if filepath.Dir(abs) == abs {
		return fmt.Errorf("refuse to write output to %s, the root of the file system: choose an empty --out directory", abs)
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return nil
	}
	if sameDir(abs, home) {
		return fmt.Errorf("refuse to write output to %s, the home directory: choose an empty --out directory", abs)
	}
	return nil
}

// sameDir reports whether a and b name the same directory, by name or,
// when both exist, by identity.
func sameDir(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// checkReplaceable reports whether the output directory out may be
// replaced: it is absent, an empty directory or a directory with a Marker.
func checkReplaceable(out string) error {
	fi, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output %s: %w", out, err)
	case !fi.IsDir():
		return fmt.Errorf("output %s exists and is not a directory: choose an empty --out directory or remove %s", out, out)
	}
	if m, err := os.Lstat(filepath.Join(out, Marker)); err == nil && m.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(out)
	if err != nil {
		return fmt.Errorf("output %s: %w", out, err)
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); errors.Is(err, io.EOF) {
		return nil
	}
	return fmt.Errorf("output %s is not empty and is not a previous handbook output (no %s file): "+
		"choose an empty --out directory or remove %s", out, Marker, out)
}

// copyFile copies the file src to name inside root, creating name.
func copyFile(root *os.Root, src, name string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = root.Remove(name)
	}
	return err
}
