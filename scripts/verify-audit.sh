#!/usr/bin/env bash
# Checks the audit log against a published anchor (from /public/audit-anchors or /open-data/audit-anchors.csv):
#   scripts/verify-audit.sh HEAD_HASH ROW_COUNT
# Exit 0: the first ROW_COUNT rows link up, each matches its hash (recomputed in Java, not by the database's
# audit_hash()), and row ROW_COUNT has HEAD_HASH. Exit 1 otherwise (edited, rehashed or deleted rows).
# The database: KAOPING_DB_URL (+ _USER, _PASSWORD) or the running embedded server of KAOPING_DATA_DIR.
# Uses the built jar (JAR, default target/kaoping.jar; ./mvnw -DskipTests package builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/kaoping.jar}
[ -f "$JAR" ] || { echo "no $JAR: build it with ./mvnw -DskipTests package" >&2; exit 2; }
exec java -cp "$JAR" -Dloader.main=cn.kaoping.audit.VerifyAuditCommand \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
