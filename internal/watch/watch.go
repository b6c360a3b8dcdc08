package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Default timings, used when Options leaves them zero.
const (
	DefaultDebounce = 5 * time.Millisecond
	DefaultMaxWait  = 100 * time.Millisecond
)

// Options tune a Watcher. The zero value is ready to use.
type Options struct {
	// Debounce is the quiet time after the last event before a batch is
	// sent; 0 means DefaultDebounce.
	Debounce time.Duration
	// MaxWait bounds how long after its first event a batch is sent even if
	// events keep coming; 0 means DefaultMaxWait.
	MaxWait time.Duration
	// Ignore leaves out more paths than the built-in list. It gets the path
	// relative to the root, slash-separated, and whether it is a folder; a
	// folder it ignores is not watched at all.
	Ignore func(rel string, dir bool) bool
	// Logger receives fsnotify's errors; nil means slog.Default().
	Logger *slog.Logger
}

// Batch is a set of changes to send to the rebuild.
type Batch struct {
	// Paths holds the files and folders created, written, removed or
	// renamed: relative to the root, slash-separated, sorted, each once.
	Paths []string
	// First is when the first event of the batch arrived.
	First time.Time
	// Overflow says that events were lost: Paths is nil and everything
	// must be scanned again.
	Overflow bool
}

// Watcher watches a folder tree. Make one with New, call Run once, and
// Close it when done.
type Watcher struct {
	root    string
	opts    Options
	log     *slog.Logger
	fw      *fsnotify.Watcher
	dirs    map[string]struct{} // watched folders, relative ("." is the root)
	outputs map[string]struct{} // build output folders, relative
	running atomic.Bool
}

// New watches root and every folder below it, except the ignored ones.
func New(root string, o Options) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("watch %s: not a folder", root)
	}
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.MaxWait <= 0 {
		o.MaxWait = DefaultMaxWait
	}
	if o.MaxWait < o.Debounce {
		o.MaxWait = o.Debounce
	}
	log := o.Logger
	if log == nil {
		log = slog.Default()
	}
	fw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	w := &Watcher{
		root:    abs,
		opts:    o,
		log:     log,
		fw:      fw,
		dirs:    make(map[string]struct{}),
		outputs: make(map[string]struct{}),
	}
	if err := w.fw.Add(abs); err != nil {
		_ = fw.Close()
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	w.dirs["."] = struct{}{}
	w.addTree(".", nil)
	return w, nil
}

// Close stops watching. A running Run returns.
func (w *Watcher) Close() error {
	if err := w.fw.Close(); err != nil {
		return fmt.Errorf("close watcher of %s: %w", w.root, err)
	}
	return nil
}

// Run calls fn with each batch of changes, one call at a time, until ctx
// ends or the Watcher is closed, and then returns nil once fn has returned.
// Events that arrive while fn runs are gathered for the next batch. Run
// returns an error when the root disappears, or when it is called twice.
func (w *Watcher) Run(ctx context.Context, fn func(Batch)) error {
	if !w.running.CompareAndSwap(false, true) {
		return fmt.Errorf("watch %s: Run called twice", w.root)
	}
	out := make(chan *pending)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for p := range out {
			if b, ok := w.batch(p); ok {
				fn(b)
			}
		}
	}()
	defer func() {
		close(out)
		<-done
	}()

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var (
		p      = newPending()
		events = w.fw.Events
		errs   = w.fw.Errors
		timerC <-chan time.Time // set while a batch waits for quiet
		sendC  chan<- *pending  // set while a batch is ready to go
	)
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			p.now = time.Now()
			before := p.adds
			if w.handle(ev, p) {
				return fmt.Errorf("watch %s: the folder was removed or renamed", w.root)
			}
			if p.adds == before {
				continue
			}
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				w.log.Warn("watch", "root", w.root, "err", err)
				continue
			}
			w.log.Warn("watch: events lost, rescanning", "root", w.root)
			p.now = time.Now()
			p.setOverflow()
			w.rescan()
		case <-timerC:
			timerC = nil
			sendC = out
			continue
		case sendC <- p:
			p = newPending()
			sendC = nil
			continue
		}
		if sendC == nil && !p.empty() {
			wait := min(w.opts.Debounce, p.first.Add(w.opts.MaxWait).Sub(p.now))
			timer.Reset(wait)
			timerC = timer.C
		}
	}
}

// batch turns gathered changes into a Batch, leaving out files that came
// and went within it; ok is false when nothing is left.
func (w *Watcher) batch(p *pending) (b Batch, ok bool) {
	b.First = p.first
	if p.overflow {
		b.Overflow = true
		return b, true
	}
	for rel, created := range p.paths {
		if created {
			if _, err := os.Lstat(w.abs(rel)); errors.Is(err, fs.ErrNotExist) {
				continue
			}
		}
		b.Paths = append(b.Paths, rel)
	}
	slices.Sort(b.Paths)
	return b, len(b.Paths) > 0
}

// abs gives the absolute path of a relative slash-separated one.
func (w *Watcher) abs(rel string) string {
	return filepath.Join(w.root, filepath.FromSlash(rel))
}
