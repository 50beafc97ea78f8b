import ArchSpec
import Testing

/// Model types without a Hub fixture: configs written here with the published models' sizes.
struct HFImportFamiliesTests {
    static func load(_ json: String) throws -> (ArchitectureSpec, Estimate) {
        let loaded = ArchFixtures.yaml(json, file: "config.json")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.oneLine))")
        let spec = try #require(loaded.spec)
        return (spec, try ArchFixtures.estimate(spec, context: 4096))
    }

    @Test func deepSeekV2LiteWithoutQueryCompression() throws {
        let (spec, e) = try Self.load("""
            {"model_type": "deepseek_v2", "vocab_size": 102400, "hidden_size": 2048, "num_hidden_layers": 27,
             "num_attention_heads": 16, "num_key_value_heads": 16, "q_lora_rank": null, "kv_lora_rank": 512,
             "qk_rope_head_dim": 64, "qk_nope_head_dim": 128, "v_head_dim": 128, "n_routed_experts": 64,
             "num_experts_per_tok": 6, "n_shared_experts": 2, "moe_intermediate_size": 1408,
             "intermediate_size": 10944, "first_k_dense_replace": 1, "tie_word_embeddings": false,
             "max_position_embeddings": 163840, "torch_dtype": "bfloat16"}
            """)
        #expect(spec.attention.mla?.qLoraRank == nil)
        // Attention per layer: q_proj 2048 x 16 x 192 = 6,291,456; kv_a 2048 x 576 = 1,179,648;
        // kv_b 512 x 16 x 256 = 2,097,152; o 16 x 128 x 2048 = 4,194,304.
        #expect(e.parameters.attention == 27 * 13_762_560)
        // MLP: 1 dense layer 3 x 2048 x 10944; 26 MoE layers of 64 experts + 2 shared of 3 x 2048 x 1408 and a
        // 2048 x 64 router.
        let expert: Int128 = 3 * 2048 * 1408
        #expect(e.parameters.mlp == 3 * 2048 * 10944 + 26 * (66 * expert + 2048 * 64))
        #expect(e.parameters.total == 15_706_484_224)  // DeepSeek: "15.7B"
        #expect(e.kvCache.bytesPerToken == 27 * 576 * 2)
    }

    @Test func qwen15MoEWithSharedExpertGate() throws {
        let (spec, e) = try Self.load("""
            {"model_type": "qwen2_moe", "vocab_size": 151936, "hidden_size": 2048, "num_hidden_layers": 24,
             "num_attention_heads": 16, "num_key_value_heads": 16, "intermediate_size": 5632,
             "moe_intermediate_size": 1408, "shared_expert_intermediate_size": 5632, "num_experts": 60,
             "num_experts_per_tok": 4, "decoder_sparse_step": 1, "tie_word_embeddings": false,
             "max_position_embeddings": 8192, "torch_dtype": "bfloat16", "use_sliding_window": false,
             "sliding_window": 32768, "max_window_layers": 21}
            """)
        #expect(spec.moe?.sharedExpertGate == true && spec.attention.slidingWindow == nil)
        // Per layer: 60 experts of 3 x 2048 x 1408 = 8,650,752, shared 3 x 2048 x 5632 = 34,603,008 + gate 2048,
        // router 2048 x 60 = 122,880.
        #expect(e.parameters.mlp == 24 * (60 * 8_650_752 + 34_603_008 + 2048 + 122_880))
        #expect(e.parameters.total == 14_315_784_192)  // Qwen: "14.3B"
        #expect(e.parameters.active == 14_315_784_192 - 24 * 56 * 8_650_752)  // Qwen: "2.7B activated"
    }

    @Test func pythia160mParallelResidualWithTwoNorms() throws {
        let (spec, e) = try Self.load("""
            {"model_type": "gpt_neox", "vocab_size": 50304, "hidden_size": 768, "num_hidden_layers": 12,
             "num_attention_heads": 12, "intermediate_size": 3072, "max_position_embeddings": 2048,
             "rotary_pct": 0.25, "use_parallel_residual": true, "tie_word_embeddings": false}
            """)
        #expect(spec.parallelAttention && spec.norm.perLayer == 2)
        #expect(e.parameters.total == 162_322_944)  // the Pythia suite's published count for Pythia-160M
    }

    @Test func starcoder2WindowAndBiases() throws {
        let (spec, e) = try Self.load("""
            {"model_type": "starcoder2", "vocab_size": 49152, "hidden_size": 3072, "num_hidden_layers": 30,
             "num_attention_heads": 24, "num_key_value_heads": 2, "intermediate_size": 12288,
             "max_position_embeddings": 16384, "sliding_window": 4096, "use_bias": true}
            """)
        #expect(spec.attention.slidingWindow?.window == 4096 && spec.tieEmbeddings && spec.mlp.kind == .plain)
        // Attention per layer: 3072 x (3072 + 256 + 256 + 3072) + biases 3072 + 512 + 3072.
        #expect(e.parameters.attention == 30 * (3072 * 6656 + 6656))
        #expect(e.parameters.total == 3_030_371_328)
    }

    @Test func olmoNormsHaveNoParameters() throws {
        let (spec, e) = try Self.load("""
            {"model_type": "olmo", "vocab_size": 50304, "hidden_size": 2048, "num_hidden_layers": 16,
             "num_attention_heads": 16, "intermediate_size": 8192, "max_position_embeddings": 2048,
             "tie_word_embeddings": true, "clip_qkv": null}
            """)
        #expect(!spec.norm.weight && e.parameters.norm == 0)
        #expect(e.parameters.total == 50304 * 2048 + 16 * (4 * 2048 * 2048 + 3 * 2048 * 8192))
    }

    @Test func layerTypesBecomeTheShortestPattern() throws {
        let (spec, _) = try Self.load("""
            {"model_type": "gemma3_text", "vocab_size": 1000, "hidden_size": 64, "num_hidden_layers": 6,
             "num_attention_heads": 2, "num_key_value_heads": 1, "head_dim": 32, "intermediate_size": 128,
             "sliding_window": 16, "layer_types": ["sliding_attention", "sliding_attention", "full_attention",
             "sliding_attention", "sliding_attention", "full_attention"]}
            """)
        #expect(spec.attention.slidingWindow?.pattern == [.sliding, .sliding, .full])
        #expect(spec.attention.slidingLayerCount(layers: 6) == 4)
    }

    @Test func layerTypesOfTheWrongLengthAreAnError() {
        let loaded = ArchFixtures.yaml("""
            {"model_type": "gemma2", "num_hidden_layers": 4, "sliding_window": 16,
             "layer_types": ["sliding_attention", "full_attention"]}
            """, file: "config.json")
        #expect(loaded.spec == nil)
        #expect(loaded.diagnostics.contains { $0.message == "layer_types lists 2 layers, but num_hidden_layers is 4" })
    }
}

/// RoPE scaling from `rope_scaling` (and the newer `rope_parameters`) is recorded and survives conversion.
struct HFRopeScalingTests {
    @Test func llama31RopeScalingRoundTrips() throws {
        let text = """
            {"model_type": "llama", "vocab_size": 128256, "hidden_size": 4096, "num_hidden_layers": 32,
             "num_attention_heads": 32, "num_key_value_heads": 8, "intermediate_size": 14336,
             "max_position_embeddings": 131072, "torch_dtype": "bfloat16", "rope_theta": 500000.0,
             "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                              "original_max_position_embeddings": 8192, "rope_type": "llama3"}}
            """
        let loaded = ArchFixtures.yaml(text, file: "config.json")
        let spec = try #require(loaded.spec)
        #expect(spec.position.ropeScaling == RopeScalingSpec(type: "llama3", factor: 8, originalContextLength: 8192))
        #expect(loaded.diagnostics.isEmpty)
        let yaml = SpecWriter(notes: loaded.provenance).write(spec)
        #expect(try ArchFixtures.spec(yaml) == spec)
    }

    @Test func ropeParametersAndDenseDeepSeek() throws {
        let loaded = ArchFixtures.yaml("""
            {"model_type": "qwen3", "vocab_size": 1000, "hidden_size": 64, "num_hidden_layers": 2,
             "num_attention_heads": 2, "num_key_value_heads": 1, "head_dim": 32, "intermediate_size": 128,
             "rope_parameters": {"rope_theta": 1000000.0, "rope_type": "yarn", "factor": 4.0}}
            """, file: "config.json")
        #expect(loaded.spec?.position.ropeTheta == 1_000_000)
        #expect(loaded.spec?.position.ropeScaling?.type == "yarn")
        let dense = ArchFixtures.yaml("{\"model_type\": \"deepseek_v2\", \"num_hidden_layers\": 2, \"num_experts_per_tok\": null}",
                                      file: "config.json")
        #expect(dense.spec != nil && dense.spec?.moe == nil)
        // Without num_experts_per_tok DeepseekV2Config has no top-k: an error, not a guess.
        let missing = ArchFixtures.yaml("{\"model_type\": \"deepseek_v2\", \"num_hidden_layers\": 2}", file: "config.json")
        #expect(missing.spec == nil)
        #expect(missing.diagnostics.contains { $0.message == "config.json has no num_experts_per_tok, which archcalc needs for deepseek_v2" })
    }
}

/// Config values go through the schema's ranges, like YAML values.
struct HFValueRangeTests {
    @Test func negativeNormCountIsALocatedError() throws {
        let loaded = ArchFixtures.yaml("""
            {"model_type": "falcon", "new_decoder_architecture": true, "num_kv_heads": 8,
             "num_ln_in_parallel_attn": -1}
            """, file: "config.json")
        #expect(loaded.spec == nil)
        let error = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(error.message == "norm.per_layer must be at least 0, got -1 (from new_decoder_architecture: ln_attn and ln_mlp)")
        #expect(error.location == SourceLocation(line: 2, column: 29))  // the value -1
    }

    @Test func sizesAboveTheSpecLimitAreRefused() {
        let loaded = ArchFixtures.yaml("{\"model_type\": \"llama\", \"hidden_size\": 99999999999999, \"num_attention_heads\": 1}",
                                       file: "config.json")
        #expect(loaded.spec == nil)
        #expect(loaded.diagnostics.contains { $0.message.hasPrefix("hidden_size is too large: 99999999999999 exceeds the limit") })
    }

    @Test func negativeMaxWindowLayersCannotIndexBelowZero() throws {
        let loaded = ArchFixtures.yaml("""
            {"model_type": "qwen2", "use_sliding_window": true, "sliding_window": 16, "max_window_layers": -3,
             "num_hidden_layers": 4}
            """, file: "config.json")
        let spec = try #require(loaded.spec)
        #expect(spec.attention.slidingLayerCount(layers: 4) == 4)
    }
}
