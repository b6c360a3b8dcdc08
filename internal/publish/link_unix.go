//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package publish

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// link makes name, inside root (opened on dir), a hard link to src. The
// link is made relative to a descriptor of name's directory opened through
// root, so symbolic links cannot lead it outside.
func link(root *os.Root, _, src, name string) error {
	parent, err := root.Open(filepath.Dir(name))
	if err != nil {
		return err
	}
	defer parent.Close()
	if err := unix.Linkat(unix.AT_FDCWD, src, int(parent.Fd()), filepath.Base(name), 0); err != nil {
		return &os.LinkError{Op: "link", Old: src, New: name, Err: err}
	}
	return nil
}
