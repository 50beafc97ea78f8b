import ArchSpec
import Foundation
import Testing

@Suite struct CalibrationCommandTests {
    static let tinySpec = """
        archspec: 1
        name: tiny-gqa
        vocab_size: 64
        hidden_size: 32
        layers: 2
        context_length: 64
        dtype: fp32
        tie_embeddings: true
        attention:
          heads: 4
          kv_heads: 2
        mlp:
          kind: gated
          intermediate_size: 48
          activation: silu
        norm:
          kind: rmsnorm
        position:
          kind: rope
        """

    /// A profile from a smoke calibration (tiny sizes, one sample each), written where the binary can read it.
    static func smokeProfile() throws -> String {
        var plan = CalibrationPlan.make(quick: true, maxThreads: 1, host: .detect(), measureBLAS: false)
        plan.protocolSettings = .smoke
        plan.streamBytes = 1 << 20
        plan.gemmShapes = [GEMMShape(m: 1, n: 32, k: 32), GEMMShape(m: 8, n: 32, k: 32)]
        plan.gemvShapes = []
        plan.gemvK = 64
        plan.attention = [AttentionHeads(heads: 4, kvHeads: 2, headDim: 8)]
        plan.decodeContexts = [8]
        plan.prefillLengths = [8]
        return try CLI.temporaryFile(try Calibrator.run(plan).yaml(), name: "profile.yaml")
    }

    @Test func probePrintsOneMeasurement() throws {
        let result = try CLI.run(["calibrate", "--probe", "triad:1048576", "--threads", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let fields = result.stdout.split(separator: " ")
        #expect(fields.first == "triad:1048576" && fields.count >= 6)
        #expect((Double(fields[2]) ?? 0) > 0)
    }

    @Test func validateComparesPredictedWithMeasured() throws {
        let profile = try Self.smokeProfile()
        let spec = try CLI.temporaryFile(Self.tinySpec)
        let result = try CLI.run(["validate", spec, "--profile", profile, "--context", "8", "--decode-steps", "2",
                                  "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        for phase in ["prefill", "decode"] {
            let p = json?[phase] as? [String: Double]
            #expect((p?["measured_s"] ?? 0) > 0 && (p?["predicted_s"] ?? 0) > 0, "\(phase)")
            if let p, let predicted = p["predicted_s"], let measured = p["measured_s"], let error = p["error"] {
                #expect(abs(error - (predicted - measured) / measured) < 1e-9)
            }
        }
        #expect((json?["decode_samples_s"] as? [Double])?.count == 2)
        let text = try CLI.run(["validate", spec, "--profile", profile, "--context", "8", "--decode-steps", "1"])
        #expect(text.status == 0 && text.stdout.contains("decode/step"))
    }

    @Test func validateRefusesWhatDoesNotFit() throws {
        let profile = try Self.smokeProfile()
        let result = try CLI.run(["validate", CLI.path("specs/llama-3.1-405b.yaml"), "--profile", profile,
                                  "--context", "16", "--decode-steps", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("GiB"), "\(result.stderr)")
    }

    @Test func validateRefusesFeaturesItDoesNotRun() throws {
        let profile = try Self.smokeProfile()
        // DeepSeek sparse attention's indexer is refused by name, before the memory check.
        let result = try CLI.run(["validate", CLI.path("specs/deepseek-v3.2-exp.yaml"), "--profile", profile,
                                  "--context", "16", "--decode-steps", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a sparse-attention indexer"), "\(result.stderr)")
    }

    @Test func validateRunsGroupedRoutingAndPrintsEachOperator() throws {
        let profile = try Self.smokeProfile()
        let grouped = try CLI.temporaryFile(Self.tinySpec + Self.moeBlock + "  n_group: 2\n  topk_group: 1\n", name: "grouped.yaml")
        let result = try CLI.run(["validate", grouped, "--profile", profile, "--context", "16", "--decode-steps", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        // The text output has one line per operator with predicted and measured prefill and decode.
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("linear:expert_gate_up") }
        #expect(line.map { $0.filter { $0 == "%" }.count == 2 } == true, "\(result.stdout)")
    }

    static let moeBlock = """

        moe:
          experts: 4
          top_k: 2
          expert_intermediate_size: 16
          shared_experts: 1

        """

    @Test func validateRunsAMixtureOfExperts() throws {
        let profile = try Self.smokeProfile()
        let spec = try CLI.temporaryFile(Self.tinySpec + Self.moeBlock, name: "moe.yaml")
        let result = try CLI.run(["validate", spec, "--profile", profile, "--context", "8", "--decode-steps", "2",
                                  "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("linear:expert_gate_up") && result.stdout.contains("moe:combine"))
        #expect(result.stdout.contains("rows per expert (uniform would be 4); the prediction uses the measured rows"), "\(result.stdout)")
    }

    @Test func badArgumentsExitTwo() throws {
        let spec = try CLI.temporaryFile(Self.tinySpec)
        #expect(try CLI.run(["validate", spec, "--profile", "/nonexistent.yaml"]).status == 2)
        #expect(try CLI.run(["validate", spec, "--profile", "x", "--context", "0"]).status == 2)
        #expect(try CLI.run(["calibrate", "--threads", "0"]).status == 2)
        #expect(try CLI.run(["calibrate", "--probe", "nonsense"]).status == 2)
    }
}
