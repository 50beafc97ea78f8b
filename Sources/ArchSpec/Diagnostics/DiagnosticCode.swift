/// What a diagnostic reports, in one vocabulary for every stage: a loading problem, a named consistency
/// check of the loader, a lint rule, a refusal of the cost model, or an unusable lint configuration.
///
/// Outputs print `rawValue` (`unknown-key`, `inconsistent`, `AC103`, `cost-error`, `config`); code compares the
/// typed value, so a lint rule claims a loader diagnostic by its check, never by its message.
public enum DiagnosticCode: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// A problem found while loading a spec.
    case load(LoadProblem)
    /// A consistency check of the loader that failed; printed as `inconsistent`.
    case check(SpecCheck)
    /// A lint finding: the rule's stable code (`AC103`).
    case rule(String)
    /// The cost model refused a loaded spec (a size too large for exact arithmetic).
    case costError
    /// A spec could not be transformed as asked (`estimate --prune-heads` removing every head).
    case pruneError
    /// A lint configuration file (`.archcalc.yaml`) that could not be used.
    case config

    /// The code as outputs print it.
    public var rawValue: String {
        switch self {
        case .load(let problem): problem.rawValue
        case .check: LoadProblem.inconsistent.rawValue
        case .rule(let code): code
        case .costError: "cost-error"
        case .pruneError: "prune-error"
        case .config: "config"
        }
    }

    /// The loading problem this code reports (a failed check is `.inconsistent`), or `nil` after loading.
    public var loadProblem: LoadProblem? {
        switch self {
        case .load(let problem): problem
        case .check: .inconsistent
        case .rule, .costError, .pruneError, .config: nil
        }
    }

    /// The lint rule's code, for a lint finding.
    public var ruleCode: String? {
        if case .rule(let code) = self { code } else { nil }
    }

    /// Reads a printed code back: a loading problem's spelling, `cost-error`, `prune-error`, `config`, or else a
    /// rule code.
    public init(rawValue: String) {
        if let problem = LoadProblem(rawValue: rawValue) {
            self = .load(problem)
        } else if rawValue == "cost-error" {
            self = .costError
        } else if rawValue == "prune-error" {
            self = .pruneError
        } else if rawValue == "config" {
            self = .config
        } else {
            self = .rule(rawValue)
        }
    }

    public var description: String { rawValue }

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The loader's consistency checks that lint rules report under their own codes (each shared by the loader
/// and its rule: `SpecChecks`). Other inconsistencies are `LoadProblem.inconsistent` and fall to AC012.
public enum SpecCheck: String, Hashable, Sendable, CaseIterable {
    /// `attention.heads` divisible by `attention.kv_heads` (AC103).
    case headsDivisibleByKVHeads = "heads-divisible-by-kv-heads"
    /// `moe.top_k` at most `moe.experts` (AC401).
    case topKWithinExperts = "top-k-within-experts"
    /// `moe.n_group` divides `moe.experts`, `moe.topk_group` at most `moe.n_group` (AC403).
    case expertGroups = "expert-groups"
    /// `moe.shared_expert_gate` needs shared experts (AC402's MoE fields).
    case sharedExpertGate = "shared-expert-gate"
    /// MLA's dimensions and keys (AC108).
    case mlaDimensions = "mla-dimensions"
    /// Sliding and chunked layers with their window and chunk size (AC507).
    case attentionSpans = "attention-spans"
}
