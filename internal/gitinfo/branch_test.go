package gitinfo

import (
	"context"
	"errors"
	"testing"
)

func TestBranchReadsTheCurrentBranchOnly(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	ctx := context.Background()
	if b, err := Branch(ctx, dir+"/docs"); err != nil || b != "main" {
		t.Errorf("Branch = %q, %v; want main", b, err)
	}
	gitT(t, dir, "", "checkout", "-q", "side")
	if b, err := Branch(ctx, dir); err != nil || b != "side" {
		t.Errorf("Branch after checkout = %q, %v; want side", b, err)
	}
	gitT(t, dir, "", "checkout", "-q", "--detach", "HEAD")
	if b, err := Branch(ctx, dir); err != nil || b != "" {
		t.Errorf("Branch when detached = %q, %v; want empty", b, err)
	}
}

func TestBranchOutsideARepository(t *testing.T) {
	t.Parallel()
	needGit(t)
	if _, err := Branch(context.Background(), t.TempDir()); !errors.Is(err, ErrNotRepo) {
		t.Errorf("Branch outside a repository: %v, want ErrNotRepo", err)
	}
}
