#!/usr/bin/env bash
# Calibrates this machine with the validation specs' shapes, then runs `archcalc validate` on each spec and
# prints a Markdown table of predicted against measured prefill and decode time.
# Usage: [THREADS=N] scripts/validate-specs.sh [CONTEXT] [DECODE_STEPS] [--quick]   (THREADS default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
CONTEXT=${1:-256}
STEPS=${2:-16}
QUICK=${3:-}
THREADS=${THREADS:-1}
SPECS="scripts/validation-specs/mha-tiny-20m.yaml scripts/validation-specs/smollm-135m.yaml specs/gpt2.yaml
scripts/validation-specs/gqa-hd128-400m.yaml scripts/validation-specs/mqa-hd80-300m.yaml
scripts/validation-specs/qwen2.5-0.5b.yaml"
swift build -c release >/dev/null
BIN=.build/release/archcalc
mkdir -p .build/bench
PROFILE=.build/bench/validation-profile.yaml
args=()
for s in $SPECS; do args+=(--spec "$s"); done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# REUSE_PROFILE=1 skips the calibration and uses the profile of the previous run.
if [ -z "${REUSE_PROFILE:-}" ]; then $BIN calibrate $QUICK --no-blas --threads "$THREADS" "${args[@]}" -o "$PROFILE"; fi
echo "| spec | params | context | prefill predicted | prefill measured | error | decode/step predicted | decode/step measured | error |"
echo "|---|---|---|---|---|---|---|---|---|"
for s in $SPECS; do
  $BIN validate "$s" --profile "$PROFILE" --context "$CONTEXT" --decode-steps "$STEPS" --threads "$THREADS" --format json \
    | python3 scripts/validation_row.py
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
