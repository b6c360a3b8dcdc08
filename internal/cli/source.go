package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/handbookhq/handbook/docs"
)

// builtInSource names the documentation built into the binary.
const builtInSource = "(built-in documentation)"

// chooseSource returns the handbook a command works on: the SOURCE
// argument, else the current folder when it is a handbook, else the
// documentation built into the binary (fsys not nil), saying so on w
// with what, such as "serving".
func chooseSource(pos []string, config string, w io.Writer, what string) (source string, fsys fs.FS) {
	switch {
	case len(pos) == 1:
		return pos[0], nil
	case !isHandbook(".") && config == "":
		fmt.Fprintf(w, "no SUMMARY.md or .gitbook.yaml here: %s handbook's own documentation (give a SOURCE folder for yours)\n", what)
		return builtInSource, docs.FS
	}
	return ".", nil
}

// isHandbook reports whether dir looks like a GitBook repository.
func isHandbook(dir string) bool {
	for _, name := range []string{"SUMMARY.md", ".gitbook.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}
