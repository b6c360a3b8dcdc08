#!/usr/bin/env bash
# Benchmarks Hugo building the Mattermost handbook with a minimal docs layout
# (title, a sidebar of the current section's pages, the content, previous and
# next links), measured the way bench/run.sh measures "handbook build": RUNS
# cold runs, each a new process writing a new output folder with an empty
# cache, median wall time and median peak memory. Prints one Markdown table
# row per the columns of bench/run.sh, so the two can be compared.
#
#   bench/hugo.sh            # RUNS=5 by default
#   RUNS=3 bench/hugo.sh
#
# Needs Hugo on the PATH (Debian: apt-get install hugo).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}

if ! command -v hugo >/dev/null 2>&1; then
	echo "hugo is not installed; install it with: apt-get install hugo" >&2
	exit 1
fi
# "hugo v0.111.3+extended linux/amd64 ..." -> "0.111.3+extended"
version=$(hugo version | awk '{sub(/^v/, "", $2); print $2}')
echo "hugo version: $(hugo version)" >&2

bundle=../shared/corpus/mattermost-handbook.bundle
if [ ! -f "$bundle" ]; then
	echo "corpus absent: skipping the Mattermost handbook" >&2
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q -b 0.2.1 "$bundle" "$work/mattermost"
book="$work/mattermost"
site="$work/site"

# The site: the clone is the content folder as it is (README.md becomes an
# ordinary page), and .gitbook/assets is mounted as static files so images
# and attachments are copied into the output, as "handbook build" does.
# Defining mounts replaces Hugo's default ones, so layouts is mounted too.
mkdir -p "$site/layouts/_default"
cat >"$site/hugo.toml" <<EOF
baseURL = "/"
title = "Mattermost Handbook"
disableKinds = ["taxonomy", "term", "RSS"]

[markup.goldmark.renderer]
unsafe = false

[module]
[[module.mounts]]
source = "$book"
target = "content"
[[module.mounts]]
source = "$book/.gitbook/assets"
target = "static/.gitbook/assets"
[[module.mounts]]
source = "layouts"
target = "layouts"
EOF

cat >"$site/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{- $title := .Title | default (humanize .File.ContentBaseName) }}
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ $title }} - {{ site.Title }}{{ end }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<nav class="sidebar">
<ul>
{{- $current := . }}
{{- range .CurrentSection.Pages }}
<li><a href="{{ .RelPermalink }}"{{ if eq . $current }} aria-current="page"{{ end }}>{{ .LinkTitle | default (humanize .File.ContentBaseName) }}</a></li>
{{- end }}
</ul>
</nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
EOF

cat >"$site/layouts/_default/single.html" <<'EOF'
{{ define "main" }}
<article>
{{ .Content }}
</article>
<nav class="pager">
{{- with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .LinkTitle | default (humanize .File.ContentBaseName) }}</a>{{ end }}
{{- with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .LinkTitle | default (humanize .File.ContentBaseName) }}</a>{{ end }}
</nav>
{{ end }}
EOF

cat >"$site/layouts/_default/list.html" <<'EOF'
{{ define "main" }}
<article>
<h1>{{ .Title | default site.Title }}</h1>
{{ .Content }}
</article>
{{ end }}
EOF

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure BASE: builds the site RUNS times into new folders under BASE, each
# cold (new cache folder, --ignoreCache, no resources left from an earlier
# run); leaves "wall mem" medians in $work/result and the last output in
# $work/last.
measure() {
	local base=$1 out
	: >"$work/times"
	for i in $(seq "$runs"); do
		out="$base/hugo-bench-out-$i"
		rm -rf "$out" "$work/cache" "$site/resources"
		sync # start each run with no writes of earlier work pending
		if ! /usr/bin/time -f "%e %M" -o "$work/t" hugo --quiet --ignoreCache --cacheDir "$work/cache" \
			--source "$site" --destination "$out" >"$work/log" 2>&1; then
			cat "$work/log" >&2
			echo "hugo build failed" >&2
			exit 1
		fi
		cat "$work/t" >>"$work/times"
		if [ "$i" -lt "$runs" ]; then rm -rf "$out"; fi
	done
	echo "$(awk '{print $1}' "$work/times" | median) $(awk '{print $2}' "$work/times" | median)" >"$work/result"
	rm -rf "$work/last" && mv "$out" "$work/last"
}

echo "| book | pages | wall, output on disk (s) | wall, output on tmpfs (s) | peak memory (MB) | HTML per page, median (KB) | output per page (KB) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
tmpfs="-"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	measure /dev/shm
	tmpfs=$(awk '{print $1}' "$work/result")
fi
measure "$work"
read -r wall mem <"$work/result"
out="$work/last"
pages=$(find "$out" -name index.html | wc -l)
html_median=$(find "$out" -name index.html -print0 | xargs -0 stat -c %s | median)
total=$(du -sb --apparent-size "$out" | awk '{print $1}')
images=$(find "$out/.gitbook/assets" -type f 2>/dev/null | wc -l)
echo "hugo wrote $pages pages (index.html files) and $images files from .gitbook/assets" >&2
awk -v n="hugo $version (minimal docs layout), mattermost" -v p="$pages" -v w="$wall" -v f="$tmpfs" -v m="$mem" -v h="$html_median" -v t="$total" \
	'BEGIN { printf "| %s | %d | %.2f | %s | %.0f | %.1f | %.1f |\n", n, p, w, f, m / 1024, h / 1024, t / p / 1024 }'
