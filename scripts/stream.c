/* A plain STREAM-style triad (a = b + s*c) as the reference for archcalc's bandwidth probe.
 * Build: gcc -O3 -march=native -fopenmp stream.c -o stream
 * Usage: stream ARRAY_BYTES NTIMES   (threads from OMP_NUM_THREADS)
 * Prints: triad <median GB/s> <best GB/s>, counting 24 bytes per element like STREAM (first iteration dropped). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <omp.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int main(int argc, char **argv) {
    long bytes = argc > 1 ? atol(argv[1]) : 134217728L;
    int ntimes = argc > 2 ? atoi(argv[2]) : 20;
    long n = bytes / 8;
    double *a = aligned_alloc(64, n * 8), *b = aligned_alloc(64, n * 8), *c = aligned_alloc(64, n * 8);
    double *t = malloc(sizeof(double) * ntimes), s = 3.0;
#pragma omp parallel for
    for (long i = 0; i < n; i++) { a[i] = 1.0; b[i] = 2.0; c[i] = 0.5; }
    for (int k = 0; k < ntimes; k++) {
        double t0 = now();
#pragma omp parallel for
        for (long i = 0; i < n; i++) a[i] = b[i] + s * c[i];
        t[k] = now() - t0;
    }
    qsort(t + 1, ntimes - 1, sizeof(double), cmp);
    double work = 24.0 * n;
    printf("triad %.6e %.6e check=%g\n", work / t[1 + (ntimes - 1) / 2], work / t[1], a[n / 2]);
    return 0;
}
