package config

import (
	"net/url"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/config/yamldiag"
	"github.com/handbookhq/handbook/internal/diag"
)

// feedbackConfig decodes the feedback mapping: {endpoint: URL}.
func feedbackConfig(doc *yamldiag.Doc, ds *diag.List, pos map[string]diag.Pos, v *yaml.Node) Feedback {
	var f Feedback
	pairs, ok := mappingPairs(doc, ds, "feedback", v, "a mapping with an endpoint",
		"write \"feedback:\" with \"endpoint: https://...\" indented below it")
	if !ok {
		return f
	}
	for _, p := range pairs {
		if p.Key != "endpoint" {
			ds.Add(unknownKey(doc, diag.Error, p, "feedback", feedbackKeys))
			continue
		}
		pos["feedback."+p.Key] = doc.Pos(p.Value)
		f.Endpoint = endpoint(doc, ds, p.Value)
	}
	return f
}

// endpoint reads feedback.endpoint: the absolute http(s) address of a
// running "handbook serve", returned without a trailing slash.
func endpoint(doc *yamldiag.Doc, ds *diag.List, v *yaml.Node) string {
	raw := strings.TrimSpace(text(doc, ds, "feedback.endpoint", v))
	if raw == "" {
		return ""
	}
	hint := "write the address of a running \"handbook serve\", such as \"https://feedback.example.com\""
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		ds.Add(diag.Errorf(doc.Pos(v), "feedback.endpoint %q is not an absolute http or https URL", raw).WithHint("%s", hint))
		return ""
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.ContainsAny(raw, "?#") {
		ds.Add(diag.Errorf(doc.Pos(v), "feedback.endpoint %q has a query, fragment or user name", raw).WithHint("%s", hint))
		return ""
	}
	return strings.TrimRight(raw, "/")
}
