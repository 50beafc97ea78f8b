#!/usr/bin/env bash
# Times `archcalc estimate` and `archcalc size` as whole processes (release build) on generated per-layer specs of
# growing size, to show that the layer plan grows linearly: explicit per-layer mixer lists (layer_types, not
# periodic) of N layers, and attention.full_layers override lists of N entries. Usage:
#   scripts/bench-layers.sh [RUNS]          (default 21 runs per point; the median is printed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product archcalc >/dev/null
bin=$PWD/.build/release/archcalc
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$bin" "$dir" "$runs" <<'PY'
import os, random, statistics, subprocess, sys, time
binary, folder, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
head = """archspec: 1
name: generated
vocab_size: 32000
hidden_size: 2048
context_length: 32768
mlp: {intermediate_size: 8192}
"""
def write(name, text):
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(text)
    return path
def per_layer(n):
    rng = random.Random(n)
    kinds = ", ".join(rng.choice(["attention", "mamba2"]) for _ in range(n))
    return write(f"layers-{n}.yaml", head + f"layers: {n}\nlayer_types: [{kinds}]\n"
                 "ssm: {inner_size: 4096, state_size: 128, heads: 64, head_dim: 64, groups: 8}\n"
                 "attention: {heads: 16, kv_heads: 4}\n")
def overrides(n):
    full = ", ".join(str(i) for i in range(0, 2 * n, 2))
    return write(f"overrides-{n}.yaml", head + f"layers: {2 * n}\n"
                 f"attention: {{heads: 16, kv_heads: 4, sliding_window: 4096, layer_pattern: [sliding], full_layers: [{full}]}}\n")
def run(cmd):
    # size exits 1 when the model does not fit one device: that is an answer, not a failure.
    code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {code}")
def time_command(cmd):
    for _ in range(3):
        run(cmd)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        run(cmd)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)
print(f"{'spec':<24} {'bytes':>9} {'estimate ms':>12} {'size ms':>9}")
for make in (per_layer, overrides):
    for n in (1_000, 10_000, 100_000):
        path = make(n)
        est = time_command([binary, "estimate", path])
        size = time_command([binary, "size", path, "--hardware", "h100-sxm", "--gpus", "1", "--context", "4096"])
        print(f"{os.path.basename(path):<24} {os.path.getsize(path):>9} {est:>12.2f} {size:>9.2f}")
print(f"release build, {runs} runs per point (median), load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
PY
