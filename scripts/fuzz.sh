#!/usr/bin/env bash
# Builds the libFuzzer target (Sources/archcalc-fuzz) with the address sanitizer and runs two fuzzing jobs side
# by side, one per core:
#   small: inputs up to 4 KiB (dictionary-driven structure: keys, patterns, renderers)
#   large: inputs up to 256 KiB with a per-input CPU budget asserted in the target (ARCHCALC_FUZZ_BUDGET=1):
#          a check that takes more than FuzzBudget's allowance for its input size traps, so superlinear stages
#          are reported as crashes with the input that shows them.
# Usage: scripts/fuzz.sh [SECONDS] [small|large|both] [extra libFuzzer flags...]   (default: 60 seconds, both)
# Findings land in .fuzz/crashes-small/ and .fuzz/crashes-large/. Replay one with
#   swift build --product archcalc-fuzz && .build/debug/archcalc-fuzz CRASH_FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-both}
shift 2 || shift $# || true
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --product archcalc-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "Cannot export local symbol" | tail -3
binary="$scratch/release/archcalc-fuzz"
seeds=(specs Tests/Fixtures/hf)
for dir in Tests/Fixtures/adversarial Tests/Fixtures/lint Tests/Fixtures/fuzz-findings; do
  [ -d "$dir" ] && seeds+=("$dir")
done

run_job() { # name max_len budget
  local name=$1 max_len=$2 budget=$3
  shift 3
  mkdir -p ".fuzz/corpus-$name" ".fuzz/crashes-$name"
  find "${seeds[@]}" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -size -"$((max_len / 1024))"k \
    -exec cp -n {} ".fuzz/corpus-$name/" \; 2>/dev/null || true
  if [ "$name" = large ]; then scripts/fuzz/large-seeds.sh ".fuzz/corpus-$name"; fi
  local status=0
  ARCHCALC_FUZZ_BUDGET=$budget "$binary" ".fuzz/corpus-$name" -dict=scripts/fuzz/archspec.dict \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix=".fuzz/crashes-$name/" -print_final_stats=1 "$@" > ".fuzz/$name.log" 2>&1 || status=$?
  echo "== job $name (max_len $max_len, budget $budget): exit $status"
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE|ERROR|SUMMARY|Test unit written" \
    ".fuzz/$name.log" | tail -n 8 || true
  return $status
}

status=0
case "$jobs" in
  small) run_job small 4096 0 "$@" || status=$? ;;
  large) run_job large 262144 1 "$@" || status=$? ;;
  both)
    run_job small 4096 0 "$@" & small_pid=$!
    run_job large 262144 1 "$@" & large_pid=$!
    wait "$small_pid" || status=$?
    wait "$large_pid" || status=$?
    ;;
  *) echo "usage: scripts/fuzz.sh [SECONDS] [small|large|both] [libFuzzer flags...]" >&2; exit 2 ;;
esac
exit "$status"
