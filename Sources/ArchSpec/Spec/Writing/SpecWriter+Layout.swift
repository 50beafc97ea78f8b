/// Writing the per-layer expression and the recurrent mixers' sections.
extension SpecWriter {
    /// Top-level layout keys and sections: layer_pattern, attention_layers, linear_attention, ssm, mtp_layers,
    /// state_dtype.
    func writeLayout(_ spec: ArchitectureSpec, to out: inout Lines) {
        let mixers = spec.layout.mixers
        if !mixers.pattern.isEmpty {
            out.line("layer_pattern", list(mixers.pattern.map(\.rawValue)), path: "layer_pattern")
        }
        let overrides = mixers.overrides.filter { $0.value == .attention }.keys.sorted()
        if !overrides.isEmpty { out.line("attention_layers", list(overrides.map(String.init)), path: "attention_layers") }
        if spec.mtpLayers > 0 { out.line("mtp_layers", "\(spec.mtpLayers)", path: "mtp_layers") }
        if spec.visionParameters > 0 {
            out.line("vision_parameters", "\(spec.visionParameters)", path: "vision_parameters")
        }
        if let dtype = spec.stateDType { out.line("state_dtype", dtype.rawValue, path: "state_dtype") }
        if let l = spec.linearAttention {
            out.section("linear_attention")
            out.line("kind", l.kind.rawValue, path: "linear_attention.kind", indent: 1)
            out.line("key_heads", "\(l.keyHeads)", path: "linear_attention.key_heads", indent: 1)
            out.line("value_heads", "\(l.valueHeads)", path: "linear_attention.value_heads", indent: 1)
            out.line("key_head_dim", "\(l.keyHeadDim)", path: "linear_attention.key_head_dim", indent: 1)
            out.line("value_head_dim", "\(l.valueHeadDim)", path: "linear_attention.value_head_dim", indent: 1)
            out.line("conv_kernel", "\(l.convKernel)", path: "linear_attention.conv_kernel", indent: 1)
        }
        if let c = spec.shortConv {
            out.section("short_conv")
            out.line("kernel", "\(c.kernel)", path: "short_conv.kernel", indent: 1)
            out.line("bias", "\(c.bias)", path: "short_conv.bias", indent: 1)
        }
        if let s = spec.ssm {
            out.section("ssm")
            out.line("inner_size", "\(s.innerSize)", path: "ssm.inner_size", indent: 1)
            out.line("state_size", "\(s.stateSize)", path: "ssm.state_size", indent: 1)
            out.line("conv_kernel", "\(s.convKernel)", path: "ssm.conv_kernel", indent: 1)
            if s.heads > 0 {
                out.line("heads", "\(s.heads)", path: "ssm.heads", indent: 1)
                out.line("head_dim", "\(s.headDim)", path: "ssm.head_dim", indent: 1)
                out.line("groups", "\(s.groups)", path: "ssm.groups", indent: 1)
            }
            out.line("dt_rank", "\(s.dtRank)", path: "ssm.dt_rank", indent: 1)
            out.line("projection_bias", "\(s.projectionBias)", path: "ssm.projection_bias", indent: 1)
            out.line("conv_bias", "\(s.convBias)", path: "ssm.conv_bias", indent: 1)
            out.line("gated_norm", "\(s.gatedNorm)", path: "ssm.gated_norm", indent: 1)
            out.line("inner_norms", "\(s.innerNorms)", path: "ssm.inner_norms", indent: 1)
        }
    }

    /// Attention keys beyond the uniform ones: chunks, sinks, the output gate, the indexer, KV sharing.
    func writeAttentionDetails(_ spec: ArchitectureSpec, to out: inout Lines) {
        let a = spec.attention
        if let chunk = a.slidingWindow?.chunkSize { out.line("chunk_size", "\(chunk)", path: "attention.chunk_size", indent: 1) }
        if a.sinks { out.line("sinks", "true", path: "attention.sinks", indent: 1) }
        if a.outputGate { out.line("output_gate", "true", path: "attention.output_gate", indent: 1) }
        if let indexer = a.indexer {
            out.line("indexer", "", path: "attention.indexer", indent: 1)
            out.line("heads", "\(indexer.heads)", path: "attention.indexer.heads", indent: 2)
            out.line("head_dim", "\(indexer.headDim)", path: "attention.indexer.head_dim", indent: 2)
            out.line("top_k", "\(indexer.topK)", path: "attention.indexer.top_k", indent: 2)
        }
        let sharing = spec.layout.kvSources.sorted { $0.key < $1.key }
        if !sharing.isEmpty {
            out.line("kv_sharing", "", path: "attention.kv_sharing", indent: 1)
            out.line("layers", list(sharing.map { String($0.key) }), path: "attention.kv_sharing.layers", indent: 2)
            out.line("sources", list(sharing.map { String($0.value) }), path: "attention.kv_sharing.sources", indent: 2)
        }
    }

    /// `heads`, `kv_heads` or `intermediate_size`: the scalar, or the per-layer list.
    func perLayer(_ list: [Int], scalar: Int) -> String {
        list.isEmpty ? "\(scalar)" : self.list(list.map(String.init))
    }

    func writeChannelLayout(_ spec: ArchitectureSpec, to out: inout Lines) {
        if spec.mlp.activationParameters > 0 {
            out.line("activation_parameters", "\(spec.mlp.activationParameters)", path: "mlp.activation_parameters", indent: 1)
        }
        let channels = spec.layout.channels
        if !channels.pattern.isEmpty {
            out.line("layer_pattern", list(channels.pattern.map(\.rawValue)), path: "mlp.layer_pattern", indent: 1)
        }
    }
}
