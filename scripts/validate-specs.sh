#!/usr/bin/env bash
# For each validation spec: calibrates this machine at the spec's own shapes and times its whole forward steps
# (`calibrate --spec S --spec-only`: the kernel-level figures and the step surface, right before the runs, so
# host drift between profile and measurement stays small), then runs `archcalc validate` RUNS times and prints
# a Markdown row per run (kernel-level and step-surface predictions against the measured prefill and decode
# step, the measurements' dispersion, and whether the host was too noisy for the error to be accuracy), then a
# summary row per spec over the runs (median and worst error of each model), with the host-speed ratio (the step
# surface's drift probe timed again by validate, now / at calibrate) and the surface's decode error scaled by it.
# Usage: [THREADS=N] [RUNS=N] scripts/validate-specs.sh [CONTEXT] [DECODE_STEPS] [--quick]   (THREADS 1, RUNS 1)
# SPECS="a.yaml b.yaml" overrides the list.
set -euo pipefail
cd "$(dirname "$0")/.."
CONTEXT=${1:-256}
STEPS=${2:-16}
QUICK=${3:-}
THREADS=${THREADS:-1}
RUNS=${RUNS:-1}
SPECS=${SPECS:-"scripts/validation-specs/mha-tiny-20m.yaml scripts/validation-specs/smollm-135m.yaml specs/gpt2.yaml
scripts/validation-specs/gqa-hd128-400m.yaml scripts/validation-specs/mqa-hd80-300m.yaml
scripts/validation-specs/qwen2.5-0.5b.yaml scripts/validation-specs/moe-8x2-shared-140m.yaml
scripts/validation-specs/mla-200m.yaml scripts/validation-specs/sliding-qknorm-230m.yaml
scripts/validation-specs/hybrid-mamba2-200m.yaml"}
swift build -c release >/dev/null
BIN=.build/release/archcalc
mkdir -p .build/bench
RESULTS=.build/bench/validation-runs-threads$THREADS.jsonl
: > "$RESULTS"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC" >&2
python3 scripts/validation_row.py --header
for s in $SPECS; do
  PROFILE=.build/bench/validation-$(basename "$s" .yaml)-threads$THREADS.yaml
  CAL_START=$(date -u +%H:%M:%S); CAL_LOAD=$(cut -d' ' -f1 /proc/loadavg)
  $BIN calibrate $QUICK --no-blas --threads "$THREADS" --spec "$s" --spec-only -o "$PROFILE" 2>/dev/null
  echo "calibrate $(basename "$s" .yaml): $CAL_START-$(date -u +%H:%M:%S) UTC, load $CAL_LOAD at the start" >&2
  for run in $(seq 1 "$RUNS"); do
    START=$(date -u +%H:%M:%S); LOAD=$(cut -d' ' -f1 /proc/loadavg)
    $BIN validate "$s" --profile "$PROFILE" --context "$CONTEXT" --decode-steps "$STEPS" --threads "$THREADS" --format json \
      > .build/bench/validate-run.json
    python3 scripts/validation_row.py --run "$run" --window "$START-$(date -u +%H:%M:%S)" --load "$LOAD" --log "$RESULTS" \
      < .build/bench/validate-run.json
  done
done
echo >&2
python3 scripts/validation_row.py --summary "$RESULTS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC" >&2
