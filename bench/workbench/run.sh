#!/usr/bin/env bash
# The workbench (issue 18): p95 of the first screen for city_admin (the whole demo city in scope) and for a street
# officer, against a running demo city: KAOPING_DEMO=true ./mvnw spring-boot:run, then
#   bench/workbench/run.sh [base-url] [requests]
# One request at a time over loopback after 20 warm-up requests; curl's time_total per request.
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-300}
PASSWORD=${KAOPING_DEMO_PASSWORD:-Kaoping2026}

measure() {
  local user=$1 path=$2 jar
  jar=$(mktemp)
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  for _ in $(seq 20); do curl -s -o /dev/null -b "$jar" "$BASE$path"; done
  for _ in $(seq "$N"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$BASE$path"; done \
    | sort -n | awk -v user="$user" -v path="$path" '{ t[NR] = $1 * 1000 } END {
        printf "%-14s %-18s n=%d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms\n", user, path, NR,
               t[int(NR * 0.50)], t[int(NR * 0.95)], t[int(NR * 0.99)] }'
  rm -f "$jar"
}

measure city_admin /
measure hedong_admin /
measure street_df /
measure street_df /workbench/bell
