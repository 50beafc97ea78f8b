/// Where a device's runtime reserve comes from, in order of precedence: `--reserve`, the engine's overhead model
/// (`--kv-accounting vllm|sglang|llamacpp`), the hardware profile's `reserve`, else archcalc's engine-neutral
/// runtime parts.
public enum ReserveBasis: String, Hashable, Codable, Sendable, CaseIterable {
    /// The sum of sourced runtime parts: an engine's (`--kv-accounting`) or the engine-neutral ones (`ideal`).
    case runtimeParts = "runtime_parts"
    /// `--reserve`: a flat fraction of memory or a byte count.
    case requested
    /// The hardware profile's `reserve` fraction (unified-memory devices: the share the OS keeps).
    case profile
}
