package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/handbookhq/handbook/docs"
	"github.com/handbookhq/handbook/internal/server"
)

func runServe(ctx context.Context, e *env, args []string) error {
	flags := newFlags("serve", "[SOURCE]", "Build the handbook in SOURCE (default \".\") and serve it.", e.stderr)
	addr := flags.String("addr", "127.0.0.1:4000", "`address` to listen on (port 0 picks a free port)")
	var bf buildFlags
	bf.register(flags)
	pos, err := parse(flags, args, 1)
	if err != nil {
		return err
	}
	source, fsys := ".", fs.FS(nil)
	switch {
	case len(pos) == 1:
		source = pos[0]
	case !isHandbook(source) && bf.config == "":
		// Outside a handbook, show the documentation built into the binary.
		fmt.Fprintln(e.stderr, "no SUMMARY.md or .gitbook.yaml here: serving handbook's own documentation (give a SOURCE folder to serve yours)")
		source, fsys = "(built-in documentation)", docs.FS
	}
	tmp, err := os.MkdirTemp("", "handbook-serve-")
	if err != nil {
		return fmt.Errorf("make output folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	out := tmp + "/site"
	res, err := build(ctx, e, source, fsys, out, bf)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	site := server.NewSite(out, res.Redirects, res.URLs)
	site.Pages, site.Title, site.Version = res.Listing, res.Title, Version
	srv := &http.Server{
		Handler:           server.New(site, e.log),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Fprintf(e.stdout, "serving %d pages at http://%s/\n", res.Pages, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
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
