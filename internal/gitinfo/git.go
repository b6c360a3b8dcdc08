package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// keptGitEnv lists the GIT_* variables passed through to git: they choose
// which git and which configuration to use, not which repository to read.
var keptGitEnv = map[string]bool{
	"GIT_EXEC_PATH":                   true,
	"GIT_CONFIG_GLOBAL":               true,
	"GIT_CONFIG_SYSTEM":               true,
	"GIT_CONFIG_NOSYSTEM":             true,
	"GIT_CEILING_DIRECTORIES":         true,
	"GIT_DISCOVERY_ACROSS_FILESYSTEM": true,
}

// gitEnv returns the environment for git processes: the current one without
// the GIT_* variables that would point git at another repository, index or
// work tree (as set for hooks), change pathspec meaning or add tracing, and
// with optional locks and prompts turned off.
func gitEnv() []string {
	env := make([]string, 0, len(os.Environ())+3)
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "GIT_") && !keptGitEnv[name] && !strings.HasPrefix(name, "GIT_CONFIG_KEY_") &&
			!strings.HasPrefix(name, "GIT_CONFIG_VALUE_") && name != "GIT_CONFIG_COUNT" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
}

// runner runs git in one directory with one environment.
type runner struct {
	dir string
	env []string
}

// exitError is a git process that ran and exited with a non-zero status.
type exitError struct {
	args   []string
	code   int
	stderr string
}

func (e *exitError) Error() string {
	msg := fmt.Sprintf("git %s: exit status %d", subcommand(e.args), e.code)
	if e.stderr != "" {
		msg += ": " + e.stderr
	}
	return msg
}

// run runs git with args and returns its standard output. A non-zero exit
// is an *exitError carrying git's standard error.
func (r runner) run(ctx context.Context, args ...string) ([]byte, error) {
	full := append([]string{"-c", "core.quotePath=false", "--no-pager"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Dir = r.dir
	cmd.Env = r.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("git %s: %w", subcommand(args), ctx.Err())
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, &exitError{args: args, code: ee.ExitCode(), stderr: strings.TrimSpace(stderr.String())}
		}
		return nil, fmt.Errorf("git %s: %w", subcommand(args), err)
	}
	return stdout.Bytes(), nil
}

// exitCode returns the exit status of a git process that ran, or -1.
func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return -1
}

// subcommand returns the git subcommand in args, skipping "-c name=value"
// pairs and other global options, for error messages.
func subcommand(args []string) string {
	for i := 0; i < len(args); i++ {
		switch {
		case args[i] == "-c":
			i++
		case !strings.HasPrefix(args[i], "-"):
			return args[i]
		}
	}
	return "(no subcommand)"
}
