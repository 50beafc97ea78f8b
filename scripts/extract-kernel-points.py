#!/usr/bin/env python3
"""Writes scripts/kernel-points.json: per-kernel silicon measurements on H100 (and H800) from public repositories.

Sources (each point names its repository, path and commit):
  microsoft/vidur data/profiling/compute/h100/<model>/mlp.csv: per-operator times (ms, median of repeats) of one
    transformer layer's weight GEMMs and elementwise kernels, fp16, by token count (M) and tensor-parallel degree,
    measured with CUDA timers on an H100 (kernel time only). Each elementwise point carries `width`, the elements
    per token of the tensor the operation works on, on one device (vidur/profiling/mlp/mlp_impl.py: RMSNorm and
    the residual add over hidden; rope over this rank's q and k heads; SiluAndMul over ffn / tp, reading 2 x that).
  microsoft/vidur data/profiling/network/h100_dgx/all_reduce.csv: NCCL all-reduce times on an H100 DGX (NVSwitch)
    by message bytes and ranks (torch.distributed, median over ranks and repeats).
  deepseek-ai/DeepGEMM README.md at commit 327ec92: fp8 dense GEMM TFLOPS per (M, N, K) on an H800 SXM (the
    H100 SXM's HBM3 3.35 TB/s and 1,979 TFLOPS dense fp8; only NVLink differs, which a GEMM does not use).

  Paged decode attention: vllm-project/flash-attention PR #63 (FlashInfer, batch 1) and Dao-AILab/flash-attention
    issue #1572 (FA3, batch 16), both H100, typed in below with their URLs.

Role: "fit" points may set a default; "check" points are held out (nothing was set from them). The vidur GEMMs of
Llama-2-7B and Llama-2-70B and elementwise kernels of Llama-2-7B and Llama-2-70B are fit points (the bf16 GEMM curves and gemm_size,
and elementwise_latency and elementwise_bandwidth, were fitted to them); CodeLlama-34B, Qwen-72B and InternLM-20B
are held out. A first fit on Llama-2-7B alone held out the other four models and did
worse on them (docs/sizing.md). PR #63's contexts 1k, 4k and 16k set attention_decode and its latency (fit); 2k,
8k and the FA3 points are checks. DeepGEMM, CUTLASS and all-reduce points are all checks. DeepGEMM's Speedup column gives its CUTLASS 3.6
baseline's time on the same shapes (check points): closer to the CUTLASS and cuBLAS fp8 GEMMs serving engines use.

The file also holds points this script does not extract (all-to-all times typed in by scripts/fit-alltoall.py,
tilelang fp8 GEMMs, anything whose source it does not own): they are kept, in their order, after the extracted
ones. A point is this script's when its source is microsoft/vidur or deepseek-ai/DeepGEMM or it is one of the
typed-in decode-attention points below (`owned`).

Usage:
  scripts/extract-kernel-points.py --write VIDUR_GIT_DIR DEEPGEMM_GIT_DIR   rewrite scripts/kernel-points.json
  scripts/extract-kernel-points.py --check VIDUR_GIT_DIR DEEPGEMM_GIT_DIR   exit 1 if a rewrite would drop a point
  scripts/extract-kernel-points.py VIDUR_GIT_DIR DEEPGEMM_GIT_DIR           print the rewritten file
  scripts/extract-kernel-points.py --self-test                              test the merge on the current file
(the git directories of clones of microsoft/vidur and deepseek-ai/DeepGEMM; files are read with git show). A
rewrite that would drop a point (one of this script's that it no longer extracts) is refused unless
--allow-drop is given. Do not redirect the output onto scripts/kernel-points.json: the shell empties the file
before it is read, and the points this script does not own would be lost (it refuses to read an empty file).
"""
import csv
import io
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POINTS = os.path.join(ROOT, "scripts", "kernel-points.json")

VIDUR_MODELS = ["meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-70b-hf", "codellama/CodeLlama-34b-Instruct-hf",
                "Qwen/Qwen-72B", "internlm/internlm-20b"]
TOKENS = [1, 8, 32, 64, 128, 256, 512, 1024, 2048, 4096]
GEMMS = {"attn_pre_proj": "qkv", "attn_post_proj": "o", "mlp_up_proj": "gate_up", "mlp_down_proj": "down"}
ELEMENTWISE = ["input_layernorm", "attn_rope", "mlp_act", "add"]
ALLREDUCE_BYTES = [16384, 131072, 1048576, 8388608, 67108864]
DEEPGEMM_COMMIT = "327ec92f6977e7fee022cb76a8f273b75483c3d8"
FIT_MODELS = {"Llama-2-7b-hf", "Llama-2-70b-hf"}
# Paged decode attention on H100 (bf16 KV, head dim 128): (id, KV bytes one kernel reads, measured us, role, source).
# bytes = batch x context x kv heads x 128 x 2 (K and V) x 2 bytes.
PR63 = ("vllm-project/flash-attention PR #63 (github.com/vllm-project/flash-attention/pull/63), description, 'Main'"
        " table: FlashInfer batch-1 decode, qwen32b-tp2 (4 KV heads per device), context %d: %s ms")
FA1572 = ("Dao-AILab/flash-attention issue #1572 (github.com/Dao-AILab/flash-attention/issues/1572), comment of"
          " 2025-04-11 on H100: FA3 paged decode with CUDA graph, batch 16, 32 KV heads, page size 8, seqlen %d: %s us")
ATTENTION = [(1024, 0.0123, "fit"), (2048, 0.0142, "check"), (4096, 0.0159, "fit"), (8192, 0.0188, "check"),
             (16384, 0.0251, "fit")]
FA3_BATCH16 = [(128, 27.6), (2000, 292.0), (4000, 567.2)]


def show(git_dir, rev, path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", rev + ":" + path], capture_output=True, text=True,
                          check=True).stdout


def head(git_dir):
    return subprocess.run(["git", "--git-dir", git_dir, "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()


def vidur_points(git_dir):
    commit = head(git_dir)
    points = []
    for model in VIDUR_MODELS:
        path = "data/profiling/compute/h100/%s/mlp.csv" % model
        seen = set()
        for row in csv.DictReader(io.StringIO(show(git_dir, commit, path))):
            m, tp = int(row["num_tokens"]), int(row["num_tensor_parallel_workers"])
            if m not in TOKENS or (m, tp) in seen:
                continue
            seen.add((m, tp))  # each (M, tp) is profiled twice; the first row is kept
            heads, kv, hidden = int(row["n_head"]), int(row["n_kv_head"]), int(row["n_embd"])
            ffn, gated = int(row["n_expanded_embd"]), row["use_gated_mlp"] == "True"
            hd = hidden // heads
            shapes = {"qkv": ((heads + 2 * kv) * hd // tp, hidden), "o": (hidden, heads * hd // tp),
                      "gate_up": ((2 if gated else 1) * ffn // tp, hidden), "down": (hidden, ffn // tp)}
            role = "fit" if model.split("/")[1] in FIT_MODELS else "check"
            name = model.split("/")[1]
            source = "microsoft/vidur %s @ %s" % (path, commit[:7])
            for column, gemm in GEMMS.items():
                n, k = shapes[gemm]
                points.append({"id": "%s-tp%d-%s-m%d" % (name, tp, gemm, m), "kind": "gemm", "dtype": "bf16",
                               "hardware": "h100-sxm", "m": m, "n": n, "k": k, "role": role,
                               "measured_us": round(float(row["time_stats.%s.median" % column]) * 1000, 3),
                               "source": source + " (fp16 " + column + ")"})
            # Elements per token of the tensor each operation works on, on one device: the norm and the residual
            # add see the whole hidden vector; rope this rank's q and k heads; the activation its share of the
            # feed-forward width (a gated one reads gate and up, 2 x that).
            widths = {"input_layernorm": hidden, "add": hidden, "attn_rope": (heads + kv) * hd // tp,
                      "mlp_act": ffn // tp}
            for column in ELEMENTWISE:
                extra = {"gated": gated} if column == "mlp_act" else {}
                points.append(dict({"id": "%s-tp%d-%s-m%d" % (name, tp, column, m), "kind": "elementwise",
                               "op": column, "hardware": "h100-sxm", "m": m, "hidden": hidden,
                               "width": widths[column]}, **extra, **{
                               "role": role,
                               "measured_us": round(float(row["time_stats.%s.median" % column]) * 1000, 3),
                               "source": source + " (" + column + ")"}))
    path = "data/profiling/network/h100_dgx/all_reduce.csv"
    for row in csv.DictReader(io.StringIO(show(git_dir, commit, path))):
        size = int(row["size"])
        if size in ALLREDUCE_BYTES:
            ranks = int(row["num_workers"])
            points.append({"id": "allreduce-%d-ranks-%d-bytes" % (ranks, size), "kind": "allreduce",
                           "hardware": "h100-sxm", "ranks": ranks, "bytes": size, "role": "check",
                           "measured_us": round(float(row["time_stats.all_reduce.median"]) * 1000, 3),
                           "source": "microsoft/vidur %s @ %s (NCCL via torch.distributed)" % (path, commit[:7])})
    return points


def deepgemm_points(git_dir):
    text = show(git_dir, DEEPGEMM_COMMIT, "README.md")
    points = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or not re.fullmatch(r"\d+", cells[0]):
            continue  # only the normal dense GEMM table has six columns
        m, n, k = int(cells[0]), int(cells[1]), int(cells[2])
        tflops = float(cells[3].split()[0])
        points.append({"id": "deepgemm-fp8-m%d-n%d-k%d" % (m, n, k), "kind": "gemm", "dtype": "fp8",
                       "hardware": "h100-sxm", "m": m, "n": n, "k": k, "role": "check",
                       "measured_us": round(2 * m * n * k / (tflops * 1e12) * 1e6, 3),
                       "source": "deepseek-ai/DeepGEMM README.md @ %s: %s TFLOPS on H800 SXM (time = 2 M N K /"
                                 " TFLOPS)" % (DEEPGEMM_COMMIT[:7], cells[3].split()[0])})
        speedup = float(cells[5].rstrip("x"))
        points.append({"id": "cutlass-fp8-m%d-n%d-k%d" % (m, n, k), "kind": "gemm", "dtype": "fp8",
                       "hardware": "h100-sxm", "m": m, "n": n, "k": k, "role": "check",
                       "measured_us": round(2 * m * n * k / (tflops * 1e12) * 1e6 * speedup, 3),
                       "source": "deepseek-ai/DeepGEMM README.md @ %s: its baseline, an optimised CUTLASS 3.6 fp8"
                                 " GEMM on H800 SXM, %s x DeepGEMM's time (the Speedup column)"
                                 % (DEEPGEMM_COMMIT[:7], cells[5])})
    return points


def attention_points():
    points = []
    for context, ms, role in ATTENTION:
        points.append({"id": "flashinfer-decode-b1-s%d" % context, "kind": "attention_decode", "hardware": "h100-sxm",
                       "bytes": context * 4 * 128 * 2 * 2, "role": role, "measured_us": round(ms * 1000, 3),
                       "source": PR63 % (context, ms)})
    for context, us in FA3_BATCH16:
        points.append({"id": "fa3-paged-decode-b16-s%d" % context, "kind": "attention_decode", "hardware": "h100-sxm",
                       "bytes": 16 * context * 32 * 128 * 2 * 2, "role": "check", "measured_us": us,
                       "source": FA1572 % (context, us)})
    return points


def owned(point):
    """Whether this script extracts `point` (and so replaces it on a rewrite); every other point is kept."""
    source = point.get("source", "")
    return (source.startswith(("microsoft/vidur", "deepseek-ai/DeepGEMM"))
            or point.get("id", "").startswith(("flashinfer-decode-", "fa3-paged-decode-")))


def merge(existing, extracted):
    """The extracted points, then every existing point this script does not own, in the file's order. Returns the
    merged list and the ids of existing points it drops (this script's points it no longer extracts)."""
    ids = {p["id"] for p in extracted}
    kept = [p for p in existing if not owned(p)]
    clash = [p["id"] for p in kept if p["id"] in ids]
    if clash:
        raise ValueError("extracted ids clash with points this script does not own: " + ", ".join(clash))
    dropped = [p["id"] for p in existing if owned(p) and p["id"] not in ids]
    return extracted + kept, dropped


def render(points):
    return "[\n" + ",\n".join("  " + json.dumps(p) for p in points) + "\n]\n"


def load_existing():
    with open(POINTS) as f:
        text = f.read()
    if not text.strip():
        sys.exit("scripts/kernel-points.json is empty (redirected onto itself?): restore it with git checkout and"
                 " use --write")
    return json.loads(text)


def self_test():
    existing = load_existing()
    mine = [p for p in existing if owned(p)]
    foreign = [p for p in existing if not owned(p)]
    assert foreign, "the file has no points this script does not own"
    kinds = {p["kind"] for p in foreign}
    assert "alltoall" in kinds, kinds
    merged, dropped = merge(existing, mine)
    assert not dropped, dropped
    assert sorted(p["id"] for p in merged) == sorted(p["id"] for p in existing)
    assert merged == mine + foreign
    # A point extraction no longer yields is reported; a foreign point is never dropped.
    merged, dropped = merge(existing, mine[1:])
    assert dropped == [mine[0]["id"]], dropped
    assert all(p in merged for p in foreign)
    extra = {"id": "typed-in-example", "kind": "gemm", "source": "someone/else README.md", "measured_us": 1.0}
    merged, dropped = merge(existing + [extra], mine)
    assert merged[-1] == extra and not dropped
    try:
        merge(existing, mine + [dict(foreign[0])])
        raise AssertionError("an id clash was not refused")
    except ValueError:
        pass
    print("self-test: ok (%d extracted, %d kept: %s)" % (len(mine), len(foreign), ", ".join(sorted(kinds))))


def main(argv):
    flags = [a for a in argv if a.startswith("--")]
    dirs = [a for a in argv if not a.startswith("--")]
    if "--self-test" in flags:
        return self_test()
    if len(dirs) != 2:
        sys.exit(__doc__)
    existing = load_existing()
    extracted = vidur_points(dirs[0]) + deepgemm_points(dirs[1]) + attention_points()
    merged, dropped = merge(existing, extracted)
    if dropped:
        print("would drop %d point(s) no longer extracted: %s" % (len(dropped), ", ".join(dropped)), file=sys.stderr)
    if "--check" in flags:
        old = {p["id"]: p for p in existing}
        changed = [p["id"] for p in merged if p["id"] in old and old[p["id"]] != p]
        added = [p["id"] for p in merged if p["id"] not in old]
        print("%d points: %d kept unowned, %d changed, %d added, %d dropped"
              % (len(merged), sum(1 for p in existing if not owned(p)), len(changed), len(added), len(dropped)))
        sys.exit(1 if dropped else 0)
    if dropped and "--allow-drop" not in flags:
        sys.exit(1)
    if "--write" in flags:
        with open(POINTS, "w") as f:
            f.write(render(merged))
    else:
        sys.stdout.write(render(merged))


if __name__ == "__main__":
    main(sys.argv[1:])
