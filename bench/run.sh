#!/usr/bin/env bash
# Benchmarks both hooks on this machine: builds the jars, starts its own redis-server (no
# persistence), the service and bench/floor (the same HTTP framework sending the same Redis
# commands, with no checks: the floor the service is measured against) with fixed JVM flags, seeds
# pre-orders, warms both up, then drives the hooks with wrk, alternating service and floor run by
# run so that both see the same machine, and checks its own results. All of that INSTANCES times
# over, with fresh JVMs and a freshly seeded Redis each time: one JVM's JIT can make it several per
# cent faster or slower than the next JVM of the same jar.
# Usage: bench/run.sh   (settings: see the variables below; TARGETS=service for the service only)
set -euo pipefail
cd "$(dirname "$0")/.."

ORDERS=${ORDERS:-10000}            # pre-orders for pre_order
BASKET_ITEMS=${BASKET_ITEMS:-2}    # lines per basket
RUNS=${RUNS:-3}                    # per instance
INSTANCES=${INSTANCES:-3}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))}   # wrk needs connections >= threads
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-60s}
JVM_FLAGS=${JVM_FLAGS:-"-Xms128m -Xmx128m -XX:+UseSerialGC"}
TARGETS=${TARGETS:-"service floor"}
seconds() { case "$1" in *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }
# fresh pre-orders for complete, shared by the wrk threads: enough for an instance's warm-up and runs
# at up to 16 000 calls/s for each target (a run that runs out fails its check; the machine of
# 2026-11-23 late evening reached 11 600 on the floor)
COMPLETES=${COMPLETES:-$(( 16000 * ($(seconds "$WARMUP") + RUNS * $(seconds "$DURATION")) * $(wc -w <<<"$TARGETS") ))}
PROFILE=${PROFILE:-0}              # 1: a JFR recording of each target's measured runs, and the service's hot methods
OUT=bench/out
mkdir -p "$OUT"
rm -f "$OUT/results.txt"

for tool in wrk redis-server redis-cli; do
    command -v "$tool" >/dev/null || { echo "bench needs $tool (Debian package: ${tool%%-*})" >&2; exit 1; }
done
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
source bench/lib.sh

declare -A JAR PORT PID
for target in $TARGETS; do
    case "$target" in
        service) ./mvnw -q -B -DskipTests package >/dev/null && JAR[$target]=$(ls target/ivr-hooks-*.jar | head -n 1) ;;
        floor) ./mvnw -q -B -f bench/floor/pom.xml package && JAR[$target]=$(ls bench/floor/target/ivr-hooks-floor-*.jar | head -n 1) ;;
        *) echo "TARGETS are service and/or floor" >&2; exit 1 ;;
    esac
done

trap 'stop_all "${PID[@]}" ${STARTED_PID:-} ${REDIS_PID:-}' EXIT
start_redis redis.log

count() { sed -E "s/.* $1=([0-9]+).*/\1/" <<<"$2"; }   # count NAME RESULT-LINE
# the CPU time per request (cpu_ticks): steadier than req/s on a shared machine, and what ops pay for
# and the collections during the run: a full one stops every call for tens of milliseconds
drive() { # target endpoint duration
    local before result gc_before gc_after
    read -ra gc_before <<<"$(gc_so_far "${PID[$1]}")"
    before=$(cpu_ticks "${PID[$1]}")
    result=$(ENDPOINT=$2 ORDERS=$ORDERS OFFSET=$OFFSET wrk -t "$THREADS" -c "$CONNECTIONS" -d "$3" -s bench/hooks.lua \
        "http://127.0.0.1:${PORT[$1]}" | grep '^RESULT')
    result="$result cpu_us=$(( ($(cpu_ticks "${PID[$1]}") - before) * TICK_US / $(count requests "$result") ))"
    read -ra gc_after <<<"$(gc_so_far "${PID[$1]}")"
    echo "$result full_gcs=$(( gc_after[0] - gc_before[0] )) gc_ms=$(( gc_after[1] - gc_before[1] ))"
}

# Complete orders with large baskets share one session document (without an orderNumber), so that
# hundreds of thousands of them fit in memory; the service reads and checks it in full every time.
SHARED=$(( BASKET_ITEMS > 20 ))
status=0
for instance in $(seq 1 "$INSTANCES"); do
    [ "$INSTANCES" = 1 ] || echo "instance $instance of $INSTANCES: fresh JVMs and freshly seeded Redis"
    redis-cli -p "$REDIS_PORT" flushall >/dev/null
    seed ORD-B- "$ORDERS" 0
    for t in $(seq 0 $((THREADS - 1))); do seed "ORD-C-$t-" $(( (COMPLETES + THREADS - 1) / THREADS )) "$SHARED"; done
    echo "seeded $ORDERS pre_order orders and $COMPLETES complete orders ($BASKET_ITEMS basket lines)"
    OFFSET=0

    for target in $TARGETS; do
        PORT[$target]=$(free_port)
        LOG_FORMAT=$(log_format "${JAR[$target]}")
        EXTRA_FLAGS=
        # whole stacks: Spring MVC's are deeper than JFR's default of 64 frames, which cuts off the callers
        [ "$PROFILE" = 1 ] && EXTRA_FLAGS=-XX:FlightRecorderOptions:stackdepth=512
        START=$EPOCHREALTIME
        start_jvm "$target" "${JAR[$target]}" "${PORT[$target]}" "$OUT/$target.log" "$LOG_FORMAT" $EXTRA_FLAGS
        PID[$target]=$STARTED_PID
        STARTED_PID=
        echo "$target: startup to first answer: $(ms_since "$START") ms (flags: $JVM_FLAGS)"
    done

    echo "warming up for $WARMUP per endpoint and target (results discarded)"
    warm_completes=0
    for target in $TARGETS; do
        drive "$target" pre_order "$WARMUP" >/dev/null
        line=$(drive "$target" complete "$WARMUP")
        OFFSET=$(( OFFSET + $(count used "$line") ))
        warm_completes=$(( warm_completes + $(count successes "$line") ))
    done

    if [ "$PROFILE" = 1 ]; then
        for target in $TARGETS; do
            "$JAVA_HOME/bin/jcmd" "${PID[$target]}" JFR.start name=bench settings=profile 'jdk.ExecutionSample#period=2ms' >/dev/null
        done
    fi
    completes=0
    for run in $(seq 1 "$RUNS"); do
        for endpoint in pre_order complete; do
            for target in $TARGETS; do
                line=$(drive "$target" "$endpoint" "$DURATION")
                echo "instance $instance run $run $target $line" | tee -a "$OUT/results.txt"
                passed "$line" || { echo "  CHECK FAILED: non-2xx, socket errors or unsuccessful answers" >&2; status=1; }
                if [ "$endpoint" = complete ]; then
                    completes=$(( completes + $(count successes "$line") ))
                    OFFSET=$(( OFFSET + $(count used "$line") ))
                fi
            done
        done
    done

    recorded=$(( $(redis-cli -p "$REDIS_PORT" xlen ivr:transactions) - warm_completes ))
    echo "transactions on the stream: $recorded, successful completes: $completes"
    # wrk counts only the answers it read before the run ended: up to one call per connection and run
    # may be recorded without being counted
    if [ "$recorded" -lt "$completes" ] || [ $(( recorded - completes )) -gt $(( CONNECTIONS * (RUNS + 1) * $(wc -w <<<"$TARGETS") )) ]; then
        echo "  CHECK FAILED: every successful complete must be on the stream, and nothing else" >&2; status=1
    fi
    for target in $TARGETS; do
        echo "$target: peak RSS $(awk '/VmHWM/ {print $2, $3}' "/proc/${PID[$target]}/status")"
        if [ "$PROFILE" = 1 ]; then
            "$JAVA_HOME/bin/jcmd" "${PID[$target]}" JFR.stop name=bench filename="$PWD/$OUT/$target.jfr" >/dev/null
        fi
        kill "${PID[$target]}" 2>/dev/null || true
        wait "${PID[$target]}" 2>/dev/null || true
        unset "PID[$target]"
    done
done

# medians over all runs of all instances, the service as a share of the floor, and that share per instance
awk -v runs="$RUNS" -v instances="$INSTANCES" '
    function field(name,   i) { for (i = 1; i <= NF; i++) if (index($i, name "=") == 1) return substr($i, length(name) + 2) }
    function median(key,   i, j, t, v, count) {
        count = n[key]
        for (i = 1; i <= count; i++) v[i] = values[key, i] + 0
        for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        return v[int((count + 1) / 2)]
    }
    # every measure of a RESULT line, kept under its own name
    function note(key,   i, k) { for (i = 1; i <= measures; i++) { k = key " " measure[i]; values[k, ++n[k]] = field(measure[i]) } }
    BEGIN { measures = split("rps p50_ms p99_ms p999_ms cpu_us gc_ms", measure) }
    function share(prefix, endpoint, name) { return median(prefix "service " endpoint " " name) / median(prefix "floor " endpoint " " name) }
    { key = $5 " " field("endpoint"); keys[key] = 1; note(key); note("instance " $2 " " key); full[key] += field("full_gcs") }
    END {
        printf "median of %d runs (%d instance%s of %d runs):\n", runs * instances, instances, (instances > 1 ? "s" : ""), runs
        for (key in keys)
            printf "  %-18s %6.0f req/s  p50 %6.2f  p99 %6.2f  p99.9 %6.2f ms  CPU %4d us/call  GC %4d ms/run, %d full in all\n",
                key, median(key " rps"), median(key " p50_ms"), median(key " p99_ms"), median(key " p999_ms"),
                median(key " cpu_us"), median(key " gc_ms"), full[key]
        for (e = 1; e <= 2; e++) {
            endpoint = e == 1 ? "pre_order" : "complete"
            if (!(("service " endpoint) in keys && ("floor " endpoint) in keys)) continue
            printf "  %-9s service/floor: throughput %3.0f %%, p99 %.2f x, CPU per call %.2f x\n", endpoint,
                100 * share("", endpoint, "rps"), share("", endpoint, "p99_ms"), share("", endpoint, "cpu_us")
            if (instances < 2) continue
            line = ""
            for (i = 1; i <= instances; i++) line = line sprintf("%s%.0f %%", (i > 1 ? ", " : ""), 100 * share("instance " i " ", endpoint, "rps"))
            printf "  %-9s throughput share per instance: %s\n", endpoint, line
        }
    }' "$OUT/results.txt"

if [ "$PROFILE" = 1 ]; then
    for target in $TARGETS; do
        echo "recording of the last instance: $OUT/$target.jfr (jfr view --width 200 <view> $OUT/$target.jfr)"
    done
    if [[ " $TARGETS " == *" service "* ]]; then
        "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$OUT/service.jfr"
        "$JAVA_HOME/bin/jfr" view --width 200 allocation-by-class "$OUT/service.jfr"
    fi
fi
exit $status
