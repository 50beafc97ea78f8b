import Foundation
import Testing
@testable import ArchSpec

/// `size --format json` carries each phase's step terms under `--timing step` (what the per-kernel comparisons
/// read) and leaves them out under the roofline.
@Suite struct StepTimeJSONTests {
    static func decode(_ timing: TimingModel) throws -> [String: Any] {
        let spec = SizingFixtures.llama31_8b
        var request = SizingRequest(context: 2048, batch: 8)
        request.timing = timing
        let result = try Sizer.size(spec, on: SizingFixtures.hardware("h100-sxm"), request: request)
        let text = SizingFormat.json.render(.single(result, scales: ScaleOverhead.report(spec, result: result)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(object["decode"] as? [String: Any])
    }

    @Test func stepTermsAddUpToTheStep() throws {
        let step = try #require(try Self.decode(.step)["step"] as? [String: Any])
        let terms = ["gemm_seconds", "moe_seconds", "attention_seconds", "elementwise_seconds", "launch_seconds",
                     "communication_seconds", "overhead_seconds"].compactMap { step[$0] as? Double }
        #expect(terms.count == 7)
        let seconds = try #require(step["seconds"] as? Double)
        #expect(seconds > 0 && abs(terms.reduce(0, +) - seconds) <= 1e-12 * seconds)
        #expect(step["steps"] as? Int == 1 && (step["kernels"] as? Int ?? 0) > 0)
    }

    @Test func theRooflineHasNoStepTerms() throws {
        #expect(try Self.decode(.roofline)["step"] == nil)
    }
}
