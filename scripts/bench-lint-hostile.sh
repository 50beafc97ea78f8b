#!/usr/bin/env bash
# Lint over hostile inputs of 1, 2 and 4 MiB, release build: a spec followed by `# archcalc: ignore[...]`
# comments (every one unused, so every one a finding), and a one-line config.json with one key per 37 bytes.
# Child CPU time (user + system, from wait4) and peak RSS; one warm-up run thrown away, RUNS timed runs
# (default 7), every sample kept and the median reported. Linear lint shows CPU time per MiB roughly constant.
#   scripts/bench-lint-hostile.sh [path/to/archcalc]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [ -z "$BIN" ]; then
    swift build -c release --product archcalc >/dev/null
    BIN=.build/release/archcalc
fi
case "$BIN" in *debug*) echo "WARNING: $BIN looks like a debug build; figures are not representative" >&2 ;; esac
RUNS=${RUNS:-7} python3 - "$BIN" <<'PY'
import os, resource, statistics, subprocess, sys, tempfile
binary, runs = sys.argv[1], int(os.environ["RUNS"])
SPEC = ("archspec: 1\nvocab_size: 32000\nhidden_size: 4096\nlayers: 32\ncontext_length: 4096\n"
        "attention:\n  heads: 32\n  kv_heads: 8\nmlp:\n  intermediate_size: 11008\n")
MIB = 1 << 20

def suppressions(size):
    line = "# archcalc: ignore[AC201] - reviewed\n"
    return SPEC + line * ((size - len(SPEC)) // len(line))

def one_line_json(size):
    head = '{"model_type":"llama","vocab_size":32000,"hidden_size":4096,"num_hidden_layers":32,' \
           '"num_attention_heads":32,"intermediate_size":11008'
    entries = (size - len(head) - 1) // 37
    return head + "".join(',"k%06d_%s":0' % (i, "x" * 24) for i in range(entries)) + "}"

def measure(path):
    """CPU seconds and peak RSS (MiB) of one `archcalc lint` child."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(binary, [binary, "lint", "--isolated", path])
    _, status, usage = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"archcalc lint {path} exited {code}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024

with tempfile.TemporaryDirectory() as work:
    print(f"{'input':28} {'bytes':>9} {'median CPU s':>13} {'CPU s per MiB':>14} {'peak RSS MiB':>13}  samples")
    for label, make, name in [("suppression comments", suppressions, "spec.yaml"),
                              ("one-line config.json", one_line_json, "config.json")]:
        for mib in (1, 2, 4):
            directory = os.path.join(work, f"{mib}")
            os.makedirs(directory, exist_ok=True)
            path = os.path.join(directory, name)
            text = make(mib * MIB - 64)
            with open(path, "w") as f:
                f.write(text)
            measure(path)  # warm-up, thrown away
            samples = [measure(path) for _ in range(runs)]
            cpu = statistics.median(s[0] for s in samples)
            rss = max(s[1] for s in samples)
            listed = " ".join(f"{s[0]:.3f}" for s in samples)
            print(f"{label + f' {mib} MiB':28} {len(text):>9} {cpu:>13.3f} {cpu / (len(text) / MIB):>14.3f} {rss:>13.1f}  {listed}")
print(f"load average {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores")
PY
