#!/usr/bin/env bash
# Side by side, in one run, on the same articles: herodot's whole pipeline (bench/pipeline: per
# stage articles/s, sentences/s, MB/s, allocations, peak memory) and compromise, an NLP library
# for JavaScript (its quotations, people, places and organisations), installed from npm into a
# temporary folder. Prints the ratio. Usage: bench/peer.sh [DIR] (default ../shared/corpus/news).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/news}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== herodot"
go run ./bench/pipeline -dir "$dir" | tee "$tmp/herodot.out"
echo
echo "== compromise (npm, in $tmp)"
npm install --silent --no-audit --no-fund --prefix "$tmp" compromise@14 >/dev/null
NODE_PATH="$tmp/node_modules" node bench/peer/compromise.js "$dir" 3 | tee "$tmp/peer.out"
h=$(sed -n 's/^RESULT articles_per_s=//p' "$tmp/herodot.out")
p=$(sed -n 's/^RESULT articles_per_s=//p' "$tmp/peer.out")
echo
printf 'herodot / compromise: %.0f× (%s vs %s articles/s, one core each)\n' "$(echo "$h / $p" | bc -l)" "$h" "$p"
