package feedback

import "errors"

var (
	// ErrNotFound is returned by Store.Amend when there is no entry to
	// amend.
	ErrNotFound = errors.New("feedback not found")
	// ErrUnavailable wraps errors of a store that cannot be reached, such
	// as a database server that is down: the server answers 503 and the
	// client may try again.
	ErrUnavailable = errors.New("feedback store unavailable")
	// ErrClosed is returned by a store that was closed.
	ErrClosed = errors.New("feedback store closed")
)
