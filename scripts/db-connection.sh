# Sourced by backup.sh and restore.sh: finds the database and the PostgreSQL client tools.
#   KAOPING_DB_URL (+ KAOPING_DB_USER, KAOPING_DB_PASSWORD): an external server, as the application uses it;
#   otherwise the embedded server of KAOPING_DATA_DIR (default ./data/postgres), found through the port in its
#   postmaster.pid (user postgres, database postgres, no password on loopback). It runs while Kaoping runs.
#   PG_BIN: the folder of pg_dump, pg_restore and psql (default: whichever are on PATH).
# Sets PGHOST, PGPORT, PGDATABASE, PGUSER (and PGPASSWORD), which libpq's tools read.

pg_tool() { if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN/$1"; else command -v "$1" || echo "$1"; fi; }

# jdbc:postgresql://host[:port]/database[?params] -> PGHOST PGPORT PGDATABASE
use_jdbc_url() {
  local url=$1 rest hostport
  rest=${url#jdbc:postgresql://}
  [ "$rest" != "$url" ] || { echo "not a jdbc:postgresql:// URL: $url" >&2; exit 2; }
  rest=${rest%%\?*}
  hostport=${rest%%/*}
  export PGDATABASE=${rest#*/}
  export PGHOST=${hostport%%:*}
  if [ "$hostport" != "$PGHOST" ]; then export PGPORT=${hostport#*:}; else export PGPORT=5432; fi
  export PGUSER=${KAOPING_DB_USER:-postgres}
  if [ -n "${KAOPING_DB_PASSWORD:-}" ]; then export PGPASSWORD=$KAOPING_DB_PASSWORD; fi
}

use_embedded() {
  local dir=${KAOPING_DATA_DIR:-./data/postgres}
  [ -f "$dir/postmaster.pid" ] || {
    echo "No running embedded PostgreSQL in $dir (start Kaoping first, or set KAOPING_DB_URL)" >&2; exit 2; }
  export PGHOST=127.0.0.1 PGPORT=$(sed -n 4p "$dir/postmaster.pid") PGDATABASE=postgres PGUSER=postgres
}

use_database() { if [ -n "${KAOPING_DB_URL:-}" ]; then use_jdbc_url "$KAOPING_DB_URL"; else use_embedded; fi; }

major_of() { "$@" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/' | head -1; }
server_major() { "$(pg_tool psql)" -XtAc "SHOW server_version_num" | cut -c1-2; }
