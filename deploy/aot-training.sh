#!/usr/bin/env bash
# The training run for the JDK's AOT cache (JEP 483/514/515), used by the Dockerfile and by
# bench/startup.sh. The service starts against a throwaway redis-server, answers both hooks the way
# the vendor calls them, and on SIGTERM the JVM writes the cache: the classes, linkage and method
# profiles of a whole start and of real calls, Redis connection included.
# Usage: aot-training.sh CACHE JAVA_ARGS...   (JAVA_ARGS end with -jar the-service.jar)
# Needs redis-server on PATH; JAVA, else java on PATH. Ports: TRAINING_REDIS_PORT, TRAINING_PORT,
# TRAINING_MANAGEMENT_PORT.
set -euo pipefail

cache=$1
shift
redis_port=${TRAINING_REDIS_PORT:-16379}
port=${TRAINING_PORT:-18080}
management_port=${TRAINING_MANAGEMENT_PORT:-18081}
work=$(mktemp -d)
redis_pid=
app_pid=
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
    if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; fi
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# HTTP/1.1 over bash's /dev/tcp, so the image needs no HTTP client: prints the whole response.
http() { # method port path [json body]
    local body=${4:-}
    (
        exec 3<>"/dev/tcp/127.0.0.1/$2"
        printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
            "$1" "$3" "${#body}" "$body" >&3
        cat <&3
    ) 2>/dev/null
}
expect() { # what response-text
    grep -qF -- "$2" <<<"$3" || { echo "AOT training: $1 answered unexpectedly: $3" >&2; exit 1; }
}

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" \
    --logfile "$work/redis.log" &
redis_pid=$!

IVR_USERNAME=training IVR_PASSWORD=training SPRING_PROFILES_ACTIVE=demo \
    SERVER_PORT=$port MANAGEMENT_SERVER_PORT=$management_port SPRING_DATA_REDIS_PORT=$redis_port \
    "${JAVA:-java}" -XX:AOTCacheOutput="$cache" "$@" > "$work/service.log" 2>&1 &
app_pid=$!

ready=
for _ in $(seq 1 600); do
    if grep -q '^HTTP/1.1 200' <<<"$(http GET "$management_port" /actuator/health/readiness)"; then
        ready=yes
        break
    fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$ready" ] || { echo "AOT training: the service did not become ready:" >&2; tail -20 "$work/service.log" >&2; exit 1; }

# the demo profile wrote ORD-2024-001234; the first complete records it, the others are replays
pre_order='{"username":"training","password":"training","orderNumber":"ORD-2024-001234"}'
complete='{"username":"training","password":"training","orderResultRequest":{"orderNumber":"ORD-2024-001234","referenceNumber":"TRAINING-1","staffId":"TRAINING","success":true}}'
for _ in $(seq 1 200); do
    expect pre_order '"success":true' "$(http POST "$port" /hooks/ivr/pre_order/ "$pre_order")"
done
for _ in $(seq 1 20); do
    expect complete '"success":true' "$(http POST "$port" /hooks/ivr/complete/ "$complete")"
done
expect "unknown order" 'Order not found' "$(http POST "$port" /hooks/ivr/pre_order/ \
    '{"username":"training","password":"training","orderNumber":"ORD-UNKNOWN"}')"
expect "malformed body" 'Input invalid' "$(http POST "$port" /hooks/ivr/pre_order/ '{"username":')"
expect liveness 'HTTP/1.1 200' "$(http GET "$management_port" /actuator/health/liveness)"
expect prometheus 'ivr_hook_requests' "$(http GET "$management_port" /actuator/prometheus)"

kill -TERM "$app_pid"
wait "$app_pid" || true
app_pid=
[ -s "$cache" ] || { echo "AOT training: no cache written:" >&2; tail -20 "$work/service.log" >&2; exit 1; }
