#!/usr/bin/env python3
"""Fits the elementwise-kernel step-time figures (elementwise_latency, elementwise_bandwidth) to measured kernels.

Reads scripts/kernel-points.json (see scripts/extract-kernel-points.py), takes the elementwise points (vidur's
input_layernorm, attn_rope, mlp_act and add on H100, fp16, M = 1..4096, TP 1/2/4/8) of the fit models, and
minimises the mean squared log ratio predicted / measured over a grid of latency (0..10 us, 0.05 us steps) and
bandwidth fraction (0.10..1.00, 0.01 steps). It prices a point as the step model prices that operation
(ElementwiseKernel): max(latency + passes x M x width x 2 bytes / (3.35 TB/s x fraction), 3 us floor), where width
is the point's elements per token on one device (kernel-points.json: hidden for the norm and the add, this rank's q
and k heads for rope, ffn / tp for the activation) and passes are the operation's reads plus writes: RMSNorm 3
(reads its input twice, writes once), rope 2 (q and k in place), gated activation 3, residual add 3.
StepTimeKernelBenchmarkTests checks the Swift model on the same points.

Usage: scripts/fit-elementwise.py [--fit-models Llama-2-7b-hf,Llama-2-70b-hf] [--per-op] [--floor US]
--per-op also fits a latency and fraction per operation: the profile's step_time.elementwise_ops (norm from
input_layernorm, rope from attn_rope, activation from mlp_act, residual_add from add; vidur times no fused add +
norm, so add_norm keeps elementwise_latency and elementwise_bandwidth). --floor sets the kernel floor the points are
priced with (default 3 us, kernel_floor's default), to show what the floor costs the fit.
Prints the fitted figures and the geometric mean and count within 15% on the fit and held-out models, before
(every operation 3 x hidden) and after, overall and per operation.
"""
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANDWIDTH, FLOOR = 3.35e12, 3e-6   # h100-sxm HBM3 bandwidth; kernel_floor
BEFORE = (1.4, 0.83)               # StepTimeDefaults.swift before this fit (every operation priced as 3 x hidden)
PASSES = {"input_layernorm": 3, "attn_rope": 2, "add": 3}


def passes(p):
    return PASSES.get(p["op"], 3 if p.get("gated") else 2)


def predicted_us(p, latency_us, fraction):
    seconds = latency_us * 1e-6 + passes(p) * p["m"] * p["width"] * 2 / (BANDWIDTH * fraction)
    return max(seconds, FLOOR) * 1e6


def generic_us(p, latency_us, fraction):
    """The pricing before per-operation widths: every operation one kernel of 3 x M x hidden x 2 bytes."""
    return max(latency_us * 1e-6 + 3 * p["m"] * p["hidden"] * 2 / (BANDWIDTH * fraction), FLOOR) * 1e6


def loss(points, latency_us, fraction):
    return sum(math.log(predicted_us(p, latency_us, fraction) / p["measured_us"]) ** 2 for p in points)


def stats(points, latency_us, fraction, price=predicted_us):
    r = [price(p, latency_us, fraction) / p["measured_us"] for p in points]
    return "%d points, geometric mean %.3f, %d within 15%%" % (
        len(r), math.exp(sum(map(math.log, r)) / len(r)), sum(1 for x in r if abs(x - 1) <= 0.15))


def model_of(p):
    return p["id"].split("-tp")[0]


def main():
    fit_models = {"Llama-2-7b-hf", "Llama-2-70b-hf"}
    global FLOOR
    if "--floor" in sys.argv[1:-1]:
        FLOOR = float(sys.argv[sys.argv.index("--floor") + 1]) * 1e-6
    if "--fit-models" in sys.argv[1:-1]:
        fit_models = set(sys.argv[sys.argv.index("--fit-models") + 1].split(","))
    with open(os.path.join(ROOT, "scripts", "kernel-points.json")) as f:
        points = [p for p in json.load(f) if p["kind"] == "elementwise"]
    fit = [p for p in points if model_of(p) in fit_models]
    held = [p for p in points if model_of(p) not in fit_models]
    grid = [(i * 0.05, j * 0.01) for i in range(0, 201) for j in range(10, 101)]
    latency, fraction = min(grid, key=lambda g: loss(fit, *g))
    print("fit models: %s" % ", ".join(sorted(fit_models)))
    print("elementwise_latency %.2f us, elementwise_bandwidth %.2f" % (latency, fraction))
    print("before (every operation 3 x hidden, %.2f us, %.2f): fit %s; held out %s" % (
        BEFORE + (stats(fit, *BEFORE, price=generic_us), stats(held, *BEFORE, price=generic_us))))
    print("after: fit %s; held out %s" % (stats(fit, latency, fraction), stats(held, latency, fraction)))
    for op in sorted({p["op"] for p in points}):
        print("  before, %s: held out %s" % (op, stats([p for p in held if p["op"] == op], *BEFORE, price=generic_us)))
        print("  after, %s: fit %s; held out %s" % (
            op, stats([p for p in fit if p["op"] == op], latency, fraction),
            stats([p for p in held if p["op"] == op], latency, fraction)))
    if "--per-op" in sys.argv:
        figures = {op: min(grid, key=lambda g: loss([p for p in fit if p["op"] == op], *g))
                   for op in sorted({p["op"] for p in points})}
        fit_ratios = [predicted_us(p, *figures[p["op"]]) / p["measured_us"] for p in fit]
        ratios = [predicted_us(p, *figures[p["op"]]) / p["measured_us"] for p in held]
        print("elementwise_ops (floor %.2f us): %s" % (FLOOR * 1e6, ", ".join(
            "%s %.2f us %.2f" % (op, *g) for op, g in figures.items())))
        for op, g in figures.items():
            print("  %s: fit %s; held out %s" % (op, stats([p for p in fit if p["op"] == op], *g),
                                                 stats([p for p in held if p["op"] == op], *g)))
        for name, r in (("fit", fit_ratios), ("held out", ratios)):
            print("per operation, %s: %d points, geometric mean %.3f, %d within 15%%" % (
                name, len(r), math.exp(sum(map(math.log, r)) / len(r)), sum(1 for x in r if abs(x - 1) <= 0.15)))


if __name__ == "__main__":
    main()
