package linkcheck

import (
	"context"
	"errors"
	"net"
	"net/url"
	"testing"
	"time"
)

func TestDescribe(t *testing.T) {
	t.Parallel()
	wrap := func(err error) error { return &url.Error{Op: "Head", URL: "https://example.com/", Err: err} }
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"timeout", wrap(context.DeadlineExceeded), "timeout after 10s"},
		{"no such host", wrap(&net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "nope.example", IsNotFound: true}}), `no such host "nope.example"`},
		{"dns server failure", wrap(&net.DNSError{Err: "server misbehaving", Name: "x.example"}), `DNS lookup of "x.example" failed: server misbehaving`},
		{"redirects", wrap(errTooManyRedirects), "stopped after 10 redirects"},
		{"other", wrap(errors.New("malformed HTTP response")), "malformed HTTP response"},
	} {
		if got := describe(tc.err, 10*time.Second); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestRetryWithGet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status int
		err    error
		want   bool
	}{
		{200, nil, false},
		{405, nil, true},
		{403, nil, true},
		{501, nil, true},
		{400, nil, true},
		{404, nil, true},
		{500, nil, false},
		{429, nil, false},
		{0, context.DeadlineExceeded, false},
		{0, &net.DNSError{Name: "x", IsNotFound: true}, false},
		{0, errors.New("EOF"), true},
	} {
		if got := retryWithGet(tc.status, tc.err); got != tc.want {
			t.Errorf("retryWithGet(%d, %v): got %v, want %v", tc.status, tc.err, got, tc.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"", defaultRetryWait},
		{"0", 0},
		{"3", 3 * time.Second},
		{"-5", 0},
		{"99999999999999", 24 * time.Hour},
		{"Sat, 01 Mar 2025 12:00:04 GMT", 4 * time.Second},
		{"Sat, 01 Mar 2025 11:00:00 GMT", 0},
		{"soon", defaultRetryWait},
	} {
		if got := retryAfter(tc.in, now); got != tc.want {
			t.Errorf("retryAfter(%q): got %v, want %v", tc.in, got, tc.want)
		}
	}
}
