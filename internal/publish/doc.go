// Package publish writes a build's output without ever leaving a half
// written site behind, and without writing outside the output directory.
//
// # Basics
//
// Begin creates a temporary directory beside the output directory (same
// parent, so the same file system). The build writes into it with WriteFile
// and LinkFile, from any number of goroutines. Commit swaps it into place in
// one step and removes the previous output; Abort removes it and leaves the
// previous output as it was.
//
//	d, err := publish.Begin(out)
//	if err != nil { ... }
//	defer d.Abort() // no-op after Commit
//	... d.WriteFile("guide/index.html", html) ...
//	return d.Commit()
//
// # Confinement
//
// Every write goes through an os.Root opened on the temporary directory:
// paths are slash-separated and relative, "..", absolute paths and symbolic
// links leading outside are refused. A file already present is replaced by
// a rename, never rewritten in place, so a hard link made by LinkFile can
// never carry a write back into the source repository.
//
// # Marker
//
// Each output holds a Marker file. Begin replaces an existing output
// directory only when it is empty or holds that marker, so that a mistyped
// --out never wipes an unrelated directory. The file system root and the
// user's home directory are always refused.
//
// # Caveats
//
// A build killed before Commit or Abort leaves its ".NAME.tmp-*" directory
// beside the output; it is never reused or removed by later builds, which
// may be running at the same time. Nothing is fsynced: the swap is atomic
// against readers and crashes of this process, not against power loss.
package publish
