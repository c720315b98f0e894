#!/usr/bin/env bash
# Survey intake benchmark (issue 5): the owner's submit endpoint at 8, 32 and 64 concurrent clients on loopback,
# against raw pgbench inserts of an equivalent row on the same PostgreSQL, app and database on this machine.
# Bounded: SECONDS per level (default 20) and at most 30,000 responses per level. Run by hand:
#   bench/survey/run.sh [seconds]
# Needs: a JDK 17+ (java, jcmd), psql, and pgbench (Debian: /usr/lib/postgresql/15/bin). Builds the jar into
# target-survey-bench/ and keeps everything else in a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-20}
PORT=${PORT:-18085}
PGPORT=${PGPORT:-54345}
PGBENCH=${PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}
WORK=$(mktemp -d /tmp/kaoping-survey-bench.XXXX)
JAR=target-survey-bench/kaoping.jar
[ -f "$JAR" ] || ./mvnw -q -o -B -DskipTests -Dkaoping.build.dir=target-survey-bench package
PSQL=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)

KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Bench-Pass-2026 KAOPING_DATA_DIR="$WORK/pg" KAOPING_EMBEDDED_PORT=$PGPORT \
  PORT=$PORT java -Xms512m -Xmx512m -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }; sleep 0.5; done
echo "app ready (pid $APP, data in $WORK)"

# a survey over every demo estate, with the Shenyang professional form and a known salt
SALT=00112233445566778899aabbccddeeff
"${PSQL[@]}" <<SQL
INSERT INTO survey (title, questionnaire, region_path, starts_on, ends_on, status, salt, created_by, created_at)
VALUES ('基准调查', 'shenyang-professional', '/', current_date - 1, current_date + 30, 'OPEN',
        decode('$SALT', 'hex'), 'bench', now());
INSERT INTO survey_estate (survey_id, estate_id, region_path, link_key)
SELECT (SELECT max(id) FROM survey), id, region_path, 'bench-' || id FROM estate;
INSERT INTO survey_household (survey_id, household_id, estate_id, building, unit, room)
SELECT (SELECT max(id) FROM survey), h.id, h.estate_id, h.building, h.unit, h.room FROM household h;
\copy (SELECT household_id, estate_id, building, unit, room FROM survey_household WHERE survey_id = (SELECT max(id) FROM survey) ORDER BY estate_id, household_id) TO '$WORK/households.csv' CSV
SQL
java bench/survey/SurveyLoad.java codes "$WORK/households.csv" $SALT "$WORK/codes.csv" "$WORK/hashes.csv"
"${PSQL[@]}" <<SQL
CREATE TEMP TABLE h (household_id bigint, hash text);
\copy h FROM '$WORK/hashes.csv' CSV
UPDATE survey_household s SET code_hash = decode(h.hash, 'hex') FROM h
WHERE s.survey_id = (SELECT max(id) FROM survey) AND s.household_id = h.household_id;
CREATE TABLE bench_response (LIKE survey_response);
VACUUM ANALYZE;
SQL
SURVEY=$("${PSQL[@]}" -tA -c "SELECT max(id) FROM survey")
echo "survey $SURVEY with $(wc -l < "$WORK/codes.csv") households"

heap() { jcmd $APP GC.heap_info | awk '/garbage-first heap|total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'; }
NEXT=0
ACK=0
run() { # clients seconds mode
  local out
  out=$(java bench/survey/SurveyLoad.java load $PORT "$WORK/codes.csv" "$1" "$2" $NEXT 30000 "$3")
  NEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$out")
  ACK=$((ACK + $(sed -E 's/.*acknowledged=([0-9]+).*/\1/' <<<"$out")))
  echo "$out heap_used=$(heap)"
}
pgb() { # clients
  rm -f "$WORK"/pgbench_log*
  "$PGBENCH" -n -h 127.0.0.1 -p $PGPORT -U postgres -c "$1" -j 2 -T "$SECS" -l --log-prefix="$WORK/pgbench_log" \
    -f bench/survey/pgbench-insert.sql postgres > "$WORK/pgbench.out" 2>&1
  local tps
  tps=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.out")
  cat "$WORK"/pgbench_log* | awk '{print $3}' | sort -n > "$WORK/pglat"
  local n; n=$(wc -l < "$WORK/pglat")
  echo "pgbench clients=$1 tps=$tps transactions=$n p50_ms=$(awk -v n="$n" 'NR==int(n*0.50+0.999){printf "%.2f", $1/1000}' "$WORK/pglat") p99_ms=$(awk -v n="$n" 'NR==int(n*0.99+0.999){printf "%.2f", $1/1000}' "$WORK/pglat")"
}

echo "--- warm-up (not reported)"
run 16 5 submit > /dev/null
for c in 8 32 64; do
  echo "--- $c clients"
  run "$c" "$SECS" submit
  pgb "$c"
done
echo "--- 32 clients, each response a fresh owner (open the page, then submit)"
run 32 "$SECS" owner

echo "--- durability check: rows stored vs. responses acknowledged (warm-up included)"
"${PSQL[@]}" -tA <<SQL
SELECT 'responses=' || (SELECT count(*) FROM survey_response WHERE survey_id = $SURVEY)
    || ' answered=' || (SELECT count(*) FROM survey_answered WHERE survey_id = $SURVEY)
    || ' distinct_households=' || (SELECT count(DISTINCT household_id) FROM survey_answered WHERE survey_id = $SURVEY);
SQL
echo "acknowledged=$ACK (codes handed out: $NEXT)"
