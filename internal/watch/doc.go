// Package watch reports changes to a handbook's source files, in debounced
// batches, so that `handbook serve` can rebuild as the author edits.
//
// # Basics
//
// [New] watches a folder and every folder below it (fsnotify watches single
// folders, so each folder is added at start and each new folder as it
// appears). [Watcher.Run] gathers events until [Options.Debounce] has passed
// without one, or [Options.MaxWait] since the first, and then calls its
// function with a [Batch]: the changed paths, relative to the root,
// slash-separated, sorted and each named once. The function is never called
// concurrently; events that arrive while it runs go to the next batch.
//
// A path in a batch may be a file or a folder. A folder that appears (made
// with files already inside, or moved in) is named together with every file
// found inside it. A folder that disappears is named alone: its files are
// gone with it, and the caller should treat the name as "everything below".
// A path may name something that no longer exists; the caller checks.
//
// A file that appears and disappears again within one batch is left out:
// this is how editors' atomic saves (write "x.md.tmp", rename it over
// "x.md"; or rename "x.md" to "x.md~", write a new "x.md", remove "x.md~")
// come out as one batch naming only "x.md".
//
// When the kernel's event queue overflows, events are lost: the batch then
// has [Batch.Overflow] set and no paths, and the caller rebuilds everything.
//
// # Ignored paths
//
// These are never watched nor reported, besides what [Options.Ignore] adds:
//
//   - folders (or files) named .git, node_modules or .handbook (the data
//     folder: feedback database, PDF cache), and all below them; .gitbook is
//     watched
//   - any folder holding a file named .handbook-output (a build's output), and
//     all below it
//   - editor scratch files: vim swap files (".name.swp", ".name.swo", ...,
//     ".name.swx") and its write test file "4913", backups ending in "~",
//     emacs lock and autosave files (".#name", "#name#"), JetBrains safe-write
//     files (ending in "___jb_tmp___" or "___jb_old___") and macOS's
//     ".DS_Store"
//
// # Caveats
//
// Changing a file's mode alone (chmod, touch on some systems) is not a
// change. Symbolic links are reported as files and never followed. Errors
// from fsnotify are logged and watching goes on; only the disappearance of
// the root ends [Watcher.Run] with an error.
package watch
