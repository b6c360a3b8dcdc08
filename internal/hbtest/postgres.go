package hbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/handbookhq/handbook/internal/testcorpus"
)

// PostgresURL returns the test server's URL from HANDBOOK_TEST_POSTGRES.
// Without it the test is skipped, or fails when CI is set, so that
// continuous integration never skips the PostgreSQL tests silently.
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("HANDBOOK_TEST_POSTGRES")
	if u == "" {
		missingPostgres(t, "HANDBOOK_TEST_POSTGRES is not set: run scripts/postgres.sh start and export the line it prints")
	}
	return u
}

// missingPostgres skips the test, or fails it when CI is set.
func missingPostgres(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(why + " (CI is set, so the PostgreSQL tests may not be skipped)")
	}
	t.Skip(why)
}

// PostgresSchema makes an empty schema on the server at base, drops it
// when the test ends, and returns base with search_path set to it.
func PostgresSchema(t testing.TB, base string) string {
	t.Helper()
	ctx := context.Background()
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "hbtest_" + hex.EncodeToString(b[:])
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("connect to drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("PostgreSQL URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// PostgresCluster is a throwaway PostgreSQL server of one test's own,
// run with scripts/postgres.sh on its own folder and port, so that the
// test may stop and start it.
type PostgresCluster struct {
	t         testing.TB
	script    string
	dir, port string
	URL       string // its database's URL, once started
}

// NewPostgresCluster starts a cluster, stopped and removed when the test
// ends. Without the PostgreSQL server binaries (Debian package
// postgresql) the test is skipped, or fails when CI is set.
func NewPostgresCluster(t testing.TB) *PostgresCluster {
	t.Helper()
	if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb"); len(m) == 0 {
		missingPostgres(t, "the PostgreSQL server is not installed (apt-get install postgresql)")
	}
	root, ok := testcorpus.ModuleRoot()
	if !ok {
		t.Fatal("no go.mod above the working folder: cannot find scripts/postgres.sh")
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
	c := &PostgresCluster{t: t, script: filepath.Join(root, "scripts", "postgres.sh"), dir: dir, port: port}
	t.Cleanup(func() {
		_, _ = exec.Command("bash", c.script, "stop", dir).CombinedOutput()
		os.RemoveAll(dir)
	})
	c.Start()
	return c
}

func (c *PostgresCluster) run(args ...string) string {
	c.t.Helper()
	out, err := exec.Command("bash", append([]string{c.script}, args...)...).CombinedOutput()
	if err != nil {
		c.t.Fatalf("postgres.sh %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Start starts the cluster, again after Stop, on the same port.
func (c *PostgresCluster) Start() {
	c.t.Helper()
	out := c.run("start", c.dir, c.port)
	_, u, ok := strings.Cut(strings.TrimSpace(out), "HANDBOOK_TEST_POSTGRES=")
	if !ok {
		c.t.Fatalf("postgres.sh start printed %q", out)
	}
	c.URL = u
}

// Stop stops the cluster, the way an operator would (pg_ctl stop -m fast).
func (c *PostgresCluster) Stop() { c.t.Helper(); c.run("stop", c.dir) }
