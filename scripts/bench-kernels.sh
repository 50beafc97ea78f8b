#!/usr/bin/env bash
# Compares archcalc's calibration kernels with references in the same run, interleaved:
#   GEMM (packed weights, M = 1...512)  vs numpy's bundled OpenBLAS sgemm (x @ W.T, fp32), its best kernel for
#                                        this CPU: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset for numpy
#                                        only, and threadpoolctl reports the kernel set that ran
#   bandwidth (Swift triad)              vs a plain C STREAM triad built with gcc -O3 -march=native -fopenmp
#   decode GEMV, fp32 and int8 weights   vs the same C triad (bytes of weights per second)
#   the selected kernel copy's GEMM      vs the AVX2+FMA copy (ARCHCALC_KERNELS=fma) on gemm:512,4096,4096, and the
#                                        int8 GEMV's path vs its fp32-widening path (ARCHCALC_INT8=widening), and
#                                        the fp32 and int8 GEMVs reading one row at a time vs four
#                                        (ARCHCALC_GEMV_STREAMS)
# Each round runs both sides back to back; ratios are taken within a round and the median is printed, with the
# 1-minute load average at the start of every round.
# Usage: scripts/bench-kernels.sh [ROUNDS] [THREADS...]     (defaults: 3 rounds, threads 1 and all CPUs)
# Needs numpy and threadpoolctl (PYTHON=/path/to/venv/bin/python; see docs/calibration.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
shift || true
THREADS=${*:-"1 $(nproc)"}
PY=${PYTHON:-python3}
ROWS=${ROWS:-"1 16 64 128 512"}

swift build -c release >/dev/null
BIN=.build/release/archcalc
mkdir -p .build/bench
gcc -O3 -march=native -fopenmp scripts/stream.c -o .build/bench/stream
ARRAY=$((128 * 1024 * 1024))   # bytes per array: 4x a 32 MiB L3
numpy() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" scripts/bench_numpy_sgemm.py "$@"; }

echo "host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs"
echo "kernels: $($BIN calibrate --probe triad:1048576 --threads 1 | awk '{print $6}'),"\
  "$($BIN calibrate --probe gemv-int8:64,4096 --threads 1 | grep -o 'int8=[^ ]*')"
echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|fma|avx512[a-z_0-9]*)$' | tr '\n' ' ')"
echo "peak: $($BIN calibrate --probe peak --threads "$(nproc)")"
echo "numpy: $($PY -c 'import numpy; print(numpy.__version__)'); $(numpy --info 1)"
echo "started: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"

ratios=$(mktemp)
trap 'rm -f "$ratios"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round: $(date -u +%TZ), load $(cut -d' ' -f1 /proc/loadavg)"
  for t in $THREADS; do
    for m in $ROWS; do
      s=$($BIN calibrate --probe "gemm:$m,4096,4096" --threads "$t" | awk '{print $3}')
      r=$(numpy "$m" 4096 4096 "$t" | awk '{print $2}')
      echo "gemm m=$m n=4096 k=4096 threads=$t $s $r" >>"$ratios"
    done
    c=$(OMP_NUM_THREADS=$t OMP_PROC_BIND=true .build/bench/stream $ARRAY 20 | awk '{print $2}')
    s=$($BIN calibrate --probe "triad:$ARRAY" --threads "$t" | awk '{print $3}')
    g=$($BIN calibrate --probe "gemv-fp32:14336,4096" --threads "$t" | awk '{print $3}')
    q=$($BIN calibrate --probe "gemv-int8:14336,4096" --threads "$t" | awk '{print $3}')
    echo "triad threads=$t $s $c" >>"$ratios"
    echo "gemv-fp32(14336x4096)/triad threads=$t $g $c" >>"$ratios"
    echo "gemv-int8(14336x4096)/triad threads=$t $q $c" >>"$ratios"
    w=$(ARCHCALC_INT8=widening $BIN calibrate --probe "gemv-int8:14336,4096" --threads "$t" | awk '{print $3}')
    echo "gemv-int8 path/widening threads=$t $q $w" >>"$ratios"
    g1=$(ARCHCALC_GEMV_STREAMS=1 $BIN calibrate --probe "gemv-fp32:14336,4096" --threads "$t" | awk '{print $3}')
    g4=$(ARCHCALC_GEMV_STREAMS=4 $BIN calibrate --probe "gemv-fp32:14336,4096" --threads "$t" | awk '{print $3}')
    echo "gemv-fp32 1 stream/4 streams threads=$t $g1 $g4" >>"$ratios"
    q1=$(ARCHCALC_GEMV_STREAMS=1 $BIN calibrate --probe "gemv-int8:14336,4096" --threads "$t" | awk '{print $3}')
    q4=$(ARCHCALC_GEMV_STREAMS=4 $BIN calibrate --probe "gemv-int8:14336,4096" --threads "$t" | awk '{print $3}')
    echo "gemv-int8 1 stream/4 streams threads=$t $q1 $q4" >>"$ratios"
    f=$(ARCHCALC_KERNELS=fma $BIN calibrate --probe "gemm:512,4096,4096" --threads "$t" | awk '{print $3}')
    s=$($BIN calibrate --probe "gemm:512,4096,4096" --threads "$t" | awk '{print $3}')
    echo "gemm m=512 selected copy/fma copy threads=$t $s $f" >>"$ratios"
  done
done
echo "finished: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "kernel | archcalc median (G/s) | reference median (G/s) | ratio median [min, max] over $ROUNDS rounds"
$PY - "$ratios" <<'PY'
import sys, statistics, collections
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    *name, ours, ref = line.split()
    rows.setdefault(" ".join(name), []).append((float(ours), float(ref)))
for name, vals in rows.items():
    r = [o / f for o, f in vals]
    print(f"{name} | {statistics.median(o for o, _ in vals) / 1e9:.1f} | {statistics.median(f for _, f in vals) / 1e9:.1f}"
          f" | {statistics.median(r):.2f} [{min(r):.2f}, {max(r):.2f}]")
PY
