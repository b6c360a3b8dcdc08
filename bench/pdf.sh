#!/usr/bin/env bash
# Benchmarks "handbook pdf" on the whole Mattermost handbook, printed to
# one PDF, and prints a Markdown table: wall time, peak memory of handbook
# and all its Chromium processes together (the sum of their proportional
# set sizes, sampled every 100 ms), file size and page count; medians of
# RUNS runs, each a new process writing a new file.
#
#   bench/pdf.sh            # RUNS=5 by default
#   RUNS=3 bench/pdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bundle=../shared/corpus/mattermost-handbook.bundle
if [ ! -f "$bundle" ]; then
	echo "corpus absent: $bundle not found" >&2
	exit 1
fi
git clone -q -b 0.2.1 "$bundle" "$work/mattermost"
go build -o "$work/handbook" ./cmd/handbook

# tree PID: PID and all its descendants.
tree() {
	echo "$1"
	for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$child"; done
}

# pss PIDS...: the sum of their proportional set sizes, in KiB.
pss() {
	local sum=0 v
	for p in "$@"; do
		v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)
		sum=$((sum + ${v:-0}))
	done
	echo "$sum"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: >"$work/walls"
: >"$work/peaks"
for i in $(seq "$runs"); do
	out="$work/run-$i.pdf"
	start=$(date +%s%N)
	"$work/handbook" pdf --no-git --out "$out" "$work/mattermost" 2>"$work/stderr" &
	pid=$!
	peak=0
	while kill -0 "$pid" 2>/dev/null; do
		# shellcheck disable=SC2046
		now=$(pss $(tree "$pid"))
		[ "$now" -gt "$peak" ] && peak=$now
		sleep 0.1
	done
	wait "$pid" || { cat "$work/stderr" >&2; exit 1; }
	end=$(date +%s%N)
	echo $(((end - start) / 1000000)) >>"$work/walls"
	echo "$peak" >>"$work/peaks"
	summary=$(tail -1 "$work/stderr")
	size=$(stat -c %s "$out")
	rm -f "$out"
done
wall=$(median <"$work/walls")
peak=$(median <"$work/peaks")
pages=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) PDF pages.*/\1/p')
handbook=$(echo "$summary" | sed -n 's/^printed \([0-9]*\) pages.*/\1/p')

echo "| book | handbook pages | PDF pages | file size | wall time | peak memory |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
printf '| Mattermost handbook | %s | %s | %.1f MB | %.1f s | %d MB |\n' \
	"$handbook" "$pages" "$(echo "$size / 1000000" | bc -l)" "$(echo "$wall / 1000" | bc -l)" $((peak / 1024))
echo
echo "median of $runs runs; wall times (ms): $(tr '\n' ' ' <"$work/walls"); peaks (KiB): $(tr '\n' ' ' <"$work/peaks")"
