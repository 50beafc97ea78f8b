#!/usr/bin/env python3
"""Fits the elementwise-kernel step-time figures (elementwise_latency, elementwise_bandwidth) to measured kernels.

Reads scripts/kernel-points.json (see scripts/extract-kernel-points.py), takes the elementwise points (vidur's
input_layernorm, attn_rope, mlp_act and add on H100, fp16, M = 1..4096, TP 1/2/4/8) of the fit models, and
minimises the mean squared log ratio predicted / measured over a grid of latency (0..10 us, 0.05 us steps) and
bandwidth fraction (0.10..1.00, 0.01 steps). It prices a point as the step model prices one elementwise kernel
of M tokens (KernelTimes.elementwise): max(latency + 3 M hidden x 2 bytes / (3.35 TB/s x fraction), 3 us floor).
The step model does not tell the four operations apart (a norm, rope, activation and residual add are each one
kernel of M x hidden), so the fit is of that generic kernel; StepTimeKernelBenchmarkTests checks the Swift model on
the same points.

Usage: scripts/fit-elementwise.py [--fit-models Llama-2-7b-hf,Llama-2-70b-hf]
Prints the fitted figures and the geometric mean and count within 15% on the fit and held-out models, before
(0 us latency, fraction 0.80) and after, overall and per operation.
"""
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANDWIDTH, FLOOR = 3.35e12, 3e-6   # h100-sxm HBM3 bandwidth; kernel_floor
BEFORE = (0.0, 0.80)               # StepTimeDefaults.swift before this fit: no latency, fraction 0.80


def predicted_us(p, latency_us, fraction):
    seconds = latency_us * 1e-6 + 3 * p["m"] * p["hidden"] * 2 / (BANDWIDTH * fraction)
    return max(seconds, FLOOR) * 1e6


def loss(points, latency_us, fraction):
    return sum(math.log(predicted_us(p, latency_us, fraction) / p["measured_us"]) ** 2 for p in points)


def stats(points, latency_us, fraction):
    r = [predicted_us(p, latency_us, fraction) / p["measured_us"] for p in points]
    return "%d points, geometric mean %.3f, %d within 15%%" % (
        len(r), math.exp(sum(map(math.log, r)) / len(r)), sum(1 for x in r if abs(x - 1) <= 0.15))


def model_of(p):
    return p["id"].split("-tp")[0]


def main():
    fit_models = {"Llama-2-7b-hf", "Llama-2-70b-hf"}
    if len(sys.argv) == 3 and sys.argv[1] == "--fit-models":
        fit_models = set(sys.argv[2].split(","))
    with open(os.path.join(ROOT, "scripts", "kernel-points.json")) as f:
        points = [p for p in json.load(f) if p["kind"] == "elementwise"]
    fit = [p for p in points if model_of(p) in fit_models]
    held = [p for p in points if model_of(p) not in fit_models]
    grid = [(i * 0.05, j * 0.01) for i in range(0, 201) for j in range(10, 101)]
    latency, fraction = min(grid, key=lambda g: loss(fit, *g))
    print("fit models: %s" % ", ".join(sorted(fit_models)))
    print("elementwise_latency %.2f us, elementwise_bandwidth %.2f" % (latency, fraction))
    for name, figures in (("before", BEFORE), ("after", (latency, fraction))):
        print("%s: fit %s; held out %s" % (name, stats(fit, *figures), stats(held, *figures)))
    for op in sorted({p["op"] for p in points}):
        print("  after, %s: fit %s; held out %s" % (
            op, stats([p for p in fit if p["op"] == op], latency, fraction),
            stats([p for p in held if p["op"] == op], latency, fraction)))


if __name__ == "__main__":
    main()
