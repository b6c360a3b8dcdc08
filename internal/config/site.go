package config

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// Site is the content of a handbook.yaml file: how the site is published.
type Site struct {
	Title   string // site name; "" means the first page's title
	BaseURL string // absolute http(s) URL ending in "/", or ""
	Logo    string // path of an image file in the repository, or URL
	Links   []Link // header links
	EditURL string // template with {branch} and {path}
	Footer  string // Markdown shown in the footer
	// Description says in a sentence what the handbook is; llms.txt
	// opens with it.
	Description string
	// LLMsFullPages is how many pages one llms-full file holds; 0 means
	// the default, 100.
	LLMsFullPages int
	// Feedback says where the "Was this helpful?" widget of a static
	// build sends its ratings.
	Feedback Feedback
	// Versions are the git branches and tags published as versions of
	// the handbook. The first is the default version, served at the site
	// root; the others are served under /v/<path>/. Nil means one
	// version, the checked-out source.
	Versions []Version
	// Private holds the patterns of the private pages, as written less
	// a leading "./" or "/": doublestar globs relative to the content
	// root. See PrivateFile.
	Private []string
	// Visitors says how readers sign in to see private pages.
	Visitors Visitors
	// Theme changes the look of the default theme.
	Theme Theme

	// Pos holds the position of each value as written, keyed by its path:
	// "logo", "links", "links.0", "links.0.url". A key with a null value
	// maps to the position just after its colon.
	Pos map[string]diag.Pos
}

// Feedback is the feedback mapping of handbook.yaml.
type Feedback struct {
	// Endpoint is the address of a running "handbook serve", an absolute
	// http(s) URL without a trailing slash, or "": the widget of a
	// static build posts to Endpoint + "/api/feedback".
	Endpoint string
}

// Link is a header link.
type Link struct {
	Title, URL string
	Pos        diag.Pos // position of the list item
}

var (
	siteKeys     = []string{"title", "description", "base_url", "logo", "links", "edit_url", "footer", "llms_full_pages", "feedback", "versions", "private", "visitors", "theme"}
	linkKeys     = []string{"title", "url"}
	feedbackKeys = []string{"endpoint"}

	placeholderRE = regexp.MustCompile(`\{[^{}]*\}`)
)

// ParseSite decodes a handbook.yaml file named file. It always returns a
// Site; a value that is invalid is left empty and reported. Diagnostics are
// sorted by position.
func ParseSite(file string, src []byte) (*Site, diag.List) {
	s := &Site{Visitors: defaultVisitors(), Pos: map[string]diag.Pos{}}
	doc, ds := yamldiag.Parse(file, src, 1)
	if doc.Root == nil {
		return s, ds
	}
	if doc.Root.Kind != yaml.MappingNode {
		ds.Add(diag.Errorf(doc.Pos(doc.Root), "%s must be a mapping of keys to values, not %s", file, yamldiag.Describe(doc.Root)).
			WithHint("write lines such as \"title: My Handbook\""))
		return s, ds
	}
	pairs, dd := doc.Pairs(doc.Root, diag.Error)
	ds.Add(dd...)
	for _, p := range pairs {
		if !slices.Contains(siteKeys, p.Key) {
			ds.Add(unknownKey(doc, diag.Error, p, file, siteKeys))
			continue
		}
		s.Pos[p.Key] = doc.Pos(p.Value)
		switch p.Key {
		case "title":
			s.Title = text(doc, &ds, p.Key, p.Value)
		case "base_url":
			s.BaseURL = baseURL(doc, &ds, p.Value)
		case "logo":
			s.Logo = text(doc, &ds, p.Key, p.Value)
		case "links":
			s.Links = links(doc, &ds, s.Pos, p.Value)
		case "edit_url":
			s.EditURL = editURL(doc, &ds, p.Value)
		case "footer":
			s.Footer = text(doc, &ds, p.Key, p.Value)
		case "description":
			s.Description = text(doc, &ds, p.Key, p.Value)
		case "llms_full_pages":
			s.LLMsFullPages = positive(doc, &ds, p.Key, p.Value)
		case "feedback":
			s.Feedback = feedbackConfig(doc, &ds, s.Pos, p.Value)
		case "versions":
			s.Versions = versions(doc, &ds, s.Pos, p.Value)
		case "private":
			s.Private = private(doc, &ds, s.Pos, p.Value)
		case "visitors":
			s.Visitors = visitors(doc, &ds, s.Pos, p.Value)
		case "theme":
			s.Theme = themeConfig(doc, &ds, s.Pos, p.Value)
		}
	}
	ds.Sort()
	return s, ds
}

func baseURL(doc *yamldiag.Doc, ds *diag.List, v *yaml.Node) string {
	raw := strings.TrimSpace(text(doc, ds, "base_url", v))
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		ds.Add(diag.Errorf(doc.Pos(v), "base_url %q is not an absolute http or https URL", raw).
			WithHint("write the full address the site is published at, such as \"https://handbook.example.com/\""))
		return ""
	}
	if u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(raw, "?#") {
		ds.Add(diag.Errorf(doc.Pos(v), "base_url %q has a query or fragment", raw).
			WithHint("remove what follows \"?\" or \"#\""))
		return ""
	}
	if !strings.HasSuffix(raw, "/") {
		raw += "/"
	}
	return raw
}

func editURL(doc *yamldiag.Doc, ds *diag.List, v *yaml.Node) string {
	s := strings.TrimSpace(text(doc, ds, "edit_url", v))
	if s == "" {
		return ""
	}
	hint := "write the address of a file's editor with {path} where the file's path goes, such as \"https://github.com/owner/repo/edit/{branch}/{path}\""
	for _, ph := range placeholderRE.FindAllString(s, -1) {
		if ph != "{path}" && ph != "{branch}" {
			ds.Add(diag.Errorf(doc.Pos(v), "edit_url has unknown placeholder %q", ph).
				WithHint("the placeholders are {branch} and {path}"))
			return ""
		}
	}
	if !strings.Contains(s, "{path}") {
		ds.Add(diag.Errorf(doc.Pos(v), "edit_url %q does not contain {path}", s).WithHint("%s", hint))
		return ""
	}
	return s
}

func links(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, v *yaml.Node) []Link {
	if yamldiag.IsNull(v) {
		return nil
	}
	hint := "write a list of links, one \"- title: ...\" with \"url: ...\" below it per link"
	if v.Kind != yaml.SequenceNode {
		ds.Add(typeError(doc, "links", v, "a list of links with title and url").WithHint("%s", hint))
		return nil
	}
	var out []Link
	for i, item := range v.Content {
		item = yamldiag.Resolve(item)
		key := "links." + strconv.Itoa(i)
		pos[key] = doc.Pos(item)
		if item.Kind != yaml.MappingNode {
			ds.Add(typeError(doc, key, item, "a link with title and url").WithHint("%s", hint))
			continue
		}
		l := Link{Pos: doc.Pos(item)}
		pairs, dd := doc.Pairs(item, diag.Error)
		ds.Add(dd...)
		for _, p := range pairs {
			switch p.Key {
			case "title":
				l.Title = strings.TrimSpace(text(doc, ds, key+".title", p.Value))
			case "url":
				l.URL = strings.TrimSpace(text(doc, ds, key+".url", p.Value))
			default:
				ds.Add(unknownKey(doc, diag.Error, p, "a link", linkKeys))
				continue
			}
			pos[key+"."+p.Key] = doc.Pos(p.Value)
		}
		ok := true
		for _, f := range []struct{ name, value string }{{"title", l.Title}, {"url", l.URL}} {
			if f.value == "" {
				ds.Add(diag.Errorf(l.Pos, "link %d has no %s", i+1, f.name).
					WithHint("give every link a title and a url"))
				ok = false
			}
		}
		if ok {
			out = append(out, l)
		}
	}
	return out
}
