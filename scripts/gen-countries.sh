#!/usr/bin/env bash
# Regenerate knowledge/data/countries.tsv from the npm package world-countries.
# Needs npm and the npm registry; the build and the tests do not.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-5.1.0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-countries@$version" >/dev/null && tar xzf "world-countries-$version.tgz")
go run ./internal/gen/countries -in "$tmp/package/countries.json" -out knowledge/data/countries.tsv -version "$version"
echo "wrote knowledge/data/countries.tsv from world-countries $version"
