#!/usr/bin/env bash
# Fault: two Kaoping instances on one PostgreSQL behind a round-robin proxy on loopback (scripts/faults/proxy.py).
# Checks: a session started on one instance works on the other (Spring Session JDBC); the anchor job, scheduled
# every 10 s on both, runs once per schedule (ShedLock); the survey-code lock-out counts wrong codes sent to either
# instance; survey intake through the proxy at 8 clients while one instance is killed with SIGKILL loses no
# acknowledged response and stores none twice; no module event publication is left incomplete.
# Debian's PostgreSQL 15 as the shared server (throw-away cluster, port 55417). Bounded; loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/faults/lib.sh
BIN=/usr/lib/postgresql/15/bin
[ -x "$BIN/postgres" ] || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null; }
A=18195 B=18196 P=18197 PG=55417
WORK=$(mktemp -d /tmp/kaoping-two.XXXX)
chown postgres "$WORK" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
as_pg "$BIN/initdb -D $WORK/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
as_pg "$BIN/pg_ctl -D $WORK/data -o '-p $PG -k $WORK -c max_connections=100' -l $WORK/pg.log start >/dev/null"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null || true; as_pg "$BIN/pg_ctl -D $WORK/data stop -m fast >/dev/null"' EXIT
export PGHOST=127.0.0.1 PGPORT=$PG PGUSER=postgres
until psql -Xqc 'select 1' >/dev/null 2>&1; do sleep 0.2; done
psql -Xqc "CREATE DATABASE kaoping ENCODING 'UTF8' TEMPLATE template0"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d kaoping)
[ -f target/kaoping.jar ] || ./mvnw -q -DskipTests package
cp target/kaoping.jar "$WORK/kaoping.jar"

start() { # port name
  KAOPING_DB_URL=jdbc:postgresql://127.0.0.1:$PG/kaoping KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Two-Pass-2026 \
    KAOPING_AUDIT_KEY=two-instances-audit-anchor-key-0123456789 KAOPING_DB_POOL=8 PORT=$1 \
    java -Xms384m -Xmx640m -jar "$WORK/kaoping.jar" "--kaoping.audit.anchor-cron=*/10 * * * * *" > "$WORK/$2.log" 2>&1 &
  echo $!
}
ready() { until curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; do sleep 1; done; }
PA=$(start $A a); PIDS+=("$PA"); ready $A
PB=$(start $B b); PIDS+=("$PB"); ready $B
python3 scripts/faults/proxy.py $P $A $B & PIDS+=("$!")
sleep 1
echo "two instances ready (a: $A, b: $B, proxy: $P; logs in $WORK)"

# 1. a session from one instance on the other
page=$(curl -s -c "$WORK/jar" "http://127.0.0.1:$A/login")
csrf=$(sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' <<<"$page" | head -1)
curl -s -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "username=city_admin" \
  --data-urlencode "password=Kaoping2026" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$A/login"
SESSION_ON_B=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" "http://127.0.0.1:$B/estates")
echo "session from a used on b: GET /estates -> $SESSION_ON_B (200 = signed in; 302 = sent to the login page)"

# 2. survey-code lock-out across instances: wrong codes alternately to a and b
open_survey 双实例测试
IFS=, read -r LINK BLD UNIT ROOM CODE < <(tail -1 "$WORK/codes.csv")
guess() { # port -> status of one wrong code
  local page csrf
  page=$(curl -s -c "$WORK/o$1" "http://127.0.0.1:$1/s/$LINK")
  csrf=$(sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' <<<"$page" | head -1)
  curl -s -o /dev/null -w '%{http_code}' -b "$WORK/o$1" --data-urlencode "via=link" --data-urlencode "building=$BLD" \
    --data-urlencode "unit=$UNIT" --data-urlencode "room=$ROOM" --data-urlencode "code=AAAAAAAAAAAAAAAA" \
    --data-urlencode "q.contract=S" --data-urlencode "q.sanitation=B" --data-urlencode "q.facilities=S" \
    --data-urlencode "q.order=U" --data-urlencode "q.greening=S" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$1/s/$LINK"
}
STATUSES=""
for i in $(seq 1 11); do if [ $((i % 2)) = 1 ]; then STATUSES="$STATUSES $(guess $A)"; else STATUSES="$STATUSES $(guess $B)"; fi; done
LOCKED=$("${PSQL[@]}" -tA -c "SELECT count(*) FROM survey_client_guard WHERE locked_until > now()")
echo "11 wrong codes alternately to a and b: statuses$STATUSES; clients locked out: $LOCKED"
"${PSQL[@]}" -c "DELETE FROM survey_client_guard" # the load below comes from the same address

# 3. intake through the proxy; kill -9 of b after 10 s
ACK_LOG="$WORK/acks.txt" java bench/survey/SurveyLoad.java load $P "$WORK/codes.csv" 8 30 0 100000 submit \
  > "$WORK/load.txt" 2> "$WORK/load.err" &
LOAD=$!
sleep 10
kill -9 "$PB"
wait "$LOAD" || true
cat "$WORK/load.txt"
ACKED=$(sort -u "$WORK/acks.txt" | wc -l)
read -r STORED RESPONSES ANSWERED DISTINCT < <(check_acknowledged "$WORK/acks.txt")
# 4. the anchor job, every 10 s on both instances (and on a alone after the kill)
sleep 5
# one anchor per 10-s schedule: two anchors in one slot would be a schedule run twice (created_at can lag the
# schedule by a few seconds when the chain lock or a busy machine delays the run)
read -r ANCHORS SLOTS DOUBLED < <("${PSQL[@]}" -tA -F ' ' -c "
  SELECT count(*), floor(extract(epoch FROM max(created_at)) / 10) - floor(extract(epoch FROM min(created_at)) / 10) + 1,
         count(*) - count(DISTINCT floor(extract(epoch FROM created_at) / 10)) FROM audit_anchor")
INCOMPLETE=$("${PSQL[@]}" -tA -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
echo "result: session_on_other_instance=$SESSION_ON_B lockout_statuses=[$STATUSES ] locked_clients=$LOCKED" \
  "acknowledged=$ACKED of_them_stored=$STORED responses=$RESPONSES answered=$ANSWERED distinct=$DISTINCT" \
  "anchors=$ANCHORS in_10s_slots=$SLOTS slots_with_two_anchors=$DOUBLED" \
  "incomplete_event_publications=$INCOMPLETE"
[ "$SESSION_ON_B" = 200 ] && [ "$STORED" = "$ACKED" ] && [ "$RESPONSES" = "$DISTINCT" ] && [ "$DOUBLED" = 0 ] \
  && [ "$LOCKED" -ge 1 ] || { echo "FAILED (logs in $WORK)"; exit 1; }
