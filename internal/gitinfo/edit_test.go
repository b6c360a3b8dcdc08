package gitinfo

import "testing"

func TestEditURLFor(t *testing.T) {
	t.Parallel()
	const page = "docs/how to/café (1).md"
	for _, tc := range []struct {
		name, remote, branch, tmpl, path, want string
	}{
		{"github https", "https://github.com/acme/handbook.git", "main", "", page,
			"https://github.com/acme/handbook/edit/main/docs/how%20to/caf%C3%A9%20%281%29.md"},
		{"github https no suffix", "https://github.com/acme/handbook", "main", "", "README.md",
			"https://github.com/acme/handbook/edit/main/README.md"},
		{"github https trailing slash", "https://github.com/acme/handbook/", "main", "", "README.md",
			"https://github.com/acme/handbook/edit/main/README.md"},
		{"github https credentials dropped", "https://bot:s3cret@github.com/acme/handbook.git", "main", "", "a.md",
			"https://github.com/acme/handbook/edit/main/a.md"},
		{"github scp", "git@github.com:acme/handbook.git", "main", "", "a.md",
			"https://github.com/acme/handbook/edit/main/a.md"},
		{"github ssh url", "ssh://git@github.com/acme/handbook.git", "main", "", "a.md",
			"https://github.com/acme/handbook/edit/main/a.md"},
		{"github ssh url with port", "ssh://git@ssh.github.com:443/acme/handbook.git", "main", "", "a.md",
			"https://github.com/acme/handbook/edit/main/a.md"},
		{"github git protocol", "git://github.com/acme/handbook.git", "main", "", "a.md",
			"https://github.com/acme/handbook/edit/main/a.md"},
		{"github enterprise", "git@github.acme.corp:docs/handbook.git", "main", "", "a.md",
			"https://github.acme.corp/docs/handbook/edit/main/a.md"},
		{"branch with slash", "git@github.com:acme/handbook.git", "release/0.2.1", "", "a.md",
			"https://github.com/acme/handbook/edit/release/0.2.1/a.md"},
		{"leading slash in path", "git@github.com:acme/handbook.git", "main", "", "/a.md",
			"https://github.com/acme/handbook/edit/main/a.md"},
		{"hash and percent escaped", "git@github.com:acme/handbook.git", "main", "", "c#/100%.md",
			"https://github.com/acme/handbook/edit/main/c%23/100%25.md"},
		{"gitlab https", "https://gitlab.com/acme/handbook.git", "main", "", page,
			"https://gitlab.com/acme/handbook/-/edit/main/docs/how%20to/caf%C3%A9%20%281%29.md"},
		{"gitlab subgroup scp", "git@gitlab.com:acme/docs/handbook.git", "main", "", "a.md",
			"https://gitlab.com/acme/docs/handbook/-/edit/main/a.md"},
		{"gitlab ssh url", "ssh://git@gitlab.com/acme/handbook.git", "main", "", "a.md",
			"https://gitlab.com/acme/handbook/-/edit/main/a.md"},
		{"gitlab self-hosted with web port", "https://gitlab.acme.corp:8443/acme/handbook.git", "main", "", "a.md",
			"https://gitlab.acme.corp:8443/acme/handbook/-/edit/main/a.md"},
		{"gitlab self-hosted ssh port dropped", "ssh://git@gitlab.acme.corp:2222/acme/handbook.git", "main", "", "a.md",
			"https://gitlab.acme.corp/acme/handbook/-/edit/main/a.md"},
		{"bitbucket https with user", "https://jane@bitbucket.org/acme/handbook.git", "main", "", "a b.md",
			"https://bitbucket.org/acme/handbook/src/main/a%20b.md?mode=edit"},
		{"bitbucket scp", "git@bitbucket.org:acme/handbook.git", "main", "", "a.md",
			"https://bitbucket.org/acme/handbook/src/main/a.md?mode=edit"},
		{"bitbucket ssh url", "ssh://git@bitbucket.org/acme/handbook.git", "main", "", "a.md",
			"https://bitbucket.org/acme/handbook/src/main/a.md?mode=edit"},
		{"codeberg https", "https://codeberg.org/acme/handbook.git", "main", "", "a b.md",
			"https://codeberg.org/acme/handbook/_edit/main/a%20b.md"},
		{"codeberg scp", "git@codeberg.org:acme/handbook.git", "main", "", "a.md",
			"https://codeberg.org/acme/handbook/_edit/main/a.md"},
		{"codeberg ssh url", "ssh://git@codeberg.org/acme/handbook.git", "main", "", "a.md",
			"https://codeberg.org/acme/handbook/_edit/main/a.md"},
		{"http kept", "http://gitea.local/acme/handbook", "main", "", "a.md",
			"http://gitea.local/acme/handbook/_edit/main/a.md"},
		{"template wins", "git@github.com:acme/handbook.git", "main", "https://cms.example.com/{branch}/{path}?edit", page,
			"https://cms.example.com/main/docs/how%20to/caf%C3%A9%20%281%29.md?edit"},
		{"template without remote", "", "", "https://example.com/edit/{path}", "a b.md",
			"https://example.com/edit/a%20b.md"},
		{"unknown host", "https://git.example.com/acme/handbook.git", "main", "", "a.md", ""},
		{"local path", "/srv/git/handbook.git", "main", "", "a.md", ""},
		{"local bundle", "../shared/corpus/mattermost-handbook.bundle", "main", "", "a.md", ""},
		{"windows path", `C:\repos\handbook`, "main", "", "a.md", ""},
		{"file url", "file:///srv/git/handbook.git", "main", "", "a.md", ""},
		{"no remote", "", "main", "", "a.md", ""},
		{"detached head", "git@github.com:acme/handbook.git", "", "", "a.md", ""},
		{"no owner", "https://github.com/handbook.git", "main", "", "a.md", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := EditURLFor(tc.remote, tc.branch, tc.tmpl, tc.path); got != tc.want {
				t.Errorf("EditURLFor(%q, %q, %q, %q):\ngot  %q\nwant %q", tc.remote, tc.branch, tc.tmpl, tc.path, got, tc.want)
			}
		})
	}
}

func TestEditURLOnNilRepo(t *testing.T) {
	t.Parallel()
	var r *Repo
	if got, want := r.EditURL("", "a.md"), ""; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := r.EditURL("https://x/{path}", "a.md"), "https://x/a.md"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, ok := r.Updated("a.md"); ok {
		t.Errorf("got a date from a nil Repo, want none")
	}
}
