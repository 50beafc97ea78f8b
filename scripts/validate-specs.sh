#!/usr/bin/env bash
# Calibrates this machine with the validation specs' shapes, then runs `archcalc validate` on each spec and
# prints a Markdown table of predicted against measured prefill and decode time.
# Usage: scripts/validate-specs.sh [CONTEXT] [DECODE_STEPS] [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
CONTEXT=${1:-256}
STEPS=${2:-16}
QUICK=${3:-}
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
$BIN calibrate $QUICK --no-blas "${args[@]}" -o "$PROFILE"
echo "| spec | params | context | prefill predicted | prefill measured | error | decode/step predicted | decode/step measured | error |"
echo "|---|---|---|---|---|---|---|---|---|"
for s in $SPECS; do
  $BIN validate "$s" --profile "$PROFILE" --context "$CONTEXT" --decode-steps "$STEPS" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
p, q = d["prefill"], d["decode"]
ms = lambda v: f"{v * 1e3:.1f} ms"
print(f"| {d[\"spec\"]} | {d[\"parameters\"] / 1e6:.0f} M | {d[\"context\"]} | {ms(p[\"predicted_s\"])} | {ms(p[\"measured_s\"])} | {p[\"error\"] * 100:+.1f}% | {ms(q[\"predicted_s\"])} | {ms(q[\"measured_s\"])} | {q[\"error\"] * 100:+.1f}% |")
for n in d["notes"]: print("note:", n, file=sys.stderr)
'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
