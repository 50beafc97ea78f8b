import Testing
@testable import ArchSpec

/// Tensor names of real checkpoints (transformers and llama.cpp spellings) land in the estimate's groups.
@Suite struct CheckpointNamingTests {
    static let names: [(String, TensorGroup)] = [
        ("model.embed_tokens.weight", .embedding), ("transformer.wte.weight", .embedding), ("backbone.embeddings.weight", .embedding),
        ("token_embd.weight", .embedding), ("transformer.wpe.weight", .position), ("lm_head.weight", .lmHead), ("output.weight", .lmHead),
        ("model.layers.3.self_attn.q_proj.weight", .attention), ("model.layers.3.self_attn.sinks", .attention),
        ("transformer.h.0.attn.c_attn.bias", .attention), ("blk.0.attn_qkv.weight", .attention),
        ("model.layers.3.self_attn.q_norm.weight", .norm), ("model.layers.0.self_attn.kv_a_layernorm.weight", .norm),
        ("model.norm.weight", .norm), ("output_norm.weight", .norm), ("transformer.ln_f.weight", .norm), ("blk.0.ffn_norm.weight", .norm),
        ("model.layers.5.mlp.experts.17.down_proj.weight", .experts), ("model.layers.5.mlp.experts.gate_up_proj", .experts),
        ("blk.5.ffn_down_exps.weight", .experts), ("model.layers.5.mlp.shared_experts.up_proj.weight", .mlp),
        ("model.layers.5.mlp.gate.weight", .mlp), ("model.layers.5.mlp.router.bias", .mlp), ("blk.5.ffn_up_shexp.weight", .mlp),
        ("blk.5.ffn_gate_inp.weight", .mlp), ("transformer.h.0.mlp.c_fc.weight", .mlp),
        ("backbone.layers.0.mixer.in_proj.weight", .ssm), ("backbone.layers.1.mixer.q_proj.weight", .attention),
        ("backbone.layers.2.mixer.up_proj.weight", .mlp), ("model.layers.0.linear_attn.A_log", .ssm), ("blk.0.ssm_conv1d.weight", .ssm),
        ("model.layers.0.mamba.dt_layernorm.weight", .ssm), ("model.layers.0.conv.in_proj.weight", .ssm),
        ("mtp.layers.0.self_attn.q_proj.weight", .mtp), ("blk.46.nextn.eh_proj.weight", .mtp),
        ("model.visual.blocks.0.attn.qkv.weight", .vision), ("vision_tower.encoder.layers.0.mlp.fc1.weight", .vision),
        ("multi_modal_projector.linear_1.weight", .vision), ("v.blk.0.attn_q.weight", .vision),
    ]

    @Test(arguments: names.map { $0.0 })
    func nameFallsInItsGroup(name: String) throws {
        let expected = try #require(Self.names.first { $0.0 == name }?.1)
        #expect(TensorNaming.group(of: name) == expected)
    }

    @Test func layersPastTheDecoderAreMTPAndTheirCopiesAreNotCounted() throws {
        #expect(TensorNaming.layerIndex("model.layers.61.eh_proj.weight") == 61)
        #expect(TensorNaming.layerIndex("blk.7.attn_q.weight") == 7)
        #expect(TensorNaming.layerIndex("model.norm.weight") == nil)
        typealias T = CheckpointWriter.Tensor
        let (json, _) = CheckpointWriter.safetensorsHeader([
            T("model.layers.1.self_attn.q_proj.weight", "BF16", [8, 8]), T("model.layers.2.self_attn.q_proj.weight", "BF16", [8, 8]),
            T("model.layers.2.embed_tokens.weight", "BF16", [100, 8]), T("model.layers.2.shared_head.head.weight", "BF16", [100, 8]),
            T("model.layers.2.rotary_emb.inv_freq", "F32", [4]), T("model.layers.1.mlp.gate.e_score_correction_bias", "F32", [16]),
        ])
        let header = try SafetensorsReader.entries(Array(json.utf8), path: "x", fileIndex: 0, dataBytes: Int.max)
        var summary = CheckpointSummary(path: "x", format: .safetensors, files: ["x"])
        try CheckpointCounter.count(header.tensors, into: &summary, layers: 2, tiedEmbeddings: false)
        #expect(summary.parameters(.attention) == 64)
        #expect(summary.parameters(.mtp) == 64)
        #expect(summary.tiedCopies.elements == 1600)
        #expect(summary.buffers.elements == 20)
    }
}
