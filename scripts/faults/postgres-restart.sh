#!/usr/bin/env bash
# Fault: PostgreSQL stopped for OUTAGE seconds (default 30) and started again under survey intake. Kaoping (demo
# city) runs on Debian's PostgreSQL 15 (throw-away cluster, port 55419) via KAOPING_DB_URL. During the outage a
# probe asks for /public/rankings every second: each answer must be a 503 page (not a hang, not a 500) within the
# 5 s connection timeout; after the restart the pool must recover by itself, and every response acknowledged
# before, during or after must be stored, none twice. Bounded; loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/faults/lib.sh
OUTAGE=${OUTAGE:-30}
BIN=/usr/lib/postgresql/15/bin
[ -x "$BIN/postgres" ] || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null; }
PORT=18198 PG=55419
WORK=$(mktemp -d /tmp/kaoping-pgrestart.XXXX)
chown postgres "$WORK" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
pg() { as_pg "$BIN/pg_ctl -D $WORK/data -o '-p $PG -k $WORK' -l $WORK/pg.log -w $* >/dev/null"; }
as_pg "$BIN/initdb -D $WORK/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
pg start
APP=""
trap '[ -n "$APP" ] && kill $APP 2>/dev/null || true; wait 2>/dev/null || true; pg "stop -m fast" || true; rm -rf "$WORK"' EXIT
export PGHOST=127.0.0.1 PGPORT=$PG PGUSER=postgres
psql -Xqc "CREATE DATABASE kaoping ENCODING 'UTF8' TEMPLATE template0"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d kaoping)
[ -f target/kaoping.jar ] || ./mvnw -q -DskipTests package
cp target/kaoping.jar "$WORK/kaoping.jar"
KAOPING_DB_URL=jdbc:postgresql://127.0.0.1:$PG/kaoping KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Restart-Pass-2026 \
  KAOPING_AUDIT_KEY=pg-restart-audit-anchor-key-0123456789ab PORT=$PORT \
  java -Xms512m -Xmx768m -jar "$WORK/kaoping.jar" > "$WORK/app.log" 2>&1 &
APP=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }; sleep 1; done
open_survey 重启测试调查
echo "ready; survey $SURVEY; intake at 8 clients for $((OUTAGE + 40)) s, PostgreSQL down for $OUTAGE s after 10 s"

ACK_LOG="$WORK/acks.txt" java bench/survey/SurveyLoad.java load $PORT "$WORK/codes.csv" 8 $((OUTAGE + 40)) 0 100000 \
  submit > "$WORK/load.txt" 2> "$WORK/load.err" &
LOAD=$!
until [ -s "$WORK/acks.txt" ]; do sleep 0.2; done
sleep 10
pg "stop -m fast"
DOWN=$(date +%s)
: > "$WORK/probe.txt"
while [ $(( $(date +%s) - DOWN )) -lt "$OUTAGE" ]; do
  curl -s -o "$WORK/probe.html" -m 20 -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT/public/rankings" \
    >> "$WORK/probe.txt" || echo "000 20" >> "$WORK/probe.txt"
  sleep 1
done
grep -q "服务暂时不可用" "$WORK/probe.html" && PAGE=chinese-503-page || PAGE=other
pg start
UP=$(date +%s.%N)
until [ "$(curl -s -o /dev/null -m 20 -w '%{http_code}' "http://127.0.0.1:$PORT/public/rankings")" = 200 ]; do sleep 0.2; done
RECOVERED=$(awk -v s="$UP" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
wait $LOAD || true
cat "$WORK/load.txt"
ACKED=$(sort -u "$WORK/acks.txt" | wc -l)
read -r STORED RESPONSES ANSWERED DISTINCT < <(check_acknowledged "$WORK/acks.txt")
STATUSES=$(awk '{print $1}' "$WORK/probe.txt" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
SLOWEST=$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {printf "%.1f", m}' "$WORK/probe.txt")
echo "result: outage_s=$OUTAGE probe_statuses=[ $STATUSES] probe_slowest_s=$SLOWEST last_body=$PAGE" \
  "pool_recovered_after_s=$RECOVERED acknowledged=$ACKED of_them_stored=$STORED responses=$RESPONSES" \
  "answered=$ANSWERED distinct=$DISTINCT 500s_in_log=$(grep -c ' 500 \|Unexpected error' "$WORK/app.log" || true)"
[ "$STORED" = "$ACKED" ] && [ "$RESPONSES" = "$DISTINCT" ] && [ "$PAGE" = chinese-503-page ] \
  && ! grep -q '^500\|^000' "$WORK/probe.txt" || { echo "FAILED"; cp -r "$WORK" /tmp/kaoping-pgrestart-failed || true; exit 1; }
