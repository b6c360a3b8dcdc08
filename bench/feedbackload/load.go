package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// server is a running "handbook serve" process.
type server struct {
	cmd    *exec.Cmd
	URL    string        // "http://127.0.0.1:PORT"
	exited chan struct{} // closed when the process has ended
	err    error         // how it ended, once exited is closed
	log    *bytes.Buffer
}

// startServer runs bin serve with args and waits until it says where it
// listens.
func startServer(ctx context.Context, bin string, args ...string) (*server, error) {
	args = append([]string{"serve", "--addr", "127.0.0.1:0", "--feedback-rate", "0"}, args...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HANDBOOK_DB=")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, exited: make(chan struct{}), log: new(bytes.Buffer)}
	cmd.Stderr = &lockedWriter{w: s.log}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.Index(line, "http://"); i >= 0 && strings.HasPrefix(line, "serving") {
				urls <- strings.TrimSuffix(strings.Fields(line[i:])[0], "/")
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
	}()
	go func() { s.err = cmd.Wait(); close(s.exited) }()
	select {
	case s.URL = <-urls:
		return s, nil
	case <-s.exited:
		return nil, fmt.Errorf("handbook serve exited before listening: %v\n%s", s.err, s.log)
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("handbook serve did not start: %w\n%s", ctx.Err(), s.log)
	}
}

// kill ends the server with SIGKILL, as a crash would, and waits for it.
func (s *server) kill() {
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
}

// stop ends the server with SIGTERM, as a deployment would, and waits.
func (s *server) stop() error {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.exited
	err := s.err
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == -1 {
		return fmt.Errorf("server ended by a signal: %w", err)
	}
	return err
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// stats is what a load run saw.
type stats struct {
	Sent      int
	Status    map[int]int // HTTP status → count; 0 for transport errors
	Acked     []string    // comments of the ratings answered 201
	Latencies []time.Duration
	Elapsed   time.Duration
}

func (s *stats) merge(o *stats) {
	s.Sent += o.Sent
	for k, v := range o.Status {
		s.Status[k] += v
	}
	s.Acked = append(s.Acked, o.Acked...)
	s.Latencies = append(s.Latencies, o.Latencies...)
}

// percentile returns the p-th percentile (0 < p <= 100) of the latencies
// of acknowledged writes.
func (s *stats) percentile(p float64) time.Duration {
	if len(s.Latencies) == 0 {
		return 0
	}
	l := slices.Clone(s.Latencies)
	slices.Sort(l)
	i := int(float64(len(l))*p/100+0.5) - 1
	return l[min(max(i, 0), len(l)-1)]
}

// load sends ratings of page from workers goroutines until total have
// been sent (total > 0), until ctx ends, or until stop is closed. Each
// rating carries a unique comment, so it can be found in the database.
type load struct {
	URL     string
	Page    string
	Workers int
	Total   int // 0: no limit
	Tag     string
	// Acked, when set, receives the comment of every rating answered 201.
	Acked chan<- string
	// OnStatus, when set, is called with the status of every answer.
	OnStatus func(status int)
}

func (l load) run(ctx context.Context) *stats {
	tr := &http.Transport{MaxIdleConnsPerHost: l.Workers, MaxConnsPerHost: l.Workers, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var (
		mu   sync.Mutex
		next int
		all  = &stats{Status: map[int]int{}}
		wg   sync.WaitGroup
	)
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if ctx.Err() != nil || (l.Total > 0 && next >= l.Total) {
			return 0, false
		}
		next++
		return next, true
	}
	start := time.Now()
	for range l.Workers {
		wg.Go(func() {
			own := &stats{Status: map[int]int{}}
			defer func() {
				mu.Lock()
				all.merge(own)
				mu.Unlock()
			}()
			for {
				n, ok := take()
				if !ok {
					return
				}
				comment := fmt.Sprintf("%s-%d", l.Tag, n)
				body, _ := json.Marshal(map[string]string{"page": l.Page, "rating": []string{"good", "ok", "bad"}[n%3], "comment": comment})
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, l.URL+"/api/feedback", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil && ctx.Err() != nil {
					return // cut short by the end of the run
				}
				own.Sent++
				if err != nil {
					own.Status[0]++
					// The server is gone or restarting: do not spin.
					time.Sleep(10 * time.Millisecond)
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				own.Status[resp.StatusCode]++
				if l.OnStatus != nil {
					l.OnStatus(resp.StatusCode)
				}
				if resp.StatusCode == http.StatusCreated {
					own.Latencies = append(own.Latencies, time.Since(t0))
					own.Acked = append(own.Acked, comment)
					if l.Acked != nil {
						l.Acked <- comment
					}
				} else if resp.StatusCode >= 500 {
					time.Sleep(10 * time.Millisecond)
				}
			}
		})
	}
	wg.Wait()
	all.Elapsed = time.Since(start)
	return all
}

// stored returns the comments of every rating in the database the
// flags name, read with "handbook feedback export".
func stored(ctx context.Context, bin string, storeArgs ...string) (map[string]int, error) {
	args := append([]string{"feedback", "export", "--format", "json"}, storeArgs...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HANDBOOK_DB=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, stderr.String())
	}
	var entries []struct {
		Comment string `json:"comment"`
	}
	if err := json.Unmarshal(out, &entries); err != nil {
		return nil, fmt.Errorf("read export: %w", err)
	}
	m := make(map[string]int, len(entries))
	for _, e := range entries {
		m[e.Comment]++
	}
	return m, nil
}

// buildHandbook compiles the handbook command into dir.
func buildHandbook(ctx context.Context, root, dir string) (string, error) {
	bin := filepath.Join(dir, "handbook")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/handbook")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return bin, nil
}
