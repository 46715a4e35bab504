# Sourced by the bench scripts.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

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
