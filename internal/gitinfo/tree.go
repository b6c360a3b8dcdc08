package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxLinks is how many symbolic links resolving one name may follow.
const maxLinks = 8

// Tree is the files of one commit, read from git objects without touching
// the work tree, the index or any file under .git. It is an fs.FS rooted at
// the repository top, with slash-separated names, and implements
// fs.ReadFileFS, fs.ReadDirFS and fs.StatFS. Safe for concurrent use.
//
// Regular files have mode 0o444 and directories fs.ModeDir|0o555; every
// modification time is the commit's committer time. A symbolic link is
// resolved within the tree (relative to its folder, through at most 8
// links): to a file, it is that file under the link's name everywhere; to
// a folder, Open, Stat and ReadDir go through it but ReadDir of the parent
// lists it as fs.ModeSymlink, so walks do not follow it (as with
// os.DirFS). A link to a missing name or out of the tree does not exist.
// Submodules are left out.
type Tree struct {
	commit string
	time   time.Time
	nodes  map[string]*node // by slash-separated path; "." is the top
	cat    *catFile
}

// nodeKind tells files, folders and symbolic links apart.
type nodeKind uint8

const (
	fileNode nodeKind = iota
	dirNode
	linkNode
)

// node is one name of the tree.
type node struct {
	path     string // slash-separated, "." for the top
	kind     nodeKind
	oid      string  // blob of a file or link
	size     int64   // of a file
	children []*node // of a folder, sorted by name
	target   string  // of a link: its text
	res      *node   // of a link: the file or folder it resolves to, or nil
}

// OpenTree lists the files of commit in the repository containing dir.
// commit is a commit hash or any name ResolveRef accepts. Blobs are read
// later, when asked for, by one git cat-file process started with ctx:
// the Tree stops working when ctx ends. Close ends the process.
func OpenTree(ctx context.Context, dir, commit string) (*Tree, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open git tree %s in %s: %w", commit, dir, err)
	}
	g := runner{dir: abs, env: gitEnv()}
	hash, err := resolveRef(ctx, g, commit)
	if err != nil {
		return nil, fmt.Errorf("open git tree: %w", err)
	}
	out, err := g.run(ctx, "ls-tree", "-r", "-z", "--long", "--full-tree", hash)
	if err != nil {
		return nil, fmt.Errorf("open git tree %s: %w", commit, err)
	}
	t := &Tree{commit: hash, nodes: map[string]*node{".": {path: ".", kind: dirNode}}, cat: &catFile{ctx: ctx, g: g}}
	if err := t.list(out); err != nil {
		return nil, fmt.Errorf("open git tree %s: %w", commit, err)
	}
	if err := t.readCommit(); err != nil {
		t.Close()
		return nil, fmt.Errorf("open git tree %s: %w", commit, err)
	}
	if err := t.resolveLinks(); err != nil {
		t.Close()
		return nil, fmt.Errorf("open git tree %s: %w", commit, err)
	}
	return t, nil
}

// list adds the entries of git ls-tree -r -z --long output:
// "<mode> <type> <oid> <size>\t<path>", NUL-terminated.
func (t *Tree) list(out []byte) error {
	for len(out) > 0 {
		var rec []byte
		rec, out, _ = bytes.Cut(out, []byte{0})
		meta, name, ok := bytes.Cut(rec, []byte{'\t'})
		f := strings.Fields(string(meta))
		if !ok || len(f) != 4 {
			return fmt.Errorf("read git ls-tree: bad entry %q", rec)
		}
		mode, err := strconv.ParseUint(f[0], 8, 32)
		if err != nil {
			return fmt.Errorf("read git ls-tree: bad mode in %q", rec)
		}
		p := string(name)
		if !fs.ValidPath(p) || p == "." {
			continue // git never stores such names; a crafted tree might
		}
		n := &node{path: p, oid: f[2]}
		switch mode & 0o170000 {
		case 0o100000:
			n.kind = fileNode
			if n.size, err = strconv.ParseInt(f[3], 10, 64); err != nil {
				return fmt.Errorf("read git ls-tree: bad size in %q", rec)
			}
		case 0o120000:
			n.kind = linkNode
		default:
			continue // submodule
		}
		t.add(n)
	}
	for _, n := range t.nodes {
		slices.SortFunc(n.children, func(a, b *node) int { return strings.Compare(a.path, b.path) })
	}
	return nil
}

// add puts n in the tree, with the folders its path implies. A name that
// would be both a file and a folder (only a crafted tree has one) keeps
// the first.
func (t *Tree) add(n *node) {
	if _, dup := t.nodes[n.path]; dup {
		return
	}
	dir := path.Dir(n.path)
	parent := t.nodes[dir]
	if parent == nil {
		parent = &node{path: dir, kind: dirNode}
		t.add(parent)
		if t.nodes[dir] != parent {
			return
		}
	}
	if parent.kind != dirNode {
		return
	}
	t.nodes[n.path] = n
	parent.children = append(parent.children, n)
}

// readCommit reads the committer time of the commit.
func (t *Tree) readCommit() error {
	typ, data, err := t.cat.read(t.commit)
	if err != nil {
		return err
	}
	if typ != "commit" {
		return fmt.Errorf("object %s is a %s, not a commit", t.commit, typ)
	}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimRight(line, "\n")
		if line == "" {
			break
		}
		if rest, ok := strings.CutPrefix(line, "committer "); ok {
			// "Name <email> <unix seconds> <±hhmm>"
			f := strings.Fields(rest[strings.LastIndexByte(rest, '>')+1:])
			if len(f) != 2 {
				break
			}
			t.time, err = parseDate(f[0] + " " + f[1])
			return err
		}
	}
	return fmt.Errorf("commit %s has no committer line", t.commit)
}

// resolveLinks reads the text of every symbolic link and finds what each
// resolves to.
func (t *Tree) resolveLinks() error {
	var links []*node
	for _, n := range t.nodes {
		if n.kind == linkNode {
			links = append(links, n)
		}
	}
	for _, n := range links {
		_, data, err := t.cat.read(n.oid)
		if err != nil {
			return fmt.Errorf("read link %s: %w", n.path, err)
		}
		n.target = string(data)
	}
	for _, n := range links {
		n.res = t.follow(n.path)
	}
	return nil
}

// follow resolves name, a slash-separated path, following every symbolic
// link on the way as the system would, but never out of the tree and
// through at most maxLinks links. It returns nil when name resolves to
// nothing.
func (t *Tree) follow(name string) *node {
	todo := strings.Split(name, "/")
	cur := "."
	for hops := 0; len(todo) > 0; {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if cur == "." {
				return nil // out of the tree
			}
			cur = path.Dir(cur)
			continue
		}
		n := t.nodes[path.Join(cur, c)]
		switch {
		case n == nil:
			return nil
		case n.kind == linkNode:
			if hops++; hops > maxLinks || strings.HasPrefix(n.target, "/") {
				return nil
			}
			todo = append(strings.Split(n.target, "/"), todo...)
		case n.kind == fileNode && len(todo) > 0:
			return nil // a file is no folder
		default:
			cur = n.path
		}
	}
	return t.nodes[cur]
}

// lookup finds the file or folder name stands for, through links.
func (t *Tree) lookup(op, name string) (*node, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if n := t.nodes[name]; n != nil && n.kind != linkNode {
		return n, nil // the common case: no link on the way
	}
	cur := t.nodes["."]
	if name == "." {
		return cur, nil
	}
	for c := range strings.SplitSeq(name, "/") {
		if cur.kind != dirNode {
			return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
		}
		n := t.nodes[path.Join(cur.path, c)]
		if n != nil && n.kind == linkNode {
			n = n.res
		}
		if n == nil {
			return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
		}
		cur = n
	}
	return cur, nil
}

// Commit returns the full hash of the tree's commit.
func (t *Tree) Commit() string { return t.commit }

// Time returns the committer time of the tree's commit, in the committer's
// time zone.
func (t *Tree) Time() time.Time { return t.time }

// Open opens the named file or folder for reading.
func (t *Tree) Open(name string) (fs.File, error) {
	n, err := t.lookup("open", name)
	if err != nil {
		return nil, err
	}
	if n.kind == dirNode {
		return &dirFile{t: t, name: name, n: n, entries: t.entries(n)}, nil
	}
	return &blobFile{t: t, name: name, n: n}, nil
}

// ReadFile returns the content of the named file.
func (t *Tree) ReadFile(name string) ([]byte, error) {
	n, err := t.lookup("read", name)
	if err != nil {
		return nil, err
	}
	if n.kind == dirNode {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	return t.readBlob(name, n)
}

// ReadDir returns the entries of the named folder, sorted by name.
func (t *Tree) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := t.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	if n.kind != dirNode {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errNotDir}
	}
	return t.entries(n), nil
}

// Stat describes the named file or folder.
func (t *Tree) Stat(name string) (fs.FileInfo, error) {
	n, err := t.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return t.info(path.Base(name), n), nil
}

// Close ends the git process reading blobs. Reads fail afterwards.
func (t *Tree) Close() error {
	return t.cat.close()
}

var (
	errIsDir  = errors.New("is a directory")
	errNotDir = errors.New("not a directory")
)

// readBlob reads the content of file n, opened as name.
func (t *Tree) readBlob(name string, n *node) ([]byte, error) {
	typ, data, err := t.cat.read(n.oid)
	if err == nil && typ != "blob" {
		err = fmt.Errorf("object %s is a %s, not a blob", n.oid, typ)
	}
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

// info describes node n under the given name.
func (t *Tree) info(name string, n *node) fs.FileInfo {
	if n.kind == dirNode {
		return &fileInfo{name: name, mode: fs.ModeDir | 0o555, time: t.time}
	}
	return &fileInfo{name: name, size: n.size, mode: 0o444, time: t.time}
}

// entries lists folder n: links to files as those files, links to
// folders as links, broken links not at all.
func (t *Tree) entries(n *node) []fs.DirEntry {
	list := make([]fs.DirEntry, 0, len(n.children))
	for _, c := range n.children {
		name := path.Base(c.path)
		switch {
		case c.kind != linkNode:
			list = append(list, fs.FileInfoToDirEntry(t.info(name, c)))
		case c.res == nil:
		case c.res.kind == fileNode:
			list = append(list, fs.FileInfoToDirEntry(t.info(name, c.res)))
		default:
			fi := &fileInfo{name: name, size: int64(len(c.target)), mode: fs.ModeSymlink | 0o777, time: t.time}
			list = append(list, fs.FileInfoToDirEntry(fi))
		}
	}
	return list
}

// fileInfo is the fs.FileInfo of a Tree's names.
type fileInfo struct {
	name string
	size int64
	mode fs.FileMode
	time time.Time
}

func (fi *fileInfo) Name() string       { return fi.name }
func (fi *fileInfo) Size() int64        { return fi.size }
func (fi *fileInfo) Mode() fs.FileMode  { return fi.mode }
func (fi *fileInfo) ModTime() time.Time { return fi.time }
func (fi *fileInfo) IsDir() bool        { return fi.mode.IsDir() }
func (fi *fileInfo) Sys() any           { return nil }

// blobFile is an open file of a Tree. Its content is read on first use.
type blobFile struct {
	t      *Tree
	name   string
	n      *node
	r      *bytes.Reader
	closed bool
}

func (f *blobFile) Stat() (fs.FileInfo, error) {
	if f.closed {
		return nil, &fs.PathError{Op: "stat", Path: f.name, Err: fs.ErrClosed}
	}
	return f.t.info(path.Base(f.name), f.n), nil
}

// load reads the content the first time it is needed.
func (f *blobFile) load(op string) error {
	if f.closed {
		return &fs.PathError{Op: op, Path: f.name, Err: fs.ErrClosed}
	}
	if f.r == nil {
		data, err := f.t.readBlob(f.name, f.n)
		if err != nil {
			return err
		}
		f.r = bytes.NewReader(data)
	}
	return nil
}

func (f *blobFile) Read(p []byte) (int, error) {
	if err := f.load("read"); err != nil {
		return 0, err
	}
	return f.r.Read(p)
}

func (f *blobFile) ReadAt(p []byte, off int64) (int, error) {
	if err := f.load("read"); err != nil {
		return 0, err
	}
	return f.r.ReadAt(p, off)
}

func (f *blobFile) Seek(off int64, whence int) (int64, error) {
	if err := f.load("seek"); err != nil {
		return 0, err
	}
	return f.r.Seek(off, whence)
}

func (f *blobFile) Close() error {
	if f.closed {
		return &fs.PathError{Op: "close", Path: f.name, Err: fs.ErrClosed}
	}
	f.closed, f.r = true, nil
	return nil
}

// dirFile is an open folder of a Tree.
type dirFile struct {
	t       *Tree
	name    string
	n       *node
	entries []fs.DirEntry // not yet returned by ReadDir
	closed  bool
}

func (d *dirFile) Stat() (fs.FileInfo, error) {
	if d.closed {
		return nil, &fs.PathError{Op: "stat", Path: d.name, Err: fs.ErrClosed}
	}
	return d.t.info(path.Base(d.name), d.n), nil
}

func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errIsDir}
}

// ReadDir returns the next n entries, or all the rest when n <= 0.
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.closed {
		return nil, &fs.PathError{Op: "readdir", Path: d.name, Err: fs.ErrClosed}
	}
	if n <= 0 || n > len(d.entries) {
		if n > 0 && len(d.entries) == 0 {
			return nil, io.EOF
		}
		n = len(d.entries)
	}
	list := d.entries[:n:n]
	d.entries = d.entries[n:]
	return list, nil
}

func (d *dirFile) Close() error {
	if d.closed {
		return &fs.PathError{Op: "close", Path: d.name, Err: fs.ErrClosed}
	}
	d.closed, d.entries = true, nil
	return nil
}
