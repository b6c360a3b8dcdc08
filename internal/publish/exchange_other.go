//go:build !linux

package publish

import "errors"

// exchange is not available outside Linux; Commit renames instead.
func exchange(a, b string) error {
	return errors.ErrUnsupported
}
