#!/usr/bin/env bash
# Start-up of `archcalc estimate` as a whole process, against the floor of any Swift program on this machine.
# Interleaved round-robin (each round runs every command once, so all see the same load), one warm-up round
# thrown away; per command: median and p10 wall time, and median CPU time (user + system of the child, from
# wait4: less sensitive to other processes than wall time). The floors are two one-line programs built here
# with swiftc -O: plain Swift, Swift importing FoundationEssentials (which swift-argument-parser 1.8.2 imports, so
# archcalc loads it), and Swift importing Foundation (which archcalc loaded through Yams before it was dropped).
#   scripts/bench-startup.sh [ROUNDS] [ARCHCALC...]     (default: 200 rounds, .build/release/archcalc)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-200}
shift || true
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=(.build/release/archcalc)
floor=$(mktemp -d)
trap 'rm -rf "$floor"' EXIT
echo 'print("hi")' > "$floor/swift.swift"
printf 'import FoundationEssentials\nprint(Date().timeIntervalSince1970 > 0)\n' > "$floor/essentials.swift"
printf 'import Foundation\nprint(Date().timeIntervalSince1970 > 0)\n' > "$floor/foundation.swift"
swiftc -O "$floor/swift.swift" -o "$floor/swift" 2>/dev/null
swiftc -O "$floor/essentials.swift" -o "$floor/essentials" 2>/dev/null
swiftc -O "$floor/foundation.swift" -o "$floor/foundation" 2>/dev/null
python3 - "$rounds" "$floor" "${binaries[@]}" <<'PY'
import os, statistics, sys, time
rounds, floor, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
commands = [("swift hello (floor)", [floor + "/swift"]), ("FoundationEssentials hello (floor)", [floor + "/essentials"]),
            ("Foundation hello (floor)", [floor + "/foundation"])]
for binary in binaries:
    commands += [(f"{binary} --version", [binary, "--version"]),
                 (f"{binary} estimate llama-3-8b", [binary, "estimate", "specs/llama-3-8b.yaml"])]
null = os.open(os.devnull, os.O_WRONLY)
def run(argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(null, 1); os.dup2(null, 2)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    assert os.waitstatus_to_exitcode(status) == 0, argv
    return wall, (usage.ru_utime + usage.ru_stime) * 1000
samples = {label: [] for label, _ in commands}
loads = []
for r in range(rounds + 1):
    for label, argv in commands:
        sample = run(argv)
        if r > 0: samples[label].append(sample)
    loads.append(os.getloadavg()[0])
for label, _ in commands:
    wall = sorted(s[0] for s in samples[label]); cpu = sorted(s[1] for s in samples[label])
    print(f"{label:58} wall median {statistics.median(wall):6.2f} ms (p10 {wall[len(wall) // 10]:6.2f})"
          f"   cpu median {statistics.median(cpu):6.2f} ms")
print(f"{rounds} interleaved rounds; load average {min(loads):.2f}-{max(loads):.2f} on {os.cpu_count()} cores")
PY
