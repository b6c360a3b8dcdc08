package internal_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestDependenciesFlowOneWay checks which of the project's packages each
// package may import, so that, for instance, the Markdown renderer never
// learns about books and nothing imports the command line.
func TestDependenciesFlowOneWay(t *testing.T) {
	t.Parallel()
	const mod = "github.com/handbookhq/handbook/"
	allowed := map[string][]string{
		"internal/diag":                 nil,
		"internal/summary":              {"internal/diag"},
		"internal/config":               {"internal/diag", "internal/config/yamldiag"},
		"internal/config/yamldiag":      {"internal/diag"},
		"internal/frontmatter":          {"internal/diag", "internal/config/yamldiag"},
		"internal/markdown":             {"internal/markdown/htmlfilter", "internal/markdown/blocks", "internal/markdown/liquid", "internal/markdown/icons", "internal/markdown/expr", "internal/markdown/mathml"},
		"internal/markdown/blocks":      {"internal/markdown/htmlfilter", "internal/markdown/liquid", "internal/markdown/icons", "internal/markdown/expr", "internal/markdown/mathml"},
		"internal/markdown/expr":        nil,
		"internal/markdown/htmlfilter":  nil,
		"internal/markdown/icons":       nil,
		"internal/markdown/liquid":      nil,
		"internal/markdown/mathml":      nil,
		"internal/theme":                nil,
		"internal/gitinfo":              nil,
		"internal/publish":              nil,
		"internal/book":                 {"internal/diag", "internal/config", "internal/config/yamldiag", "internal/summary", "internal/frontmatter"},
		"internal/site":                 {"internal/diag", "internal/config", "internal/config/yamldiag", "internal/summary", "internal/frontmatter", "internal/book", "internal/markdown", "internal/markdown/htmlfilter", "internal/markdown/blocks", "internal/markdown/liquid", "internal/markdown/icons", "internal/markdown/expr", "internal/markdown/mathml", "internal/theme", "internal/gitinfo", "internal/publish", "internal/search", "internal/llms", "internal/printview"},
		"internal/server":               {"internal/search", "internal/llms", "internal/mcpserver", "internal/feedback", "internal/insights"},
		"internal/feedback":             nil,
		"internal/feedback/sqlitestore": {"internal/feedback"},
		"internal/feedback/pgstore":     {"internal/feedback"},
		"internal/feedback/storetest":   {"internal/feedback"},
		"internal/insights":             {"internal/feedback"},
		"internal/llms":                 nil,
		"internal/mcpserver":            {"internal/search", "internal/llms"},
		"internal/bookgen":              nil,
		"internal/pdf":                  nil,
		"internal/printview":            nil,
		"internal/pdftest":              nil,
		"internal/check":                {"internal/site", "internal/diag", "internal/config", "internal/config/yamldiag", "internal/summary", "internal/frontmatter", "internal/book", "internal/markdown", "internal/markdown/htmlfilter", "internal/markdown/blocks", "internal/markdown/liquid", "internal/markdown/icons", "internal/markdown/expr", "internal/markdown/mathml", "internal/theme", "internal/gitinfo", "internal/publish", "internal/search", "internal/llms", "internal/printview"},
		"internal/linkcheck":            {"internal/diag"},
		"internal/watch":                nil,
		"internal/livereload":           nil,
		"internal/visitor":              nil,
		"internal/versions":             {"internal/site", "internal/diag", "internal/config", "internal/config/yamldiag", "internal/summary", "internal/frontmatter", "internal/book", "internal/markdown", "internal/markdown/htmlfilter", "internal/markdown/blocks", "internal/markdown/liquid", "internal/markdown/icons", "internal/markdown/expr", "internal/markdown/mathml", "internal/theme", "internal/gitinfo", "internal/publish", "internal/search", "internal/llms", "internal/printview"},
		"internal/pdfexport":            {"internal/site", "internal/pdf", "internal/diag", "internal/config", "internal/config/yamldiag", "internal/summary", "internal/frontmatter", "internal/book", "internal/markdown", "internal/markdown/htmlfilter", "internal/markdown/blocks", "internal/markdown/liquid", "internal/markdown/icons", "internal/markdown/expr", "internal/markdown/mathml", "internal/theme", "internal/gitinfo", "internal/publish", "internal/search", "internal/llms", "internal/printview"},
	}
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Deps " "}}`, mod+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], mod)
		want, checked := allowed[pkg]
		if !checked {
			continue
		}
		for _, dep := range fields[1:] {
			d, ours := strings.CutPrefix(dep, mod)
			if ours && !slices.Contains(want, d) {
				t.Errorf("%s imports %s, which it may not", pkg, d)
			}
		}
	}
}
