package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// atomicFile is a temporary file beside the output that becomes the
// output only when commit succeeds.
type atomicFile struct {
	f     *os.File
	out   string
	n     int64
	pages pageCounter
}

// createAtomic creates the temporary file for out in out's folder.
func createAtomic(out string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("create temporary file for %s: %w", out, err)
	}
	return &atomicFile{f: f, out: out}, nil
}

// Write writes p to the temporary file and counts its pages.
func (a *atomicFile) Write(p []byte) (int, error) {
	n, err := a.f.Write(p)
	a.n += int64(n)
	a.pages.feed(p[:n])
	if err != nil {
		return n, fmt.Errorf("write %s: %w", a.f.Name(), err)
	}
	return n, nil
}

// commit flushes the temporary file to disk and renames it to the output.
func (a *atomicFile) commit() error {
	if err := a.f.Chmod(0o644); err != nil {
		return fmt.Errorf("chmod %s: %w", a.f.Name(), err)
	}
	if err := a.f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", a.f.Name(), err)
	}
	if err := a.f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", a.f.Name(), err)
	}
	if err := os.Rename(a.f.Name(), a.out); err != nil {
		return fmt.Errorf("rename %s to %s: %w", a.f.Name(), a.out, err)
	}
	return nil
}

// discard removes the temporary file; it is a no-op after commit.
func (a *atomicFile) discard() {
	_ = a.f.Close()
	_ = os.Remove(a.f.Name())
}

// pageObject matches the start of a page object's dictionary, and not
// the /Pages tree nodes: the character after /Page must be checked.
var pageObject = regexp.MustCompile(`/Type\s{0,4}/Page[^A-Za-z0-9]`)

// pageCounter counts page objects in a PDF fed in pieces. It keeps the
// end of the previous piece so that a match split across two pieces is
// counted once.
type pageCounter struct {
	tail []byte
	n    int
}

// maxMatch is longer than any match of pageObject.
const maxMatch = 32

// feed counts the page objects that end in p.
func (c *pageCounter) feed(p []byte) {
	buf := append(c.tail, p...)
	for _, m := range pageObject.FindAllIndex(buf, -1) {
		if m[1] > len(c.tail) {
			c.n++
		}
	}
	keep := min(len(buf), maxMatch)
	c.tail = append([]byte(nil), buf[len(buf)-keep:]...)
}
