import ArchSpec
import Foundation
import Testing

/// `validate` and `size --calibration` with a profile that holds a step surface.
@Suite struct CalibrationStepCommandTests {
    /// The smoke profile plus a step surface of the tiny spec, measured in-process on a small grid.
    static func profileWithSteps() throws -> (profile: String, spec: String) {
        let specPath = try CLI.temporaryFile(CalibrationCommandTests.tinySpec)
        guard let spec = SpecLoader.load(path: specPath).spec else { throw CalibrationError.invalid("tiny spec") }
        var result = try CalibrationResult.load(path: try CalibrationCommandTests.smokeProfile())
        let plan = StepPlan(prefillTokens: [4, 8, 16], decodeContexts: [8, 16, 32], rounds: 3, budgetSeconds: 3, retries: 1)
        result.stepSurfaces = [try StepSampler.run(spec: spec, plan: plan, threads: 1)]
        return (try CLI.temporaryFile(try result.yaml(), name: "steps.yaml"), specPath)
    }

    @Test func validateReportsTheStepSurfaceDispersionAndVerdict() throws {
        let (profile, spec) = try Self.profileWithSteps()
        let result = try CLI.run(["validate", spec, "--profile", profile, "--context", "8", "--decode-steps", "4",
                                  "--threads", "1", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1 && json["model"] as? String != nil && json["spec"] == nil)
        let steps = try #require(json["step_surface"] as? [String: Any])
        #expect(steps["prediction_model"] as? String == "step-surface")
        for phase in ["prefill", "decode"] {
            let p = try #require(steps[phase] as? [String: Double], "\(phase)")
            #expect((p["predicted_s"] ?? 0) > 0 && (p["measured_s"] ?? 0) > 0)
            let d = try #require((json["dispersion"] as? [String: Any])?[phase] as? [String: Double])
            #expect((d["p10_s"] ?? -1) <= (d["p50_s"] ?? 0) && (d["p50_s"] ?? 0) <= (d["p90_s"] ?? 0) && (d["mad_s"] ?? -1) >= 0)
        }
        // The drift probe timed again, and the surface's decode scaled by the host-speed ratio (prefill is not).
        let speed = try #require(steps["host_speed"] as? [String: Any])
        let ratio = try #require(speed["ratio"] as? Double), calibrated = try #require(speed["calibrate_s"] as? Double)
        #expect(calibrated > 0 && ratio > 0 && !((speed["validate_samples_s"] as? [Double]) ?? []).isEmpty)
        let raw = try #require(steps["decode"] as? [String: Double]), adjusted = try #require(speed["decode_adjusted"] as? [String: Double])
        #expect(abs((adjusted["predicted_s"] ?? 0) - (raw["predicted_s"] ?? 0) * ratio) <= 1e-12 && adjusted["measured_s"] == raw["measured_s"])
        let accuracy = try #require(json["accuracy"] as? [String: Any])
        let reasons = try #require(accuracy["reasons"] as? [String])
        #expect((accuracy["trustworthy"] as? Bool) == reasons.isEmpty && accuracy["threshold"] as? Double == 0.1)

        let text = try CLI.run(["validate", spec, "--profile", profile, "--context", "8", "--decode-steps", "4", "--threads", "1"])
        #expect(text.status == 0 && text.stdout.contains("step surface (1 thread") && text.stdout.contains("decode/step samples: 4"))
        #expect(text.stdout.contains("host-speed ratio") && text.stdout.contains("decode/step scaled by the host-speed ratio:"))
        // The verdict is stated exactly when an error was put in parentheses.
        #expect(text.stdout.contains("host too noisy:") == text.stdout.contains("%)"), "\(text.stdout)")
    }

    @Test func sizeUsesTheSurfaceOnlyWhereItApplies() throws {
        let (profile, spec) = try Self.profileWithSteps()
        let fp32 = try CLI.run(["size", spec, "--hardware", "a100-80gb", "--gpus", "1", "--context", "16",
                                "--weights-dtype", "fp32", "--kv-dtype", "fp32", "--calibration", profile, "--format", "json"])
        #expect(fp32.status == 0, "\(fp32.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(fp32.stdout.utf8)) as? [String: Any])
        let calibration = try #require(json["calibration"] as? [String: Any])
        for phase in ["prefill", "decode"] {
            let figure = try #require(calibration[phase] as? [String: Any])
            #expect(figure["source"] as? String == "step-surface" && (figure["seconds"] as? Double ?? 0) > 0, "\(phase)")
        }
        #expect(json["prefill"] != nil)  // the sizing result itself is still there
        let bf16 = try CLI.run(["size", spec, "--hardware", "a100-80gb", "--gpus", "1", "--context", "16", "--weights-dtype", "bf16",
                                "--calibration", profile])
        #expect(bf16.status == 0 && bf16.stdout.contains("[kernel-level roofline]: the surface times fp32 weights"), "\(bf16.stdout)")
        let wide = try CLI.run(["size", spec, "--hardware", "a100-80gb", "--gpus", "1", "--context", "16", "--batch", "4",
                                "--weights-dtype", "fp32", "--kv-dtype", "fp32", "--calibration", profile])
        #expect(wide.stdout.contains("batch 4 at 16 tokens is outside the decode surface"), "\(wide.stdout)")
        #expect(try CLI.run(["size", spec, "--hardware", "a100-80gb", "--calibration", "/nonexistent.yaml"]).status == 2)
        let markdown = try CLI.run(["size", spec, "--hardware", "a100-80gb", "--gpus", "1", "--context", "16", "--weights-dtype", "bf16",
                                    "--calibration", profile, "--format", "markdown"])
        #expect(markdown.status == 0 && markdown.stdout.contains("- decode step: ") && markdown.stdout.contains("(kernel-level roofline)"))
        // A hostile profile id reaches neither output raw.
        var hostile = try CalibrationResult.load(path: profile)
        hostile.id = "x\u{1B}[31m|evil\n[link](y)"
        let hostilePath = try CLI.temporaryFile(try hostile.yaml(), name: "hostile.yaml")
        for format in ["text", "markdown"] {
            let out = try CLI.run(["size", spec, "--hardware", "a100-80gb", "--gpus", "1", "--context", "16",
                                   "--calibration", hostilePath, "--format", format]).stdout
            #expect(!out.contains("\u{1B}") && !out.contains("|evil\n"), "\(format)")
        }
        let md = try CLI.run(["size", spec, "--hardware", "a100-80gb", "--gpus", "1", "--context", "16",
                              "--calibration", hostilePath, "--format", "markdown"]).stdout
        #expect(!md.contains("[link](y)") && !md.contains("x|evil"))
    }
}
