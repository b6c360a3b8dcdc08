package site_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/docs"
	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

// buildFixture builds a book loaded by load into a temporary folder,
// without git history, for assertions with hbtest.
func buildFixture(t *testing.T, load func(context.Context) (*book.Book, error)) *hbtest.Builder {
	t.Helper()
	ctx := context.Background()
	b := &hbtest.Builder{T: t, Out: filepath.Join(t.TempDir(), "site")}
	b.Book, b.Err = load(ctx)
	if b.Err != nil {
		t.Fatalf("load: %v", b.Err)
	}
	b.Result, b.Err = site.Build(ctx, b.Book, site.Options{Out: b.Out, NoGit: true})
	if b.Err != nil {
		t.Fatalf("build: %v", b.Err)
	}
	return b
}

// pagesOf returns the output path of every page of a built site.
func pagesOf(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == "index.html" {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestBlocksHandbookBuildsWithoutWarnings builds testdata/blocks-handbook,
// a small company handbook that uses every GitBook block on realistic
// pages, and checks each block's HTML. It gives no warning: the openapi
// blocks read their spec from a file of the repository.
func TestBlocksHandbookBuildsWithoutWarnings(t *testing.T) {
	t.Parallel()
	b := buildFixture(t, func(ctx context.Context) (*book.Book, error) {
		return book.Load(ctx, "testdata/blocks-handbook", book.Options{})
	})
	if len(b.Result.Diags) != 0 {
		t.Errorf("got diagnostics, want none:\n%s", b.Diags())
	}

	for _, page := range pagesOf(t, b.Out) {
		// Every tag is understood: none is left as text.
		b.AssertFile(page, `! {%`, `! block-unknown`)
	}

	b.AssertFile("index.html",
		`<div class="hint hint-info" role="note" aria-label="Info">`,
		`This handbook is how Northwind works`, // expression of a space variable
		// cards with icons, a cover and a link to a page
		`<div class="hb-cards">`,
		`<div class="hb-card hb-card-linked">`,
		`<img class="hb-card-cover" src="/_assets/cover-onboarding.svg"`,
		`<div class="hb-card-cell"><svg`,
		`<a class="hb-card-link" href="/engineering/engineering" aria-label="Engineering"></a>`,
		`! data-view="cards"`,
	)
	b.AssertFile("company/onboarding/index.html",
		// hint with a title
		`<div class="hint hint-warning"`,
		`<h2 class="hb-h3" id="before-your-first-day">Before your first day`,
		// stepper, with tabs inside a step
		`<ol class="stepper">`,
		`<li class="step step-titled"><span class="step-number" aria-hidden="true">3</span>`,
		`<div class="tabs" data-tabs>`,
		`data-tab="macos"`,
		`<p class="tab-label"><span class="tab-icon"><svg`,
		`Sign in to vpn.northwind.example with your Northwind account.`,
		// columns with a width
		`<div class="columns columns-sized" style="--columns-first:40">`,
		`<div class="column">`,
		// expandable, with a variable inside
		`<details>`,
		`<summary>What if my laptop has not arrived?</summary>`,
		`write to help@northwind.example.`,
		// page card with the title and description of the page
		`<a class="content-ref" href="/company/onboarding/first-week">`,
		`<span class="content-ref-title">Your first week</span><span class="content-ref-description">Day by day, what happens in your first week.</span>`,
	)
	b.AssertFile("company/onboarding/first-week/index.html",
		`data-tab="wednesday-to-friday"`,
		`<li><input type="checkbox" checked disabled aria-label="Done"> Badge collected</li>`,
		`<li><input type="checkbox" disabled aria-label="Not done"> First change merged</li>`,
		`<kbd>Cmd</kbd> + <kbd>K</kbd>`,
		// video embed that loads on click, with its caption
		`<figure class="embed embed-video">`,
		`data-embed-src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"`,
		`<figcaption><p>A welcome from the founders`,
	)
	b.AssertFile("company/policies/index.html",
		`<a class="content-ref" href="/company/policies/travel">`,
		`<span class="content-ref-title">Security</span>`,
		// file card with type, size and caption
		`<div class="file-card"><a class="file-card-link" href="/_assets/code-of-conduct.txt" download="code-of-conduct.txt">`,
		`<span class="file-card-meta">TXT · 190 B</span>`,
		`<div class="file-card-caption">`,
	)
	b.AssertFile("company/policies/travel/index.html",
		`<span class="file-card-name">per-diem.csv</span><span class="file-card-meta">CSV · 126 B</span>`,
		`<div class="hint hint-danger"`,
		// code title inside a list item
		`<div class="code-block"><div class="code-title"><svg`,
		`<span>Claim reference format</span>`,
		`EXP-&lt;year&gt;-&lt;cost centre&gt;-&lt;trip number&gt;`,
		// legacy page-ref
		`<a class="content-ref" href="/company/policies/security">`,
	)
	b.AssertFile("company/policies/security/index.html",
		`<div class="hint hint-success"`,
		`<details open="">`,
		// rich table: checkboxes, select labels, ratings, a hidden column
		`<div class="table-wrap full-width">`,
		`<span class="hb-checkbox" role="img" aria-label="Not checked">☐</span>`,
		`<span class="hb-label hb-label-red">Restricted</span>`,
		`<span class="hb-rating" role="img" aria-label="4 out of 5"><span class="hb-rating-on">★★★★</span>☆</span>`,
		`! Admin notes`,
		// reusable content inside a hint, without its front matter
		`<p>Suspect a phishing email?`,
		`! title: Security contact`,
	)
	b.AssertFile("company/brand/index.html",
		// large cards, one linking out of the handbook
		`<div class="hb-cards hb-cards-large">`,
		`<a class="hb-card-link" href="https://brand.northwind.example" rel="noopener" aria-label="Brand guide"></a>`,
		// buttons, with an icon, and a search button
		`<a href="https://brand.northwind.example/logo.zip" class="button primary" data-icon="download" rel="noopener"><svg`,
		`<a href="/company/help" class="button secondary">Ask the brand team</a>`,
		`<button type="button" class="button secondary" data-action="search" data-query="logo">`,
		// colours as classes, icons as SVG without their fallback text
		`<mark class="hb-color-blue">Northwind blue</mark>`,
		`<mark class="hb-bg-yellow">highlight</mark>`,
		`<mark class="hb-color-danger"><svg`,
		`Find us on <svg`,
		`! :github:`,
		`! style=`,
		// figure with a dark-mode image
		`<img src="/_assets/office-map-light.svg" alt="Floor plan of the Amsterdam office" class="hb-only-light"`,
		`<img src="/_assets/office-map-dark.svg" alt="Floor plan of the Amsterdam office" class="hb-only-dark"`,
		`<figcaption><p>The Amsterdam office, second floor.`,
		// link card
		`<figure class="embed embed-link">`,
		`<span class="embed-card-title">GitHub</span><span class="embed-card-url">github.com/handbookhq/handbook</span>`,
	)
	b.AssertExists("_assets/office-map-dark.svg", "_assets/office-map-light.svg", "_assets/per-diem.csv")
	b.AssertFile("company/help/index.html",
		// page and space variables
		`<p>The IT desk looks after your laptop, your accounts and the office network. Write to help@northwind.example or ask in #help-it.</p>`,
		// reusable content with a heading and a variable
		`<h2 id="support-hours">Support hours`,
		`at help@northwind.example or in <code>#help-it</code>`,
		`! title: Support hours`,
		// conditions on space variables: the first true branch only
		`Release 4 moved single sign-on`,
		`! Release 3 is out of support`,
		`! which release you are on`,
		// conditions on the reader: false for an anonymous reader
		`Every office has a help desk next to reception.`,
		`! The London desk`,
		`Hello <span class="expression-visitor">there</span>`,
	)
	b.AssertFile("engineering/engineering/index.html",
		`<pre class="mermaid">flowchart LR`,
		// code options
		`<div class="code-block code-numbers"><div class="code-title"><svg`,
		`<span>Makefile</span>`,
		`<div class="code-block code-wrap code-expandable">`,
		`<span class="code-more">Show all 13 lines</span>`,
		// math, inline and as a block, in MathML
		`a month of <span class="math math-inline"><math><mi>d</mi></math></span> days`,
		`<div class="math math-display"><math display="block"><mi>B</mi><mo>=</mo>`,
		`<mtext>SLO</mtext>`,
		// legacy code tabs
		`<div class="tabs tabs-code" data-tabs>`,
		`data-tab="python"`,
		// prompt
		`<div class="prompt prompt-full" data-prompt="You write release notes`,
		`<div class="prompt-description">Draft release notes from merged pull requests</div>`,
		`<span>Open in ChatGPT</span>`,
		`<span>Open in Claude</span>`,
	)
	b.AssertFile("engineering/status-api/index.html",
		// swagger
		`<div class="api-op api-op-get">`,
		`<h3 class="api-summary">Get a service's status</h3>`,
		`<span class="api-method api-method-get">GET</span><code class="api-url"><span class="api-url-base">https://status.northwind.example</span>/v1/services/<span class="api-path-var">{service}</span>/status</code>`,
		`<section class="api-params api-params-path">`,
		`<section class="api-params api-params-header">`,
		`<span class="api-status api-status-2xx">200</span><span class="api-status-text">OK</span>`,
		`<span class="api-status api-status-4xx">404</span>`,
		// api-method
		`<div class="api-op api-op-post">`,
		`<h3 class="api-summary">Open an incident</h3>`,
		`<section class="api-params api-params-body">`,
		`<span class="api-status api-status-2xx">201</span><span class="api-status-text">Created</span>`,
		// openapi, read from the spec file in the repository
		`<h3 class="api-summary">List services</h3>`,
		`<span class="api-method api-method-get">GET</span><code class="api-url"><span class="api-url-base">https://status.northwind.example</span>/v1/services</code>`,
		`<tr><td><code class="api-param-name">status</code></td><td><span class="api-param-type">string</span></td><td class="api-param-description"><p>Only services with this status.</p>`,
		`<p>Possible values: <code>operational</code>, <code>degraded</code>, <code>outage</code>.</p>`,
		`<span class="nt">&#34;incident&#34;</span><span class="p">:</span> <span class="s2">&#34;INC-2291&#34;</span>`,
		`<div class="api-response-description">The token is missing or expired</div>`,
		`! api-spec-card`,
		// openapi-schemas, as tables
		`<h4 class="api-section-title api-schema-title"><code class="api-schema-name">Incident</code><span class="api-param-type">object</span></h4>`,
		`<tr><td><code class="api-param-name">severity</code></td><td><span class="api-param-type">integer</span><span class="api-required">required</span></td><td class="api-param-description">From 1 (everyone is affected) to 4 (cosmetic).</td></tr>`,
	)
	changelog := b.Read("engineering/changelog/index.html")
	b.AssertFile("engineering/changelog/index.html",
		`<section class="updates updates-full">`,
		`<button type="button" class="updates-filter-tag" data-tag="laptops" aria-pressed="false">laptops</button>`,
		`<article class="update" id="update-2025-03-04" data-tags="sso,breaking">`,
		`<time datetime="2025-03-04">March 4, 2025</time>`,
		`<li class="update-tag">status-api</li>`,
	)
	b.AssertFile("engineering/changelog/rss.xml",
		`<title>2025-03-04: Single sign-on moves to the new identity provider</title>`,
		`<link>/engineering/changelog#update-2025-03-04</link>`,
		`<category>breaking</category>`,
	)
	if a, z := strings.Index(changelog, `id="update-2025-03-04"`), strings.Index(changelog, `id="update-2025-01-20"`); a < 0 || z < a {
		t.Errorf("changelog: updates not newest first")
	}
}

// TestExampleHandbookBuildsWithoutWarnings builds the documentation
// embedded in the binary, as "handbook serve" shows it outside a handbook.
func TestExampleHandbookBuildsWithoutWarnings(t *testing.T) {
	t.Parallel()
	b := buildFixture(t, func(ctx context.Context) (*book.Book, error) {
		return book.LoadFS(ctx, docs.FS, book.Options{})
	})
	if len(b.Result.Diags) != 0 {
		t.Errorf("got diagnostics, want none:\n%s", b.Diags())
	}
	for _, page := range pagesOf(t, b.Out) {
		b.AssertFile(page, `! block-unknown`)
	}
	b.AssertFile("writing/blocks/callouts/index.html", `<div class="hint hint-danger"`, `<summary>Why does my page not appear in the sidebar?</summary>`)
	b.AssertFile("writing/blocks/layout/index.html", `<div class="tabs" data-tabs>`, `<ol class="stepper">`, `<div class="columns columns-sized" style="--columns-first:40">`)
	b.AssertFile("writing/blocks/code/index.html", `<div class="code-block code-numbers code-expandable">`, `<pre class="mermaid">`, `<div class="prompt prompt-full"`,
		`<span class="math math-inline"><math><mi>n</mi></math></span>`, `<div class="math math-display">`)
	b.AssertFile("writing/blocks/links-and-media/index.html", `<a class="content-ref" href="/writing/structure">`, `<figure class="embed embed-link">`,
		`<span class="file-card-name">page-owners.csv</span>`, `<div class="hb-cards">`, `class="button primary" data-icon="rocket"`, `class="hb-only-dark"`)
	b.AssertFile("writing/blocks/layout/index.html", `<span class="hb-label hb-label-orange">In review</span>`)
	b.AssertFile("writing/blocks/text/index.html", `<mark class="hb-color-green">published</mark>`, `<mark class="hb-color-warning">`, `The source is on <svg`)
	b.AssertFile("writing/blocks/api-reference/index.html", `<div class="api-op api-op-get">`, `<div class="api-op api-op-post">`,
		// an openapi block and schemas read from .gitbook/assets/handbook-api.yaml
		`<h3 class="api-summary">Rate a page</h3>`,
		`<span class="api-url-base">https://handbook.example.com</span>/_handbook/api/feedback</code>`,
		`<section class="api-params api-params-formData">`,
		`<code class="api-schema-name">Rating</code>`)
	b.AssertFile("writing/blocks/dynamic-content/index.html",
		`handbook needs Go 1.26 or`+"\n"+`later, and serves on port 4000 by default.`,
		`The Docs team reviews this page`+"\n"+`every release.`,
		`Found a mistake? Tell the Docs team`,
		`<div class="hint hint-success"`,
		`<section class="updates updates-full">`,
	)
	if _, err := os.Stat(filepath.Join(b.Out, "_assets", "review-flow-dark.svg")); err != nil {
		t.Errorf("dark figure image not copied: %v", err)
	}
}
