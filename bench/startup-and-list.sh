#!/usr/bin/env bash
# Measures (1) the time from `java -jar` to a ready server with the demo city on the embedded PostgreSQL,
# first start (empty data directory: initdb, migrations, demo load) and restart; and (2) the latency of the
# estate list (API and screen) with 10,000 estates loaded. Loopback only; bounded request counts.
# Usage: bench/startup-and-list.sh [requests-per-case]   (needs psql and curl; builds the jar first)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-300}
PORT=18080
PGPORT=54339
DATA=$(mktemp -d /tmp/kaoping-bench.XXXX)
JAR=target/kaoping.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package

start() {
  local t0 t1
  t0=$(date +%s%N)
  KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Bench-Pass-2026 KAOPING_DATA_DIR="$DATA/pg" KAOPING_EMBEDDED_PORT=$PGPORT \
    PORT=$PORT java -jar "$JAR" > "$DATA/app.log" 2>&1 &
  APP=$!
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.1; done
  t1=$(date +%s%N)
  ELAPSED=$(( (t1 - t0) / 1000000 ))
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; }

start; first=$ELAPSED; stop
start; second=$ELAPSED
echo "start-up: first ${first} ms, restart ${second} ms"

# grow the registry to 10,000 estates spread over the demo communities
psql -q -h localhost -p $PGPORT -U postgres -d postgres <<'SQL'
INSERT INTO estate (name, address, community_id, region_path, category, old_estate, management_mode, floor_area,
                    household_count, company_id, contract_start, contract_filed)
SELECT '基准小区' || g, '清河市基准路' || g || '号', c.id, c.path,
       CASE WHEN g % 3 = 0 THEN 'BASIC' ELSE 'PROFESSIONAL' END, g % 4 = 0, 'COMPANY',
       round((20000 + g % 50000)::numeric + 0.25, 2), 100 + g % 900,
       (SELECT id FROM property_company ORDER BY id OFFSET (g % 40) LIMIT 1), DATE '2020-01-01', true
FROM generate_series(1, 10000 - (SELECT count(*) FROM estate)) g
JOIN LATERAL (SELECT id, path FROM region WHERE level = 'COMMUNITY' ORDER BY id OFFSET (g % 30) LIMIT 1) c ON true;
ANALYZE;
SQL
echo "estates: $(psql -tA -h localhost -p $PGPORT -U postgres -d postgres -c 'SELECT count(*) FROM estate')"

TOKEN=$(curl -s -X POST "http://localhost:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"city_admin","password":"Kaoping2026"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
JAR_COOKIES="$DATA/cookies"
CSRF=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://localhost:$PORT/login" | grep -oE 'name="_csrf" value="[^"]+"' | sed 's/.*value="//;s/"//')
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -d "username=city_admin&password=Kaoping2026&_csrf=$CSRF" "http://localhost:$PORT/login"

measure() { # name, curl args...
  local name=$1; shift
  for i in $(seq 1 20); do curl -s -o /dev/null "$@" "$(url $i)"; done   # warm-up
  for i in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$(url $i)"; done > "$DATA/$name.txt"
  python3 - "$DATA/$name.txt" "$name" <<'PY'
import sys
xs = sorted(float(x) * 1000 for x in open(sys.argv[1]))
pct = lambda p: xs[min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1)]
print(f"{sys.argv[2]}: n={len(xs)} p50={pct(50):.1f} ms p95={pct(95):.1f} ms p99={pct(99):.1f} ms max={xs[-1]:.1f} ms")
PY
}
url() { echo "http://localhost:$PORT/api/v1/estates?page=$(( $1 % 500 + 1 ))&size=20"; }
measure "api-list-pages" -H "Authorization: Bearer $TOKEN"
url() { echo "http://localhost:$PORT/api/v1/estates?q=%E5%9F%BA%E5%87%86%E5%B0%8F%E5%8C%BA$(( $1 * 37 % 10000 ))&size=20"; }
measure "api-search" -H "Authorization: Bearer $TOKEN"
url() { echo "http://localhost:$PORT/estates?page=$(( $1 % 500 + 1 ))&category=PROFESSIONAL"; }
measure "screen-list-filtered" -b "$JAR_COOKIES"
url() { echo "http://localhost:$PORT/estates?page=$(( $1 % 500 + 1 ))"; }
measure "screen-list-htmx" -b "$JAR_COOKIES" -H "HX-Request: true"

stop
rm -rf "$DATA"
