#!/usr/bin/env python3
"""Generate a synthetic spec repository for the lint benchmark.

Usage: scripts/gen-lint-corpus.py DIR COUNT [--seed N]

Writes COUNT archspec YAML files (about 30 lines each, with comments, like the files in specs/) into
DIR/specs/NNNN/, 100 per directory, plus one non-spec YAML file per directory (skipped by the linter).
Sizes are drawn from real model shapes; about one file in ten carries a deliberate problem (unpadded vocab,
kv_heads that do not divide heads, an unknown key) so the rules produce findings. Deterministic for a seed.
"""
import os
import random
import sys

SHAPES = [  # hidden, layers, heads, kv_heads, intermediate, vocab, context
    (4096, 32, 32, 8, 14336, 128256, 8192),
    (4096, 32, 32, 32, 11008, 32000, 4096),
    (8192, 80, 64, 8, 28672, 128256, 8192),
    (3584, 28, 28, 4, 18944, 152064, 32768),
    (3072, 32, 32, 32, 8192, 32064, 4096),
    (2048, 24, 16, 16, 5504, 151936, 32768),
    (5120, 40, 40, 40, 13824, 32000, 4096),
]
PROBLEMS = ["vocab", "kv", "unknown", "tp"]


def spec(index, rng):
    hidden, layers, heads, kv, inter, vocab, context = rng.choice(SHAPES)
    problem = rng.choice(PROBLEMS) if index % 10 == 0 else None
    if problem == "vocab":
        vocab += 1
    if problem == "kv":
        kv = heads // 2 + 1
    lines = [
        f"# Synthetic spec {index} for the lint benchmark (scripts/gen-lint-corpus.py).",
        f"# shape: hidden {hidden}, layers {layers}, heads {heads}/{kv}.",
        "archspec: 1",
        f"name: synthetic-{index:05d}",
        f"vocab_size: {vocab}",
        f"hidden_size: {hidden}",
        f"layers: {layers}",
        f"context_length: {context}",
        "dtype: bf16",
        f"tie_embeddings: {'true' if index % 3 == 0 else 'false'}",
        "attention:",
        f"  heads: {heads}",
        f"  kv_heads: {kv}",
        "  qkv_bias: false",
        "  out_bias: false",
        "mlp:",
        "  kind: gated",
        f"  intermediate_size: {inter}",
        "  activation: silu",
        "  bias: false",
        "norm:",
        "  kind: rmsnorm",
        "  bias: false",
        "position:",
        "  kind: rope",
        f"  rope_theta: {rng.choice([10000, 500000, 1000000])}",
    ]
    if problem == "unknown":
        lines.append("num_hidden_layers: 32")
    if problem == "tp":
        lines += ["parallelism:", "  tensor: 3"]
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root, count = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--seed" else 1
    rng = random.Random(seed)
    for index in range(count):
        directory = os.path.join(root, "specs", f"{index // 100:04d}")
        if index % 100 == 0:
            os.makedirs(directory, exist_ok=True)
            with open(os.path.join(directory, "workflow.yml"), "w") as handle:
                handle.write("name: not-a-spec\non: [push]\njobs: {}\n")
        with open(os.path.join(directory, f"spec-{index:05d}.yaml"), "w") as handle:
            handle.write(spec(index, rng))


if __name__ == "__main__":
    main()
