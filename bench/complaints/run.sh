#!/usr/bin/env bash
# Complaints benchmark (issue 14): a city's hotline export of 100,000 work orders imported through the API (aim
# < 30 s), the same file again (aim: nothing changes), then the complaint list and the street figures with
# 1,000,000 complaints in the database (aim p95 < 200 ms). Run by hand: bench/complaints/run.sh [orders]
# Needs a JDK 17+, psql and curl. Figures go to docs/BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
ORDERS=${1:-100000}
PORT=${PORT:-18087}
PGPORT=${PGPORT:-54347}
WORK=$(mktemp -d /tmp/kaoping-complaint-bench.XXXX)
JAR=${JAR:-target-survey-bench/kaoping.jar}
[ -f "$JAR" ] || ./mvnw -q -o -B -DskipTests -Dkaoping.build.dir=target-survey-bench package
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)

KAOPING_DEMO=true KAOPING_ADMIN_PASSWORD=Bench-Pass-2026 KAOPING_DATA_DIR="$WORK/pg" KAOPING_EMBEDDED_PORT=$PGPORT \
  PORT=$PORT java -Xms1g -Xmx1g ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $APP 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }; sleep 0.5; done
echo "app ready (pid $APP, data in $WORK)"

token() {
  curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"Kaoping2026\"}" \
    "http://127.0.0.1:$PORT/api/v1/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
CITY=$(token city_admin)

# the export: orders spread over the city's estates whose names are unique, categories and times of 2026
"${PSQL[@]}" > "$WORK/estates.txt" <<SQL
SELECT name FROM estate GROUP BY name HAVING count(*) = 1 ORDER BY name;
SQL
awk -v n="$ORDERS" 'BEGIN { srand(20261204); split("环境卫生 秩序维护 设施设备 绿化 收费 装修 其他", cat, " ");
    print "工单编号,来电时间,小区,分类,内容,来电人,电话" }
  { estate[NR] = $0 }
  END { for (i = 1; i <= n; i++) {
      printf "BENCH-%07d,2026-%02d-%02d %02d:%02d,%s,%s,楼道堆放杂物影响通行第%d件,,\n", i, 1 + int(rand() * 11),
        1 + int(rand() * 28), 8 + int(rand() * 10), int(rand() * 60), estate[1 + int(rand() * NR)],
        cat[1 + int(rand() * 7)], i } }' "$WORK/estates.txt" > "$WORK/orders.csv"
echo "export: $(($(wc -l < "$WORK/orders.csv") - 1)) orders, $(du -h "$WORK/orders.csv" | cut -f1)"

import() {
  curl -s -o "$WORK/import.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $CITY" \
    -F "file=@$WORK/orders.csv;type=text/csv" "http://127.0.0.1:$PORT/api/v1/complaints/import"
}
echo "--- import: $(import) s"; head -c 300 "$WORK/import.json"; echo
echo "--- import again: $(import) s"; head -c 300 "$WORK/import.json"; echo
echo "complaints stored: $("${PSQL[@]}" -c "SELECT count(*) FROM complaint WHERE hotline_no LIKE 'BENCH-%'")"

# to 1,000,000 complaints: copies of the imported orders with new numbers
"${PSQL[@]}" <<SQL
INSERT INTO complaint (estate_id, estate_name, estate_path, company_id, category, source, hotline_no, received_at,
                       content, status, sign_due, close_due, created_by)
SELECT estate_id, estate_name, estate_path, company_id, category, source, hotline_no || '-' || g, received_at
       - (g || ' days')::interval, content, status, sign_due, close_due, 'bench'
FROM complaint, generate_series(1, 9) g WHERE hotline_no LIKE 'BENCH-%';
UPDATE complaint c SET is_repeat = TRUE WHERE created_by = 'bench' AND EXISTS (SELECT 1 FROM complaint p
  WHERE p.estate_id = c.estate_id AND p.category = c.category AND p.id <> c.id AND p.received_at <= c.received_at
    AND p.received_at > c.received_at - interval '30 days');
VACUUM ANALYZE complaint;
VACUUM ANALYZE complaint_day;
SQL
echo "complaints in the database: $("${PSQL[@]}" -c "SELECT count(*) FROM complaint")"

p95() { # label path token
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $3" "http://127.0.0.1:$PORT$2")
  [ "$code" = 200 ] || { echo "$1: $2 answered $code"; return; }
  for i in $(seq 1 60); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $3" "http://127.0.0.1:$PORT$2"
  done | sort -n | awk -v l="$1" '{ t[NR] = $1 } END { printf "%-40s median %.0f ms, p95 %.0f ms\n", l,
    t[int(NR * 0.5)] * 1000, t[int(NR * 0.95)] * 1000 }'
}
STREET=$(token street_df)
DISTRICT=$(token hedong_admin)
p95 "list (street, newest 50)" "/api/v1/complaints" "$STREET"
p95 "list (district, overdue)" "/api/v1/complaints?overdue=true" "$DISTRICT"
p95 "figures (a street, 2026)" "/api/v1/complaints/figures?from=2026-01-01&to=2026-12-31" "$STREET"
p95 "figures per street (a district, 2026)" "/api/v1/complaints/figures/street?from=2026-01-01&to=2026-12-31" "$DISTRICT"
p95 "figures per street (the city, 2026)" "/api/v1/complaints/figures/street?from=2026-01-01&to=2026-12-31" "$CITY"
