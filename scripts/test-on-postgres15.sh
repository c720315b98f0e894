#!/usr/bin/env bash
# Runs the test suite against Debian's PostgreSQL 15 instead of the embedded server, to prove the migrations and
# queries work on the oldest server version Kaoping supports. Starts a throw-away cluster on port 55415.
# Usage: scripts/test-on-postgres15.sh [extra maven args, e.g. -Dtest=RegionScopeTests]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$BIN/postgres" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null
fi
DIR=$(mktemp -d /tmp/kaoping-pg15.XXXX)
chown postgres "$DIR" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
as_pg "$BIN/initdb -D $DIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
as_pg "$BIN/pg_ctl -D $DIR/data -o '-p 55415 -k $DIR' -l $DIR/log start >/dev/null"
trap 'as_pg "$BIN/pg_ctl -D $DIR/data stop -m fast >/dev/null"; rm -rf "$DIR"' EXIT
for i in $(seq 1 50); do psql -h localhost -p 55415 -U postgres -c 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
psql -h localhost -p 55415 -U postgres -qc "CREATE DATABASE kaoping_test"
psql -h localhost -p 55415 -U postgres -tAc "SELECT version()"
KAOPING_TEST_DB_URL=jdbc:postgresql://localhost:55415/kaoping_test KAOPING_TEST_DB_USER=postgres \
  ./mvnw test "$@"
