#!/usr/bin/env bash
# The int8 GEMV's C rows outside archcalc, built the way SwiftPM builds them (clang -O2) and, where gcc exists,
# with gcc -O3 too: correctness against the exact definition, then GB/s against a C triad in one interleaved run.
# Needs an x86_64 CPU with AVX-512 VNNI (the vnni512 rows) and AVX2. Usage: scripts/bench-int8-rows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
inc=(-I Sources/KernelsIntDot -I Sources/KernelsIntDot/include)
echo "load: $(cat /proc/loadavg)  date: $(date -u +%H:%M:%S) UTC"
clang -O2 "${inc[@]}" -o "$out/clang" scripts/int8-rows-harness.c -lm
echo "clang -O2:"; "$out/clang"
if command -v gcc >/dev/null; then
  gcc -O3 "${inc[@]}" -o "$out/gcc" scripts/int8-rows-harness.c -lm
  echo "gcc -O3:"; "$out/gcc"
fi
echo "load: $(cat /proc/loadavg)  date: $(date -u +%H:%M:%S) UTC"
