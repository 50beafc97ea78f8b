"""Times numpy's sgemm (its bundled OpenBLAS) on x[M,K] @ W[N,K].T, the layout archcalc's probe uses.

Usage: OPENBLAS_NUM_THREADS=T python3 bench_numpy_sgemm.py M N K
Prints: gemm:M,N,K <median FLOP/s> <best FLOP/s>  (one warm-up dropped; at least 7 samples and 0.3 s).
"""
import sys
import time

import numpy as np

m, n, k = (int(v) for v in sys.argv[1:4])
rng = np.random.default_rng(0)
x = rng.standard_normal((m, k), dtype=np.float32)
w = rng.standard_normal((n, k), dtype=np.float32)
out = np.empty((m, n), dtype=np.float32)
np.matmul(x, w.T, out=out)
samples = []
start = time.perf_counter()
while len(samples) < 7 or time.perf_counter() - start < 0.3:
    t0 = time.perf_counter()
    np.matmul(x, w.T, out=out)
    samples.append(time.perf_counter() - t0)
samples.sort()
flops = 2.0 * m * n * k
print(f"gemm:{m},{n},{k} {flops / samples[len(samples) // 2]:.6e} {flops / samples[0]:.6e} {float(out[0, 0]):.3f}")
