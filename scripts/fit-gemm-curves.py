#!/usr/bin/env python3
"""Fits the bf16 GEMM step-time curves (gemm_compute bf16, gemm_bandwidth bf16, gemm_size) to measured GEMMs.

Reads scripts/kernel-points.json (see scripts/extract-kernel-points.py), takes the bf16 GEMM points of the fit
models, and minimises the mean squared log ratio predicted / measured by coordinate descent over the curves' y
values (x positions fixed; gemm_size pinned to 1.0 at 64M elements, since it and the two curves multiply). It
prices a GEMM with its own copy of KernelTimes.gemm (max of compute, weight streaming and the 3 us floor, curves
interpolated linearly in log10 x and held flat past the ends); StepTimeKernelBenchmarkTests checks the Swift
model on the same points, so a drift between the two shows there.

Usage: scripts/fit-gemm-curves.py [--fit-models Llama-2-7b-hf,Llama-2-70b-hf] [--size-reads nk|n-max-km]

--size-reads: what gemm_size reads. nk (the default, the shipped model): N x K, the weight shard. n-max-km (a
candidate, not shipped): N x max(K, M), the larger of the weight shard and the output tile grid, so a GEMM whose
M x N output fills the device is not priced as small for a short K (tilelang's fp8 K <= 512 GEMMs at M = N = 8192;
docs/sizing.md, "Small-K GEMMs").
Prints the fitted curves and the geometric mean and count within 15% on the fit and the held-out models, before
and after.
"""
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEAK, BANDWIDTH, FLOOR = 989.4e12, 3.35e12, 3e-6   # h100-sxm bf16 dense peak, HBM3 bandwidth; kernel_floor
START = {  # the defaults before the fit (StepTimeDefaults.swift at commit e340ec9), extended to the fitted x's
    "compute": [[1, 0.30], [16, 0.40], [64, 0.55], [256, 0.68], [1024, 0.74], [4096, 0.76]],
    "bandwidth": [[1, 0.857], [16, 0.87], [64, 0.85], [256, 0.82], [1024, 0.82]],
    "size": [[1e6, 0.5], [4e6, 0.75], [16e6, 0.9], [64e6, 1.0]],
}


def curve(points, x):
    if x <= points[0][0]:
        return points[0][1]
    if x >= points[-1][0]:
        return points[-1][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x0 <= x <= x1:
            t = (math.log10(x) - math.log10(x0)) / (math.log10(x1) - math.log10(x0))
            return y0 + t * (y1 - y0)


SIZE_READS = {"nk": lambda m, n, k: n * k, "n-max-km": lambda m, n, k: n * max(k, m)}
size_reads = SIZE_READS["nk"]


def gemm_us(p, c):
    m, n, k = p["m"], p["n"], p["k"]
    s = curve(c["size"], size_reads(m, n, k))
    compute = 2 * m * n * k / (PEAK * max(1e-3, curve(c["compute"], m) * s))
    memory = (n * k * 2 + m * (n + k) * 2) / (BANDWIDTH * max(1e-3, curve(c["bandwidth"], m) * s))
    return max(compute, memory, FLOOR) * 1e6


def loss(points, c):
    return sum(math.log(gemm_us(p, c) / p["measured_us"]) ** 2 for p in points) / len(points)


def stats(points, c):
    r = [gemm_us(p, c) / p["measured_us"] for p in points]
    return "%d points, geometric mean %.3f, %d within 15%%" % (
        len(r), math.exp(sum(map(math.log, r)) / len(r)), sum(1 for x in r if abs(x - 1) <= 0.15))


def fit(points, c):
    free = [(k, i) for k in ("compute", "bandwidth") for i in range(len(c[k]))] + [("size", i) for i in range(3)]
    step = 0.05
    while step >= 0.002:
        improved = False
        for key, i in free:
            best = loss(points, c)
            for d in (step, -step):
                old = c[key][i][1]
                c[key][i][1] = min(1.0, max(0.05, old * (1 + d)))
                trial = loss(points, c)
                if trial < best - 1e-9:
                    best, improved = trial, True
                else:
                    c[key][i][1] = old
        if not improved:
            step /= 2
    return c


def main(argv):
    global size_reads
    models = ("Llama-2-7b-hf", "Llama-2-70b-hf")
    if "--size-reads" in argv:
        size_reads = SIZE_READS[argv[argv.index("--size-reads") + 1]]
    if "--fit-models" in argv:
        models = tuple(argv[argv.index("--fit-models") + 1].split(","))
    with open(os.path.join(ROOT, "scripts", "kernel-points.json")) as f:
        points = [p for p in json.load(f) if p["kind"] == "gemm" and p["dtype"] == "bf16"]
    train = [p for p in points if p["id"].startswith(models)]
    held = [p for p in points if not p["id"].startswith(models)]
    c = json.loads(json.dumps(START))
    print("before: fit", stats(train, c), "| held out", stats(held, c))
    fit(train, c)
    print("after:  fit", stats(train, c), "| held out", stats(held, c))
    for key in ("compute", "bandwidth", "size"):
        print(key, ", ".join("(%g, %.3f)" % (x, y) for x, y in c[key]))


if __name__ == "__main__":
    main(sys.argv[1:])
