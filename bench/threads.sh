#!/usr/bin/env bash
# Where one JVM's CPU goes per pre_order, by thread, without a profiler: a profiler's own cost
# differs between the service and the floor (their stacks differ) and can hide a gap of a fifth.
# Starts the jar as bench/run.sh does, warms it up, then for one run at 64 connections prints the
# CPU per call of each group of threads (/proc/PID/task; numbers in names become N, and threads
# named alike are summed), the bytes allocated per call, in all and by group of Java threads (jstat,
# and jcmd Thread.print -e, whose counts include the virtual threads a carrier ran), and the young
# collections' time per call (jstat). With RECORD=SETTINGS.jfc, JFR records the measured run into
# bench/out/threads.jfr (its cost is then in the numbers).
# Usage: bench/threads.sh JAR [java flags ...]
#   e.g. bench/threads.sh target/ivr-hooks-0.1.0-SNAPSHOT.jar
#        bench/threads.sh bench/floor/target/ivr-hooks-floor-0.1.0-SNAPSHOT.jar
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] && [ -f "$1" ] || { echo "usage: bench/threads.sh JAR [java flags ...]" >&2; exit 1; }
JAR=$1
shift
ORDERS=${ORDERS:-10000}
BASKET_ITEMS=${BASKET_ITEMS:-2}
WARMUP=${WARMUP:-40s}
DURATION=${DURATION:-20s}
JVM_FLAGS=${JVM_FLAGS:-"-Xms128m -Xmx128m -XX:+UseSerialGC"}
RECORD=${RECORD:-}  # JFR settings (a .jfc file) to record the measured run with
OUT=bench/out
mkdir -p "$OUT"
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
source bench/lib.sh

trap 'stop_all ${STARTED_PID:-} ${REDIS_PID:-}' EXIT
start_redis threads-redis.log
seed ORD-B- "$ORDERS" 0

PORT=$(free_port)
start_jvm threads "$JAR" "$PORT" "$OUT/threads-jvm.log" "$(log_format "$JAR")" "$@"
PID=$STARTED_PID

drive() { ENDPOINT=pre_order ORDERS=$ORDERS wrk -t 2 -c 64 -d "$1" -s bench/hooks.lua "http://127.0.0.1:$PORT"; }
snapshot() { # file: each thread's name and CPU ticks, jstat's -gc line, each Java thread's allocation
    for task in /proc/"$PID"/task/*; do
        echo "$(tr ' ' '_' <"$task/comm") $(stat_ticks "$task/stat")"
    done >"$1"
    echo "jstat $("$JAVA_HOME/bin/jstat" -gc "$PID" | tail -n 1)" >>"$1"
    "$JAVA_HOME/bin/jcmd" "$PID" Thread.print -e \
        | sed -nE 's/^"([^"]*)" #([0-9]+) .* allocated=([0-9]+[BKMG]) .*/allocated \2 \3 \1/p' >>"$1"
}
drive "$WARMUP" >/dev/null
snapshot "$OUT/threads-before.txt"
[ -z "$RECORD" ] || "$JAVA_HOME/bin/jcmd" "$PID" JFR.start name=threads settings="$(realpath "$RECORD")" >/dev/null
result=$(drive "$DURATION" | grep '^RESULT')
[ -z "$RECORD" ] || "$JAVA_HOME/bin/jcmd" "$PID" JFR.stop name=threads filename="$PWD/$OUT/threads.jfr" >/dev/null
snapshot "$OUT/threads-after.txt"
echo "$result"
passed "$result" || { echo "CHECK FAILED: non-2xx, socket errors or unsuccessful answers" >&2; exit 1; }

calls=$(sed -E 's/.* requests=([0-9]+) .*/\1/' <<<"$result")
python3 - "$calls" "$TICK_US" "$OUT/threads-before.txt" "$OUT/threads-after.txt" <<'PY'
import collections, re, sys
calls, tick_us = int(sys.argv[1]), int(sys.argv[2])
UNITS = {"B": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
def read(path):
    ticks, gc, allocated = collections.Counter(), None, {}
    for line in open(path):
        name, value = line.rstrip("\n").split(" ", 1)
        if name == "jstat":
            gc = value.split()
        elif name == "allocated":
            thread_id, amount, thread = value.split(" ", 2)
            allocated[thread_id] = (re.sub(r"[0-9]+", "N", thread), int(amount[:-1]) * UNITS[amount[-1]])
        elif value:  # empty for a thread that ended between listing and reading
            ticks[re.sub(r"[0-9]+", "N", name)] += int(value)
    return ticks, gc, allocated
(before, gc0, allocated0), (after, gc1, allocated1) = read(sys.argv[3]), read(sys.argv[4])
total = sum(after.values()) - sum(before.values())
print(f"CPU per call: {total * tick_us / calls:.1f} us")
for name in sorted(after, key=lambda n: before.get(n, 0) - after[n]):
    us = (after[name] - before.get(name, 0)) * tick_us / calls
    if us >= 0.1:
        print(f"  {name:16s} {us:6.1f} us")
# jstat -gc: S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT ...; sizes in KiB
collections_ = int(gc1[12]) - int(gc0[12])
allocated = (collections_ * float(gc0[4]) + float(gc1[5]) - float(gc0[5])) * 1024
print(f"allocated per call: {allocated / calls:.0f} B; young collections: {collections_},"
      f" {(float(gc1[13]) - float(gc0[13])) * 1e6 / calls:.2f} us per call")
# a thread that started during the run counts from zero; K and M round its figure down a little
by_group = collections.Counter()
for thread_id, (group, amount) in allocated1.items():
    by_group[group] += amount - allocated0.get(thread_id, (group, 0))[1]
for group, amount in by_group.most_common():
    if amount / calls >= 10:
        print(f"  {group:24s} {amount / calls:8.0f} B")
PY
