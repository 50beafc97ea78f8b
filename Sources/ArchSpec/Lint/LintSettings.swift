/// Effective settings for linting one file: which rules run at which severity, alignment multiples and
/// parallelism targets. Built from defaults, the nearest config file and command-line flags.
public struct LintSettings: Hashable, Sendable {
    /// Codes of the rules that run.
    public var enabled: Set<String>
    /// Severity per code, where it differs from the rule's default.
    public var severities: [String: Severity]
    public var alignment: Alignment
    public var parallelism: ParallelismTargets
    /// A serving context to check against the spec's positions, tokens (`--context`).
    public var servingContext: Int?

    public init(
        enabled: Set<String> = Set(RuleCatalog.descriptions.filter(\.enabledByDefault).map(\.code)),
        severities: [String: Severity] = [:], alignment: Alignment = Alignment(),
        parallelism: ParallelismTargets = ParallelismTargets(), servingContext: Int? = nil
    ) {
        self.enabled = enabled
        self.severities = severities
        self.alignment = alignment
        self.parallelism = parallelism
        self.servingContext = servingContext
    }

    public static let `default` = LintSettings()

    public func severity(of rule: RuleDescription) -> Severity { severities[rule.code] ?? rule.severity }
}

/// Multiples that matrix dimensions should be padded to, elements.
public struct Alignment: Hashable, Codable, Sendable {
    public var vocab: Int = 64
    public var hidden: Int = 64
    public var intermediate: Int = 64

    public init(vocab: Int = 64, hidden: Int = 64, intermediate: Int = 64) {
        self.vocab = vocab
        self.hidden = hidden
        self.intermediate = intermediate
    }
}

public enum ParallelismKind: String, Hashable, Codable, Sendable, CaseIterable {
    case tensor, pipeline, expert

    public var specPath: String { "parallelism.\(rawValue)" }
    public var flag: String {
        switch self {
        case .tensor: "--tp"
        case .pipeline: "--pp"
        case .expert: "--ep"
        }
    }
}

/// One parallelism degree and where it came from (`parallelism.tensor`, `--tp`, a config file).
public struct ParallelDegree: Hashable, Codable, Sendable {
    public var value: Int
    public var origin: String

    public init(value: Int, origin: String) {
        self.value = value
        self.origin = origin
    }

    /// `tensor-parallel degree 8 (--tp)`.
    public func phrase(_ kind: ParallelismKind) -> String { "\(kind.rawValue)-parallel degree \(value) (\(origin))" }
}

/// Degrees named on the command line or in a config file, checked against every spec.
public struct ParallelismTargets: Hashable, Codable, Sendable {
    public var tensor: [ParallelDegree] = []
    public var pipeline: [ParallelDegree] = []
    public var expert: [ParallelDegree] = []

    public init(tensor: [ParallelDegree] = [], pipeline: [ParallelDegree] = [], expert: [ParallelDegree] = []) {
        self.tensor = tensor
        self.pipeline = pipeline
        self.expert = expert
    }

    public func degrees(_ kind: ParallelismKind) -> [ParallelDegree] {
        switch kind {
        case .tensor: tensor
        case .pipeline: pipeline
        case .expert: expert
        }
    }

    public mutating func set(_ kind: ParallelismKind, _ degrees: [ParallelDegree]) {
        switch kind {
        case .tensor: tensor = degrees
        case .pipeline: pipeline = degrees
        case .expert: expert = degrees
        }
    }
}
