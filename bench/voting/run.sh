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
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)

echo "--- tally of one estate (OwnerVote.count, plain Java)"
java -cp target-survey-bench/classes:target/classes bench/voting/TallyBench.java 5000 50

KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Bench-Pass-2026 KAOPING_DATA_DIR="$WORK/pg" KAOPING_EMBEDDED_PORT=$PGPORT \
  PORT=$PORT java -Xms512m -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }; sleep 0.5; done
echo "app ready (pid $APP, data in $WORK)"

. scripts/faults/lib.sh
open_votes 基准表决 bench       # one open vote per estate: $WORK/ballot-codes.csv
open_survey 基准调查            # one survey over every estate: $WORK/codes.csv
cp "$WORK/codes.csv" "$WORK/survey-codes.csv"
"${PSQL[@]}" -c "CREATE TABLE bench_response (LIKE survey_response)" -c "VACUUM ANALYZE"
echo "$(wc -l < "$WORK/ballot-codes.csv") ballot codes, $(wc -l < "$WORK/survey-codes.csv") survey codes"

BNEXT=0
SNEXT=0
load() { # mode codes next clients seconds
  java bench/survey/SurveyLoad.java load $PORT "$2" "$4" "$5" "$3" 30000 "$1"
}
echo "--- warm-up (not reported): 10 s of each at 16 clients"
out=$(load ballot "$WORK/ballot-codes.csv" $BNEXT 16 10); BNEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$out")
out=$(load submit "$WORK/survey-codes.csv" $SNEXT 16 10); SNEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$out")
echo "--- 32 clients, ROUNDS rounds (default 3), the order alternating so neither side always goes first"
rate() { sed -E 's/.*rate=([0-9.]+).*/\1/' <<<"$1"; }
ROUNDS=${ROUNDS:-3}
RATIOS=()
ACKS=0
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 == 1 )); then
    BALLOT=$(load ballot "$WORK/ballot-codes.csv" $BNEXT 32 "$SECS"); BNEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$BALLOT")
    SURVEY=$(load submit "$WORK/survey-codes.csv" $SNEXT 32 "$SECS"); SNEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$SURVEY")
  else
    SURVEY=$(load submit "$WORK/survey-codes.csv" $SNEXT 32 "$SECS"); SNEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$SURVEY")
    BALLOT=$(load ballot "$WORK/ballot-codes.csv" $BNEXT 32 "$SECS"); BNEXT=$(sed -E 's/.*next_code=([0-9]+).*/\1/' <<<"$BALLOT")
  fi
  ACKS=$((ACKS + $(sed -E 's/.*acknowledged=([0-9]+).*/\1/' <<<"$BALLOT")))
  echo "round $r ballots: $BALLOT"
  echo "round $r survey:  $SURVEY"
  RATIOS+=("$(awk -v b="$(rate "$BALLOT")" -v s="$(rate "$SURVEY")" 'BEGIN { printf "%.1f", 100*b/s }')")
done
echo "ballot/survey per round: ${RATIOS[*]} (%); median $(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }') %"
"$PGBENCH" -n -h 127.0.0.1 -p $PGPORT -U postgres -c 32 -j 2 -T "$SECS" -f bench/survey/pgbench-insert.sql postgres \
  > "$WORK/pgbench.out" 2>&1
TPS=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.out")
echo "pgbench: clients=32 tps=$TPS"
awk -v b="$(rate "$BALLOT")" -v s="$(rate "$SURVEY")" -v p="$TPS" 'BEGIN {
  printf "last round: ballot/pgbench=%.1f%% survey/pgbench=%.1f%%\n", 100*b/p, 100*s/p }'

echo "--- durability: ballots stored vs acknowledged"
"${PSQL[@]}" -tA -c "SELECT 'ballot_rows=' || count(*) || ' distinct_units=' || count(DISTINCT (b.vote_id, b.unit))
  FROM vote_ballot b JOIN vote v ON v.id = b.vote_id WHERE $VOTES"
echo "(acknowledged: the warm-up's plus $ACKS in the rounds at 32 clients)"
