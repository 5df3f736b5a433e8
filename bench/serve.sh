#!/usr/bin/env bash
# Server load test: ingests the shared corpus (or, without ../shared, the demo story) into a
# fresh database, serves it on loopback and sends a bounded number of requests over the
# pages and the API. Prints requests/s, latency percentiles and the server's peak memory.
# Usage: bench/serve.sh [REQUESTS] [CONCURRENCY] (default 5000 16).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
c=${2:-16}
port=${PORT:-18080}
tmp=$(mktemp -d)
go build -o "$tmp/herodot" ./cmd/herodot
if [ -d ../shared/corpus ]; then
	"$tmp/herodot" ingest --db "$tmp/s.db" ../shared/corpus 2>&1 | tail -1
else
	"$tmp/herodot" demo --format json | "$tmp/herodot" ingest --db "$tmp/s.db" --input-format jsonl - 2>&1 | tail -1 || true
fi
"$tmp/herodot" serve --db "$tmp/s.db" --addr "127.0.0.1:$port" 2>"$tmp/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/api/documents?limit=1" >/dev/null 2>&1 && break; sleep 0.1; done
doc=$(curl -fs "http://127.0.0.1:$port/api/documents?limit=1" | sed -n 's/.*"doc":"\([0-9a-f]*\)".*/\1/p')
go run ./bench/load -url "http://127.0.0.1:$port" -n "$n" -c "$c" -pid "$pid" \
	"/doc/$doc" "/api/documents/$doc" "/api/events?limit=50" "/api/attributions?kind=anonymous&limit=50" \
	"/api/entities?name=minister" "/" "/timeline?limit=100" "/api/graph"
