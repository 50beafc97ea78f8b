"""Formats `archcalc validate --format json` reports as Markdown rows for scripts/validate-specs.sh.

  --header                          the per-run table's header
  --run N --window W --load L --log FILE   one report (stdin) as a row; appends it to FILE; notes go to stderr
  --summary FILE                    per spec over the logged runs: median and worst error of each model
The host-speed columns: the step surface's drift probe (an fp32 GEMV over the embedding matrix) timed again by
validate, as now / at calibrate, and the surface's decode error with its prediction scaled by that ratio (the raw
errors stay in their own columns; prefill is not scaled: the probe measures memory streaming, not arithmetic).
Errors in parentheses are runs whose measurements were too noisy to read as accuracy (validate's verdict).
"""
import argparse
import json
import statistics
import sys


def ms(v):
    return f"{v * 1e3:.1f} ms" if v is not None else "-"


def pct(e, trusted=True):
    if e is None:
        return "-"
    text = f"{e * 100:+.1f}%"
    return text if trusted else f"({text})"


def surface(d, phase):
    s = d.get("step_surface") or {}
    return s.get(phase) or {}


def host_speed(d):
    """The drift probe timed again by validate (ratio now / calibrate) and the decode scaled by it, or {}."""
    return (d.get("step_surface") or {}).get("host_speed") or {}


def ratio(d):
    r = host_speed(d).get("ratio")
    return f"{r:.3f}" if r is not None else "-"


a = argparse.ArgumentParser()
a.add_argument("--header", action="store_true")
a.add_argument("--run")
a.add_argument("--window", default="")
a.add_argument("--load", default="")
a.add_argument("--log")
a.add_argument("--summary")
args = a.parse_args()

if args.header:
    print("| spec | run | window (UTC) | load | prefill kernel-level / step surface / measured | error | "
          "decode/step kernel-level / step surface / measured | error | host-speed ratio | decode step surface "
          "host-speed adjusted | dispersion prefill / decode | other cores |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
elif args.summary:
    runs = {}
    for line in open(args.summary):
        d = json.loads(line)
        runs.setdefault(d.get("model", d.get("spec")), []).append(d)
    print("| spec | runs | trusted runs | prefill error kernel-level median [worst] | step surface median [worst] | "
          "decode error kernel-level median [worst] | step surface median [worst] | host-speed ratio median | "
          "decode step surface host-speed adjusted median [worst] | median dispersion prefill / decode |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for spec, ds in runs.items():
        def stat(values):
            values = [v for v in values if v is not None]
            if not values:
                return "-"
            worst = max(values, key=abs)
            return f"{statistics.median(values) * 100:+.1f}% [{worst * 100:+.1f}%]"
        cells = [spec, str(len(ds)), str(sum(1 for d in ds if d["accuracy"]["trustworthy"])),
                 stat([d["prefill"]["error"] for d in ds]), stat([surface(d, "prefill").get("error") for d in ds]),
                 stat([d["decode"]["error"] for d in ds]), stat([surface(d, "decode").get("error") for d in ds]),
                 (lambda rs: f"{statistics.median(rs):.3f}" if rs else "-")(
                     [host_speed(d)["ratio"] for d in ds if host_speed(d).get("ratio") is not None]),
                 stat([(host_speed(d).get("decode_adjusted") or {}).get("error") for d in ds]),
                 f"{statistics.median(d['dispersion']['prefill']['relative'] for d in ds) * 100:.1f}% / "
                 f"{statistics.median(d['dispersion']['decode']['relative'] for d in ds) * 100:.1f}%"]
        print("| " + " | ".join(cells) + " |")
else:
    d = json.load(sys.stdin)
    if args.log:
        with open(args.log, "a") as f:
            f.write(json.dumps(d) + "\n")
    ok = d["accuracy"]["trustworthy"]
    p, q = d["prefill"], d["decode"]
    sp, sq = surface(d, "prefill"), surface(d, "decode")
    disp = d["dispersion"]
    cells = [d.get("model", d.get("spec")), args.run or "1", args.window, args.load,
             f"{ms(p['predicted_s'])} / {ms(sp.get('predicted_s'))} / {ms(p['measured_s'])}",
             f"{pct(p['error'], ok)} / {pct(sp.get('error'), ok)}",
             f"{ms(q['predicted_s'])} / {ms(sq.get('predicted_s'))} / {ms(q['measured_s'])}",
             f"{pct(q['error'], ok)} / {pct(sq.get('error'), ok)}",
             ratio(d), pct((host_speed(d).get("decode_adjusted") or {}).get("error"), ok),
             f"{disp['prefill']['relative'] * 100:.1f}% / {disp['decode']['relative'] * 100:.1f}%",
             f"{d['other_cores']['prefill']:.2f} / {d['other_cores']['decode']:.2f}"]
    print("| " + " | ".join(cells) + " |")
    for note in d["notes"] + d["accuracy"]["reasons"]:
        print(f"note ({d.get('model', d.get('spec'))}): {note}", file=sys.stderr)
