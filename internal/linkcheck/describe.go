package linkcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"syscall"
	"time"
)

// describe says in a few words why a request got no answer, for the
// message "did not answer: ...".
func describe(err error, timeout time.Duration) string {
	if isTimeout(err) {
		return fmt.Sprintf("timeout after %s", timeout)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		if dns.IsNotFound {
			return fmt.Sprintf("no such host %q", dns.Name)
		}
		return fmt.Sprintf("DNS lookup of %q failed: %s", dns.Name, dns.Err)
	}
	if msg, ok := tlsProblem(err); ok {
		return "TLS error: " + msg
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return "connection refused"
	}
	if errors.Is(err, syscall.ECONNRESET) {
		return "connection reset"
	}
	if errors.Is(err, errTooManyRedirects) {
		return errTooManyRedirects.Error()
	}
	// A *url.Error repeats the method and the URL, which the message
	// already names.
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}

// final reports whether a request error would be the same with GET as with
// HEAD, so that asking again is pointless: timeouts, DNS and TLS failures,
// refused connections, redirect loops and cancellation.
func final(err error) bool {
	if isTimeout(err) || errors.Is(err, context.Canceled) {
		return true
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return true
	}
	if _, ok := tlsProblem(err); ok {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, errTooManyRedirects)
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// tlsProblem returns the message of a TLS or certificate error in err.
func tlsProblem(err error) (string, bool) {
	var (
		verify   *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		header   tls.RecordHeaderError
		alert    tls.AlertError
	)
	switch {
	case errors.As(err, &verify):
		return verify.Err.Error(), true
	case errors.As(err, &unknown):
		return unknown.Error(), true
	case errors.As(err, &hostname):
		return hostname.Error(), true
	case errors.As(err, &invalid):
		return invalid.Error(), true
	case errors.As(err, &header):
		return header.Error(), true
	case errors.As(err, &alert):
		return alert.Error(), true
	}
	return "", false
}
