#!/usr/bin/env bash
# What Camunda's history cleanup costs on 100,000 finished cases, on the local MariaDB/MySQL (benchmark, not a
# test). See README, "Operations", and bench/history_cleanup.py for the options (e.g. --cases 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipUnitTests=true -DskipITs package
exec python3 bench/history_cleanup.py "$@"
