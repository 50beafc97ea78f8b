/// AC005: a plain scalar that YAML 1.1 and YAML 1.2 readers resolve differently.
struct AmbiguousScalarRule: LintRule {
    static let description = RuleDescription(
        code: "AC005", name: "ambiguous-scalar", severity: .warning, category: .document,
        summary: "a value reads differently in YAML 1.1 and YAML 1.2 (yes/no/on/off, 1e6)",
        rationale: """
            Spec repositories are also read by Python (PyYAML implements YAML 1.1) and JavaScript tools. In \
            YAML 1.1 `yes`, `no`, `on`, `off`, `y` and `n` are booleans, while YAML 1.2 reads them as strings; \
            and `1e6` (no dot) is a float in YAML 1.2 but a string in PyYAML. The same file must mean the same \
            thing everywhere. Write `true`/`false`, quote strings that look like booleans, and write \
            exponent floats with a dot and a signed exponent (`1.0e+6`) or in full (`1000000`). Not checked \
            in Hugging Face `config.json` files: JSON has one reading.
            """,
        source: "yamllint `truthy` and `float-values`; YAML 1.1 bool and float regular expressions (yaml.org/type)",
        triggering: [
            Examples.spec(extra: "position: {kind: rope, rope_theta: ↓1e6}"),
            Examples.spec(extra: "name: ↓no"),
        ],
        nonTriggering: [
            Examples.spec(extra: "position: {kind: rope, rope_theta: 1000000}"),
            Examples.spec(extra: "position: {kind: rope, rope_theta: 1.0e+6}"),
            Examples.spec(extra: "name: \"no\""),
        ])

    static let yaml11Booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    ]

    func check(_ context: LintContext) -> [Diagnostic] {
        // JSON (a Hugging Face config.json) has one reading of every scalar.
        guard context.result.format == .archspec, let root = context.result.document?.root else { return [] }
        var findings: [Diagnostic] = []
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < 10_000 {
            visited += 1
            switch node {
            case .scalar(let scalar):
                if let problem = Self.problem(scalar) {
                    findings.append(Diagnostic(
                        severity: Self.description.severity, code: Self.description.diagnosticCode, message: problem,
                        file: context.file, location: scalar.location))
                }
            case .mapping(let mapping):
                for entry in mapping.entries.reversed() { stack.append(entry.value) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence.items.reversed())
            }
        }
        return findings
    }

    static func problem(_ scalar: YAMLScalar) -> String? {
        guard !scalar.isQuoted, scalar.tag == nil else { return nil }
        let text = scalar.value
        if yaml11Booleans.contains(text) {
            return "'\(text)' is a boolean in YAML 1.1 but a string in YAML 1.2; write true or false, or quote it"
        }
        if isDotlessExponent(text) {
            return "'\(Escaping.short(text))' is a float in YAML 1.2 but a string in YAML 1.1 (PyYAML); "
                + "write it with a dot and a signed exponent or in full"
        }
        return nil
    }

    /// `1e6`, `-2E10`: an exponent float without a dot or without a sign in the exponent, which PyYAML's
    /// float pattern `[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?` does not match.
    static func isDotlessExponent(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return false }
        var mantissa = bytes[..<e]
        if let sign = mantissa.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { mantissa = mantissa.dropFirst() }
        var exponent = bytes[(e + 1)...]
        let signed = exponent.first == UInt8(ascii: "-") || exponent.first == UInt8(ascii: "+")
        if signed { exponent = exponent.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !exponent.isEmpty, exponent.allSatisfy(isDigit), !mantissa.isEmpty,
              mantissa.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }),
              mantissa.filter({ $0 == UInt8(ascii: ".") }).count <= 1, mantissa.contains(where: isDigit)
        else { return false }
        return !mantissa.contains(UInt8(ascii: ".")) || !signed
    }
}
