#!/usr/bin/env python3
"""Holds archcalc's step-time model against published measured step times.

Each point in scripts/steptime-points.json names its source. For each, the script runs
`archcalc size ... --format json` and compares:
  prefill    -> prefill.seconds at context = input, batch = batch (time to first token)
  decode     -> decode.seconds_per_token at context = input + output / 2 (mid-generation), batch = batch
  end_to_end -> prefill(input) + (output - 1) x decode(input + output / 2)

Points are "fit" (the step-time defaults marked "fitted" were set against them) or "check" (held out: added
after the fit, nothing tuned to them); the summary reports both groups.

--engine adds each engine's host time per step (ENGINE_OVERHEAD, sourced below) through a temporary hardware
profile whose step_time.step_overhead is that figure; without it the kernel sum is compared (step_overhead 0).

Usage: scripts/bench-steptime.py [--binary PATH] [--timing step|roofline] [--engine] [--markdown]
       scripts/bench-steptime.py --self-test   (checks the arithmetic below on hand-worked numbers)
"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# Host time per step outside kernels, by engine, with its source. Engines without a published figure get none.
ENGINE_OVERHEAD = {
    "vLLM": (0.004, "vllm-project/vllm issue #6854 (RFC: multi-step scheduling, July 2024, vLLM v0.5): the GPU"
                    " idles about 4 ms per decode step (Nsight trace) while the host returns sampled tokens,"
                    " builds outputs, schedules and prepares the next step's inputs"),
}


def engine_profile(binary, hardware, engine, directory):
    """A hardware profile file: the built-in `hardware` with the engine's step overhead, or None."""
    if engine not in ENGINE_OVERHEAD:
        return None
    seconds, source = ENGINE_OVERHEAD[engine]
    shown = subprocess.run([binary, "hardware", "show", hardware, "--format", "yaml"], capture_output=True,
                           text=True, check=True).stdout
    path = os.path.join(directory, hardware + "-" + engine + ".yaml")
    with open(path, "w") as f:
        f.write(shown.rstrip("\n") + "\nstep_time:\n  step_overhead: {value: %r, source: %s}\n"
                % (seconds, json.dumps(source)))
    return path


def decode_context(point):
    return point["input"] + point["output"] // 2


def predicted_ms(quantity, prefill_s, decode_s, output):
    """The published quantity from archcalc's prefill and decode-step seconds, in milliseconds."""
    if quantity == "prefill":
        return prefill_s * 1000
    if quantity == "decode":
        return decode_s * 1000
    if quantity == "end_to_end":
        return (prefill_s + (output - 1) * decode_s) * 1000
    raise ValueError("unknown quantity " + quantity)


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def summary(ratios):
    """Geometric mean of predicted/measured, worst absolute error, and how many lie within 15%."""
    within = sum(1 for r in ratios if abs(r - 1) <= 0.15)
    worst = max(abs(r - 1) for r in ratios)
    return geomean(ratios), worst, within


def self_test():
    assert predicted_ms("prefill", 0.081, 0.0099, 128) == 81.0
    assert abs(predicted_ms("end_to_end", 0.010, 0.006, 128) - (10 + 127 * 6)) < 1e-9
    assert abs(geomean([0.5, 2.0]) - 1.0) < 1e-12
    g, worst, within = summary([0.9, 1.1, 1.2])
    assert abs(g - (0.9 * 1.1 * 1.2) ** (1 / 3)) < 1e-12 and abs(worst - 0.2) < 1e-12 and within == 2
    assert decode_context({"input": 2048, "output": 128}) == 2112
    print("self-test: ok")


def size(binary, spec, hardware, tp, dtype, batch, context, timing):
    args = [binary, "size", os.path.join(ROOT, "specs", spec + ".yaml"), "--hardware", hardware,
            "--gpus", str(tp), "--tp", str(tp), "--context", str(context), "--batch", str(batch),
            "--timing", timing, "--format", "json"]
    if dtype == "fp8":
        args += ["--weights-dtype", "fp8", "--kv-dtype", "fp8"]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit("archcalc failed: " + " ".join(args) + "\n" + out.stderr)
    return json.loads(out.stdout)


def main(argv):
    if "--self-test" in argv:
        return self_test()
    binary = os.path.join(ROOT, ".build", "debug", "archcalc")
    timing = "step"
    if "--binary" in argv:
        binary = argv[argv.index("--binary") + 1]
    if "--timing" in argv:
        timing = argv[argv.index("--timing") + 1]
    points = json.load(open(os.path.join(ROOT, "scripts", "steptime-points.json")))
    engine = "--engine" in argv
    directory = tempfile.mkdtemp(prefix="bench-steptime-")
    try:
        report(binary, timing, engine, directory, points, argv)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def report(binary, timing, engine, directory, points, argv):
    rows, ratios, by_engine, by_role = [], [], {}, {}
    for p in points:
        hardware = (engine and engine_profile(binary, p["hardware"], p.get("engine", ""), directory)) or p["hardware"]
        first = size(binary, p["spec"], hardware, p["tp"], p["dtype"], p["batch"], p["input"], timing)
        mid = size(binary, p["spec"], hardware, p["tp"], p["dtype"], p["batch"], decode_context(p), timing)
        ms = predicted_ms(p["quantity"], first["prefill"]["seconds"], mid["decode"]["seconds_per_token"], p["output"])
        ratio = ms / p["measured_ms"]
        ratios.append(ratio)
        by_engine.setdefault(p.get("engine", "unknown"), []).append(ratio)
        by_role.setdefault(p.get("role", "fit"), []).append(ratio)
        rows.append((p["id"], p.get("role", "fit"), p["quantity"], p["measured_ms"], ms, ratio))
    g, worst, within = summary(ratios)
    if "--markdown" in argv:
        print("| point | role | quantity | measured ms | predicted ms | predicted / measured |")
        print("|---|---|---|---:|---:|---:|")
        for r in rows:
            print("| %s | %s | %s | %.2f | %.2f | %.3f |" % r)
    else:
        for r in rows:
            print("%-38s %-5s %-10s measured %9.2f ms  predicted %9.2f ms  ratio %.3f" % r)
    print("timing %s%s: %d points, geometric mean %.3f, worst |error| %.1f%%, %d within 15%%"
          % (timing, ", engine overhead" if engine else "", len(rows), g, worst * 100, within))
    for role in sorted(by_role):
        rg, rworst, rwithin = summary(by_role[role])
        print("  %s points: %d, geometric mean %.3f, worst |error| %.1f%%, %d within 15%%"
              % (role, len(by_role[role]), rg, rworst * 100, rwithin))
    for engine in sorted(by_engine):
        eg, eworst, ewithin = summary(by_engine[engine])
        print("  %s: %d points, geometric mean %.3f, worst |error| %.1f%%, %d within 15%%"
              % (engine, len(by_engine[engine]), eg, eworst * 100, ewithin))


if __name__ == "__main__":
    main(sys.argv[1:])
