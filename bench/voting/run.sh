#!/usr/bin/env bash
# Ballot intake benchmark (issue 13): owners' phone ballots (/s/v/{key}) against survey intake (/s/{key}) with the
# same harness (bench/survey/SurveyLoad.java) at 32 clients, and raw pgbench inserts, in one run on one PostgreSQL.
# Aim: ballot intake no worse than survey intake. Also the tally of a 5,000-unit estate (bench/voting/TallyBench).
# Bounded: SECONDS per load (default 20), at most 30,000 submissions per load. Run by hand:
#   bench/voting/run.sh [seconds]
# Needs a JDK 17+, psql and pgbench (Debian: postgresql-client, /usr/lib/postgresql/*/bin/pgbench).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-20}
PORT=${PORT:-18086}
PGPORT=${PGPORT:-54346}
PGBENCH=${PGBENCH:-$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1)}
WORK=$(mktemp -d /tmp/kaoping-ballot-bench.XXXX)
JAR=${JAR:-target-survey-bench/kaoping.jar}
[ -f "$JAR" ] || ./mvnw -q -o -B -DskipTests -Dkaoping.build.dir=target-survey-bench package
PSQL=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)

echo "--- tally of one estate (OwnerVote.count, plain Java)"
java -cp target-survey-bench/classes:target/classes bench/voting/TallyBench.java 5000 50

KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Bench-Pass-2026 KAOPING_DATA_DIR="$WORK/pg" KAOPING_EMBEDDED_PORT=$PGPORT \
  PORT=$PORT java -Xms512m -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }; sleep 0.5; done
echo "app ready (pid $APP, data in $WORK)"

SALT=00112233445566778899aabbccddeeff
# one open vote per demo estate, its roll the estate's households (unit = household id, one owner each, 90 m²)
"${PSQL[@]}" <<SQL
INSERT INTO vote (estate_id, estate_name, estate_path, matter, title, announced_on, opens_on, closes_on, status,
                  approved_by, roll_size, created_by, created_at, link_key, salt)
SELECT e.id, e.name, e.region_path, 4, '基准表决', current_date - 20, current_date - 1, current_date + 30, 'OPEN',
       'bench', 0, 'bench', now(), 'bench-' || e.id || '-v', decode('$SALT', 'hex') FROM estate e;
INSERT INTO vote_proposal (vote_id, position, text) SELECT id, 1, '续聘现物业服务企业' FROM vote WHERE created_by = 'bench';
INSERT INTO vote_roll (vote_id, unit, owner, area, unsold)
SELECT v.id, h.id::text, '业主' || h.id, 90.00, false FROM household h JOIN vote v ON v.estate_id = h.estate_id
WHERE v.created_by = 'bench';
\copy (SELECT r.unit, v.estate_id || '-v', '', '', '' FROM vote_roll r JOIN vote v ON v.id = r.vote_id WHERE v.created_by = 'bench' ORDER BY v.estate_id, r.unit) TO '$WORK/units.csv' CSV
SQL
java bench/survey/SurveyLoad.java codes "$WORK/units.csv" $SALT "$WORK/ballot-codes.csv" "$WORK/ballot-hashes.csv"
"${PSQL[@]}" <<SQL
CREATE TEMP TABLE h (unit text, hash text);
\copy h FROM '$WORK/ballot-hashes.csv' CSV
INSERT INTO vote_code (vote_id, unit, code_hash)
SELECT r.vote_id, r.unit, decode(h.hash, 'hex') FROM h JOIN vote_roll r ON r.unit = h.unit
JOIN vote v ON v.id = r.vote_id AND v.created_by = 'bench';
SQL

# one survey over every demo estate, as bench/survey/run.sh sets it up
"${PSQL[@]}" <<SQL
INSERT INTO survey (title, questionnaire, region_path, starts_on, ends_on, status, salt, created_by, created_at)
VALUES ('基准调查', 'shenyang-professional', '/', current_date - 1, current_date + 30, 'OPEN', decode('$SALT', 'hex'),
        'bench', now());
INSERT INTO survey_estate (survey_id, estate_id, region_path, link_key, estate_name, district_name, street_name)
SELECT (SELECT max(id) FROM survey), e.id, e.region_path, 'bench-' || e.id || '-1', e.name, d.name, st.name
FROM estate e
LEFT JOIN region d ON d.id = CAST(NULLIF(split_part(e.region_path, '/', 3), '') AS bigint)
LEFT JOIN region st ON st.id = CAST(NULLIF(split_part(e.region_path, '/', 4), '') AS bigint);
INSERT INTO survey_household (survey_id, household_id, estate_id, building, unit, room)
SELECT (SELECT max(id) FROM survey), h.id, h.estate_id, h.building, h.unit, h.room FROM household h;
UPDATE survey_estate se SET household_count = c.n
FROM (SELECT estate_id, count(*) AS n FROM survey_household WHERE survey_id = (SELECT max(id) FROM survey)
      GROUP BY estate_id) c
WHERE se.survey_id = (SELECT max(id) FROM survey) AND se.estate_id = c.estate_id;
\copy (SELECT household_id, estate_id || '-1', building, unit, room FROM survey_household WHERE survey_id = (SELECT max(id) FROM survey) ORDER BY estate_id, household_id) TO '$WORK/households.csv' CSV
SQL
java bench/survey/SurveyLoad.java codes "$WORK/households.csv" $SALT "$WORK/survey-codes.csv" "$WORK/survey-hashes.csv"
"${PSQL[@]}" <<SQL
CREATE TEMP TABLE h (household_id bigint, hash text);
\copy h FROM '$WORK/survey-hashes.csv' CSV
UPDATE survey_household s SET code_hash = decode(h.hash, 'hex') FROM h
WHERE s.survey_id = (SELECT max(id) FROM survey) AND s.household_id = h.household_id;
CREATE TABLE bench_response (LIKE survey_response);
VACUUM ANALYZE;
SQL
echo "$(wc -l < "$WORK/ballot-codes.csv") ballot codes, $(wc -l < "$WORK/survey-codes.csv") survey codes"

BNEXT=0
SNEXT=0
load() { # mode codes next clients seconds
  java bench/survey/SurveyLoad.java load $PORT "$2" "$4" "$5" "$3" 30000 "$1"
}
echo "--- warm-up (not reported): 10 s of each at 16 clients"
out=$(load ballot "$WORK/ballot-codes.csv" $BNEXT 16 10); BNEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$out")
out=$(load submit "$WORK/survey-codes.csv" $SNEXT 16 10); SNEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$out")
echo "--- 32 clients"
BALLOT=$(load ballot "$WORK/ballot-codes.csv" $BNEXT 32 "$SECS"); echo "ballots: $BALLOT"
SURVEY=$(load submit "$WORK/survey-codes.csv" $SNEXT 32 "$SECS"); echo "survey:  $SURVEY"
"$PGBENCH" -n -h 127.0.0.1 -p $PGPORT -U postgres -c 32 -j 2 -T "$SECS" -f bench/survey/pgbench-insert.sql postgres \
  > "$WORK/pgbench.out" 2>&1
TPS=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.out")
echo "pgbench: clients=32 tps=$TPS"
rate() { sed -E 's/.*rate=([0-9.]+).*/\1/' <<<"$1"; }
awk -v b="$(rate "$BALLOT")" -v s="$(rate "$SURVEY")" -v p="$TPS" 'BEGIN {
  printf "ballot/pgbench=%.1f%% survey/pgbench=%.1f%% ballot/survey=%.1f%%\n", 100*b/p, 100*s/p, 100*b/s }'

echo "--- durability: ballots stored vs acknowledged"
"${PSQL[@]}" -tA -c "SELECT 'ballot_rows=' || count(*) || ' distinct_units=' || count(DISTINCT (b.vote_id, b.unit))
  FROM vote_ballot b JOIN vote v ON v.id = b.vote_id WHERE v.created_by = 'bench'"
echo "(acknowledged: the warm-up's plus $(sed -E 's/.*acknowledged=([0-9]+).*/\1/' <<<"$BALLOT") at 32 clients)"
