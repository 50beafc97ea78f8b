#!/usr/bin/env bash
# Times two archcalc release binaries side by side (interleaved rounds, medians) on the same commands, e.g. the
# build before a change and after it:
#   git worktree add /tmp/wt-base <commit> && (cd /tmp/wt-base && swift build -c release --product archcalc)
#   scripts/bench-compare-builds.sh /tmp/wt-base/.build/release/archcalc .build/release/archcalc
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$1" "$2" <<'PY'
import os, statistics, subprocess, sys, time
old, new = sys.argv[1], sys.argv[2]
def median_ms(cmd, runs=60):
    for _ in range(3):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)
cases = [("--version", ["--version"]), ("estimate llama-3-8b", ["estimate", "specs/llama-3-8b.yaml"]),
         ("estimate deepseek-v3", ["estimate", "specs/deepseek-v3.yaml"]),
         ("size llama-3-70b h100", ["size", "specs/llama-3-70b.yaml", "--hardware", "h100-sxm"])]
for label, args in cases:
    before, after = [], []
    for _ in range(3):  # interleaved rounds, so both see the same machine
        before.append(median_ms([old] + args))
        after.append(median_ms([new] + args))
    print(f"{label:24} before {statistics.median(before):6.2f} ms   after {statistics.median(after):6.2f} ms")
print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
PY
