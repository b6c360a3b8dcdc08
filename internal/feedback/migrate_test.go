package feedback

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseMigrationsOrdersByVersion(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0002_more.sql":  {Data: []byte("two")},
		"m/0001_first.sql": {Data: []byte("one")},
		"m/README.md":      {Data: []byte("not a migration")},
	}
	ms, err := ParseMigrations(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Version != 1 || ms[0].SQL != "one" || ms[1].Version != 2 || ms[1].Name != "0002_more.sql" {
		t.Fatalf("got %+v", ms)
	}
}

func TestParseMigrationsRejectsBadSets(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"gap", fstest.MapFS{"m/0001_a.sql": {}, "m/0003_c.sql": {}}, "expected version 2"},
		{"duplicate", fstest.MapFS{"m/0001_a.sql": {}, "m/0001_b.sql": {}}, "expected version 2"},
		{"not from 1", fstest.MapFS{"m/0002_a.sql": {}}, "expected version 1"},
		{"bad name", fstest.MapFS{"m/first.sql": {}}, "NNNN_name.sql"},
		{"zero", fstest.MapFS{"m/0000_a.sql": {}}, "positive"},
		{"empty", fstest.MapFS{"m/x.txt": {}}, "no migrations"},
	} {
		_, err := ParseMigrations(tc.fsys, "m")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestPendingMigrations(t *testing.T) {
	ms := []Migration{{Version: 1}, {Version: 2}, {Version: 3}}
	p, err := PendingMigrations(ms, 1)
	if err != nil || len(p) != 2 || p[0].Version != 2 {
		t.Fatalf("from 1: got %+v, %v", p, err)
	}
	p, err = PendingMigrations(ms, 3)
	if err != nil || len(p) != 0 {
		t.Fatalf("up to date: got %+v, %v", p, err)
	}
	_, err = PendingMigrations(ms, 4)
	if !errors.Is(err, ErrSchemaTooNew) || !strings.Contains(err.Error(), "upgrade handbook") {
		t.Fatalf("newer schema: got %v", err)
	}
}
