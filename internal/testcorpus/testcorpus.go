// Package testcorpus gives tests a clone of the Mattermost handbook, the
// real GitBook repository the project is tested on, made once per test
// process from ../shared/corpus beside the repository.
package testcorpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var corpus struct {
	once sync.Once
	dir  string
	err  string
}

// Dir returns a clone of the Mattermost handbook (branch 0.2.1, with a
// local 0.2.0 branch) made from ../shared/corpus beside the repository,
// shared by the tests of one package and removed when the process ends by
// the temporary folder's owner. Tests that call it are skipped with a
// message when the corpus is absent. Nobody may write into the clone.
func Dir(t testing.TB) string {
	t.Helper()
	corpus.once.Do(func() {
		bundle, ok := findBundle()
		if !ok {
			corpus.err = "corpus absent: ../shared/corpus/mattermost-handbook.bundle not found beside the repository"
			return
		}
		dir, err := os.MkdirTemp("", "handbook-corpus-")
		if err != nil {
			corpus.err = err.Error()
			return
		}
		clone := filepath.Join(dir, "mattermost-handbook")
		for _, args := range [][]string{
			{"clone", "-q", "-b", "0.2.1", bundle, clone},
			{"-C", clone, "branch", "-q", "0.2.0", "origin/0.2.0"},
			{"-C", clone, "remote", "set-url", "origin", "https://github.com/mattermost/mattermost-handbook.git"},
		} {
			if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
				corpus.err = "clone corpus: " + err.Error() + ": " + string(out)
				return
			}
		}
		corpus.dir = clone
	})
	if corpus.dir == "" {
		if corpus.err == "" {
			corpus.err = "corpus unavailable"
		}
		t.Skip(corpus.err)
	}
	return corpus.dir
}

// findBundle looks for ../shared/corpus/mattermost-handbook.bundle beside
// the module root.
func findBundle() (string, bool) {
	root, ok := ModuleRoot()
	if !ok {
		return "", false
	}
	b := filepath.Join(root, "..", "shared", "corpus", "mattermost-handbook.bundle")
	_, err := os.Stat(b)
	return b, err == nil
}

// ModuleRoot returns the folder of the go.mod above the working folder,
// which for a test is its package's folder.
func ModuleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Cleanup removes the clone made by Dir; call it from TestMain
// after the tests ran.
func Cleanup() {
	if corpus.dir != "" {
		_ = os.RemoveAll(filepath.Dir(corpus.dir))
	}
}
