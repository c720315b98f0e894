#!/usr/bin/env bash
# Survey intake benchmark (issue 5): the owner's submit endpoint at 8, 32 and 64 concurrent clients on loopback,
# against raw pgbench inserts of an equivalent row on the same PostgreSQL, app and database on this machine.
# Bounded: SECONDS per level (default 20) and at most 30,000 responses per level. Run by hand:
#   bench/survey/run.sh [seconds]
# Needs: a JDK 17+ (java, jcmd), psql, and pgbench (Debian: /usr/lib/postgresql/15/bin); wrk (Debian package wrk)
# for the second load generator, skipped when missing. Builds the jar into target-survey-bench/ (JAR=... to use
# another) and keeps everything else in a temporary directory. JAVA_OPTS is passed to the application's JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-20}
PORT=${PORT:-18085}
PGPORT=${PGPORT:-54345}
PGBENCH=${PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}
WORK=$(mktemp -d /tmp/kaoping-survey-bench.XXXX)
JAR=${JAR:-target-survey-bench/kaoping.jar}
WRK=${WRK:-$(command -v wrk || true)}
[ -f "$JAR" ] || ./mvnw -q -o -B -DskipTests -Dkaoping.build.dir=target-survey-bench package
PSQL=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)

KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Bench-Pass-2026 KAOPING_DATA_DIR="$WORK/pg" KAOPING_EMBEDDED_PORT=$PGPORT \
  PORT=$PORT java -Xms512m -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }; sleep 0.5; done
echo "app ready (pid $APP, data in $WORK)"

# two identical surveys over every demo estate (so there are 2 x 108,113 fresh codes for the loads), with the
# Shenyang professional form and a known salt; estate links are bench-<estate id>-<1|2>
SALT=00112233445566778899aabbccddeeff
: > "$WORK/codes.csv"
SURVEYS=""
for N in 1 2; do
"${PSQL[@]}" <<SQL
INSERT INTO survey (title, questionnaire, region_path, starts_on, ends_on, status, salt, created_by, created_at)
VALUES ('基准调查 $N', 'shenyang-professional', '/', current_date - 1, current_date + 30, 'OPEN',
        decode('$SALT', 'hex'), 'bench', now());
SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'survey_estate'
               AND column_name = 'estate_name') AS copies \gset
\if :copies
-- V8: the survey keeps copies of estate name, district, street and household count (as OpenSurvey.create does)
INSERT INTO survey_estate (survey_id, estate_id, region_path, link_key, estate_name, district_name, street_name)
SELECT (SELECT max(id) FROM survey), e.id, e.region_path, 'bench-' || e.id || '-$N', e.name, d.name, st.name
FROM estate e
LEFT JOIN region d ON d.id = CAST(NULLIF(split_part(e.region_path, '/', 3), '') AS bigint)
LEFT JOIN region st ON st.id = CAST(NULLIF(split_part(e.region_path, '/', 4), '') AS bigint);
\else
INSERT INTO survey_estate (survey_id, estate_id, region_path, link_key)
SELECT (SELECT max(id) FROM survey), id, region_path, 'bench-' || id || '-$N' FROM estate;
\endif
INSERT INTO survey_household (survey_id, household_id, estate_id, building, unit, room)
SELECT (SELECT max(id) FROM survey), h.id, h.estate_id, h.building, h.unit, h.room FROM household h;
\if :copies
UPDATE survey_estate se SET household_count = c.n
FROM (SELECT estate_id, count(*) AS n FROM survey_household WHERE survey_id = (SELECT max(id) FROM survey)
      GROUP BY estate_id) c
WHERE se.survey_id = (SELECT max(id) FROM survey) AND se.estate_id = c.estate_id;
\endif
\copy (SELECT household_id, estate_id || '-$N', building, unit, room FROM survey_household WHERE survey_id = (SELECT max(id) FROM survey) ORDER BY estate_id, household_id) TO '$WORK/households.csv' CSV
SQL
java bench/survey/SurveyLoad.java codes "$WORK/households.csv" $SALT "$WORK/codes-$N.csv" "$WORK/hashes.csv"
cat "$WORK/codes-$N.csv" >> "$WORK/codes.csv"
"${PSQL[@]}" <<SQL
CREATE TEMP TABLE h (household_id bigint, hash text);
\copy h FROM '$WORK/hashes.csv' CSV
UPDATE survey_household s SET code_hash = decode(h.hash, 'hex') FROM h
WHERE s.survey_id = (SELECT max(id) FROM survey) AND s.household_id = h.household_id;
SQL
SURVEYS="$SURVEYS${SURVEYS:+,}$("${PSQL[@]}" -tA -c "SELECT max(id) FROM survey")"
done
"${PSQL[@]}" -c "CREATE TABLE bench_response (LIKE survey_response)" -c "VACUUM ANALYZE"
echo "surveys $SURVEYS with $(wc -l < "$WORK/codes.csv") household codes"

heap() { jcmd $APP GC.heap_info | awk '/garbage-first heap|total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'; }
NEXT=0
ACK=0
SENT=0
run() { # clients seconds mode
  local out
  out=$(java bench/survey/SurveyLoad.java load $PORT "$WORK/codes.csv" "$1" "$2" $NEXT 30000 "$3")
  NEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$out")
  ACK=$((ACK + $(sed -E 's/.*acknowledged=([0-9]+).*/\1/' <<<"$out")))
  SENT=$((SENT + $(sed -E 's/.*acknowledged=([0-9]+).*/\1/' <<<"$out") + $(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$out")))
  echo "$out heap_used=$(heap)"
}
wrkrun() { # clients: the same submissions from wrk (C, one Lua script), fresh codes
  [ -n "$WRK" ] || { echo "wrk: not installed, skipped"; return; }
  local page cookie csrf out count
  page=$(curl -s -c "$WORK/cookies" "http://127.0.0.1:$PORT/s/bench-1-1")
  cookie="XSRF-TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$WORK/cookies")"
  csrf=$(sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' <<<"$page" | head -1)
  count=$(( $(wc -l < "$WORK/codes.csv") - NEXT )); [ "$count" -gt 40000 ] && count=40000
  out=$("$WRK" -t2 -c"$1" -d"${2:-$SECS}s" --timeout 10s -s bench/survey/submit.lua "http://127.0.0.1:$PORT" -- \
    "$WORK/codes.csv" "$NEXT" "$count" 2 "$cookie" "$csrf" | grep '^wrk ')
  NEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$out")
  ACK=$((ACK + $(sed -E 's/.*acknowledged=([0-9]+).*/\1/' <<<"$out")))
  SENT=$((SENT + $(sed -E 's/.*codes_used=([0-9]+).*/\1/' <<<"$out")))
  echo "$out clients=$1 heap_used=$(heap)"
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

echo "--- warm-up (not reported): 10 s of the Java harness and 20 s of wrk, 16 clients, so the JIT has compiled the path"
run 16 10 submit > /dev/null
wrkrun 16 20 > /dev/null
for c in 8 32 64; do
  echo "--- $c clients"
  run "$c" "$SECS" submit
  wrkrun "$c"
  pgb "$c"
done
echo "--- 32 clients, each response a fresh owner (open the page, then submit)"
run 32 "$SECS" owner

echo "--- durability check: rows stored vs. responses acknowledged (warm-up included)"
"${PSQL[@]}" -tA <<SQL
SELECT 'responses=' || (SELECT count(*) FROM survey_response WHERE survey_id IN ($SURVEYS))
    || ' answered=' || (SELECT count(*) FROM survey_answered WHERE survey_id IN ($SURVEYS))
    || ' distinct_households=' || (SELECT count(DISTINCT (survey_id, household_id)) FROM survey_answered
                                   WHERE survey_id IN ($SURVEYS));
SQL
echo "acknowledged=$ACK sent=$SENT (codes handed out: $NEXT)"
echo "(stored may exceed acknowledged by submissions wrk had in flight when its time ran out: sent but never read)"
