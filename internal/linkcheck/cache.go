package linkcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

const (
	cacheVersion = 1
	// maxFailureAge is the longest a failure is trusted, whatever MaxAge.
	maxFailureAge = time.Hour
	// maxKeep is how long a result stays in the cache file at all.
	maxKeep = 30 * 24 * time.Hour
)

// cache is the content of the cache file.
type cache struct {
	Version int               `json:"version"`
	Results map[string]result `json:"results"`
}

func newCache() *cache {
	return &cache{Version: cacheVersion, Results: map[string]result{}}
}

// loadCache reads the cache file at path. A missing file, or no path, is
// an empty cache; a file that cannot be read or understood is an error,
// which the caller logs and then ignores.
func loadCache(path string) (*cache, error) {
	if path == "" {
		return newCache(), nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newCache(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read link cache: %w", err)
	}
	var c cache
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("read link cache %s: %w", path, err)
	}
	if c.Version != cacheVersion {
		return nil, fmt.Errorf("read link cache %s: version %d, want %d", path, c.Version, cacheVersion)
	}
	if c.Results == nil {
		c.Results = map[string]result{}
	}
	return &c, nil
}

// fresh returns the cached result for url when it is recent enough to
// trust at now: younger than maxAge, and for a failure younger than
// maxFailureAge too.
func (c *cache) fresh(url string, now time.Time, maxAge time.Duration) (result, bool) {
	r, ok := c.Results[url]
	if !ok || r.Status == http.StatusTooManyRequests {
		return result{}, false
	}
	if !r.ok() {
		maxAge = min(maxAge, maxFailureAge)
	}
	age := now.Sub(r.Checked)
	if age < 0 || age >= maxAge {
		return result{}, false
	}
	return r, true
}

// put records a result of this run. Rate-limited answers say nothing about
// the link and are not kept.
func (c *cache) put(url string, r result) {
	if r.Status == http.StatusTooManyRequests {
		delete(c.Results, url)
		return
	}
	r.Checked = r.Checked.UTC().Truncate(time.Second)
	c.Results[url] = r
}

// write saves the cache at path, without the results older than maxKeep at
// now: into a temporary file in the same folder, then renamed over path.
// The folder is created if missing.
func (c *cache) write(path string, now time.Time) error {
	for u, r := range c.Results {
		if now.Sub(r.Checked) > maxKeep {
			delete(c.Results, u)
		}
	}
	b, err := json.MarshalIndent(c, "", "\t")
	if err != nil {
		return fmt.Errorf("write link cache: %w", err)
	}
	b = append(b, '\n')
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write link cache: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write link cache: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("write link cache %s: %w", path, err)
	}
	return nil
}
