package watch

import "strings"

// outputMarker is the file a build writes into its output folder; a folder
// holding it is never watched.
const outputMarker = ".handbook-output"

// ignoredName reports whether a file or folder with this base name is never
// watched nor reported; the list is in the package documentation.
func ignoredName(name string) bool {
	switch name {
	case ".git", "node_modules", ".handbook", ".DS_Store", "4913":
		return true
	}
	switch {
	case strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, ".#"),
		len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#',
		strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	return vimSwap(name)
}

// vimSwap reports whether name is a vim swap file: ".name.swp", and on
// collisions ".name.swo", ".name.swn" and so on down to ".name.swa", or
// ".name.swx" from vim's write test.
func vimSwap(name string) bool {
	if len(name) < len("..swp") || name[0] != '.' {
		return false
	}
	ext := name[len(name)-4:]
	return ext[:3] == ".sw" && ext[3] >= 'a' && ext[3] <= 'x'
}

// ignoredPath reports whether any element of the slash-separated relative
// path rel is an ignored name.
func ignoredPath(rel string) bool {
	for elem := range strings.SplitSeq(rel, "/") {
		if ignoredName(elem) {
			return true
		}
	}
	return false
}
