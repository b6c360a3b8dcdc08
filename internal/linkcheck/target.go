package linkcheck

import (
	"errors"
	"net/url"
	"strings"

	"github.com/handbookhq/handbook/internal/diag"
)

// target is one distinct URL to check and the links that lead to it.
type target struct {
	key   string // the URL, normalized, without its fragment
	links []Link
}

// group sorts links into the distinct URLs to check, in the order they
// first appear. Links that are not http or https are left out; links that
// cannot be parsed come back as warnings.
func group(links []Link) ([]target, diag.List) {
	var (
		targets []target
		bad     diag.List
		index   = map[string]int{}
	)
	for _, l := range links {
		if !isHTTP(l.URL) {
			continue
		}
		key, err := normalize(l.URL)
		if err != nil {
			bad.Add(diag.Warnf(l.Pos, "external link %q is not a valid URL: %v", l.URL, err).
				WithHint("fix the address").WithCode(diag.ExternalLink))
			continue
		}
		i, seen := index[key]
		if !seen {
			i = len(targets)
			index[key] = i
			targets = append(targets, target{key: key})
		}
		targets[i].links = append(targets[i].links, l)
	}
	return targets, bad
}

// isHTTP reports whether raw starts with an http or https scheme, before
// parsing, so that an unparsable mailto: link is still skipped.
func isHTTP(raw string) bool {
	scheme, _, ok := strings.Cut(strings.TrimSpace(raw), ":")
	return ok && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https"))
}

// normalize parses raw and returns it without its fragment and with its
// host lowercased, the key under which it is checked and cached.
func normalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", err
	}
	if u.Host == "" {
		return "", errors.New("no host")
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

// hostOf returns the host (with port, if any) of a normalized URL.
func hostOf(key string) string {
	u, err := url.Parse(key)
	if err != nil {
		return key
	}
	return u.Host
}
