package pgstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/jackc/pgx/v5/pgconn"
)

// wrap adds op to err, and marks errors of a database that cannot be
// reached as feedback.ErrUnavailable, so that the server answers 503.
func wrap(ctx context.Context, op string, err error) error {
	if ctx.Err() == nil && unreachable(err) {
		return fmt.Errorf("%s: %w: %w", op, feedback.ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// unreachable tells whether err means the server is down, restarting,
// refusing connections or not answering.
func unreachable(err error) bool {
	if errors.Is(err, context.Canceled) {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "57P01", "57P02", "57P03", "53300": // shutdown, crash, starting up, too many connections
			return true
		}
		return strings.HasPrefix(pe.Code, "08") // connection exception
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || pgconn.Timeout(err) || pgconn.SafeToRetry(err) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed)
}
