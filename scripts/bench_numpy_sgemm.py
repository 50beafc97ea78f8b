"""Times numpy's sgemm (its bundled OpenBLAS) on x[M,K] @ W[N,K].T, the layout archcalc's probe uses.

Usage: python3 bench_numpy_sgemm.py M N K THREADS
       python3 bench_numpy_sgemm.py --info THREADS    (which OpenBLAS kernel set runs, via threadpoolctl)
Prints: gemm:M,N,K <median FLOP/s> <best FLOP/s>  (one warm-up dropped; at least 7 samples and 0.3 s).
The weight is at least 4x a 32 MiB last-level cache for M=1 (rotating copies), so M=1 streams from memory.
"""
import sys
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

if sys.argv[1] == "--info":
    with threadpool_limits(limits=int(sys.argv[2]), user_api="blas"):
        for pool in threadpool_info():
            if pool.get("user_api") == "blas":
                print(f"{pool['internal_api']} {pool['version']} kernel={pool.get('architecture')} "
                      f"threads={pool['num_threads']} threading={pool.get('threading_layer')}")
    sys.exit(0)

m, n, k, threads = (int(v) for v in sys.argv[1:5])
rng = np.random.default_rng(0)
x = rng.standard_normal((m, k), dtype=np.float32)
copies = max(1, (128 << 20) // (4 * n * k) + 1) if m <= 16 else 1
ws = [rng.standard_normal((n, k), dtype=np.float32) for _ in range(copies)]
out = np.empty((m, n), dtype=np.float32)
with threadpool_limits(limits=threads, user_api="blas"):
    np.matmul(x, ws[0].T, out=out)
    samples = []
    start = time.perf_counter()
    i = 0
    while len(samples) < 7 or time.perf_counter() - start < 0.3:
        w = ws[i % copies]
        i += 1
        t0 = time.perf_counter()
        np.matmul(x, w.T, out=out)
        samples.append(time.perf_counter() - t0)
samples.sort()
flops = 2.0 * m * n * k
print(f"gemm:{m},{n},{k} {flops / samples[len(samples) // 2]:.6e} {flops / samples[0]:.6e} {float(out[0, 0]):.3f}")
