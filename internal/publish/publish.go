package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// Marker is the name of the file, at the top of every output, that tells a
// later build it may replace the directory.
const Marker = ".handbook-output"

const markerText = "This directory is the output of a handbook build.\n" +
	"The next build replaces it whole: do not keep other files in it.\n"

// ErrDone is returned by writes and by Commit once a Dir was committed or
// aborted.
var ErrDone = errors.New("publish: output already committed or aborted")

// Dir is an output being written: a temporary sibling directory of the final
// output directory, swapped in by Commit.
type Dir struct {
	out  string   // final output directory, absolute, symbolic links resolved
	tmp  string   // the temporary directory written to
	root *os.Root // opened on tmp

	mu   sync.RWMutex // writes hold it shared, Commit and Abort exclusive
	done bool         // committed or aborted
	seq  atomic.Uint64
	dirs sync.Map // directories already made, so each is made once
	edit bool     // opened by Edit: the published output itself
}

// Begin creates a temporary directory next to out (same parent, named like
// ".out.tmp-1234") for a new build. It refuses the file system root, the
// user's home directory, a path that is not a directory and a non-empty
// directory without a Marker, saying what to do instead. When out is a
// symbolic link, its target is the output.
func Begin(out string) (*Dir, error) {
	abs, err := resolveOut(out)
	if err != nil {
		return nil, err
	}
	if err := checkReplaceable(abs); err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("begin output %s: %w", abs, err)
	}
	root, err := os.OpenRoot(tmp)
	if err == nil {
		err = root.WriteFile(Marker, []byte(markerText), 0o644)
	}
	if err != nil {
		if root != nil {
			_ = root.Close()
		}
		_ = os.RemoveAll(tmp)
		return nil, fmt.Errorf("begin output %s: %w", abs, err)
	}
	return &Dir{out: abs, tmp: tmp, root: root}, nil
}

// Path returns the temporary directory being written. It is valid until
// Commit or Abort.
func (d *Dir) Path() string { return d.tmp }

// Out returns the final output directory (absolute, symbolic links
// resolved).
func (d *Dir) Out() string { return d.out }

// WriteFile writes data at the slash-separated relative path rel, creating
// parent directories. rel must stay inside the output: "..", absolute paths
// and symbolic links leading out are refused. An existing file at rel is
// replaced. Safe for concurrent use.
func (d *Dir) WriteFile(rel string, data []byte) error {
	return d.place("write", rel, func(name string) error {
		f, err := d.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = d.root.Remove(name)
		}
		return err
	})
}

// LinkFile makes rel a hard link to the file src, an absolute path the
// caller has already confined to the source repository, and falls back to a
// copy when linking fails (another device, a file system without links).
// rel is checked as by WriteFile. Safe for concurrent use.
func (d *Dir) LinkFile(rel, src string) error {
	return d.place("link", rel, func(name string) error {
		err := link(d.root, d.tmp, src, name)
		if err == nil || errors.Is(err, fs.ErrExist) || errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return copyFile(d.root, src, name)
	})
}

// place creates the file rel with create, after making its directory.
// When rel exists, create makes a temporary name that is then renamed over
// rel, so that an existing file (perhaps a hard link into the source) is
// never written through.
func (d *Dir) place(op, rel string, create func(name string) error) error {
	if !validRel(rel) {
		return fmt.Errorf("%s %q: invalid path: want a slash-separated path inside the output", op, rel)
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.done {
		return fmt.Errorf("%s %s: %w", op, rel, ErrDone)
	}
	name := filepath.FromSlash(rel)
	if dir := path.Dir(rel); dir != "." {
		if _, made := d.dirs.Load(dir); !made {
			if err := d.root.MkdirAll(filepath.FromSlash(dir), 0o755); err != nil {
				return fmt.Errorf("%s %s: %w", op, rel, err)
			}
			d.dirs.Store(dir, true)
		}
	}
	err := create(name)
	if errors.Is(err, fs.ErrExist) {
		tmp := filepath.Join(filepath.Dir(name), fmt.Sprintf(".publish-%d.tmp", d.seq.Add(1)))
		if err = create(tmp); err == nil {
			err = d.root.Rename(tmp, name)
			// Renaming a hard link onto another link to the same file
			// succeeds and does nothing (POSIX), so tmp may remain.
			_ = d.root.Remove(tmp)
		}
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", op, rel, err)
	}
	return nil
}

// validRel reports whether rel is a usable output path: slash-separated,
// relative, without "." or ".." elements, and local on this system.
func validRel(rel string) bool {
	return rel != "." && fs.ValidPath(rel) && filepath.IsLocal(filepath.FromSlash(rel))
}

// Abort removes the temporary directory; the previous output stays as it
// was. It is a no-op after Commit or a previous Abort.
func (d *Dir) Abort() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done || d.edit {
		return nil
	}
	d.done = true
	_ = d.root.Close()
	if err := os.RemoveAll(d.tmp); err != nil {
		return fmt.Errorf("abort output %s: %w", d.out, err)
	}
	return nil
}
