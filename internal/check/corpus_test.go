package check

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/hbtest"
)

// corpusCodes are the codes the corpus test lists in full: what is wrong
// with the repository's structure rather than inside its pages.
var corpusCodes = []string{
	diag.MissingPage, diag.MissingFile, diag.DuplicateEntry, diag.UnlistedFile,
	diag.RedirectTarget, diag.RedirectShadowed,
}

// TestCorpus checks the Mattermost handbook (branch 0.2.1) and lists every
// structural problem it has. Each entry was checked by hand against the
// repository; the comment says what is there.
func TestCorpus(t *testing.T) {
	t.Parallel()
	r, err := Run(context.Background(), hbtest.Corpus(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		// Redirects in .gitbook.yaml to pages that moved or were removed.
		"redirect-target .gitbook.yaml:7",                                                              // how-to-spend-company-money/ never existed under operations/finance/
		"redirect-target .gitbook.yaml:8",                                                              // how-to-procure-a-vendor-contract.md now lives in operations/finance/purchasing/archive/
		"redirect-target .gitbook.yaml:9",                                                              // how-to-use-expensify.md exists but SUMMARY.md does not list it (unlisted below)
		"redirect-target .gitbook.yaml:13",                                                             // how-to-arrange-a-bounty-program.md is in operations/finance/, not staff-member-expenses/
		"redirect-target .gitbook.yaml:15",                                                             // request-a-divvy-virtual-credit-card.md now lives in operations/finance/purchasing/archive/
		"redirect-target .gitbook.yaml:16",                                                             // how-to-on-board-as-a-vendor/ is under company/how-to-guides-for-staff/how-to-purchase/
		"redirect-target .gitbook.yaml:17",                                                             // how-to-invoice-mattermost.md is under company/…/how-to-on-board-as-a-vendor/
		"redirect-target .gitbook.yaml:18",                                                             // the same missing how-to-spend-company-money/README.md as line 7
		"redirect-shadowed .gitbook.yaml:22",                                                           // contributors/mattercon is the URL of contributors/mattercon/README.md, listed at SUMMARY.md:281
		"redirect-target .gitbook.yaml:28",                                                             // playbooks-release.md exists but SUMMARY.md does not list it (unlisted below)
		"redirect-target .gitbook.yaml:29",                                                             // no integrations_framework.md in organization/ (engineering/integrations.md exists)
		"missing-page SUMMARY.md:14",                                                                   // the file is one folder deeper, in company/how-to-guides-for-staff/
		"missing-page SUMMARY.md:42",                                                                   // moved to operations/archive/ in 2021 ("Rename …"), entry kept
		"duplicate-entry SUMMARY.md:197",                                                               // how-to-access-airbase.md, first listed at line 183
		"missing-page SUMMARY.md:218",                                                                  // security-operations/ holds only README.md since "SecOps Clean-up (#1148)"
		"duplicate-entry SUMMARY.md:288",                                                               // localization.md, first listed at line 270
		"unlisted-file company/archive/README.md",                                                      // company/archive/: "Create archive directory for deprecation (#761)", 2021
		"unlisted-file company/archive/company-v2mom-metrics.md",                                       // archive; the listed copy is operations/operations/company-metrics/
		"unlisted-file company/archive/how-to-v2mom.md",                                                // archive
		"unlisted-file company/archive/mlt-cadence-vpmom.md",                                           // archive
		"unlisted-file company/archive/performance-review-timeline-winter-2019.md",                     // archive
		"unlisted-file company/archive/previous-fiscal-year-information.md",                            // archive
		"unlisted-file company/how-to-guides-for-staff/how-to-manage-handbook-notifications.md",        // SUMMARY.md:14 names it one folder up (missing-page above)
		"unlisted-file company/how-to-guides-for-staff/how-to-purchase/README.md",                      // 2 lines, left from a 2020 move; linked from old onboarding pages
		"unlisted-file company/how-to-guides-for-staff/how-to-purchase/how-to-arrange-a-simulation.md", // 6 lines, no link to it
		"unlisted-file company/how-to-guides-for-staff/how-to-purchase/how-to-on-board-as-a-vendor/how-to-invoice-mattermost.md", // left by "Finance section restructure (#628)"
		"unlisted-file contributors/archive/README.md",                                                                                     // contributors/archive/, 2023
		"unlisted-file contributors/archive/hacktoberfest2021.md",                                                                          // archive
		"unlisted-file contributors/archive/hacktoberfest2022.md",                                                                          // archive
		"unlisted-file contributors/archive/localization.md",                                                                               // "Archived duplicate L10N page" (#1305); join-us/localization.md is listed
		"unlisted-file contributors/join-us/agency-onboarding.md",                                                                          // 75 lines, no link to it
		"unlisted-file contributors/join-us/candidates.md",                                                                                 // 42 lines, no link to it
		"unlisted-file contributors/mattercon/mattercon2020.md",                                                                            // one line, left by "MatterCon2021update"
		"unlisted-file contributors/onboarding.md",                                                                                         // 2 lines, linked from the product management handbook
		"unlisted-file operations/archive/README.md",                                                                                       // operations/archive/
		"unlisted-file operations/archive/submitting-documentation-with-your-pr.md",                                                        // moved here; SUMMARY.md:42 still names the old path
		"unlisted-file operations/customer-success/customer-support1.md",                                                                   // "Rename customer-support.md to customer-support1.md"
		"unlisted-file operations/finance/finance-operations/README.md",                                                                    // one-line stubs dropped from SUMMARY.md (#524)
		"unlisted-file operations/finance/finance-operations/accounts-payable.md",                                                          // stub
		"unlisted-file operations/finance/finance-operations/accounts-receivable.md",                                                       // stub
		"unlisted-file operations/finance/finance-operations/treasury.md",                                                                  // stub
		"unlisted-file operations/finance/onboarding/how-to-guides/README.md",                                                              // one-line stub
		"unlisted-file operations/finance/purchasing/airbase/gifts-and-entertainment-policy.md",                                            // "Airbase content p2", never listed
		"unlisted-file operations/finance/purchasing/airbase/how-to-review-a-vendor-invoice.md",                                            // same
		"unlisted-file operations/finance/purchasing/archive/README.md",                                                                    // purchasing/archive/: "Removed legacy pages (#1278)"
		"unlisted-file operations/finance/purchasing/archive/contracts-and-signing.md",                                                     // archive
		"unlisted-file operations/finance/purchasing/archive/how-to-procure-a-vendor-contract.md",                                          // archive
		"unlisted-file operations/finance/purchasing/archive/how-to-review-a-purchase-order.md",                                            // archive
		"unlisted-file operations/finance/purchasing/archive/how-to-review-a-virtual-card-request.md",                                      // archive
		"unlisted-file operations/finance/purchasing/archive/how-to-submit-a-purchase-order.md",                                            // archive
		"unlisted-file operations/finance/purchasing/archive/how-to-submit-a-virtual-card-request.md",                                      // archive
		"unlisted-file operations/finance/purchasing/archive/renewals.md",                                                                  // archive
		"unlisted-file operations/finance/purchasing/archive/request-a-divvy-virtual-credit-card.md",                                       // archive
		"unlisted-file operations/finance/purchasing/how-to-use-accrualify/README.md",                                                      // Accrualify guides, replaced by Airbase; linked once
		"unlisted-file operations/finance/purchasing/how-to-use-accrualify/how-to-navigate-accrualify.md",                                  // same
		"unlisted-file operations/finance/purchasing/how-to-use-accrualify/how-to-review-a-po.md",                                          // same
		"unlisted-file operations/finance/purchasing/how-to-use-accrualify/how-to-set-up-your-account.md",                                  // same
		"unlisted-file operations/finance/purchasing/how-to-use-accrualify/how-to-submit-a-po.md",                                          // same
		"unlisted-file operations/finance/purchasing/how-to-use-accrualify/vendor-portal-guide.md",                                         // the listed one is in airbase/
		"unlisted-file operations/finance/spending-company-money.md",                                                                       // 3 lines, beside the folder of the same name
		"unlisted-file operations/finance/spending-company-money/README.md",                                                                // 3 lines, from the 2020 restructure (#522)
		"unlisted-file operations/finance/spending-company-money/procurement.md",                                                           // same
		"unlisted-file operations/finance/spending-company-money/staff-member-expenses/README.md",                                          // one-line stub (#524)
		"unlisted-file operations/finance/spending-company-money/staff-member-expenses/expense-policy.md",                                  // one-line stub
		"unlisted-file operations/finance/staff-member-expenses/how-to-use-expensify.md",                                                   // 219 lines; the redirect at .gitbook.yaml:9 points here
		"unlisted-file operations/legal.md",                                                                                                // the listed one is operations/legal/legal.md
		"unlisted-file operations/legal/archive/contract-repository.md",                                                                    // legal/archive/ (#1293)
		"unlisted-file operations/legal/archive/third-party-review.md",                                                                     // archive
		"unlisted-file operations/legal/archive/uploading-contracts.md",                                                                    // archive
		"unlisted-file operations/messaging-and-math/archive/README.md",                                                                    // archive
		"unlisted-file operations/messaging-and-math/event-code-of-conduct.md",                                                             // 25 lines, never listed (#785)
		"unlisted-file operations/messaging-and-math/how-to-guides-for-m-and-m/how-to-add-tech-alliance.md",                                // dropped in "Remove & Reorganize Old BizOps Sections"
		"unlisted-file operations/messaging-and-math/how-to-guides-for-m-and-m/how-to-make-shared-ready-screenshots.md",                    // no link to it
		"unlisted-file operations/mlx-meetings.md",                                                                                         // "Add page on MLX Growth Meeting", never listed
		"unlisted-file operations/operations/corporate-affairs.md",                                                                         // 6 lines from 2020
		"unlisted-file operations/operations/directly-responsible-individuals.md",                                                          // created in 2023 (#1263), never listed
		"unlisted-file operations/operations/metrics.md",                                                                                   // the listed one is operations/operations/company-metrics/metrics.md
		"unlisted-file operations/research-and-development/engineering/self-service.md",                                                    // dropped in the BizOps reorganisation
		"unlisted-file operations/research-and-development/product/archive/README.md",                                                      // archive
		"unlisted-file operations/research-and-development/product/archive/community-documentation-process.md",                             // archive
		"unlisted-file operations/research-and-development/product/archive/product-technical-writing-team-handbook.md",                     // archive
		"unlisted-file operations/research-and-development/product/product-design-team-handbook/product-design-ownership-areas.md",         // created 2023 (#1143), never listed
		"unlisted-file operations/research-and-development/product/product-planning/incident-response.md",                                  // 7 lines, no link to it
		"unlisted-file operations/research-and-development/product/product-planning/release-planning-cadence.md",                           // 2 lines
		"unlisted-file operations/research-and-development/product/product-roadmap-cadence.md",                                             // "WIP: Product planning documentation", 2020
		"unlisted-file operations/research-and-development/product/release-process/boards-release.md",                                      // no link to it
		"unlisted-file operations/research-and-development/product/release-process/bug-fix-release.md",                                     // no link to it
		"unlisted-file operations/research-and-development/product/release-process/playbooks-release.md",                                   // the redirect at .gitbook.yaml:28 points here
		"unlisted-file operations/research-and-development/product/technical-writing-team-handbook/product-technical-writing-workflows.md", // no link to it
		"unlisted-file operations/security/product-security/plugin-security-review.md",                                                     // 4-line stub from the first security commit
		"unlisted-file operations/workplace/mattermost-remote-values.md",                                                                   // renamed from mattermost-communication.md (#508), never listed
	}
	var got []string
	for _, d := range r.Diags {
		if slices.Contains(corpusCodes, d.Code) {
			got = append(got, fmt.Sprintf("%s %s", d.Code, diag.Pos{File: d.Pos.File, Line: d.Pos.Line}))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %d problems, want %d; missing from got:\n%s\nnot wanted:\n%s",
			len(got), len(want), strings.Join(minus(want, got), "\n"), strings.Join(minus(got, want), "\n"))
	}
	// Nothing under hidden folders: .github/PULL_REQUEST_TEMPLATE.md is
	// the repository's, not a page, and SUMMARY.md is not unlisted.
	for _, d := range r.Diags {
		if strings.HasPrefix(d.Pos.File, ".github/") || d.Code == diag.UnlistedFile && d.Pos.File == "SUMMARY.md" {
			t.Errorf("unexpected %s", d)
		}
	}
	// Every severity follows the policy.
	for _, d := range r.Diags {
		if rule, ok := policy[d.Code]; ok && rule != keep && d.Severity != Severity(d.Code, diag.Warning) {
			t.Errorf("%s: severity %s does not follow the policy for %s", d.Pos, d.Severity, d.Code)
		}
	}
}

// minus returns the elements of a that are not in b.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// BenchmarkCheckCorpus checks the whole Mattermost handbook: load, render
// every page without writing, and look for unlisted files.
func BenchmarkCheckCorpus(b *testing.B) {
	src := hbtest.Corpus(b)
	for b.Loop() {
		if _, err := Run(context.Background(), src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
