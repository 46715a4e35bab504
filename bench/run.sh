#!/usr/bin/env bash
# Benchmarks both hooks on this machine: builds the jar, starts its own redis-server (no
# persistence) and the service with fixed JVM flags, seeds pre-orders, warms up, drives the hooks
# with wrk and checks its own results. Usage: bench/run.sh   (settings: see the variables below)
# TARGET=floor runs the same load against bench/floor, which sends the same Redis commands and
# does nothing else: the floor the service is measured against.
set -euo pipefail
cd "$(dirname "$0")/.."

ORDERS=${ORDERS:-10000}            # pre-orders for pre_order
BASKET_ITEMS=${BASKET_ITEMS:-2}    # lines per basket
COMPLETES=${COMPLETES:-600000}     # fresh pre-orders for complete, shared by the wrk threads
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))}   # wrk needs connections >= threads
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-45s}
RUNS=${RUNS:-3}
JVM_FLAGS=${JVM_FLAGS:-"-Xms128m -Xmx128m -XX:+UseSerialGC"}
TARGET=${TARGET:-service}          # service | floor
PROFILE=${PROFILE:-0}              # 1: a JFR recording of the measured runs, and its hot methods
OUT=bench/out
mkdir -p "$OUT"

for tool in wrk redis-server redis-cli; do
    command -v "$tool" >/dev/null || { echo "bench needs $tool (Debian package: ${tool%%-*})" >&2; exit 1; }
done
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

case "$TARGET" in
    service) ./mvnw -q -B -DskipTests package && JAR=$(ls target/ivr-hooks-*.jar | head -n 1) ;;
    floor) ./mvnw -q -B -f bench/floor/pom.xml package && JAR=$(ls bench/floor/target/ivr-hooks-floor-*.jar | head -n 1) ;;
    *) echo "TARGET is service or floor" >&2; exit 1 ;;
esac

REDIS_PORT=$(free_port)
APP_PORT=$(free_port)
MGMT_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    --dir "$OUT" --logfile redis.log &
REDIS_PID=$!
APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; kill "$REDIS_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done

# the checkout's keys, written with redis-cli --pipe in the Redis protocol
# Complete orders with large baskets share one session document (without an orderNumber), so that
# hundreds of thousands of them fit in memory; the service reads and checks it in full every time.
SHARED=$(( BASKET_ITEMS > 20 ))
seed() { # prefix count shared
    awk -v prefix="$1" -v n="$2" -v shared="$3" -v lines="$BASKET_ITEMS" 'BEGIN {
        doc_head = "{\"currency\":\"TRY\",\"paymentOption\":{\"id\":12,\"name\":\"Pay by phone\",\"paymentType\":\"cash_register\"},"
        items = "["
        for (l = 0; l < lines; l++) {
            items = items (l ? "," : "") "{\"sku\":\"SKU-" l "\",\"name\":\"Product " l "\",\"quantity\":1,\"totalPrice\":10.00,\"discountedTotalPrice\":9.50}"
        }
        items = items "]"
        basket = "{\"items\":" items ",\"totalAmount\":" sprintf("%.2f", lines * 9.5) "}"
        tail = "\"basket\":" basket ",\"preOrder\":{\"basket\":" basket ",\"totalAmount\":" sprintf("%.2f", lines * 9.5) "}}"
        if (shared) resp("ivr:session:{s-" prefix "shared}", doc_head tail)
        for (i = 0; i < n; i++) {
            order = prefix i
            if (shared) { session = "s-" prefix "shared" } else {
                session = "s-" order
                resp("ivr:session:{" session "}", doc_head "\"orderNumber\":\"" order "\"," tail)
            }
            resp("ivr:order:{" order "}", session)
        }
    }
    function resp(key, value) {
        printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(key), key, length(value), value
    }' | redis-cli -p "$REDIS_PORT" --pipe >/dev/null
}
seed ORD-B- "$ORDERS" 0
for t in $(seq 0 $((THREADS - 1))); do seed "ORD-C-$t-" $(( (COMPLETES + THREADS - 1) / THREADS )) "$SHARED"; done
echo "seeded $ORDERS pre_order orders and $COMPLETES complete orders ($BASKET_ITEMS basket lines)"

# Logs as in the container: one ECS JSON line per hook call on stdout, kept short here
START=$(date +%s%N)
IVR_USERNAME=bench IVR_PASSWORD=bench-pass SERVER_PORT=$APP_PORT MANAGEMENT_SERVER_PORT=$MGMT_PORT \
    SPRING_DATA_REDIS_PORT=$REDIS_PORT LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
    "$JAVA_HOME/bin/java" $JVM_FLAGS -jar "$JAR" > >(tail -n 1000 > "$OUT/$TARGET.log") 2>&1 &
APP_PID=$!
BODY='{"username":"bench","password":"bench-pass","orderNumber":"ORD-B-0"}'
until curl -s -o /dev/null -m 1 "localhost:$APP_PORT/hooks/ivr/pre_order/" -H 'Content-Type: application/json' -d "$BODY"; do sleep 0.02; done
echo "$TARGET: startup to first answer: $(( ($(date +%s%N) - START) / 1000000 )) ms (flags: $JVM_FLAGS)"

OFFSET=0
drive() { # endpoint duration
    ENDPOINT=$1 ORDERS=$ORDERS OFFSET=$OFFSET wrk -t "$THREADS" -c "$CONNECTIONS" -d "$2" -s bench/hooks.lua "http://127.0.0.1:$APP_PORT" \
        | grep '^RESULT'
}
used() { sed -E 's/.* used=([0-9]+).*/\1/' <<<"$1"; }
echo "warming up for $WARMUP per endpoint (results discarded)"
drive pre_order "$WARMUP" >/dev/null
line=$(drive complete "$WARMUP")
OFFSET=$(( OFFSET + $(used "$line") ))
warm_completes=$(sed -E 's/.* successes=([0-9]+).*/\1/' <<<"$line")

[ "$PROFILE" = 1 ] && "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=bench settings=profile >/dev/null
status=0
completes=0
for run in $(seq 1 "$RUNS"); do
    for endpoint in pre_order complete; do
        line=$(drive "$endpoint" "$DURATION")
        echo "run $run $line"
        case "$line" in *" non2xx=0 errors=0 "*" failures=0 "*) ;; *) echo "  CHECK FAILED: non-2xx, socket errors or unsuccessful answers" >&2; status=1 ;; esac
        if [ "$endpoint" = complete ]; then
            completes=$(( completes + $(sed -E 's/.* successes=([0-9]+).*/\1/' <<<"$line") ))
            OFFSET=$(( OFFSET + $(used "$line") ))
        fi
    done
done

recorded=$(( $(redis-cli -p "$REDIS_PORT" xlen ivr:transactions) - warm_completes ))
echo "transactions on the stream: $recorded, successful completes: $completes"
# wrk counts only the answers it read before the run ended: up to one call per connection and run
# may be recorded without being counted
if [ "$recorded" -lt "$completes" ] || [ $(( recorded - completes )) -gt $(( CONNECTIONS * (RUNS + 1) )) ]; then
    echo "  CHECK FAILED: every successful complete must be on the stream, and nothing else" >&2; status=1
fi
echo "peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$APP_PID/status)"
if [ "$PROFILE" = 1 ]; then
    "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.stop name=bench filename="$PWD/$OUT/$TARGET.jfr" >/dev/null
    "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$OUT/$TARGET.jfr"
    "$JAVA_HOME/bin/jfr" view --width 200 allocation-by-class "$OUT/$TARGET.jfr"
    echo "recording: $OUT/$TARGET.jfr (jfr view --width 200 <view> $OUT/$TARGET.jfr)"
fi
exit $status
