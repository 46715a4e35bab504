#!/usr/bin/env bash
# The virtual threads' stack chunks one JVM allocates per pre_order, and at which Redis wait. A request
# that waits copies its stack into a chunk on the heap. The JVM sizes a new chunk to the stack of the
# wait that needs it, reuses the chunk for a later wait only if that wait's stack fits, and thaws a
# chunk whole only below 500 words (bench/RESULTS.md, "Stack chunks"). So a wait deeper than the
# first, or a stack above 500 words, costs a new chunk of about 3.5 KB.
# Runs bench/threads.sh with JFR recording every new TLAB over the measured run, then
# bench/StackChunks.java on the recording.
# Usage: bench/chunks.sh JAR
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: bench/chunks.sh JAR" >&2; exit 1; }
[ -n "${JAVA_HOME:-}" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
OUT=bench/out
mkdir -p "$OUT"

RECORD=bench/new-tlabs.jfc DURATION=${DURATION:-10s} bench/threads.sh "$1" | tee "$OUT/chunks-threads.txt"
per_call=$(sed -nE 's/^allocated per call: ([0-9]+) B.*/\1/p' "$OUT/chunks-threads.txt")
"$JAVA_HOME/bin/java" bench/StackChunks.java "$OUT/threads.jfr" "$per_call"
