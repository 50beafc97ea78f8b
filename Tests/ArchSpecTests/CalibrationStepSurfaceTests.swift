import Testing
@testable import ArchSpec

/// The step surface: the monotone fit, interpolation and extrapolation worked by hand, and bad grids refused.
@Suite struct CalibrationStepSurfaceTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func exactOnEveryGridPointOfMonotoneData() throws {
        let batches = [1, 2, 8], sizes = [16, 64, 256, 1024]
        let times = [0.010, 0.030, 0.100, 0.400,
                     0.012, 0.031, 0.150, 0.500,
                     0.020, 0.090, 0.300, 0.900]
        let s = try StepSurface(batches: batches, sizes: sizes, seconds: times)
        #expect(s.fitted == times)
        for (b, batch) in batches.enumerated() {
            for (j, size) in sizes.enumerated() {
                let e = s.estimate(batch: batch, size: size)
                #expect(close(e?.seconds, times[b * 4 + j]) && e?.extrapolated == false, "\(batch) \(size)")
            }
        }
    }

    @Test func isotonicFitPoolsViolatorsByHand() throws {
        // Row [1, 3, 2]: 3 > 2 pool to 2.5. Weighted [1, 1, 3]: (3·1 + 2·3) / 4 = 2.25.
        #expect(StepSurface.isotonic([1, 3, 2], weights: nil) == [1, 2.5, 2.5])
        #expect(StepSurface.isotonic([1, 3, 2], weights: [1, 1, 3]) == [1, 2.25, 2.25])
        // [4, 3, 2, 5]: 4,3 pool to 3.5; then 2 pools all three to 3; 5 stays.
        #expect(StepSurface.isotonic([4, 3, 2, 5], weights: nil) == [3, 3, 3, 5])
        // Across batches a running maximum: row 2 [0.5, 4, 5] below row 1 [1, 2, 3] at size 1 becomes [1, 4, 5].
        let s = try StepSurface(batches: [1, 2], sizes: [1, 2, 4], seconds: [1, 2, 3, 0.5, 4, 5])
        #expect(s.fitted == [1, 2, 3, 1, 4, 5])
    }

    @Test func interpolatesInLogSpaceByHand() throws {
        // One row: 1 s at 16 tokens, 4 s at 64. At 32 (halfway in log2): 2^(0.5·0 + 0.5·2) = 2 s.
        let row = try StepSurface(batches: [1], sizes: [16, 64], seconds: [1, 4])
        #expect(close(row.estimate(batch: 1, size: 32)?.seconds, 2))
        // At 48: t = log2(3) / 2, 2^(2t) = 3 s (time linear in tokens is reproduced exactly in log-log).
        #expect(close(row.estimate(batch: 1, size: 48)?.seconds, 3, 1e-12))
        // Two rows [1, 4] and [4, 16] at batches 1 and 4: at (2, 32) the rows give log2 1 and 3; halfway: 2^2 = 4 s.
        let grid = try StepSurface(batches: [1, 4], sizes: [16, 64], seconds: [1, 4, 4, 16])
        #expect(close(grid.estimate(batch: 2, size: 32)?.seconds, 4))
    }

    @Test func extrapolatesSizesWithinFourTimesAndNeverBatches() throws {
        let row = try StepSurface(batches: [1], sizes: [16, 64], seconds: [1, 4])  // slope 1 in log-log
        let above = row.estimate(batch: 1, size: 128)
        #expect(close(above?.seconds, 8) && above?.extrapolated == true)
        #expect(close(row.estimate(batch: 1, size: 256)?.seconds, 16))
        #expect(row.estimate(batch: 1, size: 257) == nil)
        #expect(close(row.estimate(batch: 1, size: 4)?.seconds, 0.25))
        #expect(row.estimate(batch: 1, size: 3) == nil)
        #expect(row.estimate(batch: 2, size: 16) == nil && row.estimate(batch: 0, size: 16) == nil)
        // Rows with different edge slopes continue with the steepest (here 2, from row 2), so they cannot cross.
        let grid = try StepSurface(batches: [1, 2], sizes: [1, 2], seconds: [1, 4, 4.5, 18])
        #expect(close(grid.estimate(batch: 1, size: 4)?.seconds, 16) && close(grid.estimate(batch: 2, size: 4)?.seconds, 72))
        // One size: only that size.
        let single = try StepSurface(batches: [1], sizes: [64], seconds: [2])
        #expect(close(single.estimate(batch: 1, size: 64)?.seconds, 2) && single.estimate(batch: 1, size: 65) == nil)
    }

    @Test func monotoneEverywhereOnNoisyGrids() throws {
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let batches = [1, 2, 4, 16], sizes = [8, 32, 128, 512, 2048]
        for _ in 0..<20 {
            let times = batches.flatMap { b in sizes.map { Double($0 * b) * 1e-4 * (0.5 + next()) } }
            let s = try StepSurface(batches: batches, sizes: sizes, seconds: times)
            let probeSizes = stride(from: 2, through: 8192, by: 7).map { $0 }
            for batch in 1...16 {
                var previous = 0.0
                for size in probeSizes {
                    guard let e = s.estimate(batch: batch, size: size) else { continue }
                    #expect(e.seconds >= previous * (1 - 1e-12), "size \(size) batch \(batch)")
                    previous = e.seconds
                    if batch > 1, let lower = s.estimate(batch: batch - 1, size: size) {
                        #expect(e.seconds >= lower.seconds * (1 - 1e-12), "batch \(batch) size \(size)")
                    }
                }
            }
        }
    }

    @Test(arguments: [
        ([Int](), [16], [Double]()), ([1], [], []), ([1], [64, 16], [1, 2]), ([1], [16, 16], [1, 2]),
        ([0], [16], [1]), ([1], [16, 64], [1]), ([1], [16], [.nan]), ([1], [16], [-1]), ([1], [16], [0]),
        ([1], [16], [.infinity]), ([2, 1], [16], [1, 2]),
    ])
    func badGridsAreRefused(batches: [Int], sizes: [Int], seconds: [Double]) {
        #expect(throws: CalibrationError.self) { try StepSurface(batches: batches, sizes: sizes, seconds: seconds) }
    }

    @Test func badWeightsAndOversizedAxesAreRefused() {
        #expect(throws: CalibrationError.self) { try StepSurface(batches: [1], sizes: [16], seconds: [1], weights: [0]) }
        #expect(throws: CalibrationError.self) { try StepSurface(batches: [1], sizes: [16], seconds: [1], weights: [1, 1]) }
        let long = Array(1...65)
        #expect(throws: CalibrationError.self) {
            try StepSurface(batches: [1], sizes: long, seconds: long.map(Double.init))
        }
        var plan = StepPlan(prefillTokens: [64, 16], decodeContexts: [8], rounds: 1, budgetSeconds: 1, retries: 0)
        #expect(throws: CalibrationError.self) { try plan.check() }
        plan.prefillTokens = [16]
        plan.budgetSeconds = 0
        #expect(throws: CalibrationError.self) { try plan.check() }
    }

    @Test func dispersionByHand() {
        // [1..5]: p10 = 1 + 0.4 = 1.4, p50 = 3, p90 = 4.6; deviations [2, 1, 0, 1, 2]: MAD 1.
        let d = Dispersion([5, 1, 4, 2, 3])
        #expect(close(d.p10, 1.4) && d.p50 == 3 && close(d.p90, 4.6) && d.mad == 1 && d.count == 5)
        #expect(close(d.relative, 3.2 / 3))
        let one = Dispersion([2])
        #expect(one.p10 == 2 && one.p90 == 2 && one.mad == 0 && one.relative == 0)
        #expect(Dispersion([]).count == 0 && Dispersion([]).relative == 0)
    }

    @Test func noisyHostIsSaidPlainly() {
        let steady = Dispersion([1.00, 1.01, 1.02, 1.00, 1.01]), noisy = Dispersion([1.0, 1.3, 1.0, 1.2, 0.9])
        let ok = AccuracyVerdict.judge(prefill: steady, decode: steady, prefillClean: true, prefillOthers: 0, drift: nil)
        #expect(ok.trustworthy && ok.statement == nil && ok.reasons.isEmpty)
        let bad = AccuracyVerdict.judge(prefill: noisy, decode: steady, prefillClean: false, prefillOthers: 1.25, drift: noisy)
        #expect(!bad.trustworthy && bad.reasons.count == 3)
        // noisy: sorted [0.9, 1.0, 1.0, 1.2, 1.3]: p10 0.94, p90 1.26, p50 1.0: 32.0%.
        #expect(bad.statement == "host too noisy: prefill dispersion 32.0% > 10.0%; no prefill ran free of other processes "
                + "(1.25 cores busy); the drift probe moved 32.0% > 10.0% while the step surface was measured; "
                + "error not reported as accuracy")
    }
}
