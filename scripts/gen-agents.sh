#!/usr/bin/env bash
# Regenerate knowledge/data/agents.tsv from PLOVER_agents.txt (the project's shared ontology folder by default).
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/ontology/PLOVER_agents.txt}
go run ./internal/gen/agents -in "$src" -out knowledge/data/agents.tsv
sed -n '/The MIT License/,/SOFTWARE\./p' "$src" | sed 's/^# \{0,1\}//' > knowledge/data/agents.LICENSE
echo "wrote knowledge/data/agents.tsv and agents.LICENSE from $src"
