//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package publish

import (
	"os"
	"path/filepath"
)

// link makes name, inside root (opened on dir), a hard link to src. Without
// linkat the path is joined; the directory is private to the build and
// holds no symbolic links, since Dir never makes any.
func link(_ *os.Root, dir, src, name string) error {
	return os.Link(src, filepath.Join(dir, name))
}
