#!/usr/bin/env bash
# Fault: kill -9 during survey intake (issue 17). Starts Kaoping with the demo city on a kept embedded data folder,
# opens a survey over every estate, sends owners' responses at CLIENTS clients (bench/survey/SurveyLoad.java, each
# acknowledged response's code logged), kills the application with SIGKILL after KILL_AFTER seconds, restarts it
# and checks that every acknowledged response is stored, none twice, and that intake resumes; then stops it with
# SIGTERM and times that.
#   scripts/faults/kill-during-intake.sh [app|app+db] [survey|ballot]
#       app: the JVM only (its PostgreSQL is left orphaned); app+db: the JVM and its PostgreSQL together;
#       survey: owners' survey responses (default); ballot: owners' phone ballots, one open vote per estate (issue 13)
# Loopback only, bounded (LOAD_SECONDS per load, default 30). Needs a JDK, psql (Debian postgresql-client-15).
# Builds target/kaoping.jar when missing and runs a copy of it. Prints one "result:" line; exit 1 on a lost or
# doubled response.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/faults/lib.sh
MODE=${1:-app}
INTAKE=${2:-survey}
CLIENTS=${CLIENTS:-8}
KILL_AFTER=${KILL_AFTER:-10}
LOAD_SECONDS=${LOAD_SECONDS:-30}
PORT=${PORT:-18191}
PGPORT=${PGPORT:-54391}
WORK=$(mktemp -d /tmp/kaoping-fault.XXXX)
[ -f target/kaoping.jar ] || ./mvnw -q -DskipTests package
cp target/kaoping.jar "$WORK/kaoping.jar"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)
APP=""
cleanup() {
  [ -n "$APP" ] && kill -TERM "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  if [ -f "$WORK/pg/postmaster.pid" ]; then kill -INT "$(head -1 "$WORK/pg/postmaster.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT

start_app() { # log-name -> sets APP and READY_S (seconds to ready)
  local t0=$(date +%s.%N)
  KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Fault-Pass-2026 KAOPING_DATA_DIR="$WORK/pg" KAOPING_EMBEDDED_PORT=$PGPORT \
    KAOPING_AUDIT_KEY_FILE="$WORK/audit.key" PORT=$PORT java -Xms512m -Xmx768m -jar "$WORK/kaoping.jar" \
    > "$WORK/$1.log" 2>&1 &
  APP=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $APP 2>/dev/null || { tail -40 "$WORK/$1.log"; echo "application died ($1)"; exit 1; }
    sleep 0.5
  done
  READY_S=$(awk -v s="$t0" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
}

echo "first start (demo city; data in $WORK)"
start_app first
echo "ready after $READY_S s"

# one survey over every demo estate, with a fresh code per household (as bench/survey/run.sh does), or one vote
if [ "$INTAKE" = ballot ]; then
  open_votes 故障测试表决
  cp "$WORK/ballot-codes.csv" "$WORK/codes.csv"
  LOADMODE=ballot
  echo "votes with $(wc -l < "$WORK/codes.csv") ballot codes"
else
  open_survey 故障测试调查
  LOADMODE=submit
  echo "survey $SURVEY with $(wc -l < "$WORK/codes.csv") household codes"
fi

echo "--- intake at $CLIENTS clients; kill -9 ($MODE) after $KILL_AFTER s"
ACK_LOG="$WORK/acks-before.txt" java bench/survey/SurveyLoad.java load $PORT "$WORK/codes.csv" "$CLIENTS" \
  "$LOAD_SECONDS" 0 100000 $LOADMODE > "$WORK/load-before.txt" 2> "$WORK/load-before.err" &
LOAD=$!
until [ -s "$WORK/acks-before.txt" ]; do kill -0 $LOAD 2>/dev/null || break; sleep 0.2; done # intake under way
sleep "$KILL_AFTER"
POSTMASTER=$(head -1 "$WORK/pg/postmaster.pid")
if [ "$MODE" = "app+db" ]; then
  kill -9 "$APP" "$POSTMASTER" $(pgrep -P "$POSTMASTER" || true)
else
  kill -9 "$APP"
fi
wait "$APP" 2>/dev/null || true
wait "$LOAD" || true
cat "$WORK/load-before.txt"
echo "load errors (each client stops at its first): $(sed -E 's/: .*//' "$WORK/load-before.err" | sort | uniq -c | tr -s ' \n' ' ')"
ACKED=$(sort -u "$WORK/acks-before.txt" 2>/dev/null | wc -l)
NEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' "$WORK/load-before.txt")
ORPHAN=$([ "$MODE" = app ] && kill -0 "$POSTMASTER" 2>/dev/null && echo yes || echo no)

echo "--- restart (orphaned PostgreSQL left running: $ORPHAN)"
start_app restart
RESTART=$READY_S
echo "ready after $RESTART s"

# every acknowledged code must be answered, exactly once
if [ "$INTAKE" = ballot ]; then
  # one proposal: a unit's ballot is one row; each acknowledged code is one change (no code is used twice here)
  read -r STORED_ACKED RESPONSES DISTINCT CHANGES < <(check_acknowledged_ballots "$WORK/acks-before.txt")
  ANSWERED=$CHANGES
else
  read -r STORED_ACKED RESPONSES ANSWERED DISTINCT < <(check_acknowledged "$WORK/acks-before.txt")
fi

echo "--- intake resumes"
ACK_LOG="$WORK/acks-after.txt" java bench/survey/SurveyLoad.java load $PORT "$WORK/codes.csv" "$CLIENTS" 5 \
  "$NEXT" 100000 $LOADMODE | tee "$WORK/load-after.txt"
RESUMED=$(sed -E 's/.*acknowledged=([0-9]+).*/\1/' "$WORK/load-after.txt")

T0=$(date +%s.%N)
kill -TERM "$APP"
wait "$APP" 2>/dev/null || true
STOP=$(awk -v s="$T0" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
APP=""
LEFT=$([ -f "$WORK/pg/postmaster.pid" ] && echo yes || echo no)
ERRORS=$(grep -c -E " ERROR |destroy method failed" "$WORK/restart.log" || true)

echo "result: intake=$INTAKE mode=$MODE clients=$CLIENTS acknowledged_before_kill=$ACKED of_them_stored=$STORED_ACKED" \
  "responses=$RESPONSES answered=$ANSWERED distinct_households=$DISTINCT restart_s=$RESTART" \
  "resumed_acknowledged=$RESUMED sigterm_stop_s=$STOP postgres_left_running=$LEFT error_lines=$ERRORS"
if [ "$STORED_ACKED" != "$ACKED" ] || [ "$RESPONSES" != "$ANSWERED" ] || [ "$ANSWERED" != "$DISTINCT" ] \
   || [ "$RESUMED" = 0 ]; then
  echo "FAILED (logs in $WORK)"; exit 1
fi
rm -rf "$WORK"
