package storetest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/handbookhq/handbook/internal/feedback"
)

// RunKeys runs the suite of feedback.KeyStore. newDB makes a new, empty
// database for one subtest and returns open, which opens one more store
// on that database each time it is called, as another server would.
// Every store open returns is closed when the subtest ends.
func RunKeys(t *testing.T, newDB func(t *testing.T) (open func() feedback.KeyStore)) {
	t.Helper()
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, open func() feedback.KeyStore)
	}{
		{"SameNameSameKey", testKeySame},
		{"DifferentNames", testKeyNames},
		{"ConcurrentCallers", testKeyConcurrent},
		{"RejectsBadNameOrSize", testKeyBad},
		{"Closed", testKeyClosed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			open := newDB(t)
			tc.fn(t, func() feedback.KeyStore {
				s := open()
				t.Cleanup(func() { _ = s.Close() })
				return s
			})
		})
	}
}

func key(t *testing.T, s feedback.KeyStore, name string, size int) []byte {
	t.Helper()
	k, err := s.Key(context.Background(), name, size)
	if err != nil {
		t.Fatalf("Key(%s, %d): %v", name, size, err)
	}
	if len(k) == 0 || bytes.Count(k, []byte{0}) == len(k) {
		t.Fatalf("Key(%s, %d) = %x, want random bytes", name, size, k)
	}
	return k
}

func testKeySame(t *testing.T, open func() feedback.KeyStore) {
	s := open()
	k := key(t, s, "session", 32)
	if len(k) != 32 {
		t.Fatalf("Key(session, 32) has %d bytes", len(k))
	}
	if again := key(t, s, "session", 32); !bytes.Equal(again, k) {
		t.Errorf("second Key(session) = %x, want %x", again, k)
	}
	if other := key(t, s, "session", 64); !bytes.Equal(other, k) {
		t.Errorf("Key(session, 64) = %x, want the stored key %x whatever the size", other, k)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if reopened := key(t, open(), "session", 32); !bytes.Equal(reopened, k) {
		t.Errorf("Key(session) after reopening = %x, want %x", reopened, k)
	}
}

func testKeyNames(t *testing.T, open func() feedback.KeyStore) {
	s := open()
	seen := map[string]string{}
	for _, c := range []struct {
		name string
		size int
	}{
		{"a", 32}, {"b", 32}, {"session-v2", 16}, {"csrf_1", 1024}, {strings.Repeat("z", feedback.MaxKeyName), 48},
	} {
		k := key(t, s, c.name, c.size)
		if len(k) != c.size {
			t.Errorf("Key(%s, %d) has %d bytes", c.name, c.size, len(k))
		}
		if prev, ok := seen[string(k)]; ok {
			t.Errorf("keys %s and %s are equal", prev, c.name)
		}
		seen[string(k)] = c.name
	}
}

// testKeyConcurrent: callers racing to create a key, on one store and on
// two stores of the same database, all get the same key.
func testKeyConcurrent(t *testing.T, open func() feedback.KeyStore) {
	stores := []feedback.KeyStore{open(), open()}
	const n = 8
	keys := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			keys[i], errs[i] = stores[i%2].Key(context.Background(), "shared", 32)
		})
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("caller %d: Key: %v", i, errs[i])
		}
		if len(keys[i]) != 32 || !bytes.Equal(keys[i], keys[0]) {
			t.Errorf("caller %d got %x, caller 0 got %x", i, keys[i], keys[0])
		}
	}
	if k := key(t, stores[1], "shared", 32); !bytes.Equal(k, keys[0]) {
		t.Errorf("Key(shared) afterwards = %x, want %x", k, keys[0])
	}
}

func testKeyBad(t *testing.T, open func() feedback.KeyStore) {
	s := open()
	ctx := context.Background()
	for _, name := range []string{"", "Session", "a b", "a/b", "a.b", "é", "a\x00", strings.Repeat("z", feedback.MaxKeyName+1)} {
		if k, err := s.Key(ctx, name, 32); err == nil {
			t.Errorf("Key(%q, 32) = %x, want an error", name, k)
		}
	}
	for _, size := range []int{-1, 0, feedback.MinKeySize - 1, feedback.MaxKeySize + 1} {
		if k, err := s.Key(ctx, "k", size); err == nil {
			t.Errorf("Key(k, %d) = %x, want an error", size, k)
		}
	}
	// A refused size created nothing: the key is made at the size asked.
	if k := key(t, s, "k", 20); len(k) != 20 {
		t.Errorf("Key(k, 20) has %d bytes", len(k))
	}
}

func testKeyClosed(t *testing.T, open func() feedback.KeyStore) {
	s := open()
	key(t, s, "session", 32)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := s.Key(context.Background(), "session", 32); !errors.Is(err, feedback.ErrClosed) {
		t.Errorf("Key after Close = %v, want ErrClosed", err)
	}
}
