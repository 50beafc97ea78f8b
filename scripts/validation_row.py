"""Formats one `archcalc validate --format json` report (stdin) as a Markdown table row; notes go to stderr."""
import json
import sys

d = json.load(sys.stdin)
p, q = d["prefill"], d["decode"]


def ms(v):
    return f"{v * 1e3:.1f} ms"


cells = [d["spec"], f"{d['parameters'] / 1e6:.0f} M", str(d["context"]),
         ms(p["predicted_s"]), ms(p["measured_s"]), f"{p['error'] * 100:+.1f}%",
         ms(q["predicted_s"]), ms(q["measured_s"]), f"{q['error'] * 100:+.1f}%",
         f"{d['other_cores']['prefill']:.2f} / {d['other_cores']['decode']:.2f}"]
print("| " + " | ".join(cells) + " |")
for note in d["notes"]:
    print(f"note ({d['spec']}): {note}", file=sys.stderr)
