#!/usr/bin/env bash
# Builds the libFuzzer target (Sources/archcalc-fuzz) with the address sanitizer and runs it.
# Usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]   (default 60 seconds)
# The seed corpus is specs/ and the test fixtures; findings land in .fuzz/crashes/. Replay a crash with
#   swift build --product archcalc-fuzz && .build/debug/archcalc-fuzz CRASH_FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --product archcalc-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "Cannot export local symbol" | tail -3
binary="$scratch/release/archcalc-fuzz"
mkdir -p .fuzz/corpus .fuzz/crashes
seeds=(specs Tests/Fixtures/hf)
for dir in Tests/Fixtures/adversarial Tests/Fixtures/lint; do [ -d "$dir" ] && seeds+=("$dir"); done
find "${seeds[@]}" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -size -64k \
  -exec cp -n {} .fuzz/corpus/ \; 2>/dev/null || true
"$binary" .fuzz/corpus -dict=scripts/fuzz/archspec.dict -max_total_time="$seconds" -max_len=4096 \
  -timeout=10 -rss_limit_mb=1024 -artifact_prefix=.fuzz/crashes/ -print_final_stats=1 "$@"
