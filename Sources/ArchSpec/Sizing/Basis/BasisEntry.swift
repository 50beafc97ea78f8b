/// Why one number of a sizing is what it is: the formula, the figures it used with their sources, the evidence
/// that the model holds, and how far off it may be.
public struct BasisEntry: Hashable, Codable, Sendable {
    /// Which number: `weights`, `kv_cache`, `activations`, `runtime_reserve`, `prefill`, `decode`.
    public var quantity: String
    /// The number as reported.
    public var value: String
    /// How it is computed.
    public var formula: String
    /// The figures and efficiencies used, each with its source.
    public var inputs: [String]
    /// What the model has been checked against.
    public var evidence: String
    /// How far the real figure may be from this one.
    public var errorBand: String
}
