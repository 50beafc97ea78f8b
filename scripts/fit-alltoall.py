#!/usr/bin/env python3
"""Fits the expert-parallel all-to-all figures (alltoall_latency, alltoall_bandwidth) per interconnect class.

The step model prices one dispatch or combine as latency + (ranks - 1) / ranks x bytes / (link x fraction), where
bytes = tokens x top_k x hidden x bytes per element sent by one rank (KernelTimes.allToAll). The published points
below are typed in from their sources (each point names it); `--write` puts them into scripts/kernel-points.json
(kind "alltoall", replacing earlier ones), where StepTimeKernelBenchmarkTests prices them with the Swift model.

Per-copy bytes: DeepSeek-V3 shapes, hidden 7168, top-8; fp8 dispatch sends 7,168 bytes plus 56 fp32 scales (one per
128 channels, DeepEP's layout) = 7,392 bytes per token-expert copy; bf16 combine sends 14,336.

  nvlink (profiles whose interconnect is NVLink): fit to perplexityai/pplx-kernels' NVLink EP8 dispatch and combine
    at 1 and 128 tokens per GPU (4 points, link 450 GB/s per direction, H100 SXM's NVLink 4). No held-out NVLink
    all-to-all measurement was found; DeepEP's normal kernels (H800, 4,096 tokens) are compared in absolute
    bandwidth in docs/sizing.md.
  rdma (every other link): fit to deepseek-ai/DeepEP's low-latency kernels, EP16..256 across H800 nodes with CX7
    400 Gb/s InfiniBand (10 points, link 50 GB/s); held out: pplx-kernels' IBGDA kernels, EP16..128 at 1 and 128
    tokens (16 points, assumed on the same 50 GB/s NIC; the README names none).

Usage: scripts/fit-alltoall.py [--write]
Prints the fitted figures per class and the geometric mean and count within 15% on fit and held-out points, before
(archcalc's placeholder: 10 us, 0.75 of the link) and after. Grid: latency 0..200 us in 0.5 us steps, fraction
0.01..1.00.
"""
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DISPATCH, COMBINE = 8 * (7168 + 224), 8 * 14336       # bytes per token, top-8: fp8 + scales, bf16
LINK = {"nvlink": 450e9, "rdma": 50e9}
BEFORE = (10.0, 0.75)
DEEPEP = ("deepseek-ai/DeepEP README.md @ 0aaa674 (the same table in docs/legacy.md @ 0297fc8), low-latency kernels"
          " on H800 with CX7 400 Gb/s InfiniBand (~50 GB/s), 128 tokens per rank, hidden 7168, top-8, fp8 dispatch,"
          " bf16 combine")
PPLX = ("perplexityai/pplx-kernels README.md, Benchmark Results (as vendored in magnate3/linux-riscv-dev @ 65a0520,"
        " nccl/plugin/pplx-kernels/README.md); the table names no GPU or NIC; DeepSeek-V3 shapes assumed (hidden 7168,"
        " top-8, fp8 dispatch, bf16 combine), as its DeepEP comparison rows use")
DEEPEP_LL = {16: (118, 195), 32: (155, 273), 64: (173, 314), 128: (192, 369), 256: (194, 360)}
PPLX_IBGDA = {(1, "dispatch"): {128: 125.9, 64: 121.0, 32: 115.7, 16: 102.7},
              (1, "combine"): {128: 63.2, 64: 58.6, 32: 55.4, 16: 62.7},
              (128, "dispatch"): {128: 307.7, 64: 317.4, 32: 427.6, 16: 622.4},
              (128, "combine"): {128: 593.9, 64: 529.9, 32: 481.4, 16: 668.1}}
PPLX_NVLINK = {(1, "dispatch"): 41.6, (1, "combine"): 41.7, (128, "dispatch"): 83.6, (128, "combine"): 102.3}


def point(pid, cls, ranks, tokens, op, us, role, source):
    return {"id": pid, "kind": "alltoall", "link_class": cls, "link_bytes_per_s": LINK[cls], "ranks": ranks,
            "bytes": tokens * (DISPATCH if op == "dispatch" else COMBINE), "role": role, "measured_us": us,
            "source": source}


def points():
    out = []
    for (tokens, op), us in PPLX_NVLINK.items():
        out.append(point("pplx-nvlink-%s-ep8-tok%d" % (op, tokens), "nvlink", 8, tokens, op, us, "fit",
                         PPLX + ": NVLINK %s EP8, %d token(s) per GPU, %s us" % (op, tokens, us)))
    for ep, (d, c) in DEEPEP_LL.items():
        for op, us in (("dispatch", d), ("combine", c)):
            out.append(point("deepep-ll-%s-ep%d" % (op, ep), "rdma", ep, 128, op, us, "fit",
                             DEEPEP + ": %s EP%d %s us" % (op, ep, us)))
    for (tokens, op), row in PPLX_IBGDA.items():
        for ep, us in row.items():
            out.append(point("pplx-ibgda-%s-ep%d-tok%d" % (op, ep, tokens), "rdma", ep, tokens, op, us, "check",
                             PPLX + ": IBGDA %s EP%d, %d token(s) per GPU, %s us" % (op, ep, tokens, us)))
    return out


def predicted_us(p, latency_us, fraction):
    r = p["ranks"]
    return latency_us + (r - 1) / r * p["bytes"] / (p["link_bytes_per_s"] * fraction) * 1e6


def stats(ps, figures):
    if not ps:
        return "no points"
    r = [predicted_us(p, *figures) / p["measured_us"] for p in ps]
    return "%d points, geometric mean %.3f, %d within 15%%, ratios %.2f-%.2f" % (
        len(r), math.exp(sum(map(math.log, r)) / len(r)), sum(1 for x in r if abs(x - 1) <= 0.15), min(r), max(r))


def main():
    ps = points()
    if "--write" in sys.argv:
        path = os.path.join(ROOT, "scripts", "kernel-points.json")
        with open(path) as f:
            kept = [p for p in json.load(f) if p["kind"] != "alltoall"]
        with open(path, "w") as f:
            f.write("[\n" + ",\n".join("  " + json.dumps(p) for p in kept + ps) + "\n]\n")
    grid = [(i * 0.5, j * 0.01) for i in range(0, 401) for j in range(1, 101)]
    for cls in ("nvlink", "rdma"):
        fit = [p for p in ps if p["link_class"] == cls and p["role"] == "fit"]
        check = [p for p in ps if p["link_class"] == cls and p["role"] == "check"]
        figures = min(grid, key=lambda g: sum(math.log(predicted_us(p, *g) / p["measured_us"]) ** 2 for p in fit))
        print("%s: alltoall_latency %.1f us, alltoall_bandwidth %.2f of %.0f GB/s" % (
            cls, figures[0], figures[1], LINK[cls] / 1e9))
        print("  before (%.0f us, %.2f): fit %s; held out %s" % (BEFORE + (stats(fit, BEFORE), stats(check, BEFORE))))
        print("  after: fit %s; held out %s" % (stats(fit, figures), stats(check, figures)))


if __name__ == "__main__":
    main()
