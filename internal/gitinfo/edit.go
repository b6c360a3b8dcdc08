package gitinfo

import (
	"net/url"
	"strings"
)

// forge is a code-hosting service whose edit URLs we know how to build.
type forge int

const (
	noForge forge = iota
	github
	gitlab
	bitbucket
	gitea // Gitea and Forgejo, Codeberg's software
)

// EditURLFor returns the "edit this page" URL for path, a slash-separated
// path relative to the repository top.
//
// When tmpl is not empty it is the answer, with {branch} and {path}
// replaced. Otherwise the URL is derived from remote, an origin URL in any
// form git accepts (https://host/o/r.git, git@host:o/r.git,
// ssh://git@host[:port]/o/r.git), for GitHub, GitLab, Bitbucket and
// Codeberg, and for hosts named github.*, gitlab.*, gitea.* or forgejo.*
// (self-hosted instances). It returns "" when the forge is unknown or the
// branch is empty (a detached HEAD). Each path segment is percent-escaped;
// slashes are kept.
func EditURLFor(remote, branch, tmpl, path string) string {
	p := escapeSegments(strings.TrimPrefix(path, "/"))
	b := escapeSegments(branch)
	if tmpl != "" {
		return strings.NewReplacer("{branch}", b, "{path}", p).Replace(tmpl)
	}
	if branch == "" || path == "" {
		return ""
	}
	base, f := parseRemote(remote)
	switch f {
	case github:
		return base + "/edit/" + b + "/" + p
	case gitlab:
		return base + "/-/edit/" + b + "/" + p
	case bitbucket:
		return base + "/src/" + b + "/" + p + "?mode=edit"
	case gitea:
		return base + "/_edit/" + b + "/" + p
	}
	return ""
}

// parseRemote returns the web address of the repository named by remote
// (scheme, host and owner/repo path, no trailing slash or ".git") and its
// forge, or noForge.
func parseRemote(remote string) (string, forge) {
	remote = strings.TrimSpace(remote)
	scheme := "https"
	var host, repo string
	if i := strings.Index(remote, "://"); i >= 0 {
		u, err := url.Parse(remote)
		if err != nil {
			return "", noForge
		}
		switch strings.ToLower(u.Scheme) {
		case "http", "https":
			scheme, host = strings.ToLower(u.Scheme), u.Host // a web port is kept
		case "ssh", "git", "git+ssh", "ssh+git":
			host = u.Hostname() // an ssh or git port is not the web port
		default:
			return "", noForge
		}
		repo = u.Path
	} else {
		// scp-like syntax: [user@]host:path, where host has no slash and
		// is longer than a drive letter.
		hostPart, p, ok := strings.Cut(remote, ":")
		if !ok || strings.Contains(hostPart, "/") {
			return "", noForge
		}
		if at := strings.LastIndex(hostPart, "@"); at >= 0 {
			hostPart = hostPart[at+1:]
		}
		if len(hostPart) < 2 {
			return "", noForge
		}
		host, repo = hostPart, p
	}
	host = strings.ToLower(host)
	repo = strings.Trim(repo, "/")
	repo = strings.TrimSuffix(repo, ".git")
	repo = strings.TrimPrefix(repo, "~") // ssh://host/~user/repo is unusual on forges
	if strings.Count(repo, "/") < 1 || strings.Contains(repo, "//") {
		return "", noForge
	}
	name, f := forgeOf(host)
	if f == noForge {
		return "", noForge
	}
	return scheme + "://" + name + "/" + repo, f
}

// forgeOf names the forge serving host and the host of its web pages.
func forgeOf(host string) (string, forge) {
	h := strings.TrimPrefix(host, "www.")
	bare, _, _ := strings.Cut(h, ":")
	switch bare {
	case "github.com", "ssh.github.com":
		return "github.com", github
	case "gitlab.com", "altssh.gitlab.com":
		return "gitlab.com", gitlab
	case "bitbucket.org", "altssh.bitbucket.org":
		return "bitbucket.org", bitbucket
	case "codeberg.org":
		return "codeberg.org", gitea
	}
	switch {
	case strings.HasPrefix(bare, "github."):
		return h, github
	case strings.HasPrefix(bare, "gitlab."):
		return h, gitlab
	case strings.HasPrefix(bare, "gitea."), strings.HasPrefix(bare, "forgejo."):
		return h, gitea
	}
	return "", noForge
}

// escapeSegments percent-escapes each slash-separated segment of p.
func escapeSegments(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
