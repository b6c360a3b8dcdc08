// Package storetest is the conformance suite every feedback.Store passes.
package storetest

import (
	"testing"

	"github.com/handbookhq/handbook/internal/feedback"
)

// Run runs the suite; open returns a new, empty store for each subtest.
func Run(t *testing.T, open func(t *testing.T) feedback.Store) {
	t.Helper()
}
