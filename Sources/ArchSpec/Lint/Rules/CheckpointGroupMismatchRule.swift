/// AC701: a tensor group holds a different number of parameters in the checkpoint than the spec describes.
struct CheckpointGroupMismatchRule: LintRule {
    static let description = RuleDescription(
        code: "AC701", name: "checkpoint-group-mismatch", severity: .error, category: .checkpoint,
        summary: "a tensor group of the checkpoint holds a different parameter count than the spec's layer plan",
        rationale: """
            With `archcalc lint --checkpoint PATH`, or for a spec with a checkpoint beside it (a .safetensors \
            file, a safetensors index or a .gguf file in the same directory), the spec's parameters per group \
            (embedding, attention, ssm, mlp, routed experts, norms, lm_head, MTP, vision) are held against the \
            tensors' exact counts read from the checkpoint's headers, with packed weights unpacked. A \
            difference means the spec does not describe the checkpoint: a missing bias, an untied head, a \
            wrong expert count or width. The finding names the group, both counts and the first tensor names \
            as evidence, and points at the spec key that sizes the group. Fix the spec (or the checkpoint). \
            The examples show specs only; the tests generate the checkpoints (docs/checkpoints.md).
            """,
        source: "Checkpoint headers (safetensors, GGUF) against the archcalc layer plan",
        triggering: [],
        nonTriggering: [RuleExample(Examples.base)])

    /// The spec key that sizes each group, where a finding points.
    static func key(for group: TensorGroup) -> String {
        switch group {
        case .embedding: "vocab_size"
        case .position: "position.kind"
        case .attention: "attention"
        case .ssm: "layers"
        case .mlp: "mlp"
        case .experts: "moe"
        case .norm: "norm"
        case .lmHead: "tie_embeddings"
        case .mtp: "mtp_layers"
        case .vision: "vision_parameters"
        case .other: "layers"
        }
    }
}

/// AC702: the checkpoint beside a spec could not be read.
struct CheckpointUnreadableRule: LintRule {
    static let description = RuleDescription(
        code: "AC702", name: "checkpoint-unreadable", severity: .error, category: .checkpoint,
        summary: "the checkpoint beside the spec could not be read",
        rationale: """
            A spec with a checkpoint beside it is held against the checkpoint's headers. When a header is \
            malformed (a length past the end of the file, overlapping data offsets, an unknown dtype, a \
            truncated GGUF), the comparison cannot run; the finding gives the file and byte offset of the \
            first problem. A checkpoint named with `--checkpoint` that cannot be read is an I/O error (exit \
            code 2) instead.
            """,
        source: "safetensors and GGUF header validation (docs/checkpoints.md)",
        triggering: [],
        nonTriggering: [RuleExample(Examples.base)])
}
