#ifndef ARCHCALC_KERNELS_INT_DOT_H
#define ARCHCALC_KERNELS_INT_DOT_H

#include <stdint.h>

/// Integer dot-product rows of the int8 decode GEMV (x86_64 intrinsics; see Sources/Kernels/README.md).
///
/// y[r] = sum over groups g of scales[r * groups + g] * xscale[g] * sum_{i in g} q[r * k + i] * xq[i], for r in
/// [0, rows), where groups = k / group. `xq` is x quantised to int16 per group (|xq| <= 32767), `group` is a
/// multiple of 16 that divides k. The caller must have checked the CPU: the 512-bit function needs AVX-512
/// F/BW/VL and VNNI, the 256-bit one AVX2. On other architectures both return without writing (and
/// `archcalc_int_dot_compiled` is 0). `streams` 4 reads four rows at once, 1 one row at a time. With `group` 32
/// (straight-line steps of eight groups: clang compiles the generic per-group loop into code that reads at half of
/// memory speed), the four rows come one from each quarter of [0, rows), so the four read streams lie a quarter of
/// the matrix apart; other groups read four adjacent rows (one x load for four rows). See Sources/Kernels/README.md.

/// 1 where the x86_64 paths below were compiled, else 0.
int archcalc_int_dot_compiled(void);

/// 512-bit `vpmovsxbw` + `vpdpwssd` (AVX-512 VNNI).
void archcalc_int8_rows_vnni512(long rows, long k, long group, const int8_t *q, const float *scales,
                                const int16_t *xq, const float *xscale, float *y, long streams);

/// 256-bit `vpmovsxbw` + `vpmaddwd` + `vpaddd` (AVX2).
void archcalc_int8_rows_avx2(long rows, long k, long group, const int8_t *q, const float *scales,
                             const int16_t *xq, const float *xscale, float *y, long streams);

#endif
