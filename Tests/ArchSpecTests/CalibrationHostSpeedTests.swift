import Testing
@testable import ArchSpec

/// The drift probe timed again by `validate`: the host-speed ratio, the decode step scaled by it (prefill never),
/// and the verdict when the host moved between calibrate and validate.
@Suite struct CalibrationHostSpeedTests {
    func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-12 * max(1, abs(b))
    }

    @Test func ratioScalesTheDecodePredictionByHand() throws {
        // Probe 10 ms at calibrate, [8.0, 9.0, 8.5] ms now: median 8.5 ms, ratio 0.85 (the host streams faster
        // now). Surface decode 60 ms against 50 ms measured (+20% raw) becomes 51 ms: +2%.
        let decode = PhaseComparison(predicted: 0.060, measured: 0.050)
        let h = try #require(HostSpeedComparison.make(calibrated: 0.010, samples: [0.008, 0.009, 0.0085], decode: decode))
        #expect(close(h.now, 0.0085) && close(h.ratio, 0.85))
        #expect(close(h.decodeAdjusted?.predicted, 0.051) && close(h.decodeAdjusted?.measured, 0.050))
        #expect(close(h.decodeAdjusted?.error, 0.02))
        #expect(close(decode.error, 0.2))  // the raw comparison is left as it was
        // Slower now: ratio 1.25 raises the prediction.
        let slow = try #require(HostSpeedComparison.make(calibrated: 0.008, samples: [0.010], decode: decode))
        #expect(close(slow.ratio, 1.25) && close(slow.decodeAdjusted?.predicted, 0.075))
        // No decode prediction: the ratio without an adjusted figure.
        #expect(HostSpeedComparison.make(calibrated: 0.01, samples: [0.01], decode: nil)?.decodeAdjusted == nil)
    }

    @Test func nothingToCompareGivesNone() {
        #expect(HostSpeedComparison.make(calibrated: 0.01, samples: [], decode: nil) == nil)
        #expect(HostSpeedComparison.make(calibrated: 0, samples: [0.01], decode: nil) == nil)
        #expect(HostSpeedComparison.make(calibrated: .nan, samples: [0.01], decode: nil) == nil)
        #expect(HostSpeedComparison.make(calibrated: 0.01, samples: [.nan, -1, .infinity], decode: nil) == nil)
        // Bad samples are dropped, good ones kept.
        #expect(HostSpeedComparison.make(calibrated: 0.01, samples: [.nan, 0.02], decode: nil)?.samples == [0.02])
    }

    @Test func theVerdictSaysWhenTheHostMovedSinceCalibrate() {
        let steady = Dispersion([1.00, 1.01, 1.02, 1.00, 1.01])
        func judge(_ ratio: Double?) -> AccuracyVerdict {
            AccuracyVerdict.judge(prefill: steady, decode: steady, prefillClean: true, prefillOthers: 0, drift: steady,
                                  hostSpeedRatio: ratio)
        }
        #expect(judge(nil).trustworthy && judge(1.05).trustworthy && judge(0.95).trustworthy)
        #expect(judge(1.2).reasons == ["the drift probe runs 20.0% slower now than while the step surface was measured (> 10.0%)"])
        #expect(judge(0.8).reasons == ["the drift probe runs 20.0% faster now than while the step surface was measured (> 10.0%)"])
        #expect(!judge(0.8).trustworthy)
    }

    @Test func validateTimesTheProbeAfterEachPrefillAndScalesDecode() throws {
        // The synthetic profile's rates moved to 1 thread, plus a step surface of the tiny spec at 1 thread.
        var profile = CalibrationProfileTests.syntheticProfile()
        profile.gemm = profile.gemm.map { var g = $0; g.threads = 1; return g }
        let steps = try CalibrationStepSamplerTests.profile(rounds: 2)
        profile.stepSurfaces = [steps]
        let report = try Validator.run(spec: CalibrationStepSamplerTests.spec, profile: profile, context: 16, decodeSteps: 4,
                                       threads: 1)
        let surface = try #require(report.stepSurface)
        let speed = try #require(surface.hostSpeed)
        #expect(speed.calibrated == steps.sentinel.dispersion.p50)
        // One probe per timed prefill: at least every kept one, at most the six attempts.
        #expect(speed.samples.count >= report.prefillSamples.count && speed.samples.count <= 6 && speed.samples.allSatisfy { $0 > 0 })
        let decode = try #require(surface.decode), adjusted = try #require(speed.decodeAdjusted)
        #expect(close(adjusted.predicted, decode.predicted * speed.ratio) && adjusted.measured == decode.measured)
        // Without a surface at the run's thread count nothing is timed or reported.
        profile.stepSurfaces = []
        let none = try Validator.run(spec: CalibrationStepSamplerTests.spec, profile: profile, context: 16, decodeSteps: 4, threads: 1)
        #expect(none.stepSurface == nil)
    }
}
