package gitinfo

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// catFile is one long-lived git cat-file --batch process serving one
// request at a time. A request that finds the process dead restarts it
// once.
type catFile struct {
	ctx context.Context
	g   runner

	mu     sync.Mutex
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr bytes.Buffer // read only after cmd.Wait
	closed bool
}

// errProcess marks a failure of the git process itself, as opposed to a
// missing object.
var errProcess = errors.New("git cat-file failed")

// read returns the type and content of object oid.
func (c *catFile) read(oid string) (string, []byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return "", nil, fs.ErrClosed
	}
	if err := c.ctx.Err(); err != nil {
		return "", nil, fmt.Errorf("git cat-file: %w", err)
	}
	if c.cmd == nil {
		if err := c.start(); err != nil {
			return "", nil, err
		}
	}
	typ, data, err := c.request(oid)
	if errors.Is(err, errProcess) && c.ctx.Err() == nil {
		c.stop()
		if err := c.start(); err != nil {
			return "", nil, err
		}
		typ, data, err = c.request(oid)
	}
	if errors.Is(err, errProcess) {
		c.stop()
		if msg := strings.TrimSpace(c.stderr.String()); msg != "" {
			err = fmt.Errorf("%w: %s", err, msg)
		}
		if c.ctx.Err() != nil {
			err = fmt.Errorf("git cat-file: %w", c.ctx.Err())
		}
	}
	return typ, data, err
}

// start starts the process.
func (c *catFile) start() error {
	cmd := exec.CommandContext(c.ctx, "git", "-c", "core.quotePath=false", "--no-pager", "cat-file", "--batch")
	cmd.Dir, cmd.Env = c.g.dir, c.g.env
	cmd.WaitDelay = time.Second
	c.stderr.Reset()
	cmd.Stderr = &c.stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("start git cat-file: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("start git cat-file: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start git cat-file: %w", err)
	}
	c.cmd, c.in, c.out = cmd, in, bufio.NewReaderSize(out, 64<<10)
	return nil
}

// stop ends the process, if running, and waits for it.
func (c *catFile) stop() {
	if c.cmd == nil {
		return
	}
	_ = c.in.Close()
	_ = c.cmd.Wait()
	c.cmd, c.in, c.out = nil, nil, nil
}

// request asks for one object. Failures to talk to the process match
// errProcess.
func (c *catFile) request(oid string) (string, []byte, error) {
	fail := func(err error) (string, []byte, error) {
		return "", nil, fmt.Errorf("%w: %w", errProcess, err)
	}
	if _, err := io.WriteString(c.in, oid+"\n"); err != nil {
		return fail(err)
	}
	head, err := c.out.ReadString('\n')
	if err != nil {
		return fail(err)
	}
	f := strings.Fields(head)
	if len(f) == 2 && f[1] == "missing" {
		return "", nil, fmt.Errorf("object %s: %w", oid, fs.ErrNotExist)
	}
	if len(f) != 3 || f[0] != oid {
		return fail(fmt.Errorf("unexpected answer %q for %s", head, oid))
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 {
		return fail(fmt.Errorf("unexpected answer %q for %s", head, oid))
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(c.out, data); err != nil {
		return fail(err)
	}
	if data[size] != '\n' {
		return fail(fmt.Errorf("object %s does not end with a newline", oid))
	}
	return f[1], data[:size], nil
}

// close ends the process for good.
func (c *catFile) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	c.stop()
	return nil
}
