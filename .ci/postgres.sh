#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when it is missing, starts it on loopback and
# creates the test database; prints the URL to export as HERODOT_TEST_POSTGRES.
# Used by .ci/run; run it by hand (as root) to test the PostgreSQL store locally.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | grep -q "^$ver main" || pg_createcluster "$ver" main >&2
pg_ctlcluster "$ver" main start >&2 2>/dev/null || true
for i in $(seq 1 30); do
	su postgres -c "pg_isready -q -h 127.0.0.1" && break
	sleep 1
done
su postgres -c "psql -qtc \"SELECT 1 FROM pg_roles WHERE rolname = 'herodot'\"" | grep -q 1 ||
	su postgres -c "psql -qc \"CREATE USER herodot PASSWORD 'herodot'\"" >&2
su postgres -c "psql -qtc \"SELECT 1 FROM pg_database WHERE datname = 'herodot_test'\"" | grep -q 1 ||
	su postgres -c "createdb -O herodot herodot_test" >&2
echo "postgres://herodot:herodot@127.0.0.1:5432/herodot_test?sslmode=disable"
