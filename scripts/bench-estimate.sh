#!/usr/bin/env bash
# Times `archcalc estimate` on one spec as a whole process (release build): median and spread of wall time
# over many runs, and peak resident memory. Usage: scripts/bench-estimate.sh [RUNS] [SPEC]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
spec=${2:-specs/llama-3-8b.yaml}
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product archcalc >/dev/null
bin=.build/release/archcalc
python3 - "$bin" "$spec" "$runs" <<'PY'
import os, resource, statistics, subprocess, sys, time
binary, spec, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmd = [binary, "estimate", spec]
for _ in range(5):  # warm-up, thrown away
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
samples = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    samples.append((time.perf_counter() - start) * 1000)
samples.sort()
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
q = lambda p: samples[min(len(samples) - 1, int(p * len(samples)))]
print(f"archcalc estimate {spec}: {runs} runs, median {statistics.median(samples):.2f} ms "
      f"(p10 {q(0.10):.2f}, p90 {q(0.90):.2f}, min {samples[0]:.2f}), peak RSS {peak_kib / 1024:.1f} MiB")
print(f"load average during the run: {os.getloadavg()[0]:.2f}")
PY
