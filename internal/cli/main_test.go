package cli

import (
	"os"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	hbtest.CleanupCorpus()
	os.Exit(code)
}
