import Foundation

/// The folders of one Swift module and who references whom: each folder with a README.md is a unit (a file
/// belongs to the nearest such folder above it), a name belongs to the unit that declares it at the top level,
/// and a unit uses another when one of its files names something the other declares.
///
/// "Something" is a non-private top-level type, function, constant or typealias, or a member that an
/// `extension` declares on another unit's type when it is named as `Type.member`. Instance members reached
/// through a value (`spec.plan`) are not resolved: that needs the type checker.
struct FolderGraph {
    /// Where a unit names another's declaration.
    struct Evidence: Hashable, Comparable, CustomStringConvertible {
        var name: String
        var file: String
        var line: Int

        var description: String { "\(name) (\(file):\(line))" }
        static func < (a: Evidence, b: Evidence) -> Bool { (a.file, a.line, a.name) < (b.file, b.line, b.name) }
    }

    /// Units, as paths relative to the root (`Reporting/Lint`); `.` holds files outside any README folder.
    var units: [String] = []
    /// Each unit's `Depends on:` line, parsed; `nil` when its README has none.
    var allowed: [String: [String]?] = [:]
    /// Unit, the unit it uses, and where.
    var uses: [String: [String: Set<Evidence>]] = [:]
    /// READMEs with more than one `Depends on:` line (only the first would count).
    var repeatedDepends: [String] = []

    /// The line a README states its dependencies on: `Depends on: Spec, Support/Escaping` or `Depends on: nothing`.
    static let dependsPrefix = "Depends on:"

    /// Reads every README.md and .swift file under `root`.
    static func scan(root: String) throws -> FolderGraph {
        let paths = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []).sorted()
        var graph = FolderGraph()
        for path in paths where path.hasSuffix("/README.md") || path == "README.md" {
            let unit = path == "README.md" ? "." : String(path.dropLast("/README.md".count))
            graph.units.append(unit)
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            graph.allowed[unit] = parseDepends(text)
            if text.split(separator: "\n").filter({ $0.hasPrefix(dependsPrefix) }).count > 1 { graph.repeatedDepends.append(path) }
        }
        let sources = try paths.filter { $0.hasSuffix(".swift") }.map { path in
            (path: path, unit: graph.unit(of: path), tokens: SwiftTokens(try String(contentsOfFile: root + "/" + path, encoding: .utf8)).tokens)
        }
        if sources.contains(where: { $0.unit == "." }), !graph.units.contains(".") { graph.units.append(".") }
        var declarations = Declarations()
        for source in sources { declarations.collect(source.tokens, unit: source.unit) }
        for source in sources {
            for (used, evidence) in declarations.references(in: source.tokens, unit: source.unit, file: source.path) {
                graph.uses[source.unit, default: [:]][used, default: []].insert(evidence)
            }
        }
        return graph
    }

    /// The nearest folder above `path` that has a README.
    func unit(of path: String) -> String {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let folder = parts.joined(separator: "/")
            if units.contains(folder) { return folder }
            parts = parts.dropLast()
        }
        return "."
    }

    /// `Depends on: A, B/C (why), D.` -> `["A", "B/C", "D"]`; `nothing` -> `[]`; no such line -> `nil`.
    static func parseDepends(_ readme: String) -> [String]? {
        guard let line = readme.split(separator: "\n").first(where: { $0.hasPrefix(dependsPrefix) }) else { return nil }
        var text = String(line.dropFirst(dependsPrefix.count))
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        let names = text.split(separator: ",").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " .`/\t"))
        }.filter { !$0.isEmpty }
        return names == ["nothing"] ? [] : names
    }

    /// Everything wrong, one sentence each; empty when every README is true and no cycle exists.
    func problems() -> [String] {
        var problems = repeatedDepends.map { "\($0) has more than one '\(Self.dependsPrefix)' line: keep one" }
        for unit in units.sorted() {
            let readme = unit == "." ? "README.md" : unit + "/README.md"
            guard let listed = allowed[unit] ?? nil else {
                if unit == "." {
                    problems.append("files outside any folder with a README: \(uses["."].map { Array($0.values.joined()).sorted().prefix(3).map(\.file) } ?? [])")
                } else {
                    problems.append("\(readme) has no '\(Self.dependsPrefix) ...' line")
                }
                continue
            }
            for name in listed where !units.contains(name) || name == unit {
                problems.append("\(readme) lists '\(name)', which is not another folder with a README")
            }
            let used = uses[unit] ?? [:]
            for (other, evidence) in used.sorted(by: { $0.key < $1.key }) where !listed.contains(other) {
                let examples = evidence.sorted().prefix(3).map(\.description).joined(separator: ", ")
                problems.append("\(unit) uses \(other), which \(readme) does not list: \(examples)")
            }
            for name in listed where units.contains(name) && name != unit && used[name] == nil {
                problems.append("\(readme) lists \(name), but no file of \(unit) uses it: remove it")
            }
        }
        let declared = allowed.mapValues { Set($0 ?? []) }
        if let cycle = Self.cycle(in: declared) {
            problems.append("the READMEs allow a cycle: " + cycle.joined(separator: " -> "))
        }
        if let cycle = Self.cycle(in: uses.mapValues { Set($0.keys) }) {
            problems.append("the folders use each other in a cycle: " + cycle.joined(separator: " -> "))
        }
        return problems
    }

    /// One cycle of `graph` (first node repeated at the end), or `nil` when it has none.
    static func cycle(in graph: [String: Set<String>]) -> [String]? {
        var state: [String: Bool] = [:]  // false: on the current path, true: done
        var path: [String] = []
        func visit(_ node: String) -> [String]? {
            if let done = state[node] {
                guard !done, let start = path.firstIndex(of: node) else { return nil }
                return Array(path[start...]) + [node]
            }
            state[node] = false
            path.append(node)
            for next in (graph[node] ?? []).sorted() {
                if let found = visit(next) { return found }
            }
            path.removeLast()
            state[node] = true
            return nil
        }
        for node in graph.keys.sorted() {
            if let found = visit(node) { return found }
        }
        return nil
    }
}
