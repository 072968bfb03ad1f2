#!/usr/bin/env bash
# Where the platform's CPU goes under load (benchmark, not a test). See README, "Performance".
#
#   bench/profile.sh [label] [clients]     # default: profile, 8 clients
#   JFR=0 bench/profile.sh [label] [clients]   # the same drive without the recording: CPU per case only
#   WARMUP=150 bench/profile.sh …          # a longer warm-up (seconds; default 40): the JIT compiler's own CPU
#                                          # counts as the app's until it settles, which takes minutes on 2 cores
#
# Starts the built jar (target/yijianshi-*.jar, copied to target/bench-profile/) on the local MariaDB
# (database yijianshi_prof, dropped first) with an SMTP sink, drives marriage cases for 40 s to warm up,
# then 60 s with a JFR recording; prints the drive's figures, the app's and MariaDB's CPU over those 60 s,
# the deadlocks and optimistic-locking failures logged, and the recording's top frames and shares by
# platform feature (bench/jfr_top.py, bench/jfr_features.py target/bench-profile/<label>.jfr). The recording
# costs CPU of its own (about a third more a case): compare CPU per case between runs with JFR=0.
set -euo pipefail
cd "$(dirname "$0")/.."
label=${1:-profile}; clients=${2:-8}
work=target/bench-profile; mkdir -p "$work"; rm -rf "$work/app"; mkdir -p "$work/app"
cp "$(ls target/yijianshi-*.jar | head -1)" "$work/app.jar"
mysql --protocol=tcp -h"${DB_HOST:-127.0.0.1}" -P"${DB_PORT:-3306}" -u"${DB_USER:-root}" ${DB_PASSWORD:+-p"$DB_PASSWORD"} \
  -e 'drop database if exists yijianshi_prof'
python3 -W ignore bench/throughput.py smtp-sink --port 2526 >/dev/null 2>&1 &
sink=$!
(cd "$work/app" && \
 DB_URL="jdbc:mysql://${DB_HOST:-127.0.0.1}:${DB_PORT:-3306}/yijianshi_prof?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=UTF-8&sendFractionalSeconds=false&serverTimezone=UTC" \
 DB_USER=${DB_USER:-root} DB_PASSWORD=${DB_PASSWORD:-} YIJIANSHI_DEMO_ENABLED=true YIJIANSHI_SIMULATOR_ENABLED=true PORT=8091 \
 YIJIANSHI_DATA_KEYS_K1="1ZZeG4Cc5QR+/PRu7gPIJHfQoVODIbwUfKwx1+UxQ6A=" \
 YIJIANSHI_DATA_HASH_KEY="//rZUaE5cKyoxWCbRgAjIqjIIJDh6qicP/DGNabqzzg=" \
 exec java -Xms1g -Xmx2g -XX:FlightRecorderOptions:stackdepth=256 -jar ../app.jar --spring.mail.port=2526 --spring.profiles.active=mysql > app.log 2>&1) &
app=$!
trap 'kill $app $sink 2>/dev/null || true' EXIT
until curl -sf -u admin:demo localhost:8091/actuator/health | grep -q UP; do
  kill -0 $app 2>/dev/null || { echo "the app stopped; see $work/app/app.log" >&2; exit 1; }
  sleep 0.5
done
pid=$app  # the subshell exec-ed java
python3 bench/throughput.py drive --url http://localhost:8091 --clients "$clients" --seconds "${WARMUP:-40}" --warmup 3 >/dev/null
jfr=${JFR:-1}
[ "$jfr" = 0 ] || jcmd "$pid" JFR.start name=profile settings=profile >/dev/null
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
db=$(pidof mariadbd mysqld | awk '{print $1}')
a0=$(ticks "$pid"); d0=$(ticks "$db")
threads() {  # per thread: its name without the number, user+system ticks (threads that end meanwhile are skipped)
  for t in /proc/"$pid"/task/*; do
    line=$(cat "$t/stat" 2>/dev/null) || continue
    echo "$(sed 's/[0-9]*$//' "$t/comm" 2>/dev/null) $(echo "${line##*) }" | awk '{print $12+$13}')"
  done
}
threads > "$work/threads.0"
result=$(python3 bench/throughput.py drive --url http://localhost:8091 --clients "$clients" --seconds 60 --warmup 2)
a1=$(ticks "$pid"); d1=$(ticks "$db")
threads > "$work/threads.1"
[ "$jfr" = 0 ] || jcmd "$pid" JFR.dump name=profile filename="$PWD/$work/$label.jfr" >/dev/null
echo "$result"
hz=$(getconf CLK_TCK)
python3 - "$result" $(( a1 - a0 )) $(( d1 - d0 )) "$hz" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); app, db, hz = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
n = max(r["completed"], 1)
print(f"{r['cases_per_s']} cases/s; CPU per completed case: app {app / hz / n * 1000:.0f} ms, "
      f"MariaDB {db / hz / n * 1000:.0f} ms")
PY
python3 - "$work/threads.0" "$work/threads.1" $(( a1 - a0 )) <<'PY'
import collections, sys
def read(path):
    c = collections.Counter()
    for line in open(path):
        name, _, ticks = line.rstrip("\n").rpartition(" ")
        if ticks.isdigit():
            c[name.strip("-_ ") or "?"] += int(ticks)
    return c
before, after, total = read(sys.argv[1]), read(sys.argv[2]), max(int(sys.argv[3]), 1)
d = {k: after[k] - before.get(k, 0) for k in after}
print("app CPU by thread kind:", ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in sorted(d.items(), key=lambda x: -x[1]) if v * 50 >= total))
PY
echo "logged: $(grep -c 'Deadlock found' "$work/app/app.log" || true) deadlocks, $(grep -c 'OptimisticLockingException' "$work/app/app.log" || true) optimistic-locking failures"
[ "$jfr" = 0 ] && exit 0
python3 bench/jfr_features.py "$work/$label.jfr"
python3 bench/jfr_top.py "$work/$label.jfr"
