import ArchSpec

/// Glob matching on fuzzed patterns and paths: the first two lines of the input are a pattern and a path.
/// Within the pattern limit, matching must finish within the CPU budget (the large job) and keep the
/// documented semantics checked here as invariants.
enum FuzzGlobChecks {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard let first = lines.first else { return }
        let pattern = String(first)
        let path = lines.count > 1 ? String(lines[1]) : pattern
        guard Glob.problem(with: pattern) == nil else { return }
        let glob = Glob(pattern)
        let matched = glob.matches(path)
        // A match on a directory covers everything below it.
        if matched, !path.isEmpty, !path.hasSuffix("/") {
            precondition(glob.matches(path + "/below.yaml"), "glob \(pattern) matches \(path) but not below it")
        }
        // A pattern without wildcards matches itself (relative, no empty segments).
        let literal = !pattern.unicodeScalars.contains { $0 == "*" || $0 == "?" }
        let clean = !pattern.isEmpty && !pattern.hasPrefix("/") && !pattern.contains("//") && !pattern.hasPrefix("./")
            && !pattern.hasSuffix("/") && !pattern.split(separator: "/").contains { $0 == "." || $0 == ".." }
        if literal, clean { precondition(glob.matches(pattern), "literal glob \(pattern) does not match itself") }
        // `**` matches every relative path.
        if !path.isEmpty, !path.hasPrefix("/") { precondition(Glob("**").matches(path), "** does not match \(path)") }
    }
}
