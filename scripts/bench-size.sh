#!/usr/bin/env bash
# Benchmarks `archcalc size` on a release build: one configuration and a 64-point sweep.
#
# Each case runs once as a warm-up (thrown away), then RUNS timed times (default 31); every sample is kept in
# $OUT_DIR (default .build/bench-size) and the median is printed. Times are wall-clock for the whole process
# (start-up, spec loading, sizing, rendering), which is what a user waits for.
# Targets (issue 5): one configuration under 50 ms, a 64-point sweep under 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-31}"
OUT_DIR="${OUT_DIR:-.build/bench-size}"
BINARY="${ARCHCALC:-.build/release/archcalc}"

if [[ -z "${ARCHCALC:-}" ]]; then
    swift build -c release --product archcalc >&2
fi
case "$BINARY" in
    *release*) ;;
    *) echo "WARNING: $BINARY does not look like a release build; figures are not representative" >&2 ;;
esac
mkdir -p "$OUT_DIR"

now_ns() { date +%s%N; }

# bench NAME ARGS... : prints "NAME: median X ms (min Y, max Z, N runs)" and writes the samples.
bench() {
    local name="$1"; shift
    local samples="$OUT_DIR/$name.txt"
    "$BINARY" "$@" > "$OUT_DIR/$name.out"   # warm-up, and the output is kept to show the work was done
    : > "$samples"
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(now_ns)
        "$BINARY" "$@" > "$OUT_DIR/$name.out"
        end=$(now_ns)
        echo $(( (end - start) / 1000 )) >> "$samples"   # microseconds
    done
    sort -n "$samples" | awk -v name="$name" -v bytes="$(wc -c < "$OUT_DIR/$name.out")" '
        { v[NR] = $1 }
        END {
            median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%s: median %.1f ms (min %.1f, max %.1f, %d runs, %d bytes of output)\n",
                   name, median / 1000, v[1] / 1000, v[NR] / 1000, NR, bytes
        }'
}

bench one-config size specs/llama-3-70b.yaml --hardware h100-sxm --context 8192 --batch 8 --format json
bench sweep-64 size specs/llama-3.1-8b.yaml --hardware h100-sxm --sweep context=1k..128k:64 --format json
