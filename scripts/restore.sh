#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY database, in one transaction (all or nothing).
#   scripts/restore.sh FILE
# The target: KAOPING_DB_URL (+ KAOPING_DB_USER, KAOPING_DB_PASSWORD), e.g. a database just made with
#   CREATE DATABASE kaoping OWNER kaoping ENCODING 'UTF8' TEMPLATE template0;
# or, without KAOPING_DB_URL, a NEW embedded data folder KAOPING_DATA_DIR (it must not exist yet): the script
# creates it with the embedded PostgreSQL's own binaries (unpacked under /tmp/embedded-pg by any earlier start of
# Kaoping, or EMBEDDED_PG_BIN), restores into it and stops it; then start Kaoping with that KAOPING_DATA_DIR.
# Checks the file against FILE.sha256 first when present; refuses a target that already has tables.
set -euo pipefail
. "$(dirname "$0")/db-connection.sh"
FILE=${1:?usage: scripts/restore.sh FILE}
[ -f "$FILE" ] || { echo "no such file: $FILE" >&2; exit 2; }
if [ -f "$FILE.sha256" ]; then
  (cd "$(dirname "$FILE")" && sha256sum --quiet -c "$(basename "$FILE").sha256") || {
    echo "$FILE does not match $FILE.sha256" >&2; exit 2; }
fi
PSQL=$(pg_tool psql)
if [ -z "${KAOPING_DB_URL:-}" ]; then
  DIR=${KAOPING_DATA_DIR:?set KAOPING_DB_URL, or KAOPING_DATA_DIR to a new folder for the embedded server}
  [ ! -e "$DIR" ] || { echo "$DIR exists: restore into a new folder, then start Kaoping on it" >&2; exit 2; }
  EPG=${EMBEDDED_PG_BIN:-$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1)}
  [ -x "$EPG/pg_ctl" ] || { echo "no embedded PostgreSQL binaries: start Kaoping once, or set EMBEDDED_PG_BIN" >&2; exit 2; }
  mkdir -p "$DIR"
  # as the embedded server does it (zonky: trust, user postgres, UTF-8; as root inside "unshare -U", since
  # PostgreSQL refuses to run as root)
  AS=(); if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then AS=(unshare -U); fi
  "${AS[@]}" "$EPG/initdb" -A trust -U postgres -D "$DIR" -E UTF-8 >/dev/null
  PORT=${RESTORE_PORT:-55499}
  "${AS[@]}" "$EPG/pg_ctl" -D "$DIR" -o "-p $PORT -c fsync=on -c timezone=Asia/Shanghai" -w -l "$DIR/restore.log" \
    start >/dev/null
  trap '"${AS[@]}" "$EPG/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null' EXIT
  export PGHOST=127.0.0.1 PGPORT=$PORT PGDATABASE=postgres PGUSER=postgres
else
  use_jdbc_url "$KAOPING_DB_URL"
fi
TABLES=$("$PSQL" -XtAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
[ "$TABLES" = 0 ] || { echo "database $PGDATABASE on $PGHOST:$PGPORT has $TABLES tables: restore needs an empty one" >&2; exit 2; }
START=$(date +%s.%N)
"$(pg_tool pg_restore)" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$PGDATABASE" "$FILE"
"$PSQL" -XqAc "ANALYZE"
printf 'restored %s into %s on %s:%s in %.1f s: %s audit rows, %s stored files\n' "$FILE" "$PGDATABASE" "$PGHOST" \
  "$PGPORT" "$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN {print e - s}')" "$("$PSQL" -XtAc "SELECT count(*) FROM audit_event")" \
  "$("$PSQL" -XtAc "SELECT count(*) FROM stored_file")"
