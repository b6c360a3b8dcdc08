package cli

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// syncBuffer is a bytes.Buffer safe for the bar's ticking goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestStageBarDrawsCountsAndStagesOnOneLine(t *testing.T) {
	t.Parallel()
	var w syncBuffer
	b := newStageBar(&w)
	count := b.count("rendering pages")
	count(1, 4)
	count(4, 4)
	b.stage("printing")("loading file:///tmp/print/index.html")
	b.done()
	b.done() // a second call does nothing
	out := w.String()
	for _, want := range []string{
		"\r\033[K[######                  ] rendering pages 1/4 ",
		"\r\033[K[########################] rendering pages 4/4 ",
		"\r\033[Kprinting: loading ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	if !strings.HasSuffix(out, "\r\033[K") || strings.Count(out, "\n") != 0 {
		t.Errorf("output %q must stay on one line and end cleared", out)
	}
	if strings.Contains(out, "file://") {
		t.Errorf("output %q shows the URL", out)
	}
}

func TestNilStageBarIsSilent(t *testing.T) {
	t.Parallel()
	var b *stageBar
	if b.count("x") != nil || b.stage("x") != nil {
		t.Error("a nil bar gave progress functions")
	}
	b.done()
}
