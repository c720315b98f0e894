#!/usr/bin/env bash
# Rankings benchmark (issue 6): every ranking of a quarterly scheme for a city of 20,000 estates and four quarters,
# computed from scratch on the embedded PostgreSQL of a test run (cn.kaoping.ranking.RankingBenchmarkTests).
# Bounded: one data set, 5 computations, no network. Prints the table row for docs/benchmarks/rankings.md.
# Usage: bench/rankings/run.sh [build-dir]    (default build dir: target-bench-rankings)
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:-target-bench-rankings}
timeout 900 ./mvnw -B -o test -Dkaoping.build.dir="$DIR" -Dkaoping.bench=true \
  -Dtest='cn.kaoping.ranking.RankingBenchmarkTests' -Dsurefire.failIfNoSpecifiedTests=false > /tmp/kaoping-bench-rankings.log 2>&1 \
  || { tail -50 /tmp/kaoping-bench-rankings.log; exit 1; }
grep -A3 '^| measure' /tmp/kaoping-bench-rankings.log
