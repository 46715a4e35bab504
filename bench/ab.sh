#!/usr/bin/env bash
# Compares builds side by side on pre_order: all JVMs run at once against one redis-server, each
# driven by a wrk of its own, round after round, so that the machine's drift (its speed moves by a
# third within minutes) hits them all alike. bench/run.sh alternates its targets, which cannot tell
# apart changes of a few per cent; here the ratio between the JVMs of one round holds still.
# Usage: bench/ab.sh NAME=JAR NAME=JAR [...]
#   e.g. bench/ab.sh before=/tmp/before.jar after=target/ivr-hooks-0.1.0-SNAPSHOT.jar
# A JAR with "floor" in its name runs as bench/floor does in bench/run.sh (no log line).
# NAME=JAR,FLAG,FLAG... starts that JVM with further java flags, e.g. system properties that switch
# one jar's experiments, so that the same build can run side by side with itself.
# ALONE=1: every JVM is driven alone in turn, at 64 connections and 2 wrk threads as bench/run.sh
# drives it, while the others idle; the issue's targets are about that full load, where costs that
# grow with one JVM's rate show. Rounds stay short, so neighbouring runs see the same machine.
set -euo pipefail
cd "$(dirname "$0")/.."

ORDERS=${ORDERS:-10000}
BASKET_ITEMS=${BASKET_ITEMS:-2}
ROUNDS=${ROUNDS:-6}
ALONE=${ALONE:-0}
CONNECTIONS=${CONNECTIONS:-$(( ALONE == 1 ? 64 : 32 ))}     # per JVM
WRK_THREADS=$(( ALONE == 1 ? 2 : 1 ))
DURATION=${DURATION:-$( (( ALONE == 1 )) && echo 10s || echo 15s)}
WARMUP=${WARMUP:-$( (( ALONE == 1 )) && echo 40s || echo 60s)}
JVM_FLAGS=${JVM_FLAGS:-"-Xms128m -Xmx128m -XX:+UseSerialGC"}
OUT=bench/out
mkdir -p "$OUT"
[ $# -ge 2 ] || { echo "usage: bench/ab.sh NAME=JAR NAME=JAR [...]" >&2; exit 1; }
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
source bench/lib.sh

declare -a NAMES PORTS PIDS
trap 'stop_all "${PIDS[@]}" ${STARTED_PID:-} ${REDIS_PID:-}' EXIT
start_redis ab-redis.log
seed ORD-B- "$ORDERS" 0

start_jvms ab "$@"

drive() { # index duration: one JVM's wrk
    ENDPOINT=pre_order ORDERS=$ORDERS wrk -t"$WRK_THREADS" -c "$CONNECTIONS" -d "$2" -s bench/hooks.lua \
        "http://127.0.0.1:${PORTS[$1]}" > "$OUT/ab-wrk-$1.txt"
}
round() { # duration [check]: every JVM at once (one after another with ALONE=1); prints
           # "name requests rps p99_ms cpu_ticks" per JVM
    local i before=() waits=() after=()
    for i in "${!NAMES[@]}"; do
        before[i]=$(cpu_ticks "${PIDS[i]}")
        if [ "$ALONE" = 1 ]; then
            drive "$i" "$1"
            after[i]=$(cpu_ticks "${PIDS[i]}")
        else
            drive "$i" "$1" &
            waits+=($!)
        fi
    done
    [ "$ALONE" = 1 ] || wait "${waits[@]}"
    for i in "${!NAMES[@]}"; do
        local result
        result=$(grep '^RESULT' "$OUT/ab-wrk-$i.txt")
        if [ "${2:-}" = check ] && ! passed "$result"; then echo "CHECK FAILED (${NAMES[i]}): $result" >&2; exit 1; fi
        echo "${NAMES[i]} $(sed -E 's/.* requests=([0-9]+) rps=([0-9]+) .*p99_ms=([0-9.]+) .*/\1 \2 \3/' <<<"$result") $(( ${after[i]:-$(cpu_ticks "${PIDS[i]}")} - before[i] ))"
    done
}
echo "warming up the ${#NAMES[@]} JVMs for $WARMUP each$( [ "$ALONE" = 1 ] && echo ", one after another" || echo ", all at once")"
round "$WARMUP" >/dev/null   # unchecked: while the JITs start, a call can outlast wrk's 2 s timeout
for r in $(seq 1 "$ROUNDS"); do
    round "$DURATION" check | while read -r name requests rps p99 ticks; do
        echo "round $r $name rps=$rps p99_ms=$p99 cpu_us=$(( ticks * TICK_US / requests ))"
    done
done | tee "$OUT/ab.txt"

awk -v first="${NAMES[0]}" '
    { split($4, r, "="); split($5, p, "="); split($6, c, "=")
      rps[$3, $2] = r[2]; p99[$3, $2] = p[2]; cpu[$3, $2] = c[2]; names[$3] = 1; rounds[$2] = 1 }
    function median(values, n,   i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
        return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
    }
    END {
        print "medians over the rounds, and of each round'"'"'s ratio to " first ":"
        for (name in names) {
            n = 0
            for (round in rounds) { n++; a[n] = rps[name, round]; b[n] = cpu[name, round]
                x[n] = rps[name, round] / rps[first, round]; y[n] = cpu[name, round] / cpu[first, round]
                z[n] = p99[name, round] / p99[first, round] }
            # the spread of the rounds: with ALONE=1 they are not simultaneous, and one round says little
            low = high = x[1]
            for (i = 2; i <= n; i++) { if (x[i] < low) low = x[i]; if (x[i] > high) high = x[i] }
            printf "  %-12s %6.0f req/s  %5.0f us/call   req/s %.3fx (rounds %.2f to %.2f)  CPU %.3fx  p99 %.3fx\n", name,
                median(a, n), median(b, n), median(x, n), low, high, median(y, n), median(z, n)
        }
    }' "$OUT/ab.txt"
