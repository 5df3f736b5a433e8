#!/usr/bin/env bash
# Ingest benchmark: builds a synthetic corpus of N articles from the shared news articles
# (sentences shuffled, in a temporary folder), ingests it into a fresh database, and prints
# articles/s and peak memory. Usage: bench/ingest.sh [N] (default 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/herodot" ./cmd/herodot
go run ./internal/gen/shuffle -src ../shared/corpus/news -out "$tmp/corpus" -n "$n"
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
	/usr/bin/time -v "$tmp/herodot" ingest --db "$tmp/bench.db" "$tmp/corpus" 2> "$tmp/err" || true
	peak=$(grep "Maximum resident set size" "$tmp/err" | awk '{print $6}')
else
	"$tmp/herodot" ingest --db "$tmp/bench.db" "$tmp/corpus" 2> "$tmp/err" || true
	peak=""
fi
end=$(date +%s.%N)
grep -a "ingest:" "$tmp/err" || cat "$tmp/err"
secs=$(echo "$end - $start" | bc -l)
printf 'articles: %d  seconds: %.1f  articles/s: %.0f  cores: %d  peak RSS: %s KB  database: %s\n' \
	"$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(nproc)" "${peak:-unknown}" "$(du -h "$tmp/bench.db" | cut -f1)"
