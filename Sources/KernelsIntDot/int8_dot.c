// Integer dot-product rows for the int8 decode GEMV. Swift cannot express `vpmaddwd` / `vpdpwssd` (its generic
// SIMD widening of Int8 to Int16 lowers to a library call, and no pattern of Swift SIMD operations selects the
// pairwise multiply-add), so these few loops are C intrinsics behind `__attribute__((target(...)))`; the Swift
// side checks the CPU flags before calling them.
#include "KernelsIntDot.h"

#if defined(__x86_64__)
#include <immintrin.h>

int archcalc_int_dot_compiled(void) { return 1; }

#define VNNI512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni")))
#define AVX2 __attribute__((target("avx2,fma")))

/// Combined scales for up to 16 groups from g0: out[j] = scales[g0 + j] * xscale[g0 + j].
VNNI512 static inline void combine512(const float *scales, const float *xscale, long g0, long count, float *out) {
    const __mmask16 m = (__mmask16)((1u << count) - 1u);
    _mm512_storeu_ps(out, _mm512_mul_ps(_mm512_maskz_loadu_ps(m, scales + g0), _mm512_maskz_loadu_ps(m, xscale + g0)));
}

/// int32 lanes of one group of `group` weights (a multiple of 16) against int16 x.
VNNI512 static inline __m512i group512(const int8_t *q, const int16_t *x, long group) {
    __m512i acc = _mm512_setzero_si512();
    long i = 0;
    for (; i + 32 <= group; i += 32) {
        __m512i w = _mm512_cvtepi8_epi16(_mm256_loadu_si256((const __m256i *)(q + i)));
        acc = _mm512_dpwssd_epi32(acc, w, _mm512_loadu_si512((const void *)(x + i)));
    }
    if (i < group) {  // 16 left
        __m256i w = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(q + i)));
        __m256i d = _mm256_dpwssd_epi32(_mm256_setzero_si256(), w, _mm256_loadu_si256((const __m256i *)(x + i)));
        acc = _mm512_add_epi32(acc, _mm512_zextsi256_si512(d));
    }
    return acc;
}

/// Group 32 for either instruction set: with `streams` 4, four rows at a time from the four quarters of
/// [0, rows) through `x4`, then the remaining rows one by one through `one`; returns from the caller.
#define ARCHCALC_ROWS32(x4, one)                                                                                  \
    if (group == 32) {                                                                                           \
        long r = 0;                                                                                              \
        if (streams >= 4) {                                                                                      \
            const long per = rows / 4;                                                                           \
            for (long i = 0; i < per; i++) {                                                                     \
                const int8_t *qs[4];                                                                             \
                const float *ss[4];                                                                              \
                float out[4];                                                                                    \
                for (int p = 0; p < 4; p++) {                                                                    \
                    qs[p] = q + (p * per + i) * k;                                                               \
                    ss[p] = scales + (p * per + i) * groups;                                                     \
                }                                                                                                \
                x4(groups, qs, ss, xq, xscale, out);                                                             \
                for (int p = 0; p < 4; p++) y[p * per + i] = out[p];                                             \
            }                                                                                                    \
            r = 4 * per;                                                                                         \
        }                                                                                                        \
        for (; r < rows; r++) y[r] = one(groups, q + r * k, scales + r * groups, xq, xscale);                    \
        return;                                                                                                  \
    }

/// Group j of a step of eight groups of row `qr` (from offset o): its int32 lanes to fp32, times its combined scale
/// (lane j of `c`), into f. Uses o and xq from the enclosing scope.
#define ARCHCALC_STEP512(qr, c, j, f)                                                                             \
    {                                                                                                            \
        const __m512i w = _mm512_cvtepi8_epi16(_mm256_loadu_si256((const __m256i *)((qr) + o + 32 * (j))));      \
        const __m512i a = _mm512_dpwssd_epi32(_mm512_setzero_si512(), w,                                         \
                                              _mm512_loadu_si512((const void *)(xq + o + 32 * (j))));            \
        f = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a), _mm512_permutexvar_ps(_mm512_set1_epi32(j), c), f);           \
    }
/// The eight groups of one step of row `qr` into two chains.
#define ARCHCALC_EIGHT512(qr, c, fa, fb)                                                                          \
    ARCHCALC_STEP512(qr, c, 0, fa) ARCHCALC_STEP512(qr, c, 1, fb) ARCHCALC_STEP512(qr, c, 2, fa)                  \
    ARCHCALC_STEP512(qr, c, 3, fb) ARCHCALC_STEP512(qr, c, 4, fa) ARCHCALC_STEP512(qr, c, 5, fb)                  \
    ARCHCALC_STEP512(qr, c, 6, fa) ARCHCALC_STEP512(qr, c, 7, fb)

/// One row with group == 32 (the probe's and the common quantisers' group): eight groups per step with their
/// combined scales in one vector, four float chains, no inner loop. clang compiles the generic path's per-group loop
/// into branchy code that reaches half of memory speed on Zen 4; this straight-line step reads at memory speed.
VNNI512 static inline float row32_512(long groups, const int8_t *q0, const float *s0, const int16_t *xq,
                                      const float *xscale) {
    __m512 f0 = _mm512_setzero_ps(), f1 = f0, f2 = f0, f3 = f0;
    long g = 0;
    for (; g + 8 <= groups; g += 8) {
        const long o = g * 32;
        const __m512 c = _mm512_castps256_ps512(_mm256_mul_ps(_mm256_loadu_ps(s0 + g), _mm256_loadu_ps(xscale + g)));
        ARCHCALC_STEP512(q0, c, 0, f0) ARCHCALC_STEP512(q0, c, 1, f1) ARCHCALC_STEP512(q0, c, 2, f2)
        ARCHCALC_STEP512(q0, c, 3, f3) ARCHCALC_STEP512(q0, c, 4, f0) ARCHCALC_STEP512(q0, c, 5, f1)
        ARCHCALC_STEP512(q0, c, 6, f2) ARCHCALC_STEP512(q0, c, 7, f3)
    }
    for (; g < groups; g++) {
        const long o = g * 32;
        const __m512i w = _mm512_cvtepi8_epi16(_mm256_loadu_si256((const __m256i *)(q0 + o)));
        const __m512i a = _mm512_dpwssd_epi32(_mm512_setzero_si512(), w, _mm512_loadu_si512((const void *)(xq + o)));
        f0 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a), _mm512_set1_ps(s0[g] * xscale[g]), f0);
    }
    return _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(f0, f1), _mm512_add_ps(f2, f3)));
}

/// Four rows with group == 32, one from each quarter of the caller's rows: four read streams a quarter of the matrix
/// apart. (Four adjacent rows are four streams one row apart, 4 KiB for K = 4096, which on Zen 4 read slower than one
/// stream; streams far apart read faster than one. See Sources/Kernels/README.md.)
VNNI512 static inline void rows32x4_512(long groups, const int8_t *const qs[4], const float *const ss[4],
                                        const int16_t *xq, const float *xscale, float out[4]) {
    // Named accumulators, not arrays: clang keeps arrays of vectors on the stack across the step.
    const int8_t *q0 = qs[0], *q1 = qs[1], *q2 = qs[2], *q3 = qs[3];
    __m512 a0 = _mm512_setzero_ps(), b0 = a0, a1 = a0, b1 = a0, a2 = a0, b2 = a0, a3 = a0, b3 = a0;
    long g = 0;
    for (; g + 8 <= groups; g += 8) {
        const long o = g * 32;
        const __m256 xs = _mm256_loadu_ps(xscale + g);
        const __m512 c0 = _mm512_castps256_ps512(_mm256_mul_ps(_mm256_loadu_ps(ss[0] + g), xs));
        const __m512 c1 = _mm512_castps256_ps512(_mm256_mul_ps(_mm256_loadu_ps(ss[1] + g), xs));
        const __m512 c2 = _mm512_castps256_ps512(_mm256_mul_ps(_mm256_loadu_ps(ss[2] + g), xs));
        const __m512 c3 = _mm512_castps256_ps512(_mm256_mul_ps(_mm256_loadu_ps(ss[3] + g), xs));
        ARCHCALC_EIGHT512(q0, c0, a0, b0)
        ARCHCALC_EIGHT512(q1, c1, a1, b1)
        ARCHCALC_EIGHT512(q2, c2, a2, b2)
        ARCHCALC_EIGHT512(q3, c3, a3, b3)
    }
    float partial[4] = {_mm512_reduce_add_ps(_mm512_add_ps(a0, b0)), _mm512_reduce_add_ps(_mm512_add_ps(a1, b1)),
                        _mm512_reduce_add_ps(_mm512_add_ps(a2, b2)), _mm512_reduce_add_ps(_mm512_add_ps(a3, b3))};
    for (int p = 0; p < 4; p++) {
        __m512 f = _mm512_setzero_ps();
        for (long t = g; t < groups; t++) {
            const long o = t * 32;
            const __m512i w = _mm512_cvtepi8_epi16(_mm256_loadu_si256((const __m256i *)(qs[p] + o)));
            const __m512i a = _mm512_dpwssd_epi32(_mm512_setzero_si512(), w, _mm512_loadu_si512((const void *)(xq + o)));
            f = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a), _mm512_set1_ps(ss[p][t] * xscale[t]), f);
        }
        out[p] = partial[p] + _mm512_reduce_add_ps(f);
    }
}

VNNI512 void archcalc_int8_rows_vnni512(long rows, long k, long group, const int8_t *q, const float *scales,
                                        const int16_t *xq, const float *xscale, float *y, long streams) {
    const long groups = k / group;
    ARCHCALC_ROWS32(rows32x4_512, row32_512)
    float cs[4][16];
    long r = 0;
    for (; streams >= 4 && r + 4 <= rows; r += 4) {
        const int8_t *q0 = q + r * k, *q1 = q0 + k, *q2 = q1 + k, *q3 = q2 + k;
        const float *s0 = scales + r * groups;
        __m512 f0 = _mm512_setzero_ps(), f1 = f0, f2 = f0, f3 = f0;
        for (long g0 = 0; g0 < groups; g0 += 16) {
            const long count = groups - g0 < 16 ? groups - g0 : 16;
            combine512(s0, xscale, g0, count, cs[0]);
            combine512(s0 + groups, xscale, g0, count, cs[1]);
            combine512(s0 + 2 * groups, xscale, g0, count, cs[2]);
            combine512(s0 + 3 * groups, xscale, g0, count, cs[3]);
            for (long j = 0; j < count; j++) {
                const long o = (g0 + j) * group;
                const __m512i a0 = group512(q0 + o, xq + o, group), a1 = group512(q1 + o, xq + o, group);
                const __m512i a2 = group512(q2 + o, xq + o, group), a3 = group512(q3 + o, xq + o, group);
                f0 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a0), _mm512_set1_ps(cs[0][j]), f0);
                f1 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a1), _mm512_set1_ps(cs[1][j]), f1);
                f2 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a2), _mm512_set1_ps(cs[2][j]), f2);
                f3 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a3), _mm512_set1_ps(cs[3][j]), f3);
            }
        }
        y[r] = _mm512_reduce_add_ps(f0);
        y[r + 1] = _mm512_reduce_add_ps(f1);
        y[r + 2] = _mm512_reduce_add_ps(f2);
        y[r + 3] = _mm512_reduce_add_ps(f3);
    }
    for (; r < rows; r++) {
        const int8_t *q0 = q + r * k;
        const float *s0 = scales + r * groups;
        __m512 f0 = _mm512_setzero_ps(), f1 = f0;  // two chains: the FMA latency stays off the memory's path
        long g = 0;
        for (; g + 2 <= groups; g += 2) {
            const long o = g * group, p = o + group;
            f0 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(group512(q0 + o, xq + o, group)),
                                 _mm512_set1_ps(s0[g] * xscale[g]), f0);
            f1 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(group512(q0 + p, xq + p, group)),
                                 _mm512_set1_ps(s0[g + 1] * xscale[g + 1]), f1);
        }
        if (g < groups) {
            const long o = g * group;
            f0 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(group512(q0 + o, xq + o, group)),
                                 _mm512_set1_ps(s0[g] * xscale[g]), f0);
        }
        y[r] = _mm512_reduce_add_ps(_mm512_add_ps(f0, f1));
    }
}

/// int32 lanes of one group of `group` weights (a multiple of 16) against int16 x, 16 weights per step.
AVX2 static inline __m256i group256(const int8_t *q, const int16_t *x, long group) {
    __m256i acc = _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)q)),
                                    _mm256_loadu_si256((const __m256i *)x));
    for (long i = 16; i < group; i += 16) {
        __m256i w = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(q + i)));
        acc = _mm256_add_epi32(acc, _mm256_madd_epi16(w, _mm256_loadu_si256((const __m256i *)(x + i))));
    }
    return acc;
}

AVX2 static inline float sum256(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/// Combined scales for 8 groups from g0 (the caller pads past the end): out[j] = scales[g0+j] * xscale[g0+j].
AVX2 static inline void combine256(const float *scales, const float *xscale, long g0, long count, float *out) {
    for (long j = 0; j < count; j++) out[j] = scales[g0 + j] * xscale[g0 + j];
}

/// As `ARCHCALC_STEP512`, 256 bits: two `vpmaddwd` per group.
#define ARCHCALC_STEP256(qr, c, j, f)                                                                             \
    {                                                                                                            \
        const int8_t *qj = (qr) + o + 32 * (j);                                                                    \
        const int16_t *xj = xq + o + 32 * (j);                                                                   \
        const __m256i lo = _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)qj)),         \
                                             _mm256_loadu_si256((const __m256i *)xj));                           \
        const __m256i hi = _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(qj + 16))),  \
                                             _mm256_loadu_si256((const __m256i *)(xj + 16)));                    \
        f = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(lo, hi)),                                        \
                            _mm256_permutevar8x32_ps(c, _mm256_set1_epi32(j)), f);                               \
    }

/// One row with group == 32, as `row32_512`: eight groups per step, two `vpmaddwd` per group.
AVX2 static inline float row32_256(long groups, const int8_t *q0, const float *s0, const int16_t *xq,
                                   const float *xscale) {
    __m256 f0 = _mm256_setzero_ps(), f1 = f0, f2 = f0, f3 = f0;
    long g = 0;
    for (; g + 8 <= groups; g += 8) {
        const long o = g * 32;
        const __m256 c = _mm256_mul_ps(_mm256_loadu_ps(s0 + g), _mm256_loadu_ps(xscale + g));
        ARCHCALC_STEP256(q0, c, 0, f0) ARCHCALC_STEP256(q0, c, 1, f1) ARCHCALC_STEP256(q0, c, 2, f2)
        ARCHCALC_STEP256(q0, c, 3, f3) ARCHCALC_STEP256(q0, c, 4, f0) ARCHCALC_STEP256(q0, c, 5, f1)
        ARCHCALC_STEP256(q0, c, 6, f2) ARCHCALC_STEP256(q0, c, 7, f3)
    }
    for (; g < groups; g++) {
        const long o = g * 32;
        f0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(group256(q0 + o, xq + o, 32)), _mm256_set1_ps(s0[g] * xscale[g]), f0);
    }
    return sum256(_mm256_add_ps(_mm256_add_ps(f0, f1), _mm256_add_ps(f2, f3)));
}

/// Four rows with group == 32 from the four quarters of the caller's rows, as `rows32x4_512`.
AVX2 static inline void rows32x4_256(long groups, const int8_t *const qs[4], const float *const ss[4],
                                     const int16_t *xq, const float *xscale, float out[4]) {
    const int8_t *q0 = qs[0], *q1 = qs[1], *q2 = qs[2], *q3 = qs[3];
    __m256 f0 = _mm256_setzero_ps(), f1 = f0, f2 = f0, f3 = f0;
    long g = 0;
    for (; g + 8 <= groups; g += 8) {
        const long o = g * 32;
        const __m256 xs = _mm256_loadu_ps(xscale + g);
        const __m256 c0 = _mm256_mul_ps(_mm256_loadu_ps(ss[0] + g), xs), c1 = _mm256_mul_ps(_mm256_loadu_ps(ss[1] + g), xs);
        const __m256 c2 = _mm256_mul_ps(_mm256_loadu_ps(ss[2] + g), xs), c3 = _mm256_mul_ps(_mm256_loadu_ps(ss[3] + g), xs);
        for (int j = 0; j < 8; j++) {
            ARCHCALC_STEP256(q0, c0, j, f0) ARCHCALC_STEP256(q1, c1, j, f1)
            ARCHCALC_STEP256(q2, c2, j, f2) ARCHCALC_STEP256(q3, c3, j, f3)
        }
    }
    float partial[4] = {sum256(f0), sum256(f1), sum256(f2), sum256(f3)};
    for (int p = 0; p < 4; p++) {
        __m256 f = _mm256_setzero_ps();
        for (long t = g; t < groups; t++) {
            const long o = t * 32;
            f = _mm256_fmadd_ps(_mm256_cvtepi32_ps(group256(qs[p] + o, xq + o, 32)), _mm256_set1_ps(ss[p][t] * xscale[t]), f);
        }
        out[p] = partial[p] + sum256(f);
    }
}

AVX2 void archcalc_int8_rows_avx2(long rows, long k, long group, const int8_t *q, const float *scales,
                                  const int16_t *xq, const float *xscale, float *y, long streams) {
    const long groups = k / group;
    ARCHCALC_ROWS32(rows32x4_256, row32_256)
    float cs[4][16];
    long r = 0;
    for (; streams >= 4 && r + 4 <= rows; r += 4) {
        const int8_t *q0 = q + r * k, *q1 = q0 + k, *q2 = q1 + k, *q3 = q2 + k;
        const float *s0 = scales + r * groups;
        __m256 f0 = _mm256_setzero_ps(), f1 = f0, f2 = f0, f3 = f0;
        for (long g0 = 0; g0 < groups; g0 += 16) {
            const long count = groups - g0 < 16 ? groups - g0 : 16;
            combine256(s0, xscale, g0, count, cs[0]);
            combine256(s0 + groups, xscale, g0, count, cs[1]);
            combine256(s0 + 2 * groups, xscale, g0, count, cs[2]);
            combine256(s0 + 3 * groups, xscale, g0, count, cs[3]);
            for (long j = 0; j < count; j++) {
                const long o = (g0 + j) * group;
                const __m256i a0 = group256(q0 + o, xq + o, group), a1 = group256(q1 + o, xq + o, group);
                const __m256i a2 = group256(q2 + o, xq + o, group), a3 = group256(q3 + o, xq + o, group);
                f0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(a0), _mm256_set1_ps(cs[0][j]), f0);
                f1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(a1), _mm256_set1_ps(cs[1][j]), f1);
                f2 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(a2), _mm256_set1_ps(cs[2][j]), f2);
                f3 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(a3), _mm256_set1_ps(cs[3][j]), f3);
            }
        }
        y[r] = sum256(f0);
        y[r + 1] = sum256(f1);
        y[r + 2] = sum256(f2);
        y[r + 3] = sum256(f3);
    }
    for (; r < rows; r++) {
        const int8_t *q0 = q + r * k;
        const float *s0 = scales + r * groups;
        __m256 f0 = _mm256_setzero_ps(), f1 = f0;
        long g = 0;
        for (; g + 2 <= groups; g += 2) {
            const long o = g * group, p = o + group;
            f0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(group256(q0 + o, xq + o, group)),
                                 _mm256_set1_ps(s0[g] * xscale[g]), f0);
            f1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(group256(q0 + p, xq + p, group)),
                                 _mm256_set1_ps(s0[g + 1] * xscale[g + 1]), f1);
        }
        if (g < groups) {
            const long o = g * group;
            f0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(group256(q0 + o, xq + o, group)),
                                 _mm256_set1_ps(s0[g] * xscale[g]), f0);
        }
        y[r] = sum256(_mm256_add_ps(f0, f1));
    }
}

#else

int archcalc_int_dot_compiled(void) { return 0; }
void archcalc_int8_rows_vnni512(long rows, long k, long group, const int8_t *q, const float *scales,
                                const int16_t *xq, const float *xscale, float *y, long streams) {}
void archcalc_int8_rows_avx2(long rows, long k, long group, const int8_t *q, const float *scales,
                             const int16_t *xq, const float *xscale, float *y, long streams) {}

#endif
