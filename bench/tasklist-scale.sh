#!/usr/bin/env bash
# Task lists at scale (benchmark, not a test): opens N real cases on MariaDB/MySQL and measures what
# department clerks, supervisors and the background jobs wait for. See README, "Performance".
#
#   bench/tasklist-scale.sh open 10000     # start the app (port 8090, database yijianshi_bench) and open
#                                          # 10,000 more cases; it keeps running for the probe
#   bench/tasklist-scale.sh probe          # p50/p95 of every query, appended to bench/results/tasklist-scale.json
#   bench/tasklist-scale.sh age 30         # spread the completed SLA records over the last 30 days, as a month
#                                          # of work leaves them (the generator completes everything today)
#   bench/tasklist-scale.sh stop           # stop the bench app
#   bench/tasklist-scale.sh clean          # stop it and drop the bench database
#
# DB_HOST/DB_PORT/DB_USER/DB_PASSWORD (default 127.0.0.1:3306 root, empty), BENCH_DB (yijianshi_bench),
# BENCH_PORT (8090), BENCH_THREADS (3), BENCH_JAVA_OPTS (extra JVM options). The app is the packaged jar with
# bench/java on its class path (loader.path).
set -euo pipefail
cd "$(dirname "$0")/.."
DB_HOST=${DB_HOST:-127.0.0.1}; DB_PORT=${DB_PORT:-3306}; DB_USER=${DB_USER:-root}; DB_PASSWORD=${DB_PASSWORD:-}
BENCH_DB=${BENCH_DB:-yijianshi_bench}; BENCH_PORT=${BENCH_PORT:-8090}; BENCH_SMTP_PORT=${BENCH_SMTP_PORT:-2525}
work=target/bench; mkdir -p "$work"
url="http://localhost:$BENCH_PORT"

stop() {
  if [ -f "$work/smtp.pid" ]; then kill "$(cat "$work/smtp.pid")" 2>/dev/null || true; rm -f "$work/smtp.pid"; fi
  if [ -f "$work/app.pid" ] && kill -0 "$(cat "$work/app.pid")" 2>/dev/null; then
    kill "$(cat "$work/app.pid")"; while kill -0 "$(cat "$work/app.pid")" 2>/dev/null; do sleep 1; done
  fi
  rm -f "$work/app.pid"
}

build() {
  ./mvnw -q -B -DskipUnitTests=true -DskipITs package
  cp target/yijianshi-*.jar "$work/app.jar"
  [ -s "$work/classpath.txt" ] || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"
  rm -rf "$work/classes"; mkdir -p "$work/classes"
  javac -nowarn -d "$work/classes" -cp "target/classes:$(cat "$work/classpath.txt")" $(find bench/java -name '*.java')
}

open_cases() {
  stop; build
  # an SMTP sink that accepts and discards, so receipts are sent as in production (not retried forever)
  nohup python3 -W ignore -m smtpd -n -c DebuggingServer "localhost:$BENCH_SMTP_PORT" >/dev/null 2>&1 &
  echo $! >"$work/smtp.pid"
  DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$BENCH_DB?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=UTF-8&sendFractionalSeconds=false&serverTimezone=UTC" \
  YIJIANSHI_DATA_KEYS_K1=${YIJIANSHI_DATA_KEYS_K1:-1ZZeG4Cc5QR+/PRu7gPIJHfQoVODIbwUfKwx1+UxQ6A=} \
  YIJIANSHI_DATA_HASH_KEY=${YIJIANSHI_DATA_HASH_KEY:-//rZUaE5cKyoxWCbRgAjIqjIIJDh6qicP/DGNabqzzg=} \
  DB_USER=$DB_USER DB_PASSWORD=$DB_PASSWORD YIJIANSHI_DEMO_ENABLED=true YIJIANSHI_SIMULATOR_ENABLED=true PORT=$BENCH_PORT \
  nohup java -Xmx3g ${BENCH_JAVA_OPTS:-} -Dloader.path="$work/classes" -cp "$work/app.jar" org.springframework.boot.loader.launch.PropertiesLauncher \
    --spring.profiles.active=mysql --bench.open-cases="$1" --bench.threads=${BENCH_THREADS:-3} --yijianshi.sla.scan-interval=PT5S --yijianshi.mail.send-interval=PT5S --spring.mail.port=$BENCH_SMTP_PORT \
    >"$work/app.log" 2>&1 &
  echo $! >"$work/app.pid"
  echo "bench app starting (log $work/app.log); opening $1 cases"
  until grep -q "bench: done" "$work/app.log"; do
    kill -0 "$(cat "$work/app.pid")" 2>/dev/null || { tail -50 "$work/app.log"; exit 1; }
    sleep 5
  done
  grep "bench: " "$work/app.log" | tail -2
}

case "${1:-}" in
  open) open_cases "${2:?number of cases}";;
  probe) shift; python3 bench/tasklist_probe.py "$@" --url "$url" --db "$BENCH_DB" --db-host "$DB_HOST" --db-port "$DB_PORT" --db-user "$DB_USER";;
  age)
    # each record completed in the last day moves back by (id mod N) days, all its instants alike: met stays met,
    # missed stays missed (records aged before stay where they are, so it can follow each 'open')
    d="(id % ${2:?days})"
    mysql --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$BENCH_DB" -e \
      "update sla_record set started_at = date_sub(started_at, interval $d day), warn_at = date_sub(warn_at, interval $d day),
         due_at = date_sub(due_at, interval $d day), completed_at = date_sub(completed_at, interval $d day)
       where completed_at >= now() - interval 1 day";;
  stop) stop;;
  clean) stop; mysql --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} -e "drop database if exists $BENCH_DB";;
  *) sed -n '2,15p' "$0"; exit 2;;
esac
