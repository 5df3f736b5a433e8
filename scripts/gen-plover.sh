#!/usr/bin/env bash
# Regenerate knowledge/data/cameo-plover.tsv from CAMEO2PLOVER-2021.txt (the shared ontology folder by default).
set -euo pipefail
cd "$(dirname "$0")/.."
go run ./internal/gen/plover -in "${1:-../shared/ontology/CAMEO2PLOVER-2021.txt}" -out knowledge/data/cameo-plover.tsv
echo "wrote knowledge/data/cameo-plover.tsv"
