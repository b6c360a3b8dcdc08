#!/usr/bin/env bash
# Builds the 10,000-page synthetic book, indexes the site with Pagefind
# (npx pagefind@latest, from the npm registry) and prints the size of its
# index and of the files its client fetches for a one-word first query:
# pagefind.js, pagefind-entry.json, the language's wasm and pf_meta, one
# index chunk (median and largest) and ten fragments (median size).
# Pagefind's index files are stored gzipped; pagefind.js is gzipped here.
#
#   bench/pagefind.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${WORK:-/dev/shm}/pagefind-XXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/handbook" ./cmd/handbook
go run ./bench/genbook -pages 10000 -seed 1 -out "$work/book" 2>/dev/null
"$work/handbook" build --out "$work/site" "$work/book" >/dev/null
(cd "$work" && npx -y pagefind@latest --site "$work/site" --output-path "$work/pf" | tail -8)
cd "$work/pf"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "files: $(find . -type f | wc -l), bytes: $(du -sb --apparent-size . | cut -f1)"
echo "index chunks: $(ls index | wc -l), fragments: $(ls fragment | wc -l)"
js=$(gzip -c pagefind.js | wc -c)
entry=$(stat -c %s pagefind-entry.json)
wasm=$(stat -c %s wasm.en.pagefind)
meta=$(stat -c %s pagefind.en_*.pf_meta)
chunk=$(stat -c %s index/* | median)
chunkmax=$(stat -c %s index/* | sort -n | tail -1)
frag=$(stat -c %s fragment/* | median)
echo "pagefind.js $js, entry $entry, wasm $wasm, pf_meta $meta, chunk median $chunk max $chunkmax, fragment median $frag"
echo "first one-word query: median $(((js + entry + wasm + meta + chunk + 10 * frag) / 1024)) KB, largest chunk $(((js + entry + wasm + meta + chunkmax + 10 * frag) / 1024)) KB"
