#!/usr/bin/env bash
# Public ranking page benchmark (issue 6): GET /public/rankings/{scheme}/{period} (city pages, district pages, search
# by estate and by company) at 8, 32 and 64 concurrent clients on loopback, against a city of 20,000 estates with
# four published quarters; once with the page cache on (the default) and once with it off (every page rendered).
# Bounded: SECONDS per level (default 20) and at most 200,000 requests per level. Run by hand:
#   bench/public/run.sh [seconds]
# Needs: a JDK 17+ (java, jcmd), psql. Builds the jar into target-public-bench/ and keeps everything else in a
# temporary directory under /tmp.
#
# How the rankings get there: the registry grows to 20,000 estates with one SQL statement (as
# bench/startup-and-list.sh does); then PublicBenchSeedTests, run against this application's database, publishes
# four quarters of Shenyang professional totals (drawn from a fixed seed) through the application's own ranking
# computation (RankingService.roundPublished, what a published round triggers). Only the rounds are skipped; the
# ranking rows are the ones the application computes, not hand-written ones.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-20}
PORT=${PORT:-18086}
PGPORT=${PGPORT:-54346}
ESTATES=${ESTATES:-20000}
YEAR=${YEAR:-2024}   # the demo city ranks 2025 itself at first start
SCHEME=shenyang-professional
BUILD=target-public-bench
WORK=$(mktemp -d /tmp/kaoping-public-bench.XXXX)
JAR=$BUILD/kaoping.jar
[ -f "$JAR" ] || ./mvnw -q -o -B -DskipTests -Dkaoping.build.dir=$BUILD package
PSQL=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)

start_app() { # extra environment
  env "$@" KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Bench-Pass-2026 KAOPING_DATA_DIR="$WORK/pg" \
    KAOPING_EMBEDDED_PORT=$PGPORT PORT=$PORT java -Xms512m -Xmx512m -jar "$JAR" >> "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $APP 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }; sleep 0.5; done
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; }

APP=
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; wait 2>/dev/null || true' EXIT
start_app
echo "app ready (pid $APP, data in $WORK)"

# the registry grows to $ESTATES estates spread over the demo communities, companies and both categories
"${PSQL[@]}" <<SQL
INSERT INTO estate (name, address, community_id, region_path, category, old_estate, management_mode, floor_area,
                    household_count, company_id, contract_start, contract_filed)
SELECT '基准小区' || g, '清河市基准路' || g || '号', c.id, c.path,
       CASE WHEN g % 3 = 0 THEN 'BASIC' ELSE 'PROFESSIONAL' END, g % 4 = 0, 'COMPANY',
       round((20000 + g % 50000)::numeric + 0.25, 2), 100 + g % 900,
       (SELECT id FROM property_company ORDER BY id OFFSET (g % 40) LIMIT 1), DATE '2020-01-01', true
FROM generate_series(1, $ESTATES - (SELECT count(*) FROM estate)) g
JOIN LATERAL (SELECT id, path FROM region WHERE level = 'COMMUNITY' ORDER BY id OFFSET (g % 30) LIMIT 1) c ON true;
ANALYZE;
SQL
echo "estates: $("${PSQL[@]}" -tA -c 'SELECT count(*) FROM estate')"

echo "--- publishing four quarters of $YEAR through RankingService (test harness against this database)"
KAOPING_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" timeout 1500 ./mvnw -B -o test \
  -Dkaoping.build.dir=$BUILD -Dkaoping.bench=true -Dkaoping.bench.year=$YEAR \
  -Dtest='cn.kaoping.ranking.publication.PublicBenchSeedTests' -Dsurefire.failIfNoSpecifiedTests=false \
  > "$WORK/seed.log" 2>&1 || { tail -60 "$WORK/seed.log"; exit 1; }
grep -h "PUBLIC BENCH SEED" "$WORK/seed.log" $BUILD/surefire-reports/*PublicBenchSeedTests-output.txt 2>/dev/null | head -1 || true
"${PSQL[@]}" -tA -c "SELECT period || ' ' || period_kind || ' estates=' || estates || ' complete=' || complete FROM ranking WHERE scheme_code = '$SCHEME' ORDER BY period"

# 240,000 requests, each drawn independently (with replacement, fixed seed) from: 35 % a city page and 35 % a
# district page (uniform over all pages of the default category, professional), 20 % a search by a random estate's
# name, 10 % a search by a random company's name. Popular pages repeat as they would; most searches do not.
"${PSQL[@]}" -tA > "$WORK/urls.tsv" <<SQL
SELECT setseed(0.2025);
CREATE TEMP TABLE names AS SELECT row_number() OVER () AS i, s.estate_name FROM ranking_entry e
  JOIN ranking_score s ON s.round_id = e.source_round_id AND s.estate_id = e.estate_id
  WHERE e.ranking_id = (SELECT id FROM ranking WHERE scheme_code = '$SCHEME' AND period = '$YEAR');
CREATE TEMP TABLE companies AS SELECT row_number() OVER () AS i, name FROM property_company;
CREATE TEMP TABLE districts AS SELECT row_number() OVER (ORDER BY g.code) AS i, g.code, count(*) AS n
  FROM ranking_entry e JOIN region g ON g.id = e.district_id
  WHERE e.ranking_id = (SELECT id FROM ranking WHERE scheme_code = '$SCHEME' AND period = '$YEAR')
    AND e.category = 'PROFESSIONAL' GROUP BY g.code;
CREATE TEMP TABLE draws AS SELECT s, random() AS kind, random() AS pick, random() AS page
  FROM generate_series(1, 240000) s;
SELECT CASE
  WHEN d.kind < 0.35 THEN 'city' || E'\t' || '/public/rankings/$SCHEME/$YEAR?page='
       || (1 + floor(d.page * ceil((SELECT sum(n) FROM districts) / 20.0)))::int
  WHEN d.kind < 0.70 THEN 'district' || E'\t' || '/public/rankings/$SCHEME/$YEAR?district=' || x.code || '&page='
       || (1 + floor(d.page * ceil(x.n / 20.0)))::int
  WHEN d.kind < 0.90 THEN 'search' || E'\t' || '/public/rankings/$SCHEME/$YEAR?q=' || n.estate_name
  ELSE 'company' || E'\t' || '/public/rankings/$SCHEME/$YEAR?q=' || c.name END
FROM draws d
JOIN districts x ON x.i = 1 + floor(d.pick * (SELECT count(*) FROM districts))::int
JOIN names n ON n.i = 1 + floor(d.pick * (SELECT count(*) FROM names))::int
JOIN companies c ON c.i = 1 + floor(d.pick * (SELECT count(*) FROM companies))::int
ORDER BY d.s;
SQL
sed -i '/^$/d' "$WORK/urls.tsv"
echo "requests in the list: $(wc -l < "$WORK/urls.tsv") ($(cut -f1 "$WORK/urls.tsv" | sort | uniq -c | tr '\n' ' '))"

echo "--- query plans (one of each kind, EXPLAIN ANALYZE on the application's database)"
RID=$("${PSQL[@]}" -tA -c "SELECT id FROM ranking WHERE scheme_code = '$SCHEME' AND period = '$YEAR'")
DID=$("${PSQL[@]}" -tA -c "SELECT district_id FROM ranking_entry WHERE ranking_id = $RID LIMIT 1")
"${PSQL[@]}" > "$WORK/plans.txt" <<SQL
EXPLAIN (ANALYZE, BUFFERS) SELECT e.*, s.estate_name FROM ranking_entry e
  JOIN ranking_score s ON s.round_id = e.source_round_id AND s.estate_id = e.estate_id
  WHERE e.ranking_id = $RID AND e.category = 'PROFESSIONAL'
  ORDER BY e.rank_city NULLS LAST, e.category, s.estate_name, e.estate_id LIMIT 20 OFFSET 6000;
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM ranking_entry e WHERE e.ranking_id = $RID AND e.category = 'PROFESSIONAL';
EXPLAIN (ANALYZE, BUFFERS) SELECT e.*, s.estate_name FROM ranking_entry e
  JOIN ranking_score s ON s.round_id = e.source_round_id AND s.estate_id = e.estate_id
  WHERE e.ranking_id = $RID AND e.district_id = $DID AND e.category = 'PROFESSIONAL'
  ORDER BY e.rank_district NULLS LAST, e.category, s.estate_name, e.estate_id LIMIT 20 OFFSET 2000;
EXPLAIN (ANALYZE, BUFFERS) SELECT e.*, s.estate_name FROM ranking_entry e
  JOIN ranking_score s ON s.round_id = e.source_round_id AND s.estate_id = e.estate_id
  WHERE e.ranking_id = $RID AND (s.estate_name ILIKE '%基准小区1234%' OR s.company_name ILIKE '%基准小区1234%')
  ORDER BY e.rank_city NULLS LAST, e.category, s.estate_name, e.estate_id LIMIT 20 OFFSET 0;
SQL
grep -E "^ *(Limit|Sort|Index|Seq|Bitmap|Aggregate|Incremental|Execution)" "$WORK/plans.txt" | sed 's/^/  /' | cut -c1-150

heap() { jcmd $APP GC.heap_info | awk '/garbage-first heap|total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'; }
NEXT=0
run() { # clients seconds
  local out
  out=$(java bench/public/PublicLoad.java $PORT "$WORK/urls.tsv" "$1" "$2" 200000 $NEXT)
  NEXT=$(head -1 <<<"$out" | sed -E 's/.*next=([0-9]+).*/\1/')
  echo "$out"
  echo "  heap_used=$(heap)"
}
levels() {
  echo "--- warm-up (not reported)"
  run 16 20 > /dev/null
  for c in 8 32 64; do
    echo "--- $c clients"
    run "$c" "$SECS"
  done
}
echo "=== page cache on (default: kaoping.publication.page-cache=32MB)"
levels
stop_app
echo "=== page cache off (KAOPING_PUBLICATION_PAGECACHE=0): every page rendered"
start_app KAOPING_PUBLICATION_PAGECACHE=0
levels
echo "log and plans: $WORK"
