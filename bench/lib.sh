# Sourced by the bench scripts.
# A free port other than any given: the kernel may hand the same free port to two calls in a row
free_port() { # [port ...]
    python3 -c 'import socket, sys
while True:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    if str(port) not in sys.argv[1:]: print(port); break' "$@"
}

# A starting service is polled with bash's own /dev/tcp and read -t, so no process is started per
# poll: a curl every 10 ms took about 40 % of a core, which the JVM, with both cores busy during its
# start, had to give up.
exec {sleep_fd}<> <(:)
pause() { read -r -t "$1" -u "$sleep_fd" _ || true; }
answered() { # method port path [json body]: true when the status line is 200
    local fd status= body=${4:-}
    exec {fd}<>"/dev/tcp/127.0.0.1/$2" || return 1
    printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
        "$1" "$3" "${#body}" "$body" >&"$fd"
    read -r -t 5 -u "$fd" status || true
    exec {fd}>&-
    [[ $status == "HTTP/1.1 200"* ]]
}
ms_since() { echo $(( (${EPOCHREALTIME/./} - ${1/./}) / 1000 )); } # START, taken from $EPOCHREALTIME

# For the scripts' EXIT traps: a kill that fails (a process already gone) must not end the trap
# early under set -e, or the Redis it would stop next outlives the script.
stop_all() { # pid ...
    local pid
    for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}

# Starts a redis-server without persistence on a free loopback port, logging to LOGFILE in $OUT; sets
# REDIS_PORT and REDIS_PID, and returns once it answers. Set the caller's EXIT trap first.
start_redis() { # logfile
    REDIS_PORT=$(free_port)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
        --dir "$OUT" --logfile "$1" &
    REDIS_PID=$!
    until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
}

# The log format a benchmarked jar runs with: the service logs as in the container, one ECS JSON line
# per hook call on stdout; the floor (a jar with "floor" in its name) logs no line per call.
log_format() { # jar
    case "$1" in *floor*) ;; *) echo com.webshop.ivrhooks.config.EcsLogFormatter ;; esac
}

# The checkout's keys for pre-orders PREFIX0 .. PREFIX(COUNT-1), written with redis-cli --pipe in the
# Redis protocol to the redis-server on $REDIS_PORT, with $BASKET_ITEMS lines per basket.
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

# Starts a jar as the benchmarks run the service and the floor: bench credentials, the redis-server on
# $REDIS_PORT, $JVM_FLAGS and any further flags given, the last 1000 lines of its output in LOG, ECS
# log lines when LOG_FORMAT is set. Sets STARTED_PID, and returns once it answers a pre_order; exits
# if the JVM dies first.
start_jvm() { # name jar port log log_format [java flags ...]
    local name=$1 jar=$2 port=$3 log=$4 format=$5
    shift 5
    env IVR_USERNAME=bench IVR_PASSWORD=bench-pass SERVER_PORT="$port" MANAGEMENT_SERVER_PORT=$(free_port "$port") \
        SPRING_DATA_REDIS_PORT="$REDIS_PORT" ${format:+LOGGING_STRUCTURED_FORMAT_CONSOLE=$format} \
        "$JAVA_HOME/bin/java" $JVM_FLAGS "$@" -jar "$jar" > >(tail -n 1000 > "$log") 2>&1 &
    STARTED_PID=$!
    until answered POST "$port" /hooks/ivr/pre_order/ '{"username":"bench","password":"bench-pass","orderNumber":"ORD-B-0"}' 2>/dev/null; do
        kill -0 "$STARTED_PID" 2>/dev/null || { sleep 1; echo "$name did not start: see $log" >&2; exit 1; }
        pause 0.02
    done
}

# Starts a JVM for each NAME=JAR[,JAVA_FLAG...] as start_jvm does, each logging to $OUT/PREFIX-NAME.log,
# with the java flags in the array COMMON_FLAGS, where set, before its own; appends to the caller's
# arrays NAMES, PORTS and PIDS. A JAR with "floor" in its name logs no line per call.
start_jvms() { # prefix spec ...
    local prefix=$1 spec name jar port flags
    shift
    for spec in "$@"; do
        name=${spec%%=*} jar=${spec#*=} flags=()
        if [[ $jar == *,* ]]; then IFS=, read -r -a flags <<<"${jar#*,}"; jar=${jar%%,*}; fi
        [ -f "$jar" ] || { echo "no such jar: $jar" >&2; exit 1; }
        port=$(free_port)
        start_jvm "$name" "$jar" "$port" "$OUT/$prefix-$name.log" "$(log_format "$jar")" \
            ${COMMON_FLAGS[@]+"${COMMON_FLAGS[@]}"} "${flags[@]}"
        PIDS+=("$STARTED_PID") NAMES+=("$name") PORTS+=("$port")
    done
}

# Whether a wrk RESULT line (bench/hooks.lua) had only 2xx answers, no socket errors and every answer a success
passed() { [[ $1 == *" non2xx=0 errors=0 "*" failures=0 "* ]]; }

# User + system CPU time in clock ticks from a /proc stat file, counted from the ")" that ends the
# name: a thread's name may hold spaces ("VM Thread"), which would shift the fields
stat_ticks() { sed 's/.*) //' "$1" 2>/dev/null | awk '{ print $12 + $13 }'; }
# CPU time of a process in clock ticks, and a tick in microseconds
cpu_ticks() { stat_ticks "/proc/$1/stat"; }
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
# A JVM's full collections and the milliseconds of all its collections so far (jstat -gc, which reads
# the JVM's shared performance counters and so takes none of its CPU)
gc_so_far() { "$JAVA_HOME/bin/jstat" -gc "$1" | awk 'NR == 2 { printf "%d %d\n", $15, $19 * 1000 }'; }
