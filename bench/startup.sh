#!/usr/bin/env bash
# Startup to ready, as the container does it: the jar extracted, Spring's AOT-processed context, the
# JDK's AOT cache from the Dockerfile's training run (deploy/aot-training.sh), then RUNS starts, each
# timed from exec to the first answered pre_order and to readiness UP, with the CPU time the JVM had
# used by then: all of it, its main thread's, and its JIT compiler threads'. Prints every run and the
# medians.
# Usage: bench/startup.sh   (RUNS; AOT=0 for no AOT cache; JVM_FLAGS, without
# -Dspring.aot.enabled=true for the ordinary context)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
AOT=${AOT:-1}
JVM_FLAGS=${JVM_FLAGS--Dspring.aot.enabled=true}
OUT=bench/out/startup
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME   # for ./mvnw too
JAVA="$JAVA_HOME/bin/java"
source bench/lib.sh

./mvnw -q -B -DskipTests package
rm -rf "$OUT" && mkdir -p "$OUT"
"$JAVA" -Djarmode=tools -jar target/ivr-hooks-*.jar extract --destination "$OUT/app" >/dev/null
APP_JAR=$(ls "$OUT"/app/ivr-hooks-*.jar)
CACHE=()
if [ "$AOT" = 1 ]; then
    # the Dockerfile's training run
    training_redis_port=$(free_port)
    training_port=$(free_port "$training_redis_port")
    JAVA=$JAVA TRAINING_REDIS_PORT=$training_redis_port TRAINING_PORT=$training_port \
        TRAINING_MANAGEMENT_PORT=$(free_port "$training_redis_port" "$training_port") \
        LOGGING_STRUCTURED_FORMAT_CONSOLE=com.webshop.ivrhooks.config.EcsLogFormatter \
        deploy/aot-training.sh "$OUT/app.aot" $JVM_FLAGS -jar "$APP_JAR"
    CACHE=(-XX:AOTCache="$OUT/app.aot")
fi

APP_PID=
trap 'stop_all $APP_PID ${REDIS_PID:-}' EXIT
start_redis redis.log

# CPU milliseconds a JVM has used so far: in all (threads that have ended included), in the thread
# that runs main() (named after the launcher, "java") and in its JIT compiler threads
cpu_split() { # pid
    local task
    echo "$(( $(cpu_ticks "$1") * TICK_US / 1000 ))" "$(for task in /proc/"$1"/task/*; do
        printf '%s\t%s\n' "$(cat "$task/comm" 2>/dev/null)" "$(stat_ticks "$task/stat")"
    done | awk -F '\t' -v us="$TICK_US" '
        $1 == "java" { main += $2 } $1 ~ /^C[12] CompilerThre/ { jit += $2 }
        END { printf "%d %d\n", main * us / 1000, jit * us / 1000 }')"
}

first=() ready=() cpu=() cpu_main=() cpu_jit=()
for run in $(seq 1 "$RUNS"); do
    APP_PORT=$(free_port)
    MGMT_PORT=$(free_port "$APP_PORT")
    START=$EPOCHREALTIME
    IVR_USERNAME=bench IVR_PASSWORD=bench-pass SERVER_PORT=$APP_PORT MANAGEMENT_SERVER_PORT=$MGMT_PORT \
        SPRING_DATA_REDIS_PORT=$REDIS_PORT LOGGING_STRUCTURED_FORMAT_CONSOLE=com.webshop.ivrhooks.config.EcsLogFormatter \
        "$JAVA" $JVM_FLAGS "${CACHE[@]}" -jar "$APP_JAR" > "$OUT/run-$run.log" 2>&1 &
    APP_PID=$!
    until answered POST "$APP_PORT" /hooks/ivr/pre_order/ '{"username":"bench","password":"bench-pass","orderNumber":"ORD-1"}' \
        2>/dev/null; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "the service did not start: see $OUT/run-$run.log" >&2; exit 1; }
        pause 0.01
    done
    first+=($(ms_since "$START"))
    until answered GET "$MGMT_PORT" /actuator/health/readiness 2>/dev/null; do pause 0.01; done
    ready+=($(ms_since "$START"))
    read -r total main jit < <(cpu_split "$APP_PID")
    cpu+=("$total") cpu_main+=("$main") cpu_jit+=("$jit")
    echo "run $run: first answer ${first[-1]} ms, readiness UP ${ready[-1]} ms, CPU by then $total ms (main thread $main, JIT $jit)"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "median of $RUNS (AOT cache: $AOT, flags: $JVM_FLAGS): first answer $(median "${first[@]}") ms, readiness UP $(median "${ready[@]}") ms"
echo "  CPU by readiness: $(median "${cpu[@]}") ms, of which main thread $(median "${cpu_main[@]}") ms, JIT compilers $(median "${cpu_jit[@]}") ms"
