#!/usr/bin/env bash
# Measures what a reader downloads for the Mattermost handbook's
# learning-and-development page, and its Lighthouse scores.
#
#   bench/reader.sh              # transfer size, then Lighthouse
#   LIGHTHOUSE=0 bench/reader.sh # transfer size only
#
# Transfer size: the page's HTML and every stylesheet and script it loads
# when it opens (not images, not what JavaScript fetches later: the
# sidebar's nav.json on expanding, the search index on searching), each
# compressed with gzip -9 as a static host or CDN sends it.
#
# Lighthouse: npm's lighthouse, run with Debian's Chromium against
# "handbook serve" on loopback, desktop and mobile presets.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
page=operations/workplace/people/working-at-mattermost/learning-and-development

go build -o "$work/handbook" ./cmd/handbook
git clone -q -b 0.2.1 ../shared/corpus/mattermost-handbook.bundle "$work/mattermost"
"$work/handbook" build -q --out "$work/site" "$work/mattermost"

html="$work/site/$page/index.html"
total=0
row() { # name file
	local raw gz
	raw=$(wc -c <"$2")
	gz=$(gzip -9c "$2" | wc -c)
	total=$((total + gz))
	printf '| %s | %d | %d |\n' "$1" "$raw" "$gz"
}
echo "| file | bytes | gzip -9 |"
echo "| --- | ---: | ---: |"
row "$page (HTML)" "$html"
for ref in $(grep -oE '<(link rel="stylesheet"|script)[^>]*(href|src)="[^"]+"' "$html" | grep -oE '(href|src)="[^"]+"' | cut -d'"' -f2); do
	row "$ref" "$work/site/${ref#/}"
done
printf '| **total** | | **%d** (%.1f KB) |\n' "$total" "$(echo "$total/1024" | bc -l)"

[ "${LIGHTHOUSE:-1}" = 1 ] || exit 0
port=4731
"$work/handbook" serve -q --no-reload --no-feedback --no-pdf --addr "127.0.0.1:$port" "$work/mattermost" >/dev/null 2>&1 &
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
for preset in desktop mobile; do
	flags=()
	[ "$preset" = desktop ] && flags=(--preset=desktop)
	CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} npx --yes lighthouse@12 "http://127.0.0.1:$port/$page" \
		"${flags[@]}" --quiet --chrome-flags="--headless=new --no-sandbox" \
		--only-categories=performance,accessibility,best-practices,seo \
		--output=json --output-path="$work/lh-$preset.json" >/dev/null 2>&1
	node -e '
const r = require(process.argv[1]);
const s = Object.values(r.categories).map(c => c.title + " " + Math.round(c.score * 100));
console.log(process.argv[2] + ": " + s.join(", "));
for (const c of Object.values(r.categories)) for (const a of c.auditRefs) {
  const x = r.audits[a.id];
  if (a.weight > 0 && x.score !== null && x.score < 1) console.log("  " + c.title + ": " + x.id + " " + x.score);
}' "$work/lh-$preset.json" "$preset"
done
