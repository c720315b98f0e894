#!/usr/bin/env bash
# Rounds benchmark (issue 4): a round of 1,000 estates × 20 findings on the embedded PostgreSQL of a test run.
# Times scoring the whole round and the inspection form page (300 requests over loopback after 30 warm-ups).
# Bounded: one round, 7 scoring runs, 300 + 300 requests, loopback only. Prints the figures.
# Usage: bench/rounds/run.sh [build-dir]    (default build dir: target-bench-rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:-target-bench-rounds}
timeout 900 ./mvnw -B -o test -Dkaoping.build.dir="$DIR" -Dkaoping.bench=true \
  -Dtest='cn.kaoping.inspection.RoundBenchmarkTests' -Dsurefire.failIfNoSpecifiedTests=false > "/tmp/kaoping-bench-rounds.log" 2>&1 \
  || { tail -50 /tmp/kaoping-bench-rounds.log; exit 1; }
sed -n '/^ROUNDS BENCHMARK/,/^API GET/p' /tmp/kaoping-bench-rounds.log \
  || cat "$DIR"/surefire-reports/cn.kaoping.inspection.RoundBenchmarkTests-output.txt
