#!/usr/bin/env bash
# Measures what the files machines read (Markdown twins, llms.txt,
# llms-full.txt, the change feed) add to a build of the Mattermost
# handbook: BenchmarkBuildCorpus with them ("all") and without them
# ("pages-only"), the two run in turn ROUNDS times so that drift in the
# machine's speed affects both alike, then compared with benchstat.
#
#   bench/machine.sh            # 10 rounds of 10 builds each
#   ROUNDS=4 bench/machine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/site.test" ./internal/site
for i in $(seq "$rounds"); do
	for v in all pages-only; do
		(cd internal/site && "$tmp/site.test" -test.run '^$' -test.bench "BuildCorpus/$v\$" -test.benchtime 10x) |
			grep '^Benchmark' >>"$tmp/$v.txt"
	done
done
sed 's|/pages-only|/all|' "$tmp/pages-only.txt" >"$tmp/without.txt"
cp "$tmp/all.txt" "$tmp/with.txt"
go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da "$tmp/without.txt" "$tmp/with.txt"
