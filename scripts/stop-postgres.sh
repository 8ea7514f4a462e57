#!/usr/bin/env bash
# Stops the cluster started by start-postgres.sh.
set -uo pipefail
STATE=${RAMPART_TEST_PG_STATE:-/tmp/rampart-test-pg}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] && [ -f "$STATE/data/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$STATE/data" -m fast stop >/dev/null
rm -rf "$STATE"
