package feedback

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// memWriter is a WriteBatch keeping entries in memory; a batch holding an
// ID already written fails whole, as a unique index makes it fail.
type memWriter struct {
	mu      sync.Mutex
	ids     map[string]bool
	batches []int
	fail    error         // when set, every write fails with it
	gate    chan struct{} // when set, the next write waits for it
	entered chan struct{} // closed when that write starts waiting
}

func (w *memWriter) write(ctx context.Context, es []Entry) error {
	w.mu.Lock()
	gate := w.gate
	entered := w.entered
	w.gate = nil
	w.mu.Unlock()
	if gate != nil {
		close(entered)
		<-gate
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.batches = append(w.batches, len(es))
	if w.fail != nil {
		return w.fail
	}
	seen := map[string]bool{}
	for _, e := range es {
		if w.ids[e.ID] || seen[e.ID] {
			return fmt.Errorf("duplicate id %s", e.ID)
		}
		seen[e.ID] = true
	}
	for id := range seen {
		w.ids[id] = true
	}
	return nil
}

func newMem() *memWriter { return &memWriter{ids: map[string]bool{}} }

// hold makes the next write wait until the returned channel is closed.
func (w *memWriter) hold() chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.gate = make(chan struct{})
	w.entered = make(chan struct{})
	return w.gate
}

// busy adds one entry, "first", and returns once the writer holds it,
// so that what is added next queues up behind it.
func busy(b *Batcher, w *memWriter) chan struct{} {
	gate := w.hold()
	w.mu.Lock()
	entered := w.entered
	w.mu.Unlock()
	go func() { _ = b.Add(context.Background(), entry("first")) }()
	<-entered
	return gate
}

func entry(id string) Entry {
	return Entry{ID: id, Time: time.Now(), Page: "/p", Rating: Good}
}

// waitQueued waits until n entries wait in b's queue.
func waitQueued(b *Batcher, n int) {
	for {
		b.mu.Lock()
		q := len(b.queue)
		b.mu.Unlock()
		if q >= n {
			return
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
}

// addAll runs Add for each id at once and returns the errors by id.
func addAll(ctx context.Context, b *Batcher, ids []string) map[string]error {
	var mu sync.Mutex
	errs := map[string]error{}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			err := b.Add(ctx, entry(id))
			mu.Lock()
			errs[id] = err
			mu.Unlock()
		})
	}
	wg.Wait()
	return errs
}

func ids(prefix string, n int) []string {
	var s []string
	for i := range n {
		s = append(s, fmt.Sprintf("%s%d", prefix, i))
	}
	return s
}

func TestBatcherGroupsConcurrentAdds(t *testing.T) {
	w := newMem()
	b := NewBatcher(w.write, 0, 0)
	defer b.Close()

	gate := busy(b, w)
	done := make(chan map[string]error)
	go func() { done <- addAll(context.Background(), b, ids("e", 300)) }()
	waitQueued(b, 300)
	close(gate)
	for id, err := range <-done {
		if err != nil {
			t.Errorf("Add(%s): %v", id, err)
		}
	}
	if len(w.ids) != 301 {
		t.Errorf("stored %d entries, want 301", len(w.ids))
	}
	if len(w.batches) != 2 || w.batches[1] != 300 {
		t.Errorf("batches %v, want [1 300]: the queued entries are written together", w.batches)
	}
}

func TestBatcherSplitsAtMax(t *testing.T) {
	w := newMem()
	b := NewBatcher(w.write, 4, 0)
	defer b.Close()
	gate := busy(b, w)
	done := make(chan map[string]error)
	go func() { done <- addAll(context.Background(), b, ids("e", 10)) }()
	waitQueued(b, 10)
	close(gate)
	<-done
	b.Close()
	want := []int{1, 4, 4, 2}
	if fmt.Sprint(w.batches) != fmt.Sprint(want) {
		t.Errorf("batches %v, want %v", w.batches, want)
	}
}

func TestBatcherRetriesOneByOneSoOnlyTheBadEntryFails(t *testing.T) {
	w := newMem()
	w.ids["dup"] = true
	b := NewBatcher(w.write, 0, 0)
	defer b.Close()
	gate := busy(b, w)
	done := make(chan map[string]error)
	go func() { done <- addAll(context.Background(), b, []string{"a", "dup", "b", "c"}) }()
	waitQueued(b, 4)
	close(gate)
	errs := <-done
	for id, err := range errs {
		if (err != nil) != (id == "dup") {
			t.Errorf("Add(%s) = %v", id, err)
		}
	}
	for _, id := range []string{"a", "b", "c"} {
		if !w.ids[id] {
			t.Errorf("%s was not stored", id)
		}
	}
}

func TestBatcherUnavailableFailsTheBatchWithoutRetry(t *testing.T) {
	w := newMem()
	w.fail = fmt.Errorf("connect: %w", ErrUnavailable)
	b := NewBatcher(w.write, 0, 0)
	defer b.Close()
	gate := busy(b, w)
	done := make(chan map[string]error)
	go func() { done <- addAll(context.Background(), b, ids("e", 5)) }()
	waitQueued(b, 5)
	close(gate)
	for id, err := range <-done {
		if !errors.Is(err, ErrUnavailable) {
			t.Errorf("Add(%s) = %v, want ErrUnavailable", id, err)
		}
	}
	if len(w.batches) != 2 {
		t.Errorf("batches %v: an unreachable store is not tried entry by entry", w.batches)
	}
}

func TestBatcherTimeoutIsUnavailable(t *testing.T) {
	write := func(ctx context.Context, es []Entry) error {
		<-ctx.Done()
		return fmt.Errorf("acquire: %w", ctx.Err())
	}
	b := NewBatcher(write, 0, time.Millisecond)
	defer b.Close()
	if err := b.Add(context.Background(), entry("a")); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Add = %v, want ErrUnavailable", err)
	}
}

func TestBatcherRespectsCallersContext(t *testing.T) {
	w := newMem()
	b := NewBatcher(w.write, 0, 0)
	defer b.Close()

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Add(ctx, entry("gone")); !errors.Is(err, context.Canceled) {
		t.Fatalf("Add with a cancelled context = %v", err)
	}

	// A caller that gives up while queued gets ctx.Err() and its entry is
	// not written.
	gate := busy(b, w)
	ctx, cancel = context.WithCancel(context.Background())
	res := make(chan error)
	go func() { res <- b.Add(ctx, entry("queued")) }()
	waitQueued(b, 1)
	cancel()
	if err := <-res; !errors.Is(err, context.Canceled) {
		t.Fatalf("Add given up while queued = %v", err)
	}
	close(gate)
	if err := b.Add(context.Background(), entry("after")); err != nil {
		t.Fatal(err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ids["gone"] || w.ids["queued"] || !w.ids["first"] || !w.ids["after"] {
		t.Errorf("stored %v", w.ids)
	}
}

func TestBatcherCloseDrainsThenRefuses(t *testing.T) {
	w := newMem()
	b := NewBatcher(w.write, 2, 0)
	gate := busy(b, w)
	done := make(chan map[string]error)
	go func() { done <- addAll(context.Background(), b, ids("e", 7)) }()
	waitQueued(b, 7)
	closed := make(chan error)
	go func() { closed <- b.Close() }()
	// Close must not return while entries wait.
	select {
	case err := <-closed:
		t.Fatalf("Close returned %v before the queue was written", err)
	default:
	}
	close(gate)
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	for id, err := range <-done {
		if err != nil {
			t.Errorf("Add(%s) = %v", id, err)
		}
	}
	if len(w.ids) != 8 {
		t.Errorf("stored %d, want 8", len(w.ids))
	}
	if err := b.Add(context.Background(), entry("late")); !errors.Is(err, ErrClosed) {
		t.Errorf("Add after Close = %v, want ErrClosed", err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

func TestBatcherRejectsIncompleteEntries(t *testing.T) {
	b := NewBatcher(newMem().write, 0, 0)
	defer b.Close()
	for _, e := range []Entry{
		{Time: time.Now(), Page: "/p", Rating: Good},
		{ID: "x", Page: "/p", Rating: Good},
		{ID: "x", Time: time.Now(), Page: "/p", Rating: "great"},
	} {
		if err := b.Add(context.Background(), e); err == nil {
			t.Errorf("Add(%+v) = nil, want an error", e)
		}
	}
}
