package watch

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// handle records what one fsnotify event changed in p, and keeps the set of
// watched folders up to date. It reports whether the root itself went away.
func (w *Watcher) handle(ev fsnotify.Event, p *pending) (rootGone bool) {
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return false
	}
	rel = filepath.ToSlash(rel)
	gone := ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
	if rel == "." {
		return gone
	}
	if !gone && !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) {
		return false // a mode change alone
	}
	if path.Base(rel) == outputMarker {
		w.markerChanged(path.Dir(rel), p)
		return false
	}
	if gone {
		if _, ok := w.outputs[rel]; ok {
			delete(w.outputs, rel)
			return false
		}
		_, dir := w.dirs[rel]
		if w.ignored(rel, dir) {
			return false
		}
		if dir {
			w.unwatch(rel)
		}
		p.add(rel, false)
		return false
	}
	if ev.Has(fsnotify.Create) {
		fi, err := os.Lstat(ev.Name)
		if err == nil && fi.IsDir() {
			if !w.ignored(rel, true) {
				w.addTree(rel, p)
			}
			return false
		}
		if !w.ignored(rel, false) {
			p.add(rel, true)
		}
		return false
	}
	if !w.ignored(rel, false) {
		p.add(rel, false)
	}
	return false
}

// markerChanged handles the creation or removal of an output marker in dir:
// a folder that holds one is a build's output and is no longer watched.
func (w *Watcher) markerChanged(dir string, p *pending) {
	if dir == "." {
		return
	}
	if _, err := os.Lstat(w.abs(path.Join(dir, outputMarker))); err == nil {
		w.outputs[dir] = struct{}{}
		w.unwatch(dir)
		p.dropUnder(dir)
		return
	}
	if _, ok := w.outputs[dir]; ok {
		delete(w.outputs, dir)
		w.addTree(dir, nil)
	}
}

// ignored reports whether rel is left out: a built-in ignored name, inside
// a build output folder, or ignored by Options.Ignore.
func (w *Watcher) ignored(rel string, dir bool) bool {
	if ignoredPath(rel) {
		return true
	}
	for out := range w.outputs {
		if within(rel, out) {
			return true
		}
	}
	return w.opts.Ignore != nil && w.opts.Ignore(rel, dir)
}

// addTree watches the folder rel and every folder below it that is not
// ignored. With p set, it also records the folder and every file found
// inside as created: they may have been made before the watch was set up.
func (w *Watcher) addTree(rel string, p *pending) {
	_ = filepath.WalkDir(w.abs(rel), func(abs string, d fs.DirEntry, err error) error {
		r, rerr := filepath.Rel(w.root, abs)
		if rerr != nil {
			return nil
		}
		r = filepath.ToSlash(r)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.log.Warn("watch: read folder", "path", abs, "err", err)
			}
			return nil
		}
		if !d.IsDir() {
			if p != nil && r != "." && !w.ignored(r, false) {
				p.add(r, true)
			}
			return nil
		}
		if r != "." && w.ignored(r, true) {
			return fs.SkipDir
		}
		if _, err := os.Lstat(filepath.Join(abs, outputMarker)); err == nil && r != "." {
			w.outputs[r] = struct{}{}
			return fs.SkipDir
		}
		if err := w.fw.Add(abs); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.log.Warn("watch: add folder", "path", abs, "err", err)
			}
			return fs.SkipDir
		}
		w.dirs[r] = struct{}{}
		if p != nil && r != "." {
			p.add(r, true)
		}
		return nil
	})
}

// unwatch stops watching the folder rel and every folder below it. The
// watches of a folder moved away would otherwise report its old paths.
func (w *Watcher) unwatch(rel string) {
	for d := range w.dirs {
		if within(d, rel) {
			delete(w.dirs, d)
			_ = w.fw.Remove(w.abs(d)) // fails when fsnotify already dropped it
		}
	}
}

// rescan watches the whole tree again after events were lost, and forgets
// folders that are gone.
func (w *Watcher) rescan() {
	old := w.dirs
	w.dirs = make(map[string]struct{}, len(old))
	w.addTree(".", nil)
	for d := range old {
		if _, ok := w.dirs[d]; !ok {
			_ = w.fw.Remove(w.abs(d))
		}
	}
}
