package feedback

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// WriteBatch writes entries in one transaction: all of them or none.
type WriteBatch func(ctx context.Context, es []Entry) error

// Batcher groups concurrent Adds into one transaction each, so that many
// writers share one durable commit (group commit). One goroutine takes
// everything queued, up to a maximum, and writes it with WriteBatch; when
// a batch fails for something other than an unreachable store, it writes
// the entries one by one so that only the bad ones fail.
type Batcher struct {
	write   WriteBatch
	max     int
	timeout time.Duration

	mu     sync.Mutex
	queue  []*pending
	closed bool
	wake   chan struct{}
	done   chan struct{}
}

type pending struct {
	ctx  context.Context
	e    Entry
	done chan error
}

// Batching defaults.
const (
	// DefaultBatchMax is the most entries written in one transaction.
	DefaultBatchMax = 512
	// DefaultBatchTimeout bounds how long one batch may take to write.
	DefaultBatchTimeout = 30 * time.Second
)

// NewBatcher starts a Batcher that writes with write, up to max entries
// at once (DefaultBatchMax when max <= 0), giving each batch up to
// timeout (DefaultBatchTimeout when timeout <= 0). Close stops it.
func NewBatcher(write WriteBatch, max int, timeout time.Duration) *Batcher {
	if max <= 0 {
		max = DefaultBatchMax
	}
	if timeout <= 0 {
		timeout = DefaultBatchTimeout
	}
	b := &Batcher{
		write:   write,
		max:     max,
		timeout: timeout,
		wake:    make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
	go b.run()
	return b
}

// CheckStored checks what a store needs of an entry: an ID, a time and
// one of the three ratings. The server checks the rest (Entry.Validate).
func CheckStored(e Entry) error {
	if e.ID == "" {
		return errors.New("entry has no ID")
	}
	if e.Time.IsZero() {
		return errors.New("entry has no time")
	}
	if _, err := ParseRating(string(e.Rating)); err != nil {
		return err
	}
	return nil
}

// Add queues e and waits until it is written. A nil error means the
// entry is durable. If ctx ends first Add returns ctx.Err(): the entry
// is then not written if the batch had not started yet, and stays
// written if it had. After Close, Add returns ErrClosed.
func (b *Batcher) Add(ctx context.Context, e Entry) error {
	if err := CheckStored(e); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	p := &pending{ctx: ctx, e: e, done: make(chan error, 1)}
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return ErrClosed
	}
	b.queue = append(b.queue, p)
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
	select {
	case err := <-p.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close writes what is queued, then stops. Add returns ErrClosed after.
func (b *Batcher) Close() error {
	b.mu.Lock()
	already := b.closed
	b.closed = true
	b.mu.Unlock()
	if !already {
		select {
		case b.wake <- struct{}{}:
		default:
		}
	}
	<-b.done
	return nil
}

// run is the writer goroutine.
func (b *Batcher) run() {
	defer close(b.done)
	for {
		b.mu.Lock()
		for len(b.queue) == 0 && !b.closed {
			b.mu.Unlock()
			<-b.wake
			b.mu.Lock()
		}
		if len(b.queue) == 0 {
			b.mu.Unlock()
			return
		}
		n := min(len(b.queue), b.max)
		batch := make([]*pending, n)
		copy(batch, b.queue)
		rest := copy(b.queue, b.queue[n:])
		clear(b.queue[rest:])
		b.queue = b.queue[:rest]
		b.mu.Unlock()
		b.flush(batch)
	}
}

// flush writes one batch and answers its callers.
func (b *Batcher) flush(batch []*pending) {
	live := batch[:0]
	for _, p := range batch {
		if err := p.ctx.Err(); err != nil {
			p.done <- err // the caller gave up before its entry was written
			continue
		}
		live = append(live, p)
	}
	if len(live) == 0 {
		return
	}
	es := make([]Entry, len(live))
	for i, p := range live {
		es[i] = p.e
	}
	err := b.writeOne(es)
	if err == nil || len(live) == 1 || errors.Is(err, ErrUnavailable) {
		for _, p := range live {
			p.done <- err
		}
		return
	}
	// One bad entry spoils the transaction: write them one by one.
	for i, p := range live {
		p.done <- b.writeOne(es[i : i+1])
	}
}

// writeOne writes es in one transaction, within the batch timeout.
func (b *Batcher) writeOne(es []Entry) error {
	ctx, cancel := context.WithTimeout(context.Background(), b.timeout)
	defer cancel()
	err := b.write(ctx, es)
	if err != nil && ctx.Err() != nil && !errors.Is(err, ErrUnavailable) {
		return fmt.Errorf("write feedback: %w: %w", ErrUnavailable, err)
	}
	return err
}
