#!/usr/bin/env bash
# Case throughput of the platform against bare Camunda 7.24 (benchmark, not a test). See README, "Performance".
#
#   bench/throughput.sh mariadb     # the suite on the local MariaDB/MySQL (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD,
#                                   # default 127.0.0.1:3306 root, empty password); databases *_tp are dropped first
#   bench/throughput.sh h2          # the same with each app on its own H2 (the platform: its embedded default)
#   bench/throughput.sh mariadb --clients 4 --rounds 1 --seconds 10    # any option of bench/throughput.py suite
#
# Builds the platform's jar and the bare Camunda app (bench/bare-camunda), then runs bench/throughput.py suite:
# the commit micro-benchmark (bench/CommitBench.java), the apps side by side, 1-16 clients, 3 interleaved
# rounds, then every department answering after 500 ms. Writes bench/results/throughput-<db>-<time>.json
# and .md, and prints the Markdown table. Takes about 30 minutes with the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-mariadb}; shift || true
./mvnw -q -B -DskipUnitTests=true -DskipITs -Pcds package   # the jar, and target/cds/ for the CDS start
./mvnw -q -B -f bench/bare-camunda/pom.xml package -DskipTests
exec python3 bench/throughput.py suite --db "$db" "$@"
