#!/usr/bin/env bash
# Benchmarks "handbook build" on the Mattermost handbook and on synthetic
# books of 1,000 and 10,000 pages, and prints a Markdown table of wall time,
# peak memory and output size per page (median of RUNS runs, each a new
# process writing a new output folder).
#
#   bench/run.sh            # RUNS=5 by default
#   RUNS=3 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/handbook" ./cmd/handbook
go build -o "$work/genbook" ./bench/genbook

books=()
bundle=../shared/corpus/mattermost-handbook.bundle
if [ -f "$bundle" ]; then
	git clone -q -b 0.2.1 "$bundle" "$work/mattermost"
	books+=("mattermost")
else
	echo "corpus absent: skipping the Mattermost handbook" >&2
fi
for n in 1000 10000; do
	"$work/genbook" -pages "$n" -seed 1 -out "$work/synthetic-$n" 2>/dev/null
	# One commit, so "Last updated" is read from git as in a real handbook.
	git -C "$work/synthetic-$n" init -q -b main
	git -C "$work/synthetic-$n" add -A
	GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@example.com GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@example.com \
		git -C "$work/synthetic-$n" commit -q -m book
	books+=("synthetic-$n")
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure NAME BASE: builds book NAME RUNS times into new folders under
# BASE; leaves "wall mem" medians in $work/result and the last output in
# $work/last.
measure() {
	local name=$1 base=$2 out
	: >"$work/times"
	for i in $(seq "$runs"); do
		out="$base/handbook-bench-out-$name-$i"
		rm -rf "$out"
		sync # start each run with no writes of earlier work pending
		/usr/bin/time -f "%e %M" -o "$work/t" "$work/handbook" build --out "$out" "$work/$name" 2>"$work/log"
		cat "$work/t" >>"$work/times"
		if [ "$i" -lt "$runs" ]; then rm -rf "$out"; fi
	done
	echo "$(awk '{print $1}' "$work/times" | median) $(awk '{print $2}' "$work/times" | median)" >"$work/result"
	rm -rf "$work/last" && mv "$out" "$work/last"
}

echo "| book | pages | wall, output on disk (s) | wall, output on tmpfs (s) | peak memory (MB) | HTML per page, median (KB) | output per page (KB) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in "${books[@]}"; do
	tmpfs="-"
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then
		measure "$name" /dev/shm
		tmpfs=$(awk '{print $1}' "$work/result")
	fi
	measure "$name" "$work"
	read -r wall mem <"$work/result"
	out="$work/last"
	pages=$(sed -n 's/^built \([0-9]*\) pages.*/\1/p' "$work/log")
	html_median=$(grep -rL 'http-equiv="refresh"' --include=index.html "$out" | xargs -d '\n' stat -c %s | median)
	total=$(du -sb --apparent-size "$out" | awk '{print $1}')
	awk -v n="$name" -v p="$pages" -v w="$wall" -v f="$tmpfs" -v m="$mem" -v h="$html_median" -v t="$total" \
		'BEGIN { printf "| %s | %d | %.2f | %s | %.0f | %.1f | %.1f |\n", n, p, w, f, m / 1024, h / 1024, t / p / 1024 }'
	rm -rf "$out"
done
