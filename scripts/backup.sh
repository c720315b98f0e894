#!/usr/bin/env bash
# Backs up Kaoping's database, uploaded files included (they are rows of stored_file), with pg_dump.
#   scripts/backup.sh [FILE]      default: backups/kaoping-<date>-<time>.dump
# The database: KAOPING_DB_URL (+ KAOPING_DB_USER, KAOPING_DB_PASSWORD) or the running embedded server of
# KAOPING_DATA_DIR; tools from PG_BIN or PATH. pg_dump must be at least the server's major version (the embedded
# server is PostgreSQL 17). The dump is consistent (one snapshot) and taken while Kaoping runs.
# Writes FILE (pg_dump custom format, compressed) and FILE.sha256; restore with scripts/restore.sh FILE.
set -euo pipefail
. "$(dirname "$0")/db-connection.sh"
use_database
FILE=${1:-backups/kaoping-$(date +%Y%m%d-%H%M%S).dump}
mkdir -p "$(dirname "$FILE")"
PG_DUMP=$(pg_tool pg_dump)
SERVER=$(server_major)
CLIENT=$(major_of "$PG_DUMP")
if [ "$CLIENT" -lt "$SERVER" ]; then
  echo "pg_dump $CLIENT cannot dump a PostgreSQL $SERVER server: install the PostgreSQL $SERVER client tools" \
       "and point PG_BIN at their bin folder" >&2
  exit 2
fi
START=$(date +%s.%N)
# PG_DUMP_OPTS: more pg_dump options, e.g. --snapshot=... to dump a snapshot exported by another session
"$PG_DUMP" --format=custom --compress=6 --no-owner --no-privileges ${PG_DUMP_OPTS:-} --file="$FILE.partial"
mv "$FILE.partial" "$FILE"
(cd "$(dirname "$FILE")" && sha256sum "$(basename "$FILE")" > "$(basename "$FILE").sha256")
printf 'backup %s: %s bytes, %.1f s (database %s on %s:%s, PostgreSQL %s)\n' "$FILE" \
  "$(stat -c %s "$FILE")" "$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN {print e - s}')" "$PGDATABASE" "$PGHOST" "$PGPORT" "$SERVER"
