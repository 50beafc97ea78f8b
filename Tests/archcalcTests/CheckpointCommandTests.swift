import Foundation
import Testing

/// `estimate`, `size`, `compare`, `convert` and `lint` on checkpoints, run as the built binary.
@Suite struct CheckpointCommandTests {
    @Test func estimateReportsTheCheckpointBesideTheEstimate() throws {
        let directory = try TinyLlama.directory(.gptq)
        let result = try CLI.run(["estimate", directory, "--exact"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Parameters                      202 K      202,048"))
        #expect(result.stdout.contains("Checkpoint: safetensors, 1 file"))
        #expect(result.stdout.contains("Parameters              202 K  202,048   296 KiB  12.01 bits per weight, overhead included"))
        #expect(result.stdout.contains("Packed GPTQ/AWQ int32  73.7 K   73,728  36.0 KiB  weights, 4.00 bits each before overhead"))
        #expect(result.stdout.contains("Quantisation overhead  3.62 K    3,616"))
        #expect(result.stdout.contains("Buffers                    16       16"))
        #expect(!result.stderr.contains("error"))
    }

    @Test func jsonCarriesTheExactCounts() throws {
        let result = try CLI.run(["estimate", try TinyLlama.directory(.mlx), "--format", "json"])
        #expect(result.status == 0)
        let reports = try #require(JSONDocument.estimates(result.stdout))
        let checkpoint = try #require(reports.first?["checkpoint"] as? [String: Any])
        #expect(checkpoint["parameters"] as? Int == 202_048)
        let groups = try #require(checkpoint["groups"] as? [String: [String: Any]])
        #expect(groups["attention"]?["elements"] as? Int == 24_576)
        #expect((checkpoint["quantization"] as? [String: Any])?["bits"] as? Int == 4)
    }

    @Test func withoutAnArchitectureTheCountsArePrintedAndTheExitCodeIsTwo() throws {
        let directory = try CheckpointWriter.directory()
        let path = try CheckpointWriter.safetensors(directory + "/model.safetensors", TinyLlama.tensors())
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(path): error: architecture not recovered: no config.json beside the checkpoint; the counts read from its headers follow\n")
        #expect(result.stdout.contains("(architecture not recovered)"))
        #expect(result.stdout.contains("Parameters    202 K"))
        let json = try CLI.run(["estimate", path, "--format", "json"])
        let reports = try #require(JSONDocument.estimates(json.stdout))
        #expect((reports.first?["checkpoint"] as? [String: Any])?["parameters"] as? Int == 202_048)
    }

    @Test func ggufEstimatesFromItsMetadata() throws {
        let path = try TinyGGUF.llama()
        let result = try CLI.run(["estimate", path, "--exact"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Tiny Llama (\(path))"))
        #expect(result.stdout.contains("Parameters                     1.71 M      1,705,216"))
        #expect(result.stdout.contains("Parameters    1.71 M  1,705,216  1007 KiB  4.84 bits per weight, overhead included"))
        #expect(result.stdout.contains("Packed Q4_K"))
    }

    @Test func sizeCompareAndConvertTakeCheckpoints() throws {
        let plain = try TinyLlama.directory(), packed = try TinyLlama.directory(.awq)
        let size = try CLI.run(["size", plain, "--hardware", "h100-sxm"])
        #expect(size.status == 0, "\(size.stderr)")
        let compare = try CLI.run(["compare", plain, packed])
        #expect(compare.status == 0, "\(compare.stderr)")
        let convert = try CLI.run(["convert", try TinyGGUF.llama()])
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(convert.stdout.contains("kv_heads: 4"))
    }

    @Test func lintHoldsASpecAgainstItsCheckpoint() throws {
        let directory = try TinyLlama.directory()
        let spec = try CLI.run(["convert", directory + "/config.json"])
        let specPath = try CLI.temporaryFile(spec.stdout, name: "tiny.yaml")
        let clean = try CLI.run(["lint", specPath, "--checkpoint", directory, "--select", "AC7"])
        #expect(clean.status == 0, "\(clean.stdout)")
        let wrong = try CLI.temporaryFile(spec.stdout.replacingOccurrences(of: "qkv_bias: false", with: "qkv_bias: true")
            .replacingOccurrences(of: "tie_embeddings: false", with: "tie_embeddings: true"), name: "wrong.yaml")
        let result = try CLI.run(["lint", wrong, "--checkpoint", directory, "--select", "AC7"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("differs in attention: spec 24,832, checkpoint 24,576 (model.layers.0.self_attn.q_proj.weight"))
        #expect(result.stdout.contains("differs in lm_head: spec 0, checkpoint 64,000 (lm_head.weight) [AC701]"))
        // Beside the checkpoint, the comparison runs without --checkpoint.
        try CheckpointWriter.text(directory + "/wrong.yaml", try String(contentsOfFile: wrong, encoding: .utf8))
        let beside = try CLI.run(["lint", directory + "/wrong.yaml", "--select", "AC7"])
        #expect(beside.status == 1)
        #expect(beside.stdout.components(separatedBy: "[AC701]").count == 3)
        let missing = try CLI.run(["lint", specPath, "--checkpoint", directory + "/nothing.safetensors"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nothing.safetensors: no such file"))
    }

    /// AC701 and AC702 go through each file's settings like every rule: an inline suppression silences them
    /// (and counts as used), the configuration's severity and per-file ignores apply.
    @Test func checkpointFindingsHonourSuppressionsAndConfiguration() throws {
        let directory = try TinyLlama.directory()
        let spec = try CLI.run(["convert", directory])
        #expect(spec.status == 0, "\(spec.stderr)")
        let wrong = spec.stdout.replacingOccurrences(of: "tie_embeddings: false", with: "tie_embeddings: true")
        try CheckpointWriter.text(directory + "/wrong.yaml", wrong)
        let flagged = try CLI.run(["lint", directory + "/wrong.yaml", "--select", "AC7"])
        #expect(flagged.status == 1)
        #expect(flagged.stdout.contains("[AC701]"), "\(flagged.stdout)")
        let suppressed = wrong.replacingOccurrences(of: "tie_embeddings: true", with: "tie_embeddings: true  # archcalc: ignore[AC701] - head saved untied on purpose")
        try CheckpointWriter.text(directory + "/wrong.yaml", suppressed)
        let quiet = try CLI.run(["lint", directory + "/wrong.yaml", "--select", "AC7,AC901"])
        #expect(!quiet.stdout.contains("differs in lm_head"), "\(quiet.stdout)")
        #expect(!quiet.stdout.contains("AC901"), "the suppression is used: \(quiet.stdout)")
        #expect(quiet.status == 0, "\(quiet.stdout)")
        try CheckpointWriter.text(directory + "/wrong.yaml", wrong)
        try CheckpointWriter.text(directory + "/.archcalc.yaml", "version: 1\nlint:\n  severity: {AC701: warning}\n")
        let config = try CLI.run(["lint", directory + "/wrong.yaml", "--select", "AC7"])
        #expect(config.stdout.contains("warning: checkpoint"), "\(config.stdout)\(config.stderr)")
        try CheckpointWriter.text(directory + "/.archcalc.yaml", "version: 1\nlint:\n  per-file-ignores: {\"wrong.yaml\": [AC701]}\n")
        let ignored = try CLI.run(["lint", directory + "/wrong.yaml", "--select", "AC7"])
        #expect(ignored.status == 0, "\(ignored.stdout)\(ignored.stderr)")
    }

    @Test func anUnreadableCheckpointBesideASpecIsAFinding() throws {
        let directory = try CheckpointWriter.directory()
        try CheckpointWriter.raw(directory + "/model.safetensors", header: Array("{\"w\":1}".utf8), declaredLength: 5000, dataBytes: 0)
        let spec = try CheckpointWriter.text(directory + "/spec.yaml", try String(contentsOfFile: CLI.path("specs/llama-3-8b.yaml"), encoding: .utf8))
        let result = try CLI.run(["lint", spec, "--select", "AC7"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: checkpoint \(directory)/model.safetensors: byte 0: header length 5000 bytes runs past the end of the file (15 bytes) [AC702]"), "\(result.stdout)")
        #expect(try CLI.run(["lint", spec, "--select", "AC7", "--ignore", "AC702"]).status == 0)
    }

    @Test func aHostileHeaderIsOneLocatedLine() throws {
        let path = try CheckpointWriter.directory() + "/bad.safetensors"
        try CheckpointWriter.raw(path, header: Array("{\"w\":1}".utf8), declaredLength: 1 << 63, dataBytes: 0)
        let result = try CLI.run(["estimate", path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(path): error: byte 0: header length 9223372036854775808 bytes exceeds the limit of 100000000 bytes\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func helpNamesTheCheckpointInputs() throws {
        #expect(try CLI.run(["estimate", "--help"]).stdout.contains("model.safetensors.index.json"))
        #expect(try CLI.run(["lint", "--help"]).stdout.contains("--checkpoint"))
    }
}
