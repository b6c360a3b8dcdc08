package publish

import (
	"fmt"
	"os"
)

// Edit opens a published output to change some of its files in place,
// as a server does when one page of a site it serves is rebuilt. Each
// WriteFile and LinkFile replaces its file by a rename, so a reader sees
// the old file or the new one, never a part of either. out must hold a
// Marker: Edit changes only outputs a build made. Close ends the edit;
// Commit and Abort are for new outputs and refuse an edit.
func Edit(out string) (*Dir, error) {
	abs, err := resolveOut(out)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs + string(os.PathSeparator) + Marker); err != nil {
		return nil, fmt.Errorf("edit output %s: not a handbook build: %w", abs, err)
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("edit output %s: %w", abs, err)
	}
	return &Dir{out: abs, tmp: abs, root: root, edit: true}, nil
}

// Close ends an edit begun by Edit: later writes fail with ErrDone.
func (d *Dir) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return nil
	}
	d.done = true
	return d.root.Close()
}
