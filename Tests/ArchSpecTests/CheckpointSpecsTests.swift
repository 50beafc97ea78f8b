import Foundation
import Testing
@testable import ArchSpec

/// Every spec in specs/ as a checkpoint: safetensors headers generated from its layer plan (one tensor per
/// distinct layer and component, transformers-style names) must count to the spec's own estimate.
@Suite struct CheckpointSpecsTests {
    static let specs = (try? FileManager.default.contentsOfDirectory(atPath: Repository.path("specs")))?
        .filter { $0.hasSuffix(".yaml") }.sorted() ?? []

    /// Tensors of the plan: per distinct layer kind k, `model.layers.k.<component>` shaped [layers of the
    /// kind, parameters per layer]; embedding, position table, final norm, lm_head, MTP and vision apart.
    static func tensors(_ spec: ArchitectureSpec) throws -> [CheckpointWriter.Tensor] {
        typealias T = CheckpointWriter.Tensor
        let costs = try PlanCosts(spec)
        var list = [T("model.embed_tokens.weight", "BF16", [spec.vocabSize, spec.hiddenSize])]
        for (k, group) in costs.groups.enumerated() {
            let count = Int(group.count), c = group.cost
            let parts: [(String, Int128)] = [
                ("self_attn.proj.weight", c.attentionParameters), ("mixer.in_proj.weight", c.ssmParameters),
                ("mlp.proj.weight", c.mlpParameters - c.routedParameters), ("mlp.experts.proj.weight", c.routedParameters),
                ("input_layernorm.weight", c.normParameters),
            ]
            for (name, parameters) in parts where parameters > 0 {
                list.append(T("model.layers.\(k).\(name)", "BF16", [count, Int(parameters)]))
            }
        }
        if spec.norm.final { list.append(T("model.norm.weight", "BF16", [spec.norm.vectorsPerNorm * spec.hiddenSize])) }
        let p = try ParameterCount.breakdown(spec)
        if p.position > 0 { list.append(T("model.embed_positions.weight", "BF16", [Int(p.position)])) }
        if !spec.tieEmbeddings { list.append(T("lm_head.weight", "BF16", [spec.vocabSize, spec.hiddenSize])) }
        if spec.lmHeadBias { list.append(T("lm_head.bias", "BF16", [spec.vocabSize])) }
        if p.mtp > 0 { list.append(T("model.layers.\(spec.layers).eh_proj.weight", "BF16", [Int(p.mtp)])) }
        if p.vision > 0 { list.append(T("visual.blocks.0.weight", "BF16", [Int(p.vision)])) }
        return list
    }

    @Test(arguments: specs)
    func checkpointFromThePlanCountsToTheEstimate(file: String) throws {
        let spec = try #require(SpecLoader.load(path: Repository.path("specs/" + file)).spec)
        let (json, _) = CheckpointWriter.safetensorsHeader(try Self.tensors(spec))
        let header = try SafetensorsReader.entries(Array(json.utf8), path: file, fileIndex: 0,
                                                   dataBytes: Int.max)
        var summary = CheckpointSummary(path: file, format: .safetensors, files: [file])
        try CheckpointCounter.count(header.tensors, into: &summary, layers: spec.layers, tiedEmbeddings: spec.tieEmbeddings)
        let comparison = try CheckpointComparison(spec: spec, checkpoint: summary)
        #expect(comparison.matches, "\(comparison.differences.map(CheckpointComparison.describe))")
        let estimate = try ParameterCount.breakdown(spec)
        #expect(summary.parameters - summary.parameters(.mtp) - summary.parameters(.vision) == estimate.total)
        #expect(summary.parameters(.experts) == estimate.routedExperts)
        #expect(summary.dtypes["BF16"]?.bytes == 2 * summary.parameters)
    }

    @Test func theGroupsOfAnMoESpecAreWhereTheEstimatePutsThem() throws {
        let spec = try #require(SpecLoader.load(path: Repository.path("specs/deepseek-v3.yaml")).spec)
        let expected = try CheckpointComparison.expected(spec)
        #expect(expected[.experts] == 653_908_770_816)  // 58 MoE layers x 256 experts x 3 x 7168 x 2048
        #expect(expected[.embedding] == 926_679_040)  // 129280 x 7168
    }
}
