#!/usr/bin/env bash
# Where the CPU of each JVM goes under pre_order load, with async-profiler (tools.profiler:
# async-profiler from Maven Central, fetched with ./mvnw). Starts the jars as bench/run.sh does
# against one redis-server, warms each up alone, then profiles each alone for one run at 64
# connections and 2 wrk threads (itimer, 1 ms, attached with jcmd after the warm-up, so the start
# is not in it).
# Prints per JVM its calls, CPU per call, samples per 1 000 calls by group of threads, and the
# share of the samples with each of FRAMES on the stack. Shares within one JVM hold still while
# this machine's speed drifts; compare them, not times, between runs. The stacks stay in
# bench/out/profile-NAME.collapsed (one line per stack, the thread first) for a closer look.
# EVENT=alloc profiles the heap's allocations instead and prints bytes per call, as async-profiler
# estimates them from its samples of new TLABs; it does not see the virtual threads' stack chunks,
# which bench/chunks.sh counts.
# TOGETHER=1 drives and profiles all the JVMs at once, each at 32 connections with one wrk thread,
# as bench/ab.sh does without ALONE: this machine's speed drifts by a third within minutes, which
# profiles taken one after another cannot tell from a difference between the JVMs; taken together,
# their samples per call compare directly.
# Usage: bench/profile.sh NAME=JAR[,JAVA_FLAG...] ...
#   e.g. bench/profile.sh service=target/ivr-hooks-0.1.0-SNAPSHOT.jar \
#            floor=bench/floor/target/ivr-hooks-floor-0.1.0-SNAPSHOT.jar
set -euo pipefail
cd "$(dirname "$0")/.."

ORDERS=${ORDERS:-10000}
BASKET_ITEMS=${BASKET_ITEMS:-2}
WARMUP=${WARMUP:-40s}
DURATION=${DURATION:-20s}
JVM_FLAGS=${JVM_FLAGS:-"-Xms128m -Xmx128m -XX:+UseSerialGC"}
PROFILER_VERSION=${PROFILER_VERSION:-4.2}
EVENT=${EVENT:-cpu}
TOGETHER=${TOGETHER:-0}
CONNECTIONS=$(( TOGETHER == 1 ? 32 : 64 ))     # per JVM
WRK_THREADS=$(( TOGETHER == 1 ? 1 : 2 ))
case $EVENT in
    cpu) START=event=itimer,interval=1ms STOP=collapsed ;;
    alloc) START=event=alloc STOP=collapsed,total ;;
    *) echo "EVENT: cpu or alloc" >&2; exit 1 ;;
esac
FRAMES=${FRAMES:-"RequestBodyReader.read,SessionReader.read,HookResponseConverter.send,VendorGate.admit,HookCallFilter.doFilter,VM_HandshakeAllThreads,ScopedMemoryAccess.closeScope,SerialCollectForAllocation"}
OUT=bench/out
mkdir -p "$OUT"
[ $# -ge 1 ] || { echo "usage: bench/profile.sh NAME=JAR[,JAVA_FLAG...] ..." >&2; exit 1; }
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
source bench/lib.sh

profiler_jar=~/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION.jar
[ -f "$profiler_jar" ] || ./mvnw -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" >/dev/null
AGENT="$OUT/async-profiler-$PROFILER_VERSION/libasyncProfiler.so"
if [ ! -f "$AGENT" ]; then
    mkdir -p "$(dirname "$AGENT")"
    unzip -p "$profiler_jar" linux-x64/libasyncProfiler.so > "$AGENT"
fi
# jcmd splits its arguments at '=' unless the agent's options are quoted once more
agent() { "$JAVA_HOME/bin/jcmd" "$1" JVMTI.agent_load "$(realpath "$AGENT")" "\"$2\"" >/dev/null; }

declare -a NAMES PORTS PIDS
trap 'stop_all "${PIDS[@]}" ${STARTED_PID:-} ${REDIS_PID:-}' EXIT
start_redis profile-redis.log
seed ORD-B- "$ORDERS" 0
# frames between safepoints too, so that inlined methods keep their own names
COMMON_FLAGS=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints)
start_jvms profile "$@"

drive() { # index duration: one JVM's wrk, its RESULT line in $OUT/profile-wrk-INDEX.txt
    ENDPOINT=pre_order ORDERS=$ORDERS wrk -t"$WRK_THREADS" -c "$CONNECTIONS" -d "$2" -s bench/hooks.lua \
        "http://127.0.0.1:${PORTS[$1]}" | grep '^RESULT' > "$OUT/profile-wrk-$1.txt"
}
drive_all() { # duration: every JVM's wrk, all at once with TOGETHER=1
    local i waits=()
    for i in "${!NAMES[@]}"; do drive "$i" "$1" & waits+=($!); done
    wait "${waits[@]}"
}
declare -a BEFORE
profile_start() { # index
    agent "${PIDS[$1]}" "start,$START,threads"
    BEFORE[$1]=$(cpu_ticks "${PIDS[$1]}")
}
if [ "$TOGETHER" = 1 ]; then
    echo "warming up the ${#NAMES[@]} JVMs for $WARMUP, all at once"
    drive_all "$WARMUP"
    for i in "${!NAMES[@]}"; do profile_start "$i"; done
    drive_all "$DURATION"
else
    echo "warming up the ${#NAMES[@]} JVMs for $WARMUP each, one after another"
    for i in "${!NAMES[@]}"; do drive "$i" "$WARMUP"; done
fi

summary=()
for i in "${!NAMES[@]}"; do
    stacks="$(realpath "$OUT")/profile-${NAMES[i]}.collapsed"
    [ "$TOGETHER" = 1 ] || { profile_start "$i"; drive "$i" "$DURATION"; }
    after=$(cpu_ticks "${PIDS[i]}")
    agent "${PIDS[i]}" "stop,file=$stacks,$STOP"
    result=$(cat "$OUT/profile-wrk-$i.txt")
    passed "$result" || { echo "CHECK FAILED (${NAMES[i]}): $result" >&2; exit 1; }
    requests=$(sed -E 's/.* requests=([0-9]+) .*/\1/' <<<"$result")
    echo "${NAMES[i]}: $result cpu_us=$(( (after - BEFORE[i]) * TICK_US / requests ))"
    summary+=("$stacks:$requests")
done

python3 - "$EVENT" "$FRAMES" "${summary[@]}" <<'EOF'
import collections, re, sys
# per call: CPU samples per 1 000 calls, or bytes
scale, unit = (1000, "samples per 1 000 calls") if sys.argv[1] == "cpu" else (1, "bytes per call")
frames = [f for f in sys.argv[2].split(',') if f]
for spec in sys.argv[3:]:
    path, calls = spec.rsplit(':', 1)
    calls = int(calls)
    total, threads, hits = 0, collections.Counter(), collections.Counter()
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(' ')
        count = int(count)
        total += count
        thread = re.sub(r'\d+', 'N', re.sub(r' tid=\d+', '', stack.split(';', 1)[0]))
        threads[thread] += count
        for frame in frames:
            if frame in stack:
                hits[frame] += count
    print(f"\n{path}: {scale * total / calls:.2f} {unit}")
    for thread, count in threads.most_common(8):
        print(f"  {scale * count / calls:8.2f}  {thread}")
    for frame in frames:
        print(f"  {100 * hits[frame] / total:5.2f} %  {frame}")
EOF
