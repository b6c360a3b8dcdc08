package linkcheck

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"
)

const (
	maxRedirects = 10
	// maxBody is how much of a GET answer's body is read before closing.
	maxBody = 8 << 10
	// maxRetryWait bounds how long a 429's Retry-After is honoured.
	maxRetryWait = 10 * time.Second
	// defaultRetryWait is the wait after a 429 without Retry-After.
	defaultRetryWait = time.Second
)

// errTooManyRedirects stops a redirect chain that goes on too long.
var errTooManyRedirects = errors.New("stopped after 10 redirects")

// checker makes the requests for one Check.
type checker struct {
	client  *http.Client
	owned   bool // the client was made here, and its connections are closed at the end
	timeout time.Duration
	agent   string
	now     func() time.Time
}

func newChecker(o Options) *checker {
	c := &checker{client: o.Client, timeout: o.Timeout, agent: o.UserAgent, now: o.now}
	if c.client == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = o.PerHost
		c.client = &http.Client{
			Transport: t,
			Timeout:   o.Timeout,
			CheckRedirect: func(_ *http.Request, via []*http.Request) error {
				if len(via) >= maxRedirects {
					return errTooManyRedirects
				}
				return nil
			},
		}
		c.owned = true
	}
	return c
}

func (c *checker) close() {
	if c.owned {
		c.client.CloseIdleConnections()
	}
}

// check asks for url and returns what it found. It returns false when ctx
// ended before the answer, so that nothing is concluded from a cancelled
// request.
func (c *checker) check(ctx context.Context, url string) (result, bool) {
	r, retryAfter := c.fetch(ctx, url)
	if r.Status == http.StatusTooManyRequests && retryAfter <= maxRetryWait {
		t := time.NewTimer(retryAfter)
		select {
		case <-t.C:
			r, _ = c.fetch(ctx, url)
		case <-ctx.Done():
			t.Stop()
		}
	}
	if ctx.Err() != nil {
		return result{}, false
	}
	r.Checked = c.now()
	return r, true
}

// fetch asks for url with HEAD, then with GET when the answer to HEAD
// cannot be trusted. With a 429 it also returns how long the server asks
// to wait before trying again.
func (c *checker) fetch(ctx context.Context, url string) (result, time.Duration) {
	status, h, err := c.do(ctx, http.MethodHead, url)
	if retryWithGet(status, err) {
		status, h, err = c.do(ctx, http.MethodGet, url)
	}
	if err != nil {
		return result{Err: describe(err, c.timeout)}, 0
	}
	var wait time.Duration
	if status == http.StatusTooManyRequests {
		wait = retryAfter(h.Get("Retry-After"), c.now())
	}
	return result{Status: status}, wait
}

// retryWithGet reports whether an answer to HEAD should be checked again
// with GET: servers that do not implement HEAD, or refuse it, or drop the
// connection; and a "gone" answer, which is an error, is only believed
// when GET agrees.
func retryWithGet(status int, err error) bool {
	if err != nil {
		return !final(err)
	}
	switch status {
	case http.StatusBadRequest, http.StatusForbidden, http.StatusNotFound,
		http.StatusMethodNotAllowed, http.StatusGone, http.StatusNotImplemented:
		return true
	}
	return false
}

// do makes one request with its own timeout and returns the final status
// after redirects. A GET's body is read up to maxBody, so that the
// connection can be reused, then closed.
func (c *checker) do(ctx context.Context, method, url string) (int, http.Header, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("User-Agent", c.agent)
	req.Header.Set("Accept", "*/*")
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	if method == http.MethodGet {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxBody))
	}
	return resp.StatusCode, resp.Header, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date. A
// missing or unreadable header means defaultRetryWait.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return defaultRetryWait
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(min(max(s, 0), 86400)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, t.Sub(now))
	}
	return defaultRetryWait
}
