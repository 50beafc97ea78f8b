/// AC204: state-space and linear-attention sizes that kernels pad.
struct RecurrentDimsNotAlignedRule: LintRule {
    static let description = RuleDescription(
        code: "AC204", name: "recurrent-dims-not-aligned", severity: .warning, category: .efficiency,
        summary: "ssm.state_size is not a power of two of at least 16, or an ssm or linear_attention head_dim is not a multiple of 8",
        rationale: """
            The Mamba kernels tile the SSM state dimension in one block of the next power of two, at least 16 \
            (a state of 48 runs as 64), so a state size between powers of two wastes state-update work on \
            every token. Head widths of the Mamba-2 and linear-attention mixers feed tensor-core matrix \
            products, which want multiples of 8 elements in fp16/bf16 (as attention's head_dim, AC105). \
            Checked only for the mixers some layer runs. Prefer states of 16, 64, 128 or 256 and head widths \
            that are multiples of 8.
            """,
        source: "mamba_ssm / vLLM selective_state_update `BLOCK_SIZE_DSTATE = max(triton.next_power_of_2(dstate), 16)`; NVIDIA Matrix Multiplication Background guide (tensor-core shapes)",
        requiresKeys: ["ssm.state_size", "linear_attention.key_head_dim"],
        triggering: [
            Examples.spec(extra: "layer_pattern: [mamba2, attention]\nssm: {inner_size: 8000, state_size: ↓48, heads: 160, head_dim: ↓50}"),
            Examples.spec(extra: """
                layer_pattern: [linear_attention, attention]
                linear_attention: {kind: gated_deltanet, key_heads: 16, value_heads: 32, key_head_dim: ↓100, value_head_dim: 128}
                """),
        ],
        nonTriggering: [
            Examples.spec(extra: "layer_pattern: [mamba2, attention]\nssm: {inner_size: 8192, state_size: 128, heads: 128, head_dim: 64}"),
            Examples.spec(extra: "layer_pattern: [mamba, attention]\nssm: {inner_size: 8192, state_size: 16}"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let spec = context.spec else { return [] }
        let kinds = context.mixerKinds
        var findings: [Diagnostic] = []
        if let ssm = spec.ssm, !kinds.isDisjoint(with: [.mamba, .mamba2, .attentionMamba2]) {
            let block = max(16, Self.nextPowerOfTwo(ssm.stateSize))
            if ssm.stateSize != block {
                findings.append(context.finding(Self.description,
                    "ssm.state_size \(ssm.stateSize) is not a power of two of at least 16; the Mamba kernels pad it to \(block)",
                    at: "ssm.state_size"))
            }
            if ssm.headDim > 0, ssm.headDim % 8 != 0 {
                findings.append(notMultipleOf8(context, "ssm.head_dim", ssm.headDim))
            }
        }
        if let linear = spec.linearAttention, kinds.contains(.linearAttention) {
            if linear.keyHeadDim % 8 != 0 { findings.append(notMultipleOf8(context, "linear_attention.key_head_dim", linear.keyHeadDim)) }
            if linear.valueHeadDim % 8 != 0, context.written("linear_attention.value_head_dim") {
                findings.append(notMultipleOf8(context, "linear_attention.value_head_dim", linear.valueHeadDim))
            }
        }
        return findings
    }

    func notMultipleOf8(_ context: LintContext, _ path: String, _ value: Int) -> Diagnostic {
        context.finding(Self.description, LintMessage.notMultiple(path, value, of: 8), at: path)
    }

    /// The smallest power of two at or above `value` (`value` itself past 2^62).
    static func nextPowerOfTwo(_ value: Int) -> Int {
        var power = 1
        while power < value, power < 1 << 62 { power <<= 1 }
        return power < value ? value : power
    }
}
