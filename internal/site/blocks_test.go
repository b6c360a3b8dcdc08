package site_test

import (
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

func TestReusableContentIsIncludedWithPositionedProblems(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Support](team/support.md)
-- README.md --
# Home
-- team/support.md --
# Support

{% include "../.gitbook/includes/contacts.md" %}

{% include "../.gitbook/includes/missing.md" %}

{% include "../.gitbook/includes/loop.md" %}
-- .gitbook/includes/contacts.md --
---
title: Contacts
---
## Contacts

Write to [the desk](../../README.md) or see [nowhere](nowhere.md).
-- .gitbook/includes/loop.md --
Loop.

{% include "loop.md" %}
`)
	b.AssertFile("support/index.html",
		`<h2 id="contacts">Contacts`,
		`<p>Loop.</p>`,
		`! title: Contacts`,
		`! {% include`,
	)
	b.AssertDiags(
		`team/support.md:5:1: warning: included file "../.gitbook/includes/missing.md" does not exist`,
		`.gitbook/includes/loop.md:3:1: warning: include cycle: ".gitbook/includes/loop.md" includes itself`,
		`.gitbook/includes/contacts.md:6:`,
	)
}

func TestPageAndFileCardsComeFromTheBook(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Setting up](guide/setup.md)
-- README.md --
# Home

{% content-ref url="guide/setup.md" %}
[setup.md](guide/setup.md)
{% endcontent-ref %}

{% file src=".gitbook/assets/policy.pdf" %}
The signed policy.
{% endfile %}
-- guide/setup.md --
---
description: How to install the tools
---
# Setup
-- .gitbook/assets/policy.pdf --
0123456789
`)
	b.AssertFile("index.html", `href="/setup"`, `Setting up`, `How to install the tools`, `policy.pdf`, `PDF · 11 B`)
	b.AssertExists("_assets/policy.pdf")
}

func TestVariablesAndConditionsUseVarsFiles(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
---
vars:
  team: Platform
---
# Home

Version {% vars.latest %} of the product.
-- .gitbook/vars.yaml --
latest: 2.4.1
`)
	b.AssertFile("index.html", `Version 2.4.1 of the product.`)
}

func TestDiagramScriptLoadsOnlyWhereNeeded(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Flow](flow.md)
-- README.md --
# Home
-- flow.md --
# Flow

`+"```mermaid\ngraph TD; A-->B\n```"+`
`)
	b.AssertFile("flow/index.html", `<pre class="mermaid">`, `mermaid.min.`)
	b.AssertFile("index.html", `! mermaid.min.`)
}

func TestBlockTemplatesCanBeOverridden(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home

{% hint style="danger" %}
Careful.
{% endhint %}
-- .handbook/blocks/hint.html --
<aside class="my-callout {{.Style}}">{{.Body}}</aside>
`)
	b.AssertFile("index.html", `<aside class="my-callout danger"><p>Careful.</p>`)
}

func TestChangelogPagesHaveAFeed(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Changelog](changelog.md)
-- README.md --
# Home
-- handbook.yaml --
title: Acme
base_url: https://docs.example.com/
-- changelog.md --
# Changelog

{% updates format="full" %}
{% update date="2025-01-10" tags="api" %}
## Older
First.
{% endupdate %}
{% update date="2025-03-01" tags="api,beta" %}
## Export endpoint
Export everything.
{% endupdate %}
{% endupdates %}
`)
	b.AssertFile("changelog/index.html", `<link rel="alternate" type="application/rss+xml" title="Changelog" href="/changelog/rss.xml">`)
	b.AssertFile("changelog/rss.xml",
		`<title>2025-03-01: Export endpoint</title>`,
		`<link>https://docs.example.com/changelog#`,
		`<pubDate>Sat, 01 Mar 2025 00:00:00 +0000</pubDate>`,
		`<category>beta</category>`,
		`<description>Export everything.</description>`,
	)
	b.AssertFile("index.html", `! rss+xml`)
}

func TestOutlineLeavesOutHiddenBranches(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home

## Everyone

{% if visitor.claims.plan === "enterprise" %}
## Enterprise only
SSO.
{% else %}
## Upgrade
Ask sales.
{% endif %}
`)
	b.AssertFile("index.html", `<li><a href="#everyone">Everyone</a></li>`, `<li><a href="#upgrade">Upgrade</a></li>`, `! Enterprise only`)
}

func TestIncludedHeadingsJoinTheOutline(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home

## Setup

{% include ".gitbook/includes/help.md" %}

## After
-- .gitbook/includes/help.md --
## Setup

Ask the desk.
`)
	b.AssertFile("index.html",
		`<li><a href="#setup">Setup</a></li>`,
		`<li><a href="#setup-1">Setup</a></li>`,
		`<li><a href="#after">After</a></li>`,
		`<h2 id="setup-1">`,
	)
}
