package pgstore

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

// cluster runs scripts/postgres.sh on its own folder and port.
type cluster struct {
	t         *testing.T
	dir, port string
}

func (c *cluster) run(args ...string) string {
	c.t.Helper()
	script, err := filepath.Abs("../../../scripts/postgres.sh")
	if err != nil {
		c.t.Fatal(err)
	}
	out, err := exec.Command("bash", append([]string{script}, args...)...).CombinedOutput()
	if err != nil {
		c.t.Fatalf("postgres.sh %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (c *cluster) start() string {
	c.t.Helper()
	out := c.run("start", c.dir, c.port)
	_, u, ok := strings.Cut(strings.TrimSpace(out), "HANDBOOK_TEST_POSTGRES=")
	if !ok {
		c.t.Fatalf("postgres.sh start printed %q", out)
	}
	return u
}

func (c *cluster) stop() { c.t.Helper(); c.run("stop", c.dir) }

// newCluster starts a throwaway cluster, stopped and removed when the
// test ends, and returns it with its URL.
func newCluster(t *testing.T) (*cluster, string) {
	if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb"); len(m) == 0 {
		missing(t, "the PostgreSQL server is not installed (apt-get install postgresql)")
	}
	// Not t.TempDir: the server's user must be able to reach the folder.
	dir, err := os.MkdirTemp("", "handbook-pgtest-")
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	c := &cluster{t: t, dir: dir, port: port}
	t.Cleanup(func() {
		c.run("stop", dir)
		os.RemoveAll(dir)
	})
	return c, c.start()
}

func TestPoolRecoversWhenServerComesBack(t *testing.T) {
	c, u := newCluster(t)
	ctx := context.Background()
	s := open(t, u)
	defer s.Close()
	add := func(id string) error {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		return s.Add(ctx, feedback.Entry{ID: id, Time: time.Now(), Page: "/p", Rating: feedback.Good})
	}
	if err := add("before"); err != nil {
		t.Fatal(err)
	}

	c.stop()
	if err := add("down"); !errors.Is(err, feedback.ErrUnavailable) {
		t.Fatalf("Add with the server down = %v, want ErrUnavailable", err)
	}
	if _, err := s.Counts(ctx, feedback.Filter{}); !errors.Is(err, feedback.ErrUnavailable) {
		t.Fatalf("Counts with the server down = %v, want ErrUnavailable", err)
	}

	c.start()
	if err := add("after"); err != nil {
		t.Fatalf("Add once the server is back = %v, want nil without reopening", err)
	}
	var got []string
	if err := s.Each(ctx, feedback.Filter{}, func(e feedback.Entry) error { got = append(got, e.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "before after" {
		t.Errorf("stored %v, want [before after]", got)
	}
}
