// Command genbook writes a synthetic GitBook book for benchmarks and scale
// tests:
//
//	go run ./bench/genbook -pages 10000 -seed 1 -out /tmp/book
//
// The output directory must be empty or absent. The same flags always give
// the same book.
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/handbookhq/handbook/internal/bookgen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run parses args, generates the book and reports on stderr. It returns
// the exit code: 0 on success, 1 on failure, 2 on bad usage.
func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("genbook", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o bookgen.Options
	fl.IntVar(&o.Pages, "pages", 1000, "number of pages, README.md included")
	fl.Int64Var(&o.Seed, "seed", 1, "random seed: the same seed gives the same book")
	fl.IntVar(&o.Groups, "groups", 0, `number of "##" groups in SUMMARY.md (0: pages/500, 1 to 12)`)
	fl.IntVar(&o.Depth, "depth", 0, "maximum nesting depth of the table of contents (0: 4)")
	fl.IntVar(&o.ImagesEvery, "images-every", 0, "one image every N pages (0: 5, negative: none)")
	out := fl.String("out", "", "output directory (empty or absent)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: genbook -pages N -seed S -out DIR")
		fl.PrintDefaults()
		return 2
	}
	start := time.Now()
	if err := bookgen.Generate(*out, o); err != nil {
		fmt.Fprintf(stderr, "genbook: %v\n", err)
		return 1
	}
	elapsed := time.Since(start)
	var files, bytes int64
	_ = filepath.WalkDir(*out, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				files++
				bytes += fi.Size()
			}
		}
		return nil
	})
	fmt.Fprintf(stderr, "genbook: %d pages, %d files, %.1f MB in %s, written in %s\n",
		o.Pages, files, float64(bytes)/1e6, *out, elapsed.Round(time.Millisecond))
	return 0
}
