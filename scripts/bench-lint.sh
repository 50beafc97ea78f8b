#!/usr/bin/env bash
# Lint throughput and memory benchmark (release build).
#
# Usage: scripts/bench-lint.sh [COUNT] [RUNS]
#   COUNT  specs in the timed corpus (default 2000); a second corpus of BIG (default 10000) measures peak memory
#   RUNS   timed runs after one discarded warm-up (default 7); every sample is printed, the median reported
#
# Each run is `archcalc lint --isolated --format json -o OUT CORPUS`; the JSON summary is read back and must
# report COUNT linted files, so the work cannot be skipped. yamllint (`yamllint -f parsable`, default config)
# runs on the same corpus when it is installed, with 3 timed runs. Peak memory comes from `/usr/bin/time -v`.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-2000}
RUNS=${2:-7}
BIG=${BIG:-10000}

swift build -c release --product archcalc >/dev/null
BIN=.build/release/archcalc
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 scripts/gen-lint-corpus.py "$WORK/small" "$COUNT"
python3 scripts/gen-lint-corpus.py "$WORK/big" "$BIG"

echo "machine: $(nproc) cores, $(uname -sr); archcalc $($BIN --version)"
python3 - "$BIN" "$WORK" "$COUNT" "$RUNS" <<'PY'
import json, shutil, statistics, subprocess, sys, time
binary, work, count, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
corpus, out = f"{work}/small", f"{work}/out.json"

def archcalc():
    start = time.perf_counter()
    code = subprocess.run([binary, "lint", "--isolated", "--format", "json", "-o", out, corpus]).returncode
    elapsed = time.perf_counter() - start
    summary = json.load(open(out))["summary"]
    assert code in (0, 1) and summary["linted"] == count, (code, summary)
    return elapsed, summary

archcalc()  # warm-up, discarded
samples = [archcalc() for _ in range(runs)]
times = [s[0] for s in samples]
print("archcalc samples (s):", " ".join(f"{t:.4f}" for t in times))
median = statistics.median(times)
summary = samples[0][1]
print(f"archcalc: {count} specs, median {median:.4f} s = {count / median:,.0f} files/s "
      f"({summary['errors']} errors, {summary['warnings']} warnings, {summary['skipped']} non-spec files skipped)")

if shutil.which("yamllint"):
    def yamllint():
        start = time.perf_counter()
        subprocess.run(["yamllint", "-f", "parsable", corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start
    yamllint()
    ytimes = [yamllint() for _ in range(3)]
    print("yamllint samples (s):", " ".join(f"{t:.3f}" for t in ytimes))
    ymedian = statistics.median(ytimes)
    print(f"yamllint: {count} specs, median {ymedian:.3f} s = {count / ymedian:,.0f} files/s")
else:
    print("yamllint: not installed (pip install yamllint) - skipped")
PY

/usr/bin/time -v "$BIN" lint --isolated --format json -o "$WORK/big.json" "$WORK/big" 2> "$WORK/time.txt" || true
python3 - "$WORK/big.json" "$WORK/time.txt" "$BIG" <<'PY'
import json, re, sys
summary = json.load(open(sys.argv[1]))["summary"]
text = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
assert summary["linted"] == int(sys.argv[3]), summary
print(f"peak memory: {summary['linted']} specs, max RSS {rss / 1024:.1f} MiB, wall {wall}")
PY
