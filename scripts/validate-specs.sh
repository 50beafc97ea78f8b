#!/usr/bin/env bash
# For each validation spec: calibrates this machine at the spec's own shapes (`--spec S --spec-only`, right
# before the run, so host drift between profile and measurement stays small), then runs `archcalc validate`
# and prints a Markdown table row of predicted against measured prefill and decode time.
# Usage: [THREADS=N] scripts/validate-specs.sh [CONTEXT] [DECODE_STEPS] [--quick]   (THREADS default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
CONTEXT=${1:-256}
STEPS=${2:-16}
QUICK=${3:-}
THREADS=${THREADS:-1}
SPECS="scripts/validation-specs/mha-tiny-20m.yaml scripts/validation-specs/smollm-135m.yaml specs/gpt2.yaml
scripts/validation-specs/gqa-hd128-400m.yaml scripts/validation-specs/mqa-hd80-300m.yaml
scripts/validation-specs/qwen2.5-0.5b.yaml scripts/validation-specs/moe-8x2-shared-140m.yaml
scripts/validation-specs/mla-200m.yaml scripts/validation-specs/sliding-qknorm-230m.yaml
scripts/validation-specs/hybrid-mamba2-200m.yaml"
swift build -c release >/dev/null
BIN=.build/release/archcalc
mkdir -p .build/bench
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| spec | params | context | prefill predicted | prefill measured | error | decode/step predicted | decode/step measured | error | other processes (cores, prefill / decode) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for s in $SPECS; do
  PROFILE=.build/bench/validation-$(basename "$s" .yaml).yaml
  $BIN calibrate $QUICK --no-blas --threads "$THREADS" --spec "$s" --spec-only -o "$PROFILE" 2>/dev/null
  $BIN validate "$s" --profile "$PROFILE" --context "$CONTEXT" --decode-steps "$STEPS" --threads "$THREADS" --format json \
    | python3 scripts/validation_row.py
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
