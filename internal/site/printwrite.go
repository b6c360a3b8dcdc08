package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Write writes the print view into the folder dir, which must exist:
// index.html, the theme's files and every image and file the pages use,
// at the relative paths the document links to. Opened from the folder,
// the document needs nothing else.
func (d *PrintDoc) Write(dir string) error {
	out, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("open print folder: %w", err)
	}
	defer out.Close()
	if err := writeRooted(out, "index.html", d.HTML); err != nil {
		return err
	}
	for _, a := range d.assets {
		if err := writeRooted(out, a.Path, a.Data); err != nil {
			return err
		}
	}
	src, done, err := d.source()
	if err != nil {
		return err
	}
	defer done()
	for _, o := range d.outputs() {
		name := d.b.SourcePath(d.files[o])
		if err := copyFile(src, out, o, name); err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
	}
	return nil
}

// Hash returns a SHA-256 of everything the print view is made of: the
// document, the theme's files and the content of every file it uses. Two
// views with the same hash print the same PDF.
func (d *PrintDoc) Hash() (string, error) {
	h := sha256.New()
	field := func(b []byte) {
		fmt.Fprintf(h, "%d:", len(b))
		h.Write(b)
	}
	field(d.HTML)
	for _, a := range d.assets {
		field([]byte(a.Path))
		field(a.Data)
	}
	src, done, err := d.source()
	if err != nil {
		return "", err
	}
	defer done()
	for _, o := range d.outputs() {
		name := d.b.SourcePath(d.files[o])
		field([]byte(o))
		f, err := src.Open(name)
		if err != nil {
			return "", fmt.Errorf("read %s: %w", name, err)
		}
		n, err := io.Copy(h, f)
		_ = f.Close()
		if err != nil {
			return "", fmt.Errorf("read %s: %w", name, err)
		}
		fmt.Fprintf(h, ":%d;", n)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// outputs returns the output paths of the files the view uses, sorted.
func (d *PrintDoc) outputs() []string {
	outs := make([]string, 0, len(d.files))
	for o := range d.files {
		outs = append(outs, o)
	}
	slices.Sort(outs)
	return outs
}

// source returns the book's files, read-only and confined to its folder,
// and a function to call when done with them.
func (d *PrintDoc) source() (fs.FS, func(), error) {
	if d.b.Source == "" {
		return d.b.FS, func() {}, nil
	}
	root, err := os.OpenRoot(d.b.Source)
	if err != nil {
		return nil, nil, fmt.Errorf("open source: %w", err)
	}
	return root.FS(), func() { _ = root.Close() }, nil
}

// copyFile copies the file name of src to the output path o.
func copyFile(src fs.FS, out *os.Root, o, name string) error {
	in, err := src.Open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := out.MkdirAll(filepath.Dir(filepath.FromSlash(o)), 0o755); err != nil {
		return err
	}
	dst, err := out.Create(filepath.FromSlash(o))
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, in); err != nil {
		_ = dst.Close()
		return err
	}
	return dst.Close()
}

// writeRooted writes data to the path name inside out, making its folders.
func writeRooted(out *os.Root, name string, data []byte) error {
	p := filepath.FromSlash(name)
	if err := out.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := out.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
