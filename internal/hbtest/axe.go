package hbtest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// WCAG2AA are the axe-core tags of the rules for WCAG 2.0, 2.1 and 2.2 at
// levels A and AA.
var WCAG2AA = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// AxeViolation is a rule of axe-core that elements of a page break.
type AxeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []AxeNode `json:"nodes"`
}

// AxeNode is an element that breaks a rule.
type AxeNode struct {
	// Target holds CSS selectors that find the element, one per frame
	// or shadow root on the way to it.
	Target  []string `json:"target"`
	HTML    string   `json:"html"`
	Summary string   `json:"failureSummary"`
}

// String gives the rule, its impact and the elements' selectors on one
// line, as a list of violations reads best.
func (v AxeViolation) String() string {
	targets := make([]string, len(v.Nodes))
	for i, n := range v.Nodes {
		targets[i] = strings.Join(n.Target, " ")
	}
	return fmt.Sprintf("%s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
}

// Axe runs axe-core (node_modules/axe-core/axe.min.js of the repository,
// which "npm ci" installs) on the page open in ctx, with the rules of the
// given tags (all rules without any), and returns the rules the page
// breaks. Without axe-core installed the test is skipped, or fails when
// the environment variable CI is set; when axe-core fails, the test
// fails.
func Axe(t testing.TB, ctx context.Context, tags ...string) []AxeViolation {
	t.Helper()
	src, err := axeSource()
	if errors.Is(err, errNoAxe) && os.Getenv("CI") == "" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("typeof window.axe === 'object'"))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	if !loaded {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			t.Fatalf("axe: load axe-core into the page: %v", err)
		}
	}
	opts := "{resultTypes: ['violations']}"
	if len(tags) > 0 {
		opts = fmt.Sprintf("{resultTypes: ['violations'], runOnly: {type: 'tag', values: ['%s']}}", strings.Join(tags, "', '"))
	}
	// A selector into a shadow root or frame is an array: join it.
	js := fmt.Sprintf(`axe.run(document, %s).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({
			target: n.target.map(s => Array.isArray(s) ? s.join(' >>> ') : String(s)),
			html: n.html, failureSummary: n.failureSummary || '',
		})),
	})))`, opts)
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]AxeViolation](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: run: %v", err)
	}
	return vs
}

// errNoAxe is the error of axeSource when axe-core is not installed.
var errNoAxe = errors.New("axe-core is not installed")

// axeSource reads axe.min.js from node_modules at the root of the
// repository, the folder above the working directory that holds go.mod.
func axeSource() (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", fmt.Errorf("axe: %w", err)
	}
	p := filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%w: run npm ci in %s", errNoAxe, root)
	}
	if err != nil {
		return "", fmt.Errorf("axe: read axe-core: %w", err)
	}
	return string(b), nil
}

// repoRoot returns the closest folder at or above the working directory
// that holds go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod at or above the working directory")
		}
		dir = up
	}
}
