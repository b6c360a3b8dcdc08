// Command handbook publishes a GitBook-format repository as a handbook
// website. See "handbook -h".
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/handbookhq/handbook/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
