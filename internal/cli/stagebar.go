package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// stageBar shows the progress of long work on one terminal line: a bar
// while there is something to count, else the stage and the time it has
// taken so far, ticking. A nil *stageBar shows nothing.
type stageBar struct {
	w     io.Writer
	mu    sync.Mutex
	text  string
	since time.Time
	stop  chan struct{}
	once  sync.Once
}

func newStageBar(w io.Writer) *stageBar {
	b := &stageBar{w: w, stop: make(chan struct{}), since: time.Now()}
	go b.tick()
	return b
}

// tick redraws the line every half second, so the time moves on while a
// stage reports nothing.
func (b *stageBar) tick() {
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
			b.mu.Lock()
			b.draw()
			b.mu.Unlock()
		}
	}
}

// draw writes the line; b.mu is held.
func (b *stageBar) draw() {
	if b.text == "" {
		return
	}
	fmt.Fprintf(b.w, "\r\033[K%s %ds", b.text, int(time.Since(b.since).Seconds()))
}

// count returns a progress function for work of known size.
func (b *stageBar) count(what string) func(done, total int) {
	if b == nil {
		return nil
	}
	return func(done, total int) {
		const width = 24
		filled := width * done / max(total, 1)
		b.mu.Lock()
		defer b.mu.Unlock()
		b.text = fmt.Sprintf("[%s%s] %s %d/%d", strings.Repeat("#", filled), strings.Repeat(" ", width-filled), what, done, total)
		b.draw()
	}
}

// stage returns a function that shows each stage of work prefixed by
// what.
func (b *stageBar) stage(what string) func(stage string) {
	if b == nil {
		return nil
	}
	return func(stage string) {
		if i := strings.IndexAny(stage, " "); i > 0 && strings.Contains(stage, "://") {
			stage = stage[:i] // no long URLs on the line
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		b.text = what + ": " + stage
		b.draw()
	}
}

// done stops the ticking and clears the line.
func (b *stageBar) done() {
	if b == nil {
		return
	}
	b.once.Do(func() {
		close(b.stop)
		b.mu.Lock()
		defer b.mu.Unlock()
		fmt.Fprint(b.w, "\r\033[K")
	})
}
