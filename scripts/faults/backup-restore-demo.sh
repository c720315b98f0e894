#!/usr/bin/env bash
# Backup and restore of the demo city, timed (figures for docs/RELIABILITY.md): Debian's PostgreSQL 15 (its
# pg_dump can read it; the embedded server is 17), Kaoping with KAOPING_DEMO=true on it, a photo stored through
# the database, scripts/backup.sh while Kaoping runs, scripts/restore.sh into a new empty database, then row
# counts of every table compared, the restored audit chain checked against the source's head with
# scripts/verify-audit.sh, and the photo's bytes compared; the dump is also restored into a new embedded data
# folder (PostgreSQL 17). Throw-away cluster on port 55416; loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$BIN/postgres" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null
fi
PORT=${PORT:-18192}
WORK=$(mktemp -d /tmp/kaoping-backup.XXXX)
chown postgres "$WORK" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
as_pg "$BIN/initdb -D $WORK/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
as_pg "$BIN/pg_ctl -D $WORK/data -o '-p 55416 -k $WORK' -l $WORK/pg.log start >/dev/null"
APP=""
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; wait $APP 2>/dev/null; as_pg "$BIN/pg_ctl -D $WORK/data stop -m fast >/dev/null"; rm -rf "$WORK"' EXIT
export PGHOST=127.0.0.1 PGPORT=55416 PGUSER=postgres
until psql -Xqc 'select 1' >/dev/null 2>&1; do sleep 0.2; done
psql -Xqc "CREATE DATABASE kaoping ENCODING 'UTF8' TEMPLATE template0"
[ -f target/kaoping.jar ] || ./mvnw -q -DskipTests package
cp target/kaoping.jar "$WORK/kaoping.jar"
KAOPING_DB_URL=jdbc:postgresql://127.0.0.1:55416/kaoping KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Backup-Pass-2026 \
  KAOPING_AUDIT_KEY=backup-demo-audit-anchor-key-0123456789 PORT=$PORT \
  java -Xmx768m -jar "$WORK/kaoping.jar" > "$WORK/app.log" 2>&1 &
APP=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }; sleep 1; done
sleep 20 # let the demo city's after-start listeners (rankings) finish
# a photo, as the file store keeps it
PHOTO=docs/images/estate-search.png
psql -Xq -d kaoping -v photo="$(base64 -w0 "$PHOTO")" <<'SQL'
INSERT INTO stored_file (id, sha256, content_type, size_bytes, original_name, uploaded_by, uploaded_at, content)
SELECT '00000000-0000-4000-8000-00000000beef', encode(sha256(b), 'hex'), 'image/png', length(b), 'photo.png',
       'backup-test', now(), b FROM (SELECT decode(:'photo', 'base64') AS b) x;
SQL
kill -TERM $APP; wait $APP 2>/dev/null || true; APP="" # counts must not move between backup and comparison
COUNTS="SELECT string_agg(t || '=' || (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM ' || quote_ident(t), false, true, '')))[1]::text, ' ' ORDER BY t) FROM (SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public') x"
KAOPING_DB_URL=jdbc:postgresql://127.0.0.1:55416/kaoping scripts/backup.sh "$WORK/backup/kaoping.dump"
psql -Xqc "CREATE DATABASE restored ENCODING 'UTF8' TEMPLATE template0"
KAOPING_DB_URL=jdbc:postgresql://127.0.0.1:55416/restored scripts/restore.sh "$WORK/backup/kaoping.dump"
[ "$(psql -XtA -d kaoping -c "$COUNTS")" = "$(psql -XtA -d restored -c "$COUNTS")" ] && echo "row counts: equal in every table" || { echo "row counts differ"; exit 1; }
# the source's head and row count, as an anchor publishes them
read -r HEAD COUNT < <(psql -XtA -F ' ' -d kaoping -c "SELECT (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1), count(*) FROM audit_event")
KAOPING_DB_URL=jdbc:postgresql://127.0.0.1:55416/restored JAR="$WORK/kaoping.jar" scripts/verify-audit.sh "$HEAD" "$COUNT"
psql -XtA -d restored -c "SELECT encode(content, 'base64') FROM stored_file WHERE id = '00000000-0000-4000-8000-00000000beef'" \
  | base64 -d > "$WORK/photo.png"
cmp "$PHOTO" "$WORK/photo.png" && echo "photo: identical bytes ($(stat -c %s "$PHOTO") bytes)"
# the same dump into a new embedded data folder (PostgreSQL 17, the binaries an earlier start of Kaoping unpacked)
if ls -d /tmp/embedded-pg/PG-*/bin >/dev/null 2>&1; then
  EMB=$(mktemp -d /tmp/kaoping-restore.XXXX) # owned by this user ($WORK belongs to postgres)
  (unset PGHOST PGPORT PGUSER; KAOPING_DATA_DIR="$EMB/pg" RESTORE_PORT=55418 scripts/restore.sh "$WORK/backup/kaoping.dump")
  rm -rf "$EMB"
fi
echo "database size: $(psql -XtA -d kaoping -c "SELECT pg_size_pretty(pg_database_size('kaoping'))"), households: $(psql -XtA -d kaoping -c 'SELECT count(*) FROM household')"
