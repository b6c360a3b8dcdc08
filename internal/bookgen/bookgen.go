package bookgen

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Options describes the book to generate.
type Options struct {
	Pages       int   // total pages, README.md included (>= 1)
	Seed        int64 // the same seed gives the same book
	Groups      int   // number of "##" groups; 0 means max(1, Pages/500) capped at 12
	Depth       int   // maximum nesting depth of SUMMARY.md lists; 0 means 4
	ImagesEvery int   // one image reference every N pages; 0 means 5, negative means none
}

// withDefaults returns o with zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.Groups <= 0 {
		o.Groups = min(max(1, o.Pages/500), 12)
	}
	if o.Depth <= 0 {
		o.Depth = 4
	}
	if o.ImagesEvery == 0 {
		o.ImagesEvery = 5
	}
	return o
}

// Generate writes a complete GitBook Git Sync book into dir, which must be
// empty or absent: .gitbook.yaml, README.md, SUMMARY.md, the pages in
// folders, and images under .gitbook/assets. No git repository is created.
func Generate(dir string, o Options) error {
	if o.Pages < 1 {
		return fmt.Errorf("generate book: %d pages, want at least 1", o.Pages)
	}
	o = o.withDefaults()
	if err := checkEmpty(dir); err != nil {
		return err
	}
	b := plan(o)

	dirs := map[string]bool{".": true}
	for _, pg := range b.pages {
		dirs[path.Dir(pg.file)] = true
	}
	if len(b.assets) > 0 {
		dirs[".gitbook/assets"] = true
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return fmt.Errorf("generate book: %w", err)
		}
	}

	var eg errgroup.Group
	eg.SetLimit(runtime.GOMAXPROCS(0))
	write := func(name string, data []byte) error {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			return fmt.Errorf("generate book: %w", err)
		}
		return nil
	}
	eg.Go(func() error { return write(".gitbook.yaml", gitbookYAML(b)) })
	eg.Go(func() error { return write("SUMMARY.md", summary(b)) })
	const assetWorkers = 2
	for k := range assetWorkers {
		eg.Go(func() error {
			enc := png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &onePool{}}
			for i := k; i < len(b.assets); i += assetWorkers {
				if err := write(".gitbook/assets/"+b.assets[i], pngImage(&enc, o.Seed, i)); err != nil {
					return err
				}
			}
			return nil
		})
	}
	for _, pg := range b.pages {
		eg.Go(func() error { return write(pg.file, renderPage(b, o, pg)) })
	}
	return eg.Wait()
}

// checkEmpty refuses a dir that exists and is not an empty directory.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("generate book in %s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("generate book in %s: directory is not empty", dir)
	}
	return nil
}

// gitbookYAML returns the book's .gitbook.yaml.
func gitbookYAML(b *book) []byte {
	var w bytes.Buffer
	w.WriteString("root: ./\n\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\n")
	if len(b.redirects) > 0 {
		w.WriteString("\nredirects:\n")
		for _, r := range b.redirects {
			fmt.Fprintf(&w, "  %s: %s\n", r[0], r[1])
		}
	}
	return w.Bytes()
}

// summary returns the book's SUMMARY.md.
func summary(b *book) []byte {
	var w bytes.Buffer
	w.WriteString("# Table of contents\n\n")
	summaryItem(&w, b.pages[0])
	for _, g := range b.groups {
		fmt.Fprintf(&w, "\n## %s", g.title)
		if g.anchor {
			fmt.Fprintf(&w, ` <a href="#%s" id="%s"></a>`, g.slug, g.slug)
		}
		w.WriteString("\n\n")
		for _, pg := range g.top {
			summaryTree(&w, pg)
		}
	}
	return w.Bytes()
}

func summaryTree(w *bytes.Buffer, pg *page) {
	summaryItem(w, pg)
	for _, c := range pg.children {
		summaryTree(w, c)
	}
}

// summaryItem writes one SUMMARY.md entry, escaping parentheses in the
// title as GitBook's exports do.
func summaryItem(w *bytes.Buffer, pg *page) {
	title := strings.NewReplacer("(", `\(`, ")", `\)`).Replace(pg.title)
	target := pg.file
	if pg.rootRel {
		target = "/" + target
	}
	w.WriteString(strings.Repeat("  ", max(pg.depth-1, 0)))
	fmt.Fprintf(w, "* [%s](%s", title, target)
	if pg.short != "" {
		fmt.Fprintf(w, " %q", pg.short)
	}
	w.WriteString(")\n")
}

// onePool is a png.EncoderBufferPool for one goroutine: it keeps the
// encoder's buffers (its zlib writer above all) from one image to the next.
type onePool struct{ b *png.EncoderBuffer }

func (p *onePool) Get() *png.EncoderBuffer  { return p.b }
func (p *onePool) Put(b *png.EncoderBuffer) { p.b = b }

// pngImage returns a small valid PNG, different for each i.
func pngImage(enc *png.Encoder, seed int64, i int) []byte {
	r := newRand(seed, 1<<40+uint64(i))
	w, h := between(r, 8, 48), between(r, 8, 32)
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	bg := color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
	fg := color.NRGBA{255 - bg.R, 255 - bg.G, 255 - bg.B, 255}
	for y := range h {
		for x := range w {
			if (x/4+y/4)%2 == 0 {
				img.SetNRGBA(x, y, bg)
			} else {
				img.SetNRGBA(x, y, fg)
			}
		}
	}
	var buf bytes.Buffer
	_ = enc.Encode(&buf, img) // writing to a bytes.Buffer cannot fail
	return buf.Bytes()
}
