package feedback

import (
	"context"
	"fmt"
)

// Key size limits, in bytes.
const (
	MinKeySize = 16
	MaxKeySize = 1024
	// MaxKeyName is the longest key name accepted.
	MaxKeyName = 64
)

// KeyStore is a Store that also keeps named secret keys for the server,
// created once and then shared by every server using the same database.
type KeyStore interface {
	Store
	// Key returns the key called name, creating it with size random
	// bytes (crypto/rand) the first time. Concurrent callers, in this
	// process or in others on the same database, all get the same key:
	// the first insert wins. A key already stored is returned as it is,
	// whatever size is asked.
	Key(ctx context.Context, name string, size int) ([]byte, error)
}

// ValidateKey checks the name and size given to KeyStore.Key: a name of
// 1 to MaxKeyName characters from a-z, 0-9, '_' and '-', and a size from
// MinKeySize to MaxKeySize bytes.
func ValidateKey(name string, size int) error {
	if name == "" || len(name) > MaxKeyName {
		return fmt.Errorf("key name %q must be 1 to %d characters", name, MaxKeyName)
	}
	for _, c := range []byte(name) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return fmt.Errorf("key name %q may only hold a-z, 0-9, _ and -", name)
		}
	}
	if size < MinKeySize || size > MaxKeySize {
		return fmt.Errorf("key %s: size %d is not from %d to %d bytes", name, size, MinKeySize, MaxKeySize)
	}
	return nil
}
