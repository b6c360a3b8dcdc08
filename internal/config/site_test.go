package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestParseSite(t *testing.T) {
	t.Parallel()
	src := `title: Acme Handbook
base_url: https://handbook.example.com/docs
logo: .gitbook/assets/logo.svg
links:
  - title: Website
    url: https://example.com
  - {title: Blog, url: /blog/}
edit_url: https://github.com/acme/handbook/edit/{branch}/{path}
footer: |
  © Acme
  [CC BY-SA](https://creativecommons.org/licenses/by-sa/4.0/)
description: How Acme works.
llms_full_pages: 50
feedback:
  endpoint: https://feedback.example.com/
`
	s, ds := ParseSite("handbook.yaml", []byte(src))
	if len(ds) != 0 {
		t.Fatalf("got diagnostics:\n%s\nwant none", ds.Error())
	}
	for _, tc := range []struct{ name, got, want string }{
		{"title", s.Title, "Acme Handbook"},
		{"base_url gets a trailing slash", s.BaseURL, "https://handbook.example.com/docs/"},
		{"logo", s.Logo, ".gitbook/assets/logo.svg"},
		{"edit_url", s.EditURL, "https://github.com/acme/handbook/edit/{branch}/{path}"},
		{"footer", s.Footer, "© Acme\n[CC BY-SA](https://creativecommons.org/licenses/by-sa/4.0/)\n"},
		{"description", s.Description, "How Acme works."},
		{"llms_full_pages", fmt.Sprint(s.LLMsFullPages), "50"},
		{"feedback.endpoint loses its trailing slash", s.Feedback.Endpoint, "https://feedback.example.com"},
		{"links", fmt.Sprint(s.Links), "[{Website https://example.com handbook.yaml:5:5} {Blog /blog/ handbook.yaml:7:5}]"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	var pos []string
	for _, k := range slices.Sorted(maps.Keys(s.Pos)) {
		pos = append(pos, k+"="+s.Pos[k].String())
	}
	want := "base_url=handbook.yaml:2:11 description=handbook.yaml:12:14 edit_url=handbook.yaml:8:11 feedback=handbook.yaml:15:3 feedback.endpoint=handbook.yaml:15:13 footer=handbook.yaml:9:9 links=handbook.yaml:5:3 " +
		"links.0=handbook.yaml:5:5 links.0.title=handbook.yaml:5:12 links.0.url=handbook.yaml:6:10 " +
		"links.1=handbook.yaml:7:5 links.1.title=handbook.yaml:7:13 links.1.url=handbook.yaml:7:24 " +
		"llms_full_pages=handbook.yaml:13:18 logo=handbook.yaml:3:7 title=handbook.yaml:1:8"
	if got := strings.Join(pos, " "); got != want {
		t.Errorf("positions:\ngot  %s\nwant %s", got, want)
	}
}

func TestParseSiteDiagnostics(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		src   string
		diags string
	}{
		{"empty file", "", ""},
		{"null values", "title:\nlogo: ~\nlinks:\n", ""},
		{
			"unknown key differing by case",
			"Title: x\n",
			`handbook.yaml:1:1: error: unknown key "Title" in handbook.yaml
	hint: did you mean "title"? valid keys are title, description, base_url, logo, links, edit_url, footer, llms_full_pages, feedback, versions, private, visitors, theme`,
		},
		{
			"unknown key with a typo",
			"title: x\nbaseurl: https://x.org/\n",
			`handbook.yaml:2:1: error: unknown key "baseurl" in handbook.yaml
	hint: did you mean "base_url"? valid keys are title, description, base_url, logo, links, edit_url, footer, llms_full_pages, feedback, versions, private, visitors, theme`,
		},
		{
			"unknown key with no close match",
			"colour: red\n",
			`handbook.yaml:1:1: error: unknown key "colour" in handbook.yaml
	hint: valid keys are title, description, base_url, logo, links, edit_url, footer, llms_full_pages, feedback, versions, private, visitors, theme`,
		},
		{
			"links not a list",
			"links: foo\n",
			`handbook.yaml:1:8: error: "links" must be a list of links with title and url, not the text "foo"
	hint: write a list of links, one "- title: ..." with "url: ..." below it per link`,
		},
		{
			"link problems",
			"links:\n  - title: A\n  - url: /b\n    titel: B\n  - just text\n",
			`handbook.yaml:2:5: error: link 1 has no url
	hint: give every link a title and a url
handbook.yaml:3:5: error: link 2 has no title
	hint: give every link a title and a url
handbook.yaml:4:5: error: unknown key "titel" in a link
	hint: did you mean "title"? valid keys are title, url
handbook.yaml:5:5: error: "links.2" must be a link with title and url, not the text "just text"
	hint: write a list of links, one "- title: ..." with "url: ..." below it per link`,
		},
		{
			"title of the wrong type",
			"title: [a, b]\n",
			`handbook.yaml:1:8: error: "title" must be text, not a list`,
		},
		{
			"number as title is text",
			"title: 2024\n",
			"",
		},
		{
			"title cut by a comment",
			"title: Team #1 handbook\n",
			`handbook.yaml:1:8: warning: value of "title" ends at " #", which starts a comment
	hint: put the whole value in quotes if the "#" is part of it`,
		},
		{
			"relative base_url",
			"base_url: /docs/\n",
			`handbook.yaml:1:11: error: base_url "/docs/" is not an absolute http or https URL
	hint: write the full address the site is published at, such as "https://handbook.example.com/"`,
		},
		{
			"ftp base_url",
			"base_url: ftp://example.com/\n",
			`handbook.yaml:1:11: error: base_url "ftp://example.com/" is not an absolute http or https URL
	hint: write the full address the site is published at, such as "https://handbook.example.com/"`,
		},
		{
			"base_url without a scheme",
			"base_url: handbook.example.com\n",
			`handbook.yaml:1:11: error: base_url "handbook.example.com" is not an absolute http or https URL
	hint: write the full address the site is published at, such as "https://handbook.example.com/"`,
		},
		{
			"base_url with a query",
			"base_url: 'https://example.com/?a=1'\n",
			`handbook.yaml:1:11: error: base_url "https://example.com/?a=1" has a query or fragment
	hint: remove what follows "?" or "#"`,
		},
		{
			"edit_url without path",
			"edit_url: https://github.com/o/r/edit/{branch}/\n",
			`handbook.yaml:1:11: error: edit_url "https://github.com/o/r/edit/{branch}/" does not contain {path}
	hint: write the address of a file's editor with {path} where the file's path goes, such as "https://github.com/owner/repo/edit/{branch}/{path}"`,
		},
		{
			"edit_url with an unknown placeholder",
			"edit_url: https://github.com/o/r/edit/{ref}/{path}\n",
			`handbook.yaml:1:11: error: edit_url has unknown placeholder "{ref}"
	hint: the placeholders are {branch} and {path}`,
		},
		{
			"duplicate key",
			"title: A\ntitle: B\n",
			`handbook.yaml:2:1: error: key "title" is already set on line 1
	hint: remove one of the two; only the first is used`,
		},
		{
			"not a mapping",
			"just a title\n",
			`handbook.yaml:1:1: error: handbook.yaml must be a mapping of keys to values, not the text "just a title"
	hint: write lines such as "title: My Handbook"`,
		},
		{
			"syntax error",
			"title: A\nfooter: Made by: us\n",
			`handbook.yaml:2:16: error: value of "footer" contains ": " and must be quoted
	hint: write footer: "Made by: us", in quotes`,
		},
		{
			"llms_full_pages not a positive number",
			"llms_full_pages: 0\n",
			`handbook.yaml:1:18: error: llms_full_pages must be a whole number of at least 1, not the number 0
	hint: write, for example, "llms_full_pages: 100"`,
		},
		{
			"feedback.endpoint not a URL",
			"feedback:\n  endpoint: feedback.example.com\n",
			`handbook.yaml:2:13: error: feedback.endpoint "feedback.example.com" is not an absolute http or https URL
	hint: write the address of a running "handbook serve", such as "https://feedback.example.com"`,
		},
		{
			"feedback.endpoint with a query",
			"feedback:\n  endpoint: 'https://x.org/?a=1'\n",
			`handbook.yaml:2:13: error: feedback.endpoint "https://x.org/?a=1" has a query, fragment or user name
	hint: write the address of a running "handbook serve", such as "https://feedback.example.com"`,
		},
		{
			"feedback with an unknown key",
			"feedback:\n  endpiont: https://x.org\n",
			`handbook.yaml:2:3: error: unknown key "endpiont" in feedback
	hint: did you mean "endpoint"? valid keys are endpoint`,
		},
		{
			"feedback not a mapping",
			"feedback: https://x.org\n",
			`handbook.yaml:1:11: error: "feedback" must be a mapping with an endpoint, not the text "https://x.org"
	hint: write "feedback:" with "endpoint: https://..." indented below it`,
		},
		{
			"feedback without an endpoint",
			"feedback:\n",
			"",
		},
		{
			"tab indentation",
			"links:\n\t- title: A\n",
			`handbook.yaml:2:1: error: tab character in indentation
	hint: indent with spaces; YAML does not allow tabs`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, ds := ParseSite("handbook.yaml", []byte(tc.src))
			if s == nil || s.Pos == nil {
				t.Fatal("got nil site or positions")
			}
			if got := ds.Error(); got != tc.diags {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.diags)
			}
		})
	}
}

func TestParseSiteKeepsValidParts(t *testing.T) {
	t.Parallel()
	s, ds := ParseSite("handbook.yaml", []byte("title: T\nbase_url: nope\nlinks:\n  - title: A\n    url: /a\n  - title: B\n"))
	if got, want := len(ds.Errors()), 2; got != want {
		t.Errorf("got %d errors, want %d:\n%s", got, want, ds.Error())
	}
	if s.Title != "T" || s.BaseURL != "" || len(s.Links) != 1 || s.Links[0].URL != "/a" {
		t.Errorf("got %+v, want title T, no base_url and the one complete link", s)
	}
}

func FuzzSiteConfig(f *testing.F) {
	for _, s := range []string{
		"title: A\nbase_url: https://x.org/d\nlogo: l.png\nlinks:\n  - title: W\n    url: https://w\nedit_url: https://g/{branch}/{path}\nfooter: f\n",
		"links: foo\nTitle: x\nbase_url: ftp://x\nedit_url: {x}\n",
		"links:\n  - *a\n  - &a {title: t}\n",
		"versions:\n  - ref: main\n  - {ref: release/1, title: One, path: one}\nprivate: [internal/**, ./a/, '[x']\n" +
			"visitors:\n  token: {algorithm: RS256, key_file: k.pem}\n  oidc: {issuer: 'https://a.b', client_id: c, scopes: [email]}\n  session_ttl: 1h\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, ds := ParseSite("handbook.yaml", src)
		if s == nil {
			t.Fatal("got nil site")
		}
		if s.BaseURL != "" && !strings.HasSuffix(s.BaseURL, "/") {
			t.Errorf("got base_url %q, want a trailing slash", s.BaseURL)
		}
		for _, v := range s.Versions {
			if v.Ref == "" || !validVersionPath(v.Path) {
				t.Errorf("got version %+v, want a ref and a valid path", v)
			}
		}
		if s.Visitors.SessionTTL <= 0 || s.Visitors.SessionKeyEnv == "" {
			t.Errorf("got visitors %+v, want a session key and a positive ttl", s.Visitors)
		}
		if tok := s.Visitors.Token; tok != nil && (tok.KeyEnv == "") == (tok.KeyFile == "") {
			t.Errorf("got visitor token %+v, want exactly one of key_env and key_file", *tok)
		}
		for _, d := range ds {
			if d.Pos.Line < 1 {
				t.Errorf("got diagnostic without a line: %v", d)
			}
		}
	})
}
