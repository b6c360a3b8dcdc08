package hbtest

import (
	"testing"

	"github.com/handbookhq/handbook/internal/testcorpus"
)

// Corpus returns a clone of the Mattermost handbook, or skips the test:
// see testcorpus.Dir.
func Corpus(t testing.TB) string { return testcorpus.Dir(t) }

// CleanupCorpus removes the clone; call it from TestMain.
func CleanupCorpus() { testcorpus.Cleanup() }
