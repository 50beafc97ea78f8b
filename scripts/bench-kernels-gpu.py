#!/usr/bin/env python3
"""Holds archcalc's step model, kernel by kernel, against per-kernel silicon measurements.

The points are scripts/kernel-points.json (written by scripts/extract-kernel-points.py; every point names its
repository, path and commit): microsoft/vidur's H100 per-operator times (fp16 weight GEMMs of Llama-2-7B/70B,
CodeLlama-34B, Qwen-72B and InternLM-20B by M and TP, their norm, rope, activation and residual kernels, NCCL
all-reduces) and deepseek-ai/DeepGEMM's fp8 GEMM table (DeepGEMM and its CUTLASS 3.6 baseline, H800).

The library prices each point in the test StepTimeKernelBenchmarkTests (a weight GEMM of M tokens as the step
model prices it, one elementwise kernel, one all-reduce), which prints one `kernel-point` line per point; this
script runs that test on an already built package (`swift build --build-tests` first) and tabulates the ratios:
predicted / measured per group (kind, source, fit or check), geometric mean and count within 15%.

Usage: scripts/bench-kernels-gpu.py [--markdown] [--points]   (--points: every point, not only the summary)
       scripts/bench-kernels-gpu.py --self-test
"""
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE = re.compile(r"kernel-point (\S+) (.+?) measured ([\d.]+) us predicted ([\d.]+) us ratio ([\d.]+)")


def parse(text):
    """(id, group, measured us, predicted us) for every kernel-point line."""
    rows = []
    for line in text.splitlines():
        match = LINE.search(line)
        if match:
            rows.append((match.group(1), match.group(2), float(match.group(3)), float(match.group(4))))
    return rows


def summary(ratios):
    """Geometric mean, worst |error| and how many lie within 15%."""
    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    return geomean, max(abs(r - 1) for r in ratios), sum(1 for r in ratios if abs(r - 1) <= 0.15)


def self_test():
    rows = parse("kernel-point a-m1 gemm bf16 vidur fit measured 10.000 us predicted 12.000 us ratio 1.200\n"
                 "noise\nkernel-point b gemm bf16 vidur fit measured 8.000 us predicted 6.000 us ratio 0.750")
    assert [r[0] for r in rows] == ["a-m1", "b"] and rows[0][1] == "gemm bf16 vidur fit"
    g, worst, within = summary([1.2, 0.75])
    assert abs(g - math.sqrt(0.9)) < 1e-12 and abs(worst - 0.25) < 1e-12 and within == 0
    print("self-test passed")


def main(argv):
    if "--self-test" in argv:
        return self_test()
    run = subprocess.run(["swift", "test", "--skip-build", "--filter", "StepTimeKernelBenchmarkTests"], cwd=ROOT,
                         capture_output=True, text=True)
    rows = parse(run.stdout + run.stderr)
    if not rows:
        sys.exit("no kernel-point lines: build the tests first (swift build --build-tests)\n" + run.stderr[-2000:])
    markdown = "--markdown" in argv
    if "--points" in argv:
        print("| point | group | measured us | predicted us | predicted / measured |" if markdown else "")
        if markdown:
            print("|---|---|---:|---:|---:|")
        for pid, group, measured, predicted in rows:
            cells = (pid, group, "%.3f" % measured, "%.3f" % predicted, "%.3f" % (predicted / measured))
            print("| %s |" % " | ".join(cells) if markdown else "  ".join(cells))
    groups = {}
    for _, group, measured, predicted in rows:
        groups.setdefault(group, []).append(predicted / measured)
    if markdown:
        print("| group | points | geometric mean | worst error | within 15% |")
        print("|---|---:|---:|---:|---:|")
    for group in sorted(groups):
        g, worst, within = summary(groups[group])
        n = len(groups[group])
        if markdown:
            print("| %s | %d | %.3f | %.1f%% | %d |" % (group, n, g, worst * 100, within))
        else:
            print("%-32s %4d points, geometric mean %.3f, worst |error| %5.1f%%, %d within 15%%"
                  % (group, n, g, worst * 100, within))
    if run.returncode != 0:
        print("warning: StepTimeKernelBenchmarkTests failed (exit %d)" % run.returncode, file=sys.stderr)
    return run.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) or 0)
