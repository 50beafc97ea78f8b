#!/usr/bin/env python3
"""Writes scripts/kernel-points.json: per-kernel silicon measurements on H100 (and H800) from public repositories.

Sources (each point names its repository, path and commit):
  microsoft/vidur data/profiling/compute/h100/<model>/mlp.csv: per-operator times (ms, median of repeats) of one
    transformer layer's weight GEMMs and elementwise kernels, fp16, by token count (M) and tensor-parallel degree,
    measured with CUDA timers on an H100 (kernel time only).
  microsoft/vidur data/profiling/network/h100_dgx/all_reduce.csv: NCCL all-reduce times on an H100 DGX (NVSwitch)
    by message bytes and ranks (torch.distributed, median over ranks and repeats).
  deepseek-ai/DeepGEMM README.md at commit 327ec92: fp8 dense GEMM TFLOPS per (M, N, K) on an H800 SXM (the
    H100 SXM's HBM3 3.35 TB/s and 1,979 TFLOPS dense fp8; only NVLink differs, which a GEMM does not use).

Role: "fit" points may set a default; "check" points are held out (nothing was set from them). Llama-2-7B's
vidur rows and DeepGEMM's M = 64 and M = 4096 rows are fit points; every other model, and DeepGEMM's M = 128
rows, are check points; all-reduce points are all checks. DeepGEMM's Speedup column gives its CUTLASS 3.6
baseline's time on the same shapes (check points): closer to the CUTLASS and cuBLAS fp8 GEMMs serving engines use.

Usage: scripts/extract-kernel-points.py VIDUR_GIT_DIR DEEPGEMM_GIT_DIR > scripts/kernel-points.json
(the git directories of clones of microsoft/vidur and deepseek-ai/DeepGEMM; files are read with git show).
"""
import csv
import io
import json
import re
import subprocess
import sys

VIDUR_MODELS = ["meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-70b-hf", "codellama/CodeLlama-34b-Instruct-hf",
                "Qwen/Qwen-72B", "internlm/internlm-20b"]
TOKENS = [1, 8, 32, 64, 128, 256, 512, 1024, 2048, 4096]
GEMMS = {"attn_pre_proj": "qkv", "attn_post_proj": "o", "mlp_up_proj": "gate_up", "mlp_down_proj": "down"}
ELEMENTWISE = ["input_layernorm", "attn_rope", "mlp_act", "add"]
ALLREDUCE_BYTES = [16384, 131072, 1048576, 8388608, 67108864]
DEEPGEMM_COMMIT = "327ec92f6977e7fee022cb76a8f273b75483c3d8"


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
            role = "fit" if model.endswith("Llama-2-7b-hf") else "check"
            name = model.split("/")[1]
            source = "microsoft/vidur %s @ %s" % (path, commit[:7])
            for column, gemm in GEMMS.items():
                n, k = shapes[gemm]
                points.append({"id": "%s-tp%d-%s-m%d" % (name, tp, gemm, m), "kind": "gemm", "dtype": "bf16",
                               "hardware": "h100-sxm", "m": m, "n": n, "k": k, "role": role,
                               "measured_us": round(float(row["time_stats.%s.median" % column]) * 1000, 3),
                               "source": source + " (fp16 " + column + ")"})
            for column in ELEMENTWISE:
                points.append({"id": "%s-tp%d-%s-m%d" % (name, tp, column, m), "kind": "elementwise",
                               "op": column, "hardware": "h100-sxm", "m": m, "hidden": hidden,
                               "role": role,
                               "measured_us": round(float(row["time_stats.%s.median" % column]) * 1000, 3),
                               "source": source + " (" + column + ")"})
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
                       "hardware": "h100-sxm", "m": m, "n": n, "k": k, "role": "check" if m == 128 else "fit",
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


if __name__ == "__main__":
    points = vidur_points(sys.argv[1]) + deepgemm_points(sys.argv[2])
    print("[")
    print(",\n".join("  " + json.dumps(p) for p in points))
    print("]")
