#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:5433 for the tests (installing PostgreSQL from
# Debian's packages when it is missing) and prints the DATABASE_URL to use. Stop it with stop-postgres.sh.
# RAMPART_TEST_PG_DURABLE=1 keeps fsync and synchronous commit on, as in production (the benchmark uses it).
set -euo pipefail
PORT=${RAMPART_TEST_PG_PORT:-5433}
STATE=${RAMPART_TEST_PG_STATE:-/tmp/rampart-test-pg}

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "== installing PostgreSQL from Debian's packages" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DURABILITY="-c fsync=off -c synchronous_commit=off"
[ "${RAMPART_TEST_PG_DURABLE:-0}" = 1 ] && DURABILITY=""

if [ -f "$STATE/data/postmaster.pid" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$STATE/data" -m fast stop >&2 || true
fi
rm -rf "$STATE"
mkdir -p "$STATE/data"
chown -R postgres:postgres "$STATE"
runuser -u postgres -- "$PGBIN/initdb" -D "$STATE/data" -U postgres --auth=trust -E UTF8 --no-instructions >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp $DURABILITY" start >&2
runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres rampart_test
echo "postgres://postgres@127.0.0.1:$PORT/rampart_test"
